package io.metersim.datagen;

import io.metersim.core.MetersimException;

import java.time.Duration;
import java.time.Instant;

/**
 * What to generate: how many meters, how many readings each, on which time axis and from which seed.
 * The constructor checks every value and throws {@link MetersimException} naming the bad one.
 *
 * @param meters   meters to generate, 1 to {@value #MAX_METERS}.
 * @param rows     readings per series, at least 1.
 * @param start    timestamp of the first reading (sub-millisecond parts are dropped).
 * @param interval step between readings: positive, a whole number of milliseconds.
 * @param seed     the seed; the same options always give the same data.
 */
public record GeneratorOptions(int meters, int rows, Instant start, Duration interval, long seed)
{
    /** Most meters one data set can hold: ids carry a 7-digit serial. */
    public static final int MAX_METERS = 10_000_000;

    private static final long MAX_READINGS = Integer.MAX_VALUE - 8L;

    /**
     * Checks the options.
     *
     * @throws MetersimException when a value is missing or out of range.
     */
    public GeneratorOptions
    {
        if (null == start || null == interval)
        {
            throw new MetersimException("start and interval are required [start=" + start + " interval="
                + interval + "]");
        }
        checkRange(meters, rows, interval);
        checkTimeAxis(rows, start, interval);
    }

    /**
     * @return 153 meters of 8,741 hourly rows from 2025-01-15T08:00:00Z, seed 42 (the shape of the example data).
     */
    public static GeneratorOptions defaults()
    {
        return new GeneratorOptions(153, 8_741, Instant.parse("2025-01-15T08:00:00Z"), Duration.ofHours(1), 42L);
    }

    /**
     * @return the interval in milliseconds.
     */
    public long intervalMillis()
    {
        return interval.toMillis();
    }

    private static void checkRange(final int meters, final int rows, final Duration interval)
    {
        if (meters < 1 || meters > MAX_METERS)
        {
            throw new MetersimException("meters must be between 1 and " + MAX_METERS + " [meters=" + meters + "]");
        }
        if (rows < 1)
        {
            throw new MetersimException("rows must be at least 1 [rows=" + rows + "]");
        }
        if (interval.isNegative() || interval.isZero())
        {
            throw new MetersimException("interval must be positive [interval=" + interval + "]");
        }
        if (interval.getNano() % 1_000_000 != 0)
        {
            throw new MetersimException("interval must be a whole number of milliseconds [interval=" + interval + "]");
        }
        final long readings = (long)meters * rows * Loads.COUNT;
        if (readings > MAX_READINGS)
        {
            throw new MetersimException("too many readings for one data set: meters x rows x " + Loads.COUNT
                + " must not exceed " + MAX_READINGS + " [meters=" + meters + " rows=" + rows + "]");
        }
    }

    private static void checkTimeAxis(final int rows, final Instant start, final Duration interval)
    {
        try
        {
            Math.addExact(start.toEpochMilli(), Math.multiplyExact(rows - 1L, interval.toMillis()));
        }
        catch (final ArithmeticException e)
        {
            throw new MetersimException("timestamps do not fit in epoch milliseconds [start=" + start + " interval="
                + interval + " rows=" + rows + "]", e);
        }
    }
}
