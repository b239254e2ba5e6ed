package io.metersim.core;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.BufferUnderflowException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Plain-language descriptions of low-level failures for messages users read: what went wrong, never a Java
 * exception name. Every module builds its messages from this one mapping.
 */
public final class Failures
{
    private Failures()
    {
    }

    /**
     * Describes a failure in a few words, looking along its cause chain for the most telling one.
     *
     * @param failure a failure from the JDK or a library, e.g. an {@code AccessDeniedException}.
     * @return e.g. {@code permission denied}, {@code connection refused}, {@code unknown host vtn.example}; never
     *         null, never an exception's class name.
     */
    public static String describe(final Throwable failure)
    {
        for (Throwable cause = failure; null != cause; cause = next(cause))
        {
            final String known = known(cause);
            if (null != known)
            {
                return known;
            }
        }
        final String message = firstMessage(failure);
        return null == message ? "no detail" : message;
    }

    private static String known(final Throwable cause)
    {
        if (cause instanceof AccessDeniedException)
        {
            return "permission denied";
        }
        if (cause instanceof NoSuchFileException)
        {
            return "no such file or folder";
        }
        if (cause instanceof FileAlreadyExistsException)
        {
            return "a file is in the way [at=" + ((FileSystemException)cause).getFile() + "]";
        }
        if (cause instanceof DirectoryNotEmptyException)
        {
            return "a folder that is not empty is in the way [at=" + ((FileSystemException)cause).getFile() + "]";
        }
        if (cause instanceof NotDirectoryException)
        {
            return "not a folder [at=" + ((FileSystemException)cause).getFile() + "]";
        }
        if (cause instanceof FileSystemException)
        {
            final String reason = ((FileSystemException)cause).getReason();
            return null == reason ? "the file system refused it" : reason.toLowerCase(Locale.ROOT);
        }
        if (cause instanceof CharacterCodingException)
        {
            return "text that cannot be encoded or decoded in UTF-8";
        }
        if (cause instanceof ConnectException)
        {
            return "connection refused";
        }
        if (cause instanceof UnknownHostException)
        {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof HttpTimeoutException)
        {
            return "timed out";
        }
        if (cause instanceof ClosedChannelException)
        {
            return "the connection was closed";
        }
        if (cause instanceof EOFException || cause instanceof BufferUnderflowException)
        {
            return "unexpected end of data";
        }
        return null;
    }

    private static String firstMessage(final Throwable failure)
    {
        for (Throwable cause = failure; null != cause; cause = next(cause))
        {
            // new RuntimeException(cause) copies cause.toString(), the class name with it: read the cause instead
            final boolean copied = null != next(cause) && next(cause).toString().equals(cause.getMessage());
            if (null != cause.getMessage() && !cause.getMessage().isBlank() && !copied)
            {
                return cause.getMessage().strip();
            }
        }
        return null;
    }

    private static Throwable next(final Throwable cause)
    {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
