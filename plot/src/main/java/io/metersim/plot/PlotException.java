package io.metersim.plot;

import io.metersim.core.MetersimException;

/**
 * A chart that cannot be drawn from the series given, or a file it cannot be written to.
 */
public final class PlotException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, with its context as {@code [key=value ...]}.
     */
    public PlotException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong, with its context as {@code [key=value ...]}.
     * @param cause   the underlying failure.
     */
    public PlotException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
