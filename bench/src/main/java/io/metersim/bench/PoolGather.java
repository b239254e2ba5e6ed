package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.LoadData;

/**
 * The floor under a collection: gathers the watts of the very series a collection read, at one row, straight from
 * the pool, with none of the engine's bookkeeping (statuses, timestamps, missing readings, per-resource totals).
 */
final class PoolGather
{
    private final LoadData data;
    private final int[] series;

    private PoolGather(final LoadData data, final int[] series)
    {
        this.data = data;
        this.series = series;
    }

    /**
     * @param data      the load data the collection read.
     * @param collected a filled collection buffer; its resources' meters and readings' loads name the series.
     * @return a gather of the same series in the same order.
     */
    static PoolGather of(final LoadData data, final CollectionBuffer collected)
    {
        final int[] series = new int[collected.readingTotal()];
        for (int r = 0; r < collected.resourceCount(); r++)
        {
            final int meter = data.meterIndex(collected.meterPointId(r));
            final int from = collected.readingOffset(r);
            for (int reading = from; reading < from + collected.readingCount(r); reading++)
            {
                series[reading] = data.seriesOf(meter, collected.loadIndex(reading));
            }
        }
        return new PoolGather(data, series);
    }

    /**
     * @return how many series one gather reads.
     */
    int seriesCount()
    {
        return series.length;
    }

    /**
     * Copies the watts of every series at {@code row} into {@code into} and sums them.
     *
     * @param row  the row, 0 to the data's cycle length - 1.
     * @param into at least {@link #seriesCount()} slots.
     * @return the sum of the gathered watts.
     */
    double gather(final int row, final double[] into)
    {
        final LoadData data = this.data;
        final int[] series = this.series;
        double total = 0.0;
        for (int i = 0; i < series.length; i++)
        {
            final double watts = data.watts(series[i], row);
            into[i] = watts;
            total += watts;
        }
        return total;
    }
}
