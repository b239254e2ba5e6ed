package io.metersim.datagen;

import io.metersim.core.MetersimException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GeneratorOptionsTest
{
    private static final Instant START = Instant.parse("2025-01-15T08:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void shouldDefaultToTheShapeOfTheExampleData()
    {
        final GeneratorOptions options = GeneratorOptions.defaults();
        assertEquals(153, options.meters());
        assertEquals(8_741, options.rows());
        assertEquals(START, options.start());
        assertEquals(HOUR, options.interval());
        assertEquals(42L, options.seed());
        assertEquals(3_600_000L, options.intervalMillis());
    }

    @Test
    void shouldRefuseMetersOutOfRange()
    {
        assertEquals("meters must be between 1 and 10000000 [meters=0]", refusal(0, 10, START, HOUR));
        assertEquals("meters must be between 1 and 10000000 [meters=-3]", refusal(-3, 10, START, HOUR));
        assertEquals("meters must be between 1 and 10000000 [meters=10000001]",
            refusal(10_000_001, 10, START, HOUR));
    }

    @Test
    void shouldRefuseRowsBelowOne()
    {
        assertEquals("rows must be at least 1 [rows=0]", refusal(1, 0, START, HOUR));
    }

    @Test
    void shouldRefuseIntervalsThatAreNotPositiveWholeMilliseconds()
    {
        assertEquals("interval must be positive [interval=PT0S]", refusal(1, 1, START, Duration.ZERO));
        assertEquals("interval must be positive [interval=PT-1H]", refusal(1, 1, START, Duration.ofHours(-1)));
        assertEquals("interval must be a whole number of milliseconds [interval=PT0.0015S]",
            refusal(1, 1, START, Duration.ofNanos(1_500_000)));
    }

    @Test
    void shouldRefuseMissingStartOrInterval()
    {
        assertEquals("start and interval are required [start=null interval=PT1H]", refusal(1, 1, null, HOUR));
        assertEquals("start and interval are required [start=2025-01-15T08:00:00Z interval=null]",
            refusal(1, 1, START, null));
    }

    @Test
    void shouldRefuseDataSetsTooLargeForOneArray()
    {
        assertEquals("too many readings for one data set: meters x rows x 6 must not exceed 2147483639 "
            + "[meters=100000 rows=4000]", refusal(100_000, 4_000, START, HOUR));
    }

    @Test
    void shouldRefuseTimestampsBeyondEpochMilliseconds()
    {
        assertEquals("timestamps do not fit in epoch milliseconds [start=2025-01-15T08:00:00Z "
            + "interval=PT2400000000000H rows=3]", refusal(1, 3, START, Duration.ofDays(100_000_000_000L)));
        assertEquals("timestamps do not fit in epoch milliseconds [start=+1000000000-12-31T23:59:59.999999999Z "
            + "interval=PT1H rows=1]", refusal(1, 1, Instant.MAX, HOUR));
    }

    private static String refusal(final int meters, final int rows, final Instant start, final Duration interval)
    {
        return assertThrows(MetersimException.class,
            () -> new GeneratorOptions(meters, rows, start, interval, 1L)).getMessage();
    }
}
