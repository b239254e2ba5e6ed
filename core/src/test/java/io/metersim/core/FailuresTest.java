package io.metersim.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailuresTest
{
    @Test
    void shouldDescribeFileSystemFailuresInWords()
    {
        assertEquals("permission denied", Failures.describe(new AccessDeniedException("/ro/x")));
        assertEquals("read-only file system",
            Failures.describe(new FileSystemException("/ro/x", null, "Read-only file system")));
        assertEquals("text that cannot be encoded or decoded in UTF-8",
            Failures.describe(new MalformedInputException(1)));
    }

    @Test
    void shouldLookAlongTheCauseChain()
    {
        assertEquals("permission denied",
            Failures.describe(new UncheckedIOException(new AccessDeniedException("/ro/x"))));
        assertEquals("connection refused", Failures.describe(new IOException("wrapped", new ConnectException())));
        assertEquals("unknown host vtn.example", Failures.describe(new UnknownHostException("vtn.example")));
        assertEquals("unexpected end of data", Failures.describe(new IllegalStateException(
            new BufferUnderflowException())));
    }

    @Test
    void shouldNeverNameAJavaClass()
    {
        // new RuntimeException(cause) copies "java.lang.IllegalStateException: bad" into its own message
        assertEquals("bad", Failures.describe(new RuntimeException(new IllegalStateException("bad"))));
        assertEquals("no detail", Failures.describe(new RuntimeException(new IllegalStateException())));
        assertEquals("no detail", Failures.describe(new NullPointerException()));
    }
}
