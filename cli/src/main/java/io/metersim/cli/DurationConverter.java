package io.metersim.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads ISO-8601 durations such as {@code PT15S} or {@code PT0.25S}; a bare {@code 0} means no pause.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration>
{
    @Override
    public Duration convert(final String value)
    {
        if ("0".equals(value.trim()))
        {
            return Duration.ZERO;
        }
        try
        {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (final DateTimeParseException ex)
        {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 duration such as PT15S");
        }
    }
}
