package io.metersim.openadr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextCharsTest
{
    @ParameterizedTest
    @CsvSource({
        "1736928000000, 2025-01-15T08:00:00Z",
        "0, 1970-01-01T00:00:00Z",
        "951782400000, 2000-02-29T00:00:00Z",
        "1736928000123, 2025-01-15T08:00:00.123Z",
        "-1, 1969-12-31T23:59:59.999Z",
        "253402300799000, 9999-12-31T23:59:59Z"})
    void shouldWriteUtcIsoWithZ(final long millis, final String expected)
    {
        final char[] chars = new char[TextChars.ISO_MAX + 3];
        final int end = TextChars.isoUtc(millis, chars, 3);
        assertEquals(expected, new String(chars, 3, end - 3));
    }

    @Test
    void shouldAgreeWithInstantOverManyInstants()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final char[] chars = new char[TextChars.ISO_MAX];
        for (int i = 0; i < 10_000; i++)
        {
            final long seconds = random.nextLong(-62_000_000_000L, 253_402_300_799L);
            final long millis = seconds * 1000L;
            final String written = new String(chars, 0, TextChars.isoUtc(millis, chars, 0));
            assertEquals(Instant.ofEpochMilli(millis).toString(), written);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0",
        "0.0, 0.0",
        "1.234, 1.234",
        "0.62, 0.62",
        "-3.000000001, -3.000000001",
        "1e-10, 0.0",
        "2.5e-9, 0.000000003",
        "123456.789, 123456.789",
        "1.0E10, 1.0E10"})
    void shouldWriteDecimalsWithNineFractionDigitsAtMost(final double value, final String expected)
    {
        final char[] chars = new char[TextChars.DECIMAL_MAX];
        assertEquals(expected, new String(chars, 0, TextChars.decimal(value, chars, 0)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.2345, 3.62, 7.0, 1234.5678, 0.001})
    void shouldRecoverWattsFromKilowattHours(final double kwh)
    {
        final char[] chars = new char[TextChars.DECIMAL_MAX];
        assertEquals(kwh, Double.parseDouble(new String(chars, 0, TextChars.decimal(kwh, chars, 0))), 1e-12);
    }
}
