package io.metersim.baseline;

import io.metersim.core.MetersimException;

/**
 * A baseline that cannot be computed as asked: an unknown method or calendar, an event outside the data's reach or
 * off its interval grid, or too few eligible days. The message names the values at fault as {@code [key=value ...]}.
 */
public final class BaselineException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, with its context.
     */
    public BaselineException(final String message)
    {
        super(message);
    }
}
