package io.metersim.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The charts that fill areas: heatmap, stacked components and a DR event with its shaded window.
 */
final class AreaCharts
{
    private static final long DAY_MILLIS = 86_400_000L;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final double HOUR_TICK = 3.0;
    private static final double PERCENT = 100.0;
    private static final int LEGEND_WIDTH = 12;
    private static final double REDUCTION_HEADROOM = 0.18;
    private static final double MIN_NOTE_WIDTH = 0.25;
    private static final double NOTE_Y = 0.99;

    private AreaCharts()
    {
    }

    /**
     * Mean kW of the lines' sum per local date (horizontal) and local hour (vertical).
     */
    static JFreeChart heatmap(final LoadSeries series, final String title)
    {
        final LoadSeries total = series.sum("total");
        final Cells cells = Cells.of(total);
        final DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(total.name(0), cells.xyz());
        final XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(DAY_MILLIS);
        renderer.setBlockHeight(1.0);
        renderer.setBlockAnchor(RectangleAnchor.BOTTOM_LEFT);
        final ViridisScale scale = new ViridisScale(cells.min, cells.max);
        renderer.setPaintScale(scale);
        final NumberAxis hours = new NumberAxis("hour of day (local time)");
        hours.setRange(0.0, LineCharts.HOURS);
        hours.setTickUnit(new NumberTickUnit(HOUR_TICK));
        final XYPlot plot = new XYPlot(dataset, Style.timeAxis(), hours, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        final JFreeChart chart = new JFreeChart(title, Style.TITLE_FONT, plot, false);
        final NumberAxis kw = new NumberAxis("mean power (kW)");
        kw.setLabelFont(Style.LABEL_FONT);
        kw.setTickLabelFont(Style.TICK_FONT);
        final PaintScaleLegend legend = new PaintScaleLegend(scale, kw);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(LEGEND_WIDTH);
        legend.setMargin(new RectangleInsets(4, 8, 4, 4));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * The lines stacked in order, one filled area each; the top edge is their sum.
     */
    static JFreeChart components(final LoadSeries series, final String title)
    {
        final DefaultTableXYDataset dataset = new DefaultTableXYDataset();
        for (int line = 0; line < series.lineCount(); line++)
        {
            final XYSeries xy = new XYSeries(series.name(line), false, false);
            for (int row = 0; row < series.rowCount(); row++)
            {
                final double kw = series.kw(line, row);
                xy.add(series.millis(row), Double.isNaN(kw) ? 0.0 : kw, false);
            }
            dataset.addSeries(xy);
        }
        final StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
        for (int line = 0; line < series.lineCount(); line++)
        {
            renderer.setSeriesPaint(line, Style.areaColour(line));
        }
        final XYPlot plot = new XYPlot(dataset, Style.timeAxis(), Style.powerAxis(), renderer);
        return new JFreeChart(title, Style.TITLE_FONT, plot, true);
    }

    /**
     * Line 0 (the actual load) against line 1 (its baseline), the window {@code [start, end)} shaded and labelled
     * with the reduction: the sum over the window's rows of (baseline - actual) times the interval.
     */
    static JFreeChart event(final LoadSeries series, final long startMillis, final long endMillis,
        final String title)
    {
        if (series.lineCount() != 2)
        {
            throw new PlotException("an event chart needs two lines, the load and its baseline [lines="
                + series.lineCount() + "]");
        }
        final DefaultXYDataset dataset = new DefaultXYDataset();
        for (int line = 0; line < 2; line++)
        {
            final double[][] xy = new double[2][series.rowCount()];
            for (int row = 0; row < series.rowCount(); row++)
            {
                xy[0][row] = series.millis(row);
                xy[1][row] = series.kw(line, row);
            }
            dataset.addSeries(series.name(line), xy);
        }
        final JFreeChart chart = LineCharts.chart(title, dataset, Style.timeAxis());
        final IntervalMarker window = new IntervalMarker(startMillis, endMillis, Style.SHADE);
        window.setLabel("event");
        window.setLabelFont(Style.TICK_FONT);
        window.setLabelPaint(Color.DARK_GRAY);
        window.setLabelAnchor(RectangleAnchor.BOTTOM);
        window.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
        window.setLabelOffset(new RectangleInsets(2, 2, 4, 2));
        chart.getXYPlot().addDomainMarker(window, Layer.BACKGROUND);
        chart.getXYPlot().addAnnotation(reductionNote(series, startMillis, endMillis));
        chart.getXYPlot().getRangeAxis().setUpperMargin(REDUCTION_HEADROOM);
        return chart;
    }

    /**
     * @return the reduction in two lines at the top of the window, as wide as the window (at least a quarter of
     *         the plot), kept inside the plot.
     */
    static XYTitleAnnotation reductionNote(final LoadSeries series, final long startMillis, final long endMillis)
    {
        final double first = series.millis(0);
        final double span = Math.max(1.0, series.millis(series.rowCount() - 1) - first);
        final double width = Math.max(MIN_NOTE_WIDTH, Math.min(1.0, (endMillis - startMillis) / span));
        final double centre = ((startMillis + endMillis) / 2.0 - first) / span;
        final double x = Math.max(width / 2, Math.min(1.0 - width / 2, centre));
        final TextTitle text = new TextTitle(reductionLabel(series, startMillis, endMillis), Style.LABEL_FONT);
        text.setPaint(Color.BLACK);
        final XYTitleAnnotation note = new XYTitleAnnotation(x, NOTE_Y, text, RectangleAnchor.TOP);
        note.setMaxWidth(width);
        return note;
    }

    /**
     * @return e.g. {@code reduction 12.40 kWh}, a line break and {@code 18.2 % of the baseline}.
     */
    static String reductionLabel(final LoadSeries series, final long startMillis, final long endMillis)
    {
        final double hours = series.intervalMillis() / MILLIS_PER_HOUR;
        double baseline = 0.0;
        double reduction = 0.0;
        for (int row = 0; row < series.rowCount(); row++)
        {
            final long at = series.millis(row);
            final double actual = series.kw(0, row);
            final double base = series.kw(1, row);
            if (at >= startMillis && at < endMillis && !Double.isNaN(actual) && !Double.isNaN(base))
            {
                baseline += base * hours;
                reduction += (base - actual) * hours;
            }
        }
        return baseline > 0.0
            ? String.format(Locale.ROOT, "reduction %.2f kWh\n%.1f %% of the baseline", reduction,
                reduction / baseline * PERCENT)
            : String.format(Locale.ROOT, "reduction %.2f kWh", reduction);
    }

    /**
     * Mean kW per local date and hour, as an x (the date's local midnight), y (hour), z (mean) dataset.
     */
    static final class Cells
    {
        private final long[] dayStarts;
        private final double[] sums;
        private final int[] counts;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        private Cells(final int days)
        {
            dayStarts = new long[days];
            sums = new double[days * LineCharts.HOURS];
            counts = new int[days * LineCharts.HOURS];
        }

        static Cells of(final LoadSeries total)
        {
            if (total.rowCount() == 0)
            {
                throw new PlotException("no readings to map [kind=heatmap rows=0]");
            }
            final LocalDate first = date(total.millis(0));
            final int days = (int)(date(total.millis(total.rowCount() - 1)).toEpochDay() - first.toEpochDay()) + 1;
            final Cells cells = new Cells(days);
            for (int day = 0; day < days; day++)
            {
                cells.dayStarts[day] = first.plusDays(day).atStartOfDay(Charts.ZONE).toInstant().toEpochMilli();
            }
            for (int row = 0; row < total.rowCount(); row++)
            {
                final double kw = total.kw(0, row);
                if (!Double.isNaN(kw))
                {
                    final ZonedDateTime local = Instant.ofEpochMilli(total.millis(row)).atZone(Charts.ZONE);
                    final int cell = (int)(local.toLocalDate().toEpochDay() - first.toEpochDay()) * LineCharts.HOURS
                        + local.getHour();
                    cells.sums[cell] += kw;
                    cells.counts[cell]++;
                }
            }
            return cells;
        }

        double[][] xyz()
        {
            int filled = 0;
            for (final int count : counts)
            {
                filled += count > 0 ? 1 : 0;
            }
            if (filled == 0)
            {
                throw new PlotException("no readings to map [kind=heatmap]");
            }
            final double[][] xyz = new double[3][filled];
            for (int cell = 0, i = 0; cell < counts.length; cell++)
            {
                if (counts[cell] > 0)
                {
                    xyz[0][i] = dayStarts[cell / LineCharts.HOURS];
                    xyz[1][i] = cell % LineCharts.HOURS;
                    xyz[2][i] = sums[cell] / counts[cell];
                    min = Math.min(min, xyz[2][i]);
                    max = Math.max(max, xyz[2][i]);
                    i++;
                }
            }
            return xyz;
        }

        private static LocalDate date(final long millis)
        {
            return Instant.ofEpochMilli(millis).atZone(Charts.ZONE).toLocalDate();
        }
    }
}
