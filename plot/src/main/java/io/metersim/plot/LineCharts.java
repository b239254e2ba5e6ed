package io.metersim.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;

/**
 * The line charts: week (power over time), profile (mean by local hour per day type) and duration (sorted power).
 */
final class LineCharts
{
    static final int HOURS = 24;
    private static final double PERCENT = 100.0;
    private static final double HOUR_TICK = 3.0;
    private static final double PERCENT_TICK = 10.0;

    private LineCharts()
    {
    }

    static JFreeChart week(final LoadSeries series, final String title)
    {
        final DefaultXYDataset dataset = new DefaultXYDataset();
        for (int line = 0; line < series.lineCount(); line++)
        {
            final double[][] xy = new double[2][series.rowCount()];
            for (int row = 0; row < series.rowCount(); row++)
            {
                xy[0][row] = series.millis(row);
                xy[1][row] = series.kw(line, row);
            }
            dataset.addSeries(series.name(line), xy);
        }
        return chart(title, dataset, Style.timeAxis());
    }

    /**
     * Mean kW by local hour of day (plotted at the middle of the hour) of the lines' sum, one line per day type that
     * the rows hold.
     */
    static JFreeChart profile(final LoadSeries series, final String title)
    {
        final LoadSeries total = series.sum("total");
        final double[][] sums = new double[DayType.values().length][HOURS];
        final int[][] counts = new int[DayType.values().length][HOURS];
        for (int row = 0; row < total.rowCount(); row++)
        {
            final double kw = total.kw(0, row);
            if (!Double.isNaN(kw))
            {
                final ZonedDateTime local = Instant.ofEpochMilli(total.millis(row)).atZone(Charts.ZONE);
                final int type = DayType.of(local.toLocalDate()).ordinal();
                sums[type][local.getHour()] += kw;
                counts[type][local.getHour()]++;
            }
        }
        final DefaultXYDataset dataset = new DefaultXYDataset();
        for (final DayType type : DayType.values())
        {
            final int t = type.ordinal();
            if (Arrays.stream(counts[t]).sum() == 0)
            {
                continue;
            }
            final double[][] xy = new double[2][HOURS];
            for (int hour = 0; hour < HOURS; hour++)
            {
                xy[0][hour] = hour + 0.5;
                xy[1][hour] = counts[t][hour] == 0 ? Double.NaN : sums[t][hour] / counts[t][hour];
            }
            dataset.addSeries(type.label() + " (" + dayCount(total, type) + " days)", xy);
        }
        if (dataset.getSeriesCount() == 0)
        {
            throw new PlotException("no readings to average [kind=profile rows=" + series.rowCount() + "]");
        }
        final NumberAxis hours = new NumberAxis("hour of day, " + Style.TIME_AXIS);
        hours.setRange(0.0, HOURS);
        hours.setTickUnit(new NumberTickUnit(HOUR_TICK));
        return chart(title, dataset, hours);
    }

    /**
     * Each line's readings sorted from the highest down, against the share of time they are reached or exceeded.
     */
    static JFreeChart duration(final LoadSeries series, final String title)
    {
        final DefaultXYDataset dataset = new DefaultXYDataset();
        for (int line = 0; line < series.lineCount(); line++)
        {
            final double[] sorted = readings(series, line);
            Arrays.sort(sorted);
            final double[][] xy = new double[2][sorted.length];
            for (int i = 0; i < sorted.length; i++)
            {
                xy[0][i] = (i + 0.5) * PERCENT / sorted.length;
                xy[1][i] = sorted[sorted.length - 1 - i];
            }
            dataset.addSeries(series.name(line), xy);
        }
        final NumberAxis share = new NumberAxis("share of time at or above the power (%)");
        share.setRange(0.0, PERCENT);
        share.setTickUnit(new NumberTickUnit(PERCENT_TICK));
        return chart(title, dataset, share);
    }

    static JFreeChart chart(final String title, final DefaultXYDataset dataset, final ValueAxis domain)
    {
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int line = 0; line < dataset.getSeriesCount(); line++)
        {
            renderer.setSeriesPaint(line, Style.lineColour(line));
            renderer.setSeriesStroke(line, Style.lineStroke(line));
        }
        renderer.setDrawSeriesLineAsPath(true);
        final XYPlot plot = new XYPlot(dataset, domain, Style.powerAxis(), renderer);
        return new JFreeChart(title, Style.TITLE_FONT, plot, true);
    }

    private static double[] readings(final LoadSeries series, final int line)
    {
        final double[] values = new double[series.rowCount()];
        int count = 0;
        for (int row = 0; row < series.rowCount(); row++)
        {
            final double kw = series.kw(line, row);
            if (!Double.isNaN(kw))
            {
                values[count++] = kw;
            }
        }
        if (count == 0)
        {
            throw new PlotException("a line has no readings [kind=duration line=" + series.name(line) + "]");
        }
        return Arrays.copyOf(values, count);
    }

    private static long dayCount(final LoadSeries total, final DayType type)
    {
        LocalDate last = null;
        long days = 0;
        for (int row = 0; row < total.rowCount(); row++)
        {
            final LocalDate date = Instant.ofEpochMilli(total.millis(row)).atZone(Charts.ZONE).toLocalDate();
            if (!date.equals(last) && DayType.of(date) == type && !Double.isNaN(total.kw(0, row)))
            {
                days++;
                last = date;
            }
        }
        return days;
    }
}
