package io.metersim.cli;

import io.metersim.core.MetersimException;

/**
 * A command line that names things which cannot be combined or values outside their range (exit code 2).
 */
final class UsageException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    UsageException(final String message)
    {
        super(message);
    }
}
