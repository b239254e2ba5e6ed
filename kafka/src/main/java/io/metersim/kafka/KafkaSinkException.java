package io.metersim.kafka;

import io.metersim.core.MetersimException;

/**
 * The Kafka sink cannot start, or records were not delivered; the message carries {@code [key=value ...]} context.
 */
final class KafkaSinkException extends MetersimException
{
    private static final long serialVersionUID = 1L;

    KafkaSinkException(final String message)
    {
        super(message);
    }

    KafkaSinkException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
