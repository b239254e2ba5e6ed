package io.metersim.cli;

import io.metersim.core.MetersimException;

import java.nio.file.Path;

/**
 * A file the command needs that is missing, unreadable or cannot be written (exit code 1).
 */
final class CliException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    CliException(final String message, final Throwable cause)
    {
        super(message, cause);
    }

    static CliException notFound(final String what, final Path file)
    {
        return new CliException(what + " not found [file=" + file + "]", null);
    }

    /**
     * @return "not found", or "is a folder" when the path names one.
     */
    static CliException notAFile(final String what, final Path file)
    {
        return java.nio.file.Files.isDirectory(file)
            ? new CliException(what + " is a folder, not a file [file=" + file + "]", null) : notFound(what, file);
    }

    /**
     * @param ex      a failure of another module whose message carries an I/O failure with the exception's name.
     * @param what    what the file is, e.g. {@code resources file}.
     * @param file    the file read or written.
     * @param writing true when writing failed.
     * @return a plain sentence naming the file when an {@link java.io.IOException} caused it, else {@code ex}.
     */
    static RuntimeException plainIo(
        final RuntimeException ex, final String what, final Path file, final boolean writing)
    {
        for (Throwable cause = ex.getCause(); null != cause && cause != cause.getCause(); cause = cause.getCause())
        {
            if (cause instanceof java.io.IOException)
            {
                return writing ? unwritable(file, cause) : unreadable(what, file, cause);
            }
        }
        return ex;
    }

    static CliException unreadable(final String what, final Path file, final Throwable cause)
    {
        return new CliException("cannot read " + what + ": " + describe(cause) + " [file=" + file + "]", cause);
    }

    static CliException unwritable(final Path file, final Throwable cause)
    {
        return new CliException("cannot write file: " + describe(cause) + " [file=" + file + "]", cause);
    }

    /**
     * @return the reason of a failure as plain words, without the Java exception's name or the path it repeats.
     */
    static String describe(final Throwable cause)
    {
        return io.metersim.core.Failures.describe(cause);
    }
}
