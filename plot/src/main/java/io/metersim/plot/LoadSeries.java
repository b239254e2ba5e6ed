package io.metersim.plot;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;

import java.util.Arrays;

/**
 * Lines of power in kilowatts over one shared time axis, as primitive arrays: {@code rowCount()} timestamps and, per
 * line, as many values ({@code NaN} where a line has no reading). Immutable.
 * <p>
 * The factories read {@link LoadData} the way a collection does: row {@code i} of every series belongs together,
 * whatever its own timestamp, and a row's time is that of the first selected series with a reading there.
 */
public final class LoadSeries
{
    private static final double WATTS_PER_KW = 1000.0;

    private final long[] millis;
    private final String[] names;
    private final double[] kw;
    private final long intervalMillis;

    private LoadSeries(final long[] millis, final String[] names, final double[] kw, final long intervalMillis)
    {
        this.millis = millis;
        this.names = names;
        this.kw = kw;
        this.intervalMillis = intervalMillis;
    }

    /**
     * @param millis         the rows' times in epoch milliseconds, ascending; copied.
     * @param names          one name per line, for the legend; copied.
     * @param kw             per line, one value per row in kW, {@code NaN} for none; copied.
     * @param intervalMillis the step of one row, which an energy figure multiplies by; positive.
     * @return the series.
     * @throws PlotException when the shapes do not match, the times go backwards or the interval is not positive.
     */
    public static LoadSeries of(final long[] millis, final String[] names, final double[][] kw,
        final long intervalMillis)
    {
        if (names.length != kw.length || names.length == 0)
        {
            throw new PlotException("a series needs one name per line and at least one line [names=" + names.length
                + " lines=" + kw.length + "]");
        }
        if (intervalMillis <= 0)
        {
            throw new PlotException("the interval must be positive [interval_ms=" + intervalMillis + "]");
        }
        final double[] flat = new double[names.length * millis.length];
        for (int line = 0; line < kw.length; line++)
        {
            if (kw[line].length != millis.length)
            {
                throw new PlotException("a line has a value count other than the row count [line=" + names[line]
                    + " values=" + kw[line].length + " rows=" + millis.length + "]");
            }
            System.arraycopy(kw[line], 0, flat, line * millis.length, millis.length);
        }
        for (int row = 1; row < millis.length; row++)
        {
            if (millis[row] < millis[row - 1])
            {
                throw new PlotException("the times go backwards [row=" + row + " ms=" + millis[row]
                    + " previous_ms=" + millis[row - 1] + "]");
            }
        }
        return new LoadSeries(millis.clone(), names.clone(), flat, intervalMillis);
    }

    /**
     * One line per group of meters: the sum of every load of every meter in the group, a meter counted as often as
     * it occurs (as two resources reading one meter are collected twice).
     *
     * @param data       the load data.
     * @param names      one name per group.
     * @param groups     per group, meter indices of {@code data}.
     * @param fromMillis first time included, epoch milliseconds.
     * @param toMillis   first time excluded.
     * @return the lines over the rows in {@code [fromMillis, toMillis)}.
     */
    public static LoadSeries totals(final LoadData data, final String[] names, final int[][] groups,
        final long fromMillis, final long toMillis)
    {
        final int[] rows = rowsBetween(data, groups, fromMillis, toMillis);
        final double[][] kw = new double[groups.length][rows.length];
        for (int g = 0; g < groups.length; g++)
        {
            for (int i = 0; i < rows.length; i++)
            {
                kw[g][i] = kilowatts(data, groups[g], rows[i], -1);
            }
        }
        return of(times(data, groups, rows), names, kw, data.intervalMillis());
    }

    /**
     * One line per load component {@code load_k} that any of the meters has: the component summed over them.
     *
     * @param data       the load data.
     * @param meters     meter indices of {@code data}, a meter counted as often as it occurs.
     * @param fromMillis first time included, epoch milliseconds.
     * @param toMillis   first time excluded.
     * @return the lines, named {@code load_k}, in ascending {@code k}; a component missing at a row counts 0.
     */
    public static LoadSeries components(final LoadData data, final int[] meters, final long fromMillis,
        final long toMillis)
    {
        final int[][] groups = {meters};
        final int[] rows = rowsBetween(data, groups, fromMillis, toMillis);
        final int[] loads = loadsOf(data, meters);
        final String[] names = new String[loads.length];
        final double[][] kw = new double[loads.length][rows.length];
        for (int l = 0; l < loads.length; l++)
        {
            names[l] = "load_" + loads[l];
            for (int i = 0; i < rows.length; i++)
            {
                final double value = kilowatts(data, meters, rows[i], loads[l]);
                kw[l][i] = Double.isNaN(value) ? 0.0 : value;
            }
        }
        return of(times(data, groups, rows), names, kw, data.intervalMillis());
    }

    /**
     * @return the number of lines.
     */
    public int lineCount()
    {
        return names.length;
    }

    /**
     * @return the number of rows (timestamps).
     */
    public int rowCount()
    {
        return millis.length;
    }

    /**
     * @param line a line, 0 to {@link #lineCount()} - 1.
     * @return its name.
     */
    public String name(final int line)
    {
        return names[line];
    }

    /**
     * @param row a row, 0 to {@link #rowCount()} - 1.
     * @return its time in epoch milliseconds.
     */
    public long millis(final int row)
    {
        return millis[row];
    }

    /**
     * @param line a line.
     * @param row  a row.
     * @return the line's power at the row in kW, {@code NaN} for none.
     */
    public double kw(final int line, final int row)
    {
        return kw[line * millis.length + row];
    }

    /**
     * @return the step of one row in milliseconds.
     */
    public long intervalMillis()
    {
        return intervalMillis;
    }

    /**
     * @return one line holding, per row, the sum of every line's readings ({@code NaN} where none has one).
     */
    LoadSeries sum(final String name)
    {
        final double[] total = new double[millis.length];
        for (int row = 0; row < millis.length; row++)
        {
            double sum = 0.0;
            boolean any = false;
            for (int line = 0; line < names.length; line++)
            {
                final double value = kw(line, row);
                if (!Double.isNaN(value))
                {
                    sum += value;
                    any = true;
                }
            }
            total[row] = any ? sum : Double.NaN;
        }
        return new LoadSeries(millis, new String[] {name}, total, intervalMillis);
    }

    private static int[] rowsBetween(final LoadData data, final int[][] groups, final long fromMillis,
        final long toMillis)
    {
        final int[] rows = new int[data.cycleLength()];
        int count = 0;
        for (int row = 0; row < rows.length; row++)
        {
            final long time = timeOf(data, groups, row);
            if (time != Long.MIN_VALUE && time >= fromMillis && time < toMillis)
            {
                rows[count++] = row;
            }
        }
        return Arrays.copyOf(rows, count);
    }

    private static long[] times(final LoadData data, final int[][] groups, final int[] rows)
    {
        final long[] times = new long[rows.length];
        for (int i = 0; i < rows.length; i++)
        {
            times[i] = timeOf(data, groups, rows[i]);
        }
        return times;
    }

    /**
     * @return the time of the first series of the groups' meters with a reading at the row, or
     *         {@link Long#MIN_VALUE} when none has one.
     */
    private static long timeOf(final LoadData data, final int[][] groups, final int row)
    {
        for (final int[] group : groups)
        {
            for (final int meter : group)
            {
                for (int s = data.firstSeries(meter), end = s + data.loadCount(meter); s < end; s++)
                {
                    if (row < data.seriesLength(s) && !Double.isNaN(data.watts(s, row)))
                    {
                        return data.timestampMillis(s, row);
                    }
                }
            }
        }
        return Long.MIN_VALUE;
    }

    /**
     * @param load the load component to sum, or -1 for every load.
     * @return the meters' sum at the row in kW, {@code NaN} when none has a reading.
     */
    private static double kilowatts(final LoadData data, final int[] meters, final int row, final int load)
    {
        double watts = 0.0;
        boolean any = false;
        for (final int meter : meters)
        {
            for (int s = data.firstSeries(meter), end = s + data.loadCount(meter); s < end; s++)
            {
                final double value = data.watts(s, row);
                if ((load < 0 || data.seriesLoad(s) == load) && !Double.isNaN(value))
                {
                    watts += value;
                    any = true;
                }
            }
        }
        return any ? watts / WATTS_PER_KW : Double.NaN;
    }

    private static int[] loadsOf(final LoadData data, final int[] meters)
    {
        final boolean[] seen = new boolean[LoadDataBuilder.MAX_LOAD_INDEX + 1];
        int count = 0;
        for (final int meter : meters)
        {
            for (int s = data.firstSeries(meter), end = s + data.loadCount(meter); s < end; s++)
            {
                if (!seen[data.seriesLoad(s)])
                {
                    seen[data.seriesLoad(s)] = true;
                    count++;
                }
            }
        }
        final int[] loads = new int[count];
        for (int k = 0, i = 0; k < seen.length; k++)
        {
            if (seen[k])
            {
                loads[i++] = k;
            }
        }
        return loads;
    }
}
