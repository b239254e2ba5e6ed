package io.metersim.core;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Collects meters and their series, checks data quality and lays everything out as a {@link LoadData} pool.
 * Not thread-safe; use one builder per load.
 */
public final class LoadDataBuilder
{
    /** The largest load component {@code k} accepted, as in a four-digit {@code load_<k>} name. */
    public static final int MAX_LOAD_INDEX = 9_999;

    private static final long DEFAULT_INTERVAL_MILLIS = 3_600_000L;

    private final String source;
    private final List<Meter> meters = new ArrayList<>();
    private final Object2IntOpenHashMap<String> meterIndex = new Object2IntOpenHashMap<>();
    private final LongOpenHashSet meterLoads = new LongOpenHashSet();
    private final List<Series> series = new ArrayList<>();
    private final List<long[]> axes = new ArrayList<>();
    private final List<DataWarning> warnings = new ArrayList<>();
    private long[] scratchMillis = new long[0];

    LoadDataBuilder(final String source)
    {
        this.source = source;
        this.meterIndex.defaultReturnValue(-1);
    }

    /**
     * Adds a meter; meters keep the order in which they are added.
     *
     * @param meterId    its id, unique in the data.
     * @param company    its company, or null when the source has none.
     * @param objectPath its object path in the source.
     * @return the meter's index, for {@link #addSeries}.
     * @throws LoadDataException when the id is empty or another meter already has it.
     */
    public int addMeter(final String meterId, final String company, final String objectPath)
    {
        if (null == meterId || meterId.isEmpty())
        {
            throw new LoadDataException(source, objectPath, "empty meter_id");
        }
        final int previous = meterIndex.getInt(meterId);
        if (previous >= 0)
        {
            throw new LoadDataException(source, objectPath,
                "duplicate meter_id " + meterId + ", already used by " + meters.get(previous).path);
        }
        meters.add(new Meter(meterId, null == company ? "" : company, objectPath));
        meterIndex.put(meterId, meters.size() - 1);
        return meters.size() - 1;
    }

    /**
     * Adds one load series from rows of {@code [unix_seconds, watts]} laid out flat, as HDF5 stores a (N, 2) dataset.
     *
     * @param meter      the index {@link #addMeter} returned.
     * @param loadIndex  the load component {@code k} of {@code load_k}.
     * @param objectPath the dataset's object path in the source.
     * @param rows       {@code [t0, w0, t1, w1, ...]}; not kept.
     * @throws LoadDataException when the meter index is unknown, the load index is outside 0 to
     *                           {@value #MAX_LOAD_INDEX} or already added for the meter, or the rows are missing or
     *                           not pairs.
     */
    public void addSeries(final int meter, final int loadIndex, final String objectPath, final double[] rows)
    {
        checkSeries(meter, loadIndex, objectPath);
        if (null == rows || rows.length % 2 != 0)
        {
            throw new LoadDataException(source, objectPath, null == rows ? "missing rows"
                : "odd number of values (" + rows.length + "), expected [unix_seconds, watts] pairs");
        }
        final int length = rows.length / 2;
        final long[] millis = scratch(length);
        final double[] watts = new double[length];
        for (int i = 0; i < length; i++)
        {
            millis[i] = toMillis(rows[2 * i]);
            watts[i] = Double.isFinite(rows[2 * i]) ? rows[2 * i + 1] : LoadData.NO_READING;
        }
        addChecked(meter, loadIndex, objectPath, millis, length, watts, countNonFinite(rows));
    }

    /**
     * Adds one load series from separate timestamp and watts columns.
     *
     * @param meter            the index {@link #addMeter} returned.
     * @param loadIndex        the load component {@code k} of {@code load_k}.
     * @param objectPath       the series' name or object path.
     * @param timestampsMillis epoch milliseconds, one per reading; may be shared between series, not modified.
     * @param watts            watts, one per reading; kept, not copied.
     * @throws LoadDataException when the meter index is unknown, the load index is outside 0 to
     *                           {@value #MAX_LOAD_INDEX} or already added for the meter, or the columns are missing
     *                           or differ in length.
     */
    public void addSeries(
        final int meter,
        final int loadIndex,
        final String objectPath,
        final long[] timestampsMillis,
        final double[] watts)
    {
        checkSeries(meter, loadIndex, objectPath);
        if (null == timestampsMillis || null == watts)
        {
            throw new LoadDataException(source, objectPath, "missing " + (null == watts ? "watts" : "timestamps"));
        }
        if (timestampsMillis.length != watts.length)
        {
            throw new LoadDataException(source, objectPath, "timestamps and watts differ in length: timestamps="
                + timestampsMillis.length + " watts=" + watts.length);
        }
        addChecked(meter, loadIndex, objectPath, timestampsMillis, watts.length, watts, 0);
    }

    /**
     * Records an oddity the caller found (a skipped load, a missing declared load, ...).
     *
     * @param warning what is odd.
     */
    public void warn(final DataWarning warning)
    {
        warnings.add(warning);
    }

    /**
     * @return the number of meters added so far.
     */
    public int meterCount()
    {
        return meters.size();
    }

    /**
     * Lays the data out time-major and reports length and timestamp differences.
     *
     * @return the loaded data.
     * @throws LoadDataException when no series was added or the pool would not fit in one array.
     */
    public LoadData build()
    {
        final List<Series> ordered = orderedSeries();
        if (ordered.isEmpty())
        {
            throw new LoadDataException(source, "/meters", "no load series to load");
        }
        final int seriesCount = ordered.size();
        final int cycleLength = ordered.stream().mapToInt(s -> s.watts.length).max().orElse(0);
        if ((long)cycleLength * Math.max(seriesCount, axes.size()) > Integer.MAX_VALUE - 16)
        {
            throw new LoadDataException(source, "/meters", "too much data for one pool: series=" + seriesCount
                + " rows=" + cycleLength);
        }
        reportMeterDifferences(ordered, cycleLength);
        return layOut(ordered, cycleLength);
    }

    private void addChecked(
        final int meter,
        final int loadIndex,
        final String objectPath,
        final long[] millis,
        final int length,
        final double[] watts,
        final int nonFiniteTimestamps)
    {
        final String meterId = meters.get(meter).id;
        checkTimestamps(meterId, objectPath, millis, length, nonFiniteTimestamps);
        checkWatts(meterId, objectPath, watts);
        series.add(new Series(meter, loadIndex, objectPath, watts, axisFor(millis, length)));
        meterLoads.add((long)meter << 32 | loadIndex);
    }

    /**
     * Refuses what would break the layout later: an unknown meter, a load index the collection cannot index, or a
     * second series for one (meter, load), which would make the meter's loads ambiguous.
     */
    private void checkSeries(final int meter, final int loadIndex, final String objectPath)
    {
        if (meter < 0 || meter >= meters.size())
        {
            throw new LoadDataException(source, objectPath, "unknown meter index " + meter + " (" + meters.size()
                + " meters added)");
        }
        if (loadIndex < 0 || loadIndex > MAX_LOAD_INDEX)
        {
            throw new LoadDataException(source, objectPath, "load index " + loadIndex + " of meter_id "
                + meters.get(meter).id + " outside 0 to " + MAX_LOAD_INDEX);
        }
        if (meterLoads.contains((long)meter << 32 | loadIndex))
        {
            throw new LoadDataException(source, objectPath, "duplicate load_" + loadIndex + " for meter_id "
                + meters.get(meter).id);
        }
    }

    private void checkTimestamps(
        final String meterId, final String path, final long[] millis, final int length, final int nonFinite)
    {
        if (nonFinite > 0)
        {
            warnings.add(new DataWarning(DataWarning.Kind.NON_FINITE_TIMESTAMP, meterId, path,
                nonFinite + " NaN or infinite timestamps; those readings are treated as missing"));
        }
        for (int i = 1; i < length; i++)
        {
            if (millis[i] <= millis[i - 1])
            {
                warnings.add(new DataWarning(DataWarning.Kind.TIME_NOT_INCREASING, meterId, path,
                    "timestamps do not increase at row " + i + " (" + millis[i - 1] / 1000.0 + " s then "
                    + millis[i] / 1000.0 + " s); kept as they are"));
                return;
            }
        }
    }

    private void checkWatts(final String meterId, final String path, final double[] watts)
    {
        int nonFinite = 0;
        int firstNonFinite = -1;
        int negative = 0;
        int firstNegative = -1;
        for (int i = 0; i < watts.length; i++)
        {
            final double w = watts[i];
            if (!Double.isFinite(w))
            {
                firstNonFinite = nonFinite++ == 0 ? i : firstNonFinite;
                watts[i] = LoadData.NO_READING;
            }
            else if (w < 0.0)
            {
                firstNegative = negative++ == 0 ? i : firstNegative;
            }
        }
        if (nonFinite > 0)
        {
            warnings.add(new DataWarning(DataWarning.Kind.NON_FINITE_WATTS, meterId, path, nonFinite
                + " NaN or infinite watts (first at row " + firstNonFinite + "); treated as missing readings"));
        }
        if (negative > 0)
        {
            warnings.add(new DataWarning(DataWarning.Kind.NEGATIVE_WATTS, meterId, path, negative
                + " negative watts (first at row " + firstNegative + ": " + watts[firstNegative]
                + " W); kept as export"));
        }
    }

    private int axisFor(final long[] millis, final int length)
    {
        for (int a = 0; a < axes.size(); a++)
        {
            final long[] axis = axes.get(a);
            final int common = Math.min(axis.length, length);
            if (axis == millis || Arrays.equals(axis, 0, common, millis, 0, common))
            {
                if (length > axis.length)
                {
                    axes.set(a, Arrays.copyOf(millis, length));
                }
                return a;
            }
        }
        axes.add(Arrays.copyOf(millis, length));
        return axes.size() - 1;
    }

    private void reportMeterDifferences(final List<Series> ordered, final int cycleLength)
    {
        int first = 0;
        while (first < ordered.size())
        {
            final int meter = ordered.get(first).meter;
            int end = first;
            while (end < ordered.size() && ordered.get(end).meter == meter)
            {
                end++;
            }
            reportLengths(ordered.subList(first, end), cycleLength);
            reportTimestampDifferences(ordered.subList(first, end));
            first = end;
        }
    }

    private void reportLengths(final List<Series> meterSeries, final int cycleLength)
    {
        final Meter meter = meters.get(meterSeries.get(0).meter);
        final boolean allSame = meterSeries.stream().allMatch(s -> s.watts.length == meterSeries.get(0).watts.length);
        if (allSame && meterSeries.get(0).watts.length < cycleLength)
        {
            warnings.add(new DataWarning(DataWarning.Kind.LENGTH_DIFFERS, meter.id, meter.path, "every load holds "
                + meterSeries.get(0).watts.length + " rows, the longest series " + cycleLength
                + "; no readings past row " + (meterSeries.get(0).watts.length - 1)));
            return;
        }
        for (final Series s : meterSeries)
        {
            if (s.watts.length < cycleLength)
            {
                warnings.add(new DataWarning(DataWarning.Kind.LENGTH_DIFFERS, meter.id, s.path, "holds "
                    + s.watts.length + " rows, the longest series " + cycleLength + "; no readings past row "
                    + (s.watts.length - 1)));
            }
        }
    }

    private void reportTimestampDifferences(final List<Series> meterSeries)
    {
        final Series reference = meterSeries.get(0);
        final long[] referenceAxis = axes.get(reference.axis);
        for (final Series s : meterSeries)
        {
            if (s.axis != reference.axis)
            {
                final long[] axis = axes.get(s.axis);
                final int row = Math.max(0, Arrays.mismatch(referenceAxis, axis));
                final Meter meter = meters.get(s.meter);
                warnings.add(new DataWarning(DataWarning.Kind.TIMESTAMPS_DIFFER, meter.id, s.path,
                    "timestamps differ from " + reference.path + " (first at row " + row + ": "
                    + millisAt(axis, row) + " ms vs " + millisAt(referenceAxis, row)
                    + " ms); each load keeps its own timestamps"));
            }
        }
    }

    private static String millisAt(final long[] axis, final int row)
    {
        return row < axis.length ? Long.toString(axis[row]) : "none";
    }

    private LoadData layOut(final List<Series> ordered, final int cycleLength)
    {
        final int seriesCount = ordered.size();
        final int axisCount = axes.size();
        final int[] meterFirstSeries = new int[meters.size() + 1];
        final int[] seriesMeter = new int[seriesCount];
        final int[] seriesLoad = new int[seriesCount];
        final int[] seriesLength = new int[seriesCount];
        final int[] seriesAxis = new int[seriesCount];
        final String[] seriesPaths = new String[seriesCount];
        final double[] wattsPool = new double[cycleLength * seriesCount];
        Arrays.fill(wattsPool, LoadData.NO_READING);
        for (int s = 0; s < seriesCount; s++)
        {
            final Series one = ordered.get(s);
            seriesMeter[s] = one.meter;
            seriesLoad[s] = one.loadIndex;
            seriesLength[s] = one.watts.length;
            seriesAxis[s] = one.axis;
            seriesPaths[s] = one.path;
            meterFirstSeries[one.meter + 1] = s + 1;
            for (int row = 0; row < one.watts.length; row++)
            {
                wattsPool[row * seriesCount + s] = one.watts[row];
            }
        }
        for (int m = 1; m <= meters.size(); m++)
        {
            meterFirstSeries[m] = Math.max(meterFirstSeries[m], meterFirstSeries[m - 1]);
        }
        final long intervalMillis = dominantInterval();
        return new LoadData(source,
            meters.stream().map(m -> m.id).toArray(String[]::new),
            meters.stream().map(m -> m.company).toArray(String[]::new),
            meters.stream().map(m -> m.path).toArray(String[]::new),
            meterFirstSeries, seriesMeter, seriesLoad, seriesLength, seriesAxis, seriesPaths,
            cycleLength, axisCount, wattsPool, timestampPool(cycleLength, intervalMillis), intervalMillis, warnings);
    }

    private long[] timestampPool(final int cycleLength, final long intervalMillis)
    {
        final int axisCount = axes.size();
        final long[] pool = new long[cycleLength * axisCount];
        for (int a = 0; a < axisCount; a++)
        {
            final long[] axis = axes.get(a);
            for (int row = 0; row < cycleLength; row++)
            {
                pool[row * axisCount + a] = row < axis.length ? axis[row] : extrapolate(axis, row, intervalMillis);
            }
        }
        return pool;
    }

    private static long extrapolate(final long[] axis, final int row, final long intervalMillis)
    {
        return axis.length == 0 ? 0L : axis[axis.length - 1] + (row - axis.length + 1) * intervalMillis;
    }

    private long dominantInterval()
    {
        final long[] longest = axes.stream().max(Comparator.comparingInt(a -> a.length)).orElse(new long[0]);
        if (longest.length < 2)
        {
            return DEFAULT_INTERVAL_MILLIS;
        }
        final long[] steps = new long[longest.length - 1];
        for (int i = 1; i < longest.length; i++)
        {
            steps[i - 1] = longest[i] - longest[i - 1];
        }
        Arrays.sort(steps);
        final long median = steps[steps.length / 2];
        return median > 0 ? median : DEFAULT_INTERVAL_MILLIS;
    }

    private List<Series> orderedSeries()
    {
        final List<Series> ordered = new ArrayList<>(series);
        ordered.sort(Comparator.<Series>comparingInt(s -> s.meter).thenComparingInt(s -> s.loadIndex));
        return ordered;
    }

    private long[] scratch(final int length)
    {
        if (scratchMillis.length < length)
        {
            scratchMillis = new long[length];
        }
        return scratchMillis;
    }

    private static long toMillis(final double seconds)
    {
        return Math.round(seconds * 1000.0);
    }

    private static int countNonFinite(final double[] rows)
    {
        int count = 0;
        for (int i = 0; i < rows.length; i += 2)
        {
            count += Double.isFinite(rows[i]) ? 0 : 1;
        }
        return count;
    }

    private record Meter(String id, String company, String path)
    {
    }

    private record Series(int meter, int loadIndex, String path, double[] watts, int axis)
    {
    }
}
