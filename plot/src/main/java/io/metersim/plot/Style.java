package io.metersim.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The one look of every chart: fixed fonts and rendering hints (so the same input gives the same bytes), white
 * background, and line and area colours that stay apart in grey (distinct lightness, and dash patterns for lines).
 */
final class Style
{
    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 16);
    static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    static final Color GRID = new Color(0xD0D0D0);
    static final Color SHADE = new Color(0x80, 0x80, 0x80, 0x40);
    static final String POWER_AXIS = "power (kW)";
    static final TimeZone ZONE = TimeZone.getTimeZone(Charts.ZONE);
    static final String TIME_AXIS = "local time (" + Charts.ZONE.getId() + ")";

    /** Okabe-Ito colours from dark to light, each with its own dash pattern: apart in colour, in grey and in print. */
    private static final Color[] LINE_COLOURS = {new Color(0x000000), new Color(0x0072B2), new Color(0xD55E00),
        new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00)};
    private static final float[][] DASHES = {null, {8f, 4f}, {10f, 3f, 2f, 3f}, {2f, 3f}, {16f, 4f},
        {8f, 3f, 2f, 3f, 2f, 3f}};
    private static final float LINE_WIDTH = 1.6f;

    /** Viridis sampled at 0, 0.2, ... 1 (perceptually uniform, lightness rising): stacked areas stay apart in grey. */
    private static final Color[] AREA_COLOURS = {new Color(0x440154), new Color(0x414487), new Color(0x2A788E),
        new Color(0x22A884), new Color(0x7AD151), new Color(0xFDE725)};

    private Style()
    {
    }

    static Paint lineColour(final int line)
    {
        return LINE_COLOURS[line % LINE_COLOURS.length];
    }

    static Stroke lineStroke(final int line)
    {
        final float[] dash = DASHES[line % DASHES.length];
        return null == dash ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
            : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    static Paint areaColour(final int area)
    {
        return AREA_COLOURS[area % AREA_COLOURS.length];
    }

    /**
     * @return a time axis in local time whose tick labels follow the span shown (hours, days, months).
     */
    static DateAxis timeAxis()
    {
        final DateAxis axis = new DateAxis(TIME_AXIS, ZONE, Locale.UK);
        axis.setLowerMargin(0.0);
        axis.setUpperMargin(0.0);
        return axis;
    }

    static NumberAxis powerAxis()
    {
        final NumberAxis axis = new NumberAxis(POWER_AXIS);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    /**
     * Applies the fonts, colours, grid and hints to a built chart and adds the subtitle.
     */
    static JFreeChart apply(final JFreeChart chart, final String subtitle)
    {
        chart.setRenderingHints(hints());
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        chart.getTitle().setFont(TITLE_FONT);
        if (null != subtitle)
        {
            final TextTitle text = new TextTitle(subtitle, SUBTITLE_FONT);
            text.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(0, text);
        }
        final LegendTitle legend = chart.getLegend();
        if (null != legend)
        {
            legend.setItemFont(LABEL_FONT);
            legend.setFrame(BlockBorder.NONE);
        }
        final XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
        return chart;
    }

    private static void style(final ValueAxis axis)
    {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }

    static RenderingHints hints()
    {
        final RenderingHints hints = new RenderingHints(RenderingHints.KEY_ANTIALIASING,
            RenderingHints.VALUE_ANTIALIAS_ON);
        hints.put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        hints.put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        hints.put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        hints.put(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        hints.put(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        return hints;
    }
}
