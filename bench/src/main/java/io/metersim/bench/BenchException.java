package io.metersim.bench;

import io.metersim.core.MetersimException;

/**
 * A bench tool used wrongly, or a bench data set that cannot be made.
 */
final class BenchException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, with its {@code [key=value]} context.
     */
    BenchException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong, with its {@code [key=value]} context.
     * @param cause   the underlying failure.
     */
    BenchException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
