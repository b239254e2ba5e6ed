package io.metersim.cli;

import picocli.CommandLine;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Type converters whose refusals are one plain sentence: picocli's own ones append the Java exception's name.
 */
final class Converters
{
    private Converters()
    {
    }

    static Path path(final String value)
    {
        try
        {
            return Path.of(value);
        }
        catch (final InvalidPathException ex)
        {
            throw new CommandLine.TypeConversionException("'" + printable(value) + "' is not a valid path: "
                + ex.getReason());
        }
    }

    static URI uri(final String value)
    {
        try
        {
            return new URI(value.trim());
        }
        catch (final URISyntaxException ex)
        {
            throw new CommandLine.TypeConversionException("'" + printable(value) + "' is not a URL such as "
                + "http://127.0.0.1:8081 (" + ex.getReason() + " at index " + ex.getIndex() + ")");
        }
    }

    static Instant instant(final String value)
    {
        try
        {
            return Instant.parse(value.trim());
        }
        catch (final DateTimeParseException ex)
        {
            throw new CommandLine.TypeConversionException("'" + printable(value) + "' is not an ISO-8601 instant "
                + "such as 2025-01-15T08:00:00Z");
        }
    }

    private static String printable(final String value)
    {
        return value.replace("\0", "\\0");
    }
}
