package io.metersim.influx;

import io.metersim.core.MetersimException;

/**
 * InfluxDB cannot be reached, refuses the target, or did not take what was written; the message names the server
 * and the database or bucket, never the token.
 */
final class InfluxException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    InfluxException(final String message)
    {
        super(message);
    }

    InfluxException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
