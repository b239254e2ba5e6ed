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

    static CliException unreadable(final String what, final Path file, final Throwable cause)
    {
        return new CliException("cannot read " + what + ": " + describe(cause) + " [file=" + file + "]", cause);
    }

    static CliException unwritable(final Path file, final Throwable cause)
    {
        return new CliException("cannot write file: " + describe(cause) + " [file=" + file + "]", cause);
    }

    private static String describe(final Throwable cause)
    {
        return null == cause.getMessage() ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
