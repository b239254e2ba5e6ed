package io.metersim.core;

/**
 * Running sums of {@code max(0, w)} over the data's rows for the series of a few load components (the ones a
 * response sheds), so the energy a resource deferred over a run of consecutive intervals is two reads instead of one
 * per interval. A missing reading (NaN) counts 0. Built once from the pool, immutable, shared by every worker.
 * <p>
 * Memory: {@code rows + 1} doubles per covered series, a third of the pool for two of six loads.
 */
final class RunningSums
{
    private final int rows;
    /** Per series: its column in {@link #sums}, or -1 for a series of a load not covered. */
    private final int[] columnOf;
    /** Per series: true when none of its readings is negative (an export). */
    private final boolean[] neverNegative;
    /** Per column {@code c}: {@code sums[c * (rows + 1) + i]} is the sum over rows {@code 0 .. i - 1}. */
    private final double[] sums;

    /**
     * @return the bytes the sums of those loads would take.
     */
    static long bytesFor(final LoadData data, final int firstLoad, final int secondLoad)
    {
        long columns = 0;
        for (int s = 0; s < data.seriesCount(); s++)
        {
            final int load = data.seriesLoad(s);
            columns += load == firstLoad || load == secondLoad ? 1 : 0;
        }
        return columns * (data.cycleLength() + 1L) * Double.BYTES;
    }

    RunningSums(final LoadData data, final int firstLoad, final int secondLoad)
    {
        this.rows = data.cycleLength();
        final int seriesCount = data.seriesCount();
        this.columnOf = new int[seriesCount];
        this.neverNegative = new boolean[seriesCount];
        int columns = 0;
        for (int s = 0; s < seriesCount; s++)
        {
            final int load = data.seriesLoad(s);
            columnOf[s] = load == firstLoad || load == secondLoad ? columns++ : -1;
            neverNegative[s] = true;
        }
        this.sums = new double[Math.multiplyExact(columns, rows + 1)];
        final double[] running = new double[columns];
        final double[] watts = data.wattsPool();
        // row by row, as the pool lies in memory
        for (int i = 0; i < rows; i++)
        {
            final int rowBase = i * seriesCount;
            for (int s = 0; s < seriesCount; s++)
            {
                final int c = columnOf[s];
                if (c >= 0)
                {
                    final double w = watts[rowBase + s];
                    neverNegative[s] &= !(w < 0.0);
                    running[c] += w > 0.0 ? w : 0.0;
                    sums[c * (rows + 1) + i + 1] = running[c];
                }
            }
        }
    }

    /**
     * @return whether the series is one of the covered loads'.
     */
    boolean covers(final int series)
    {
        return columnOf[series] >= 0;
    }

    /**
     * @return whether the series is covered and none of its readings is negative.
     */
    boolean coversNeverNegative(final int series)
    {
        return columnOf[series] >= 0 && neverNegative[series];
    }

    /**
     * @param step a step: cycle * rows + row.
     * @return its row.
     */
    int rowOf(final long step)
    {
        return (int)(step % rows);
    }

    /**
     * @return how many times the data wraps from step {@code from} to step {@code end}.
     */
    long wrapsBetween(final long from, final long end)
    {
        return end / rows - from / rows;
    }

    /**
     * The sum over the steps {@code [from, end)}, given as rows and wraps ({@link #rowOf}, {@link #wrapsBetween}) so a
     * caller summing many series over the same steps divides once.
     *
     * @param series a covered series.
     * @return the sum of {@code max(0, w)} of the series over those steps.
     */
    double between(final int series, final int fromRow, final int endRow, final long wraps)
    {
        final int base = columnOf[series] * (rows + 1);
        final double inWraps = wraps == 0 ? 0.0 : wraps * sums[base + rows];
        return inWraps + (sums[base + endRow] - sums[base + fromRow]);
    }
}
