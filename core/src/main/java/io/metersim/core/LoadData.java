package io.metersim.core;

import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.List;

/**
 * Every loaded series of every meter, held once as a time-major primitive pool: row {@code i} of the watts pool holds
 * the watts of every series at index {@code i}, so one collection reads one short contiguous stretch of memory.
 * Timestamps live beside it in as few distinct time axes as the data has (one when all series share their time axis).
 * <p>
 * A slot with no reading (past a shorter series' end, or a NaN/infinite value in the source) holds {@code NaN}.
 * Instances are immutable and safe to share between threads. Build them with {@link #builder(String)}.
 */
public final class LoadData
{
    static final double NO_READING = Double.NaN;

    private final String source;
    private final String[] meterIds;
    private final String[] companies;
    private final String[] meterPaths;
    private final int[] meterFirstSeries;
    private final int[] seriesMeter;
    private final int[] seriesLoad;
    private final int[] seriesLength;
    private final int[] seriesAxis;
    private final String[] seriesPaths;
    private final int cycleLength;
    private final int axisCount;
    private final double[] wattsPool;
    private final long[] timestampPool;
    private final long intervalMillis;
    private final List<DataWarning> warnings;
    private final Object2IntMap<String> meterIndexById;

    LoadData(
        final String source,
        final String[] meterIds,
        final String[] companies,
        final String[] meterPaths,
        final int[] meterFirstSeries,
        final int[] seriesMeter,
        final int[] seriesLoad,
        final int[] seriesLength,
        final int[] seriesAxis,
        final String[] seriesPaths,
        final int cycleLength,
        final int axisCount,
        final double[] wattsPool,
        final long[] timestampPool,
        final long intervalMillis,
        final List<DataWarning> warnings)
    {
        this.source = source;
        this.meterIds = meterIds;
        this.companies = companies;
        this.meterPaths = meterPaths;
        this.meterFirstSeries = meterFirstSeries;
        this.seriesMeter = seriesMeter;
        this.seriesLoad = seriesLoad;
        this.seriesLength = seriesLength;
        this.seriesAxis = seriesAxis;
        this.seriesPaths = seriesPaths;
        this.cycleLength = cycleLength;
        this.axisCount = axisCount;
        this.wattsPool = wattsPool;
        this.timestampPool = timestampPool;
        this.intervalMillis = intervalMillis;
        this.warnings = List.copyOf(warnings);
        this.meterIndexById = new Object2IntOpenHashMap<>(meterIds.length);
        this.meterIndexById.defaultReturnValue(-1);
        for (int m = 0; m < meterIds.length; m++)
        {
            meterIndexById.put(meterIds[m], m);
        }
    }

    /**
     * @param source the file or source name that error messages and warnings name.
     * @return a builder that collects meters and series, checks them and lays them out.
     */
    public static LoadDataBuilder builder(final String source)
    {
        return new LoadDataBuilder(source);
    }

    /**
     * @return the file or source name the data came from.
     */
    public String source()
    {
        return source;
    }

    /**
     * @return the number of meters, in source order.
     */
    public int meterCount()
    {
        return meterIds.length;
    }

    /**
     * @param meter the meter's index, 0 to {@link #meterCount()} - 1.
     * @return its id, e.g. {@code 707057500057158458}.
     */
    public String meterId(final int meter)
    {
        return meterIds[meter];
    }

    /**
     * @param meter the meter's index.
     * @return its company attribute, or an empty string when the source has none.
     */
    public String company(final int meter)
    {
        return companies[meter];
    }

    /**
     * @param meter the meter's index.
     * @return its object path in the source, e.g. {@code /meters/meter_707057500057158458}.
     */
    public String meterPath(final int meter)
    {
        return meterPaths[meter];
    }

    /**
     * @param meterId a meter id.
     * @return the meter's index, or -1 when the data has no such meter.
     */
    public int meterIndex(final String meterId)
    {
        return meterIndexById.getInt(meterId);
    }

    /**
     * @param meter the meter's index.
     * @return how many load series the meter has.
     */
    public int loadCount(final int meter)
    {
        return meterFirstSeries[meter + 1] - meterFirstSeries[meter];
    }

    /**
     * @param meter the meter's index.
     * @return the index of the meter's first series; its series are consecutive, ordered by load index.
     */
    public int firstSeries(final int meter)
    {
        return meterFirstSeries[meter];
    }

    /**
     * @param meter     the meter's index.
     * @param loadIndex the load component {@code k} of {@code load_k}.
     * @return the series index, or -1 when the meter has no such load.
     */
    public int seriesOf(final int meter, final int loadIndex)
    {
        for (int s = meterFirstSeries[meter], end = meterFirstSeries[meter + 1]; s < end; s++)
        {
            if (seriesLoad[s] == loadIndex)
            {
                return s;
            }
        }
        return -1;
    }

    /**
     * @return the number of series over all meters.
     */
    public int seriesCount()
    {
        return seriesMeter.length;
    }

    /**
     * @param series a series index.
     * @return the index of the meter it belongs to.
     */
    public int seriesMeter(final int series)
    {
        return seriesMeter[series];
    }

    /**
     * @param series a series index.
     * @return its load component {@code k} ({@code load_k}).
     */
    public int seriesLoad(final int series)
    {
        return seriesLoad[series];
    }

    /**
     * @param series a series index.
     * @return the rows it holds in the source.
     */
    public int seriesLength(final int series)
    {
        return seriesLength[series];
    }

    /**
     * @param series a series index.
     * @return its object path in the source, e.g. {@code /meters/meter_1/load_0/power}.
     */
    public String seriesPath(final int series)
    {
        return seriesPaths[series];
    }

    /**
     * @return the length of the longest series: the cursor's cycle.
     */
    public int cycleLength()
    {
        return cycleLength;
    }

    /**
     * @return the dominant step between consecutive timestamps, in milliseconds.
     */
    public long intervalMillis()
    {
        return intervalMillis;
    }

    /**
     * @param series a series index.
     * @param row    a row, 0 to {@link #cycleLength()} - 1.
     * @return the reading's timestamp in epoch milliseconds (meaningless where {@link #watts} is NaN).
     */
    public long timestampMillis(final int series, final int row)
    {
        return timestampPool[row * axisCount + seriesAxis[series]];
    }

    /**
     * @param series a series index.
     * @param row    a row, 0 to {@link #cycleLength()} - 1.
     * @return the reading in watts, or NaN where the series has no reading.
     */
    public double watts(final int series, final int row)
    {
        return wattsPool[row * seriesMeter.length + series];
    }

    /**
     * @return how many distinct time axes the series use (1 when all share one).
     */
    public int axisCount()
    {
        return axisCount;
    }

    /**
     * @return every oddity found while loading, in source order.
     */
    public List<DataWarning> warnings()
    {
        return warnings;
    }

    /**
     * @return the float64 payload of the loaded series: rows x 2 columns x 8 bytes.
     */
    public long payloadBytes()
    {
        long rows = 0;
        for (final int length : seriesLength)
        {
            rows += length;
        }
        return rows * 2L * Double.BYTES;
    }

    /**
     * @return the bytes the pools hold (the watts pool and the time axes).
     */
    public long retainedBytes()
    {
        return (long)wattsPool.length * Double.BYTES + (long)timestampPool.length * Long.BYTES;
    }

    double[] wattsPool()
    {
        return wattsPool;
    }

    long[] timestampPool()
    {
        return timestampPool;
    }

    int seriesAxis(final int series)
    {
        return seriesAxis[series];
    }
}
