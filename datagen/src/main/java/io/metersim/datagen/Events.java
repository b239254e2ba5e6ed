package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * Appliances that run for a while at a power, spread over the rows they overlap, and the Poisson counts of events.
 */
final class Events
{
    private static final double LARGE_POISSON_MEAN = 30.0;

    private Events()
    {
    }

    /**
     * Adds an appliance running at {@code powerW} from {@code fromMillis} for {@code hours}, split over rows.
     *
     * @param axis       the rows.
     * @param watts      the series to add to.
     * @param fromMillis start, epoch ms.
     * @param hours      how long.
     * @param powerW     at what power.
     */
    static void add(
        final TimeAxis axis, final double[] watts, final long fromMillis, final double hours, final double powerW)
    {
        add(axis, watts, fromMillis, fromMillis + (long)(hours * TimeAxis.HOUR_MILLIS), powerW);
    }

    /**
     * Adds {@code powerW} over the time from {@code fromMillis} to {@code toMillis}, split over rows.
     *
     * @param axis       the rows.
     * @param watts      the series to add to.
     * @param fromMillis start, epoch ms.
     * @param toMillis   end, epoch ms (nothing when not after the start).
     * @param powerW     at what power.
     */
    static void add(
        final TimeAxis axis, final double[] watts, final long fromMillis, final long toMillis, final double powerW)
    {
        if (toMillis <= fromMillis)
        {
            return;
        }
        final long first = Math.max(0L, axis.rowOf(fromMillis));
        final long last = Math.min(axis.rows - 1L, axis.rowOf(toMillis - 1L));
        for (long r = first; r <= last; r++)
        {
            final int row = (int)r;
            final long overlap = Math.min(toMillis, axis.rowEnd(row)) - Math.max(fromMillis, axis.millis[row]);
            if (overlap > 0L)
            {
                watts[row] += powerW * overlap / axis.intervalMillis;
            }
        }
    }

    /**
     * @param random the stream.
     * @param mean   the expected count.
     * @return a Poisson count (normal approximation above a mean of 30); 0, drawing nothing, for a mean of 0.
     */
    static int poisson(final SplittableRandom random, final double mean)
    {
        if (mean <= 0.0)
        {
            return 0;
        }
        if (mean > LARGE_POISSON_MEAN)
        {
            return (int)Math.max(0L, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        final double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit)
        {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
