package io.metersim.core;

/**
 * Root of every error metersim reports about its input or its use. Messages carry their context as
 * {@code [key=value ...]} so that a user can find the file, object path or line at fault.
 */
public class MetersimException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, with its context.
     */
    public MetersimException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong, with its context.
     * @param cause   the underlying failure.
     */
    public MetersimException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
