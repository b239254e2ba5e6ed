package io.metersim.plot;

import io.metersim.core.AtomicFile;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Draws load charts into PNG or SVG files. The same series, subject and size give the same bytes: fonts and rendering
 * hints are fixed and no file carries a timestamp. Files are written atomically (a reader sees the old file or the
 * whole new one). Times are shown in {@link #ZONE}, power in kW.
 * <pre>{@code
 * LoadSeries homes = LoadSeries.totals(data, new String[] {"home 1"}, new int[][] {{0}}, from, to);
 * Charts.write(PlotKind.WEEK, homes, "Herning, 1 home", Path.of("week.png"), 900, 450);
 * }</pre>
 */
public final class Charts
{
    /** The time zone every chart shows local time in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /** The smallest width or height accepted, in pixels. */
    public static final int MIN_SIZE = 200;
    /** The largest width or height accepted, in pixels. */
    public static final int MAX_SIZE = 4000;

    private static final String SVG_DEFS_PREFIX = "metersim";
    private static final DateTimeFormatter RANGE_FORMAT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZONE);

    static
    {
        if (null == System.getProperty("java.awt.headless"))
        {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts()
    {
    }

    /**
     * Draws one chart of any kind but {@link PlotKind#EVENT} (see {@link #writeEvent}).
     *
     * @param kind    what to draw: week and duration draw every line; profile and heatmap the lines' sum;
     *                components stacks the lines.
     * @param series  the lines.
     * @param subject what the lines are, e.g. {@code Herning (120 resources)}; the title follows the kind's.
     * @param out     a {@code .png} or {@code .svg} file, replaced atomically.
     * @param width   pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}.
     * @param height  pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}.
     * @throws PlotException when the series has no rows, the kind is EVENT, the size or file type is not supported,
     *                       or the file cannot be written.
     */
    public static void write(final PlotKind kind, final LoadSeries series, final String subject, final Path out,
        final int width, final int height)
    {
        write(chart(kind, series, subject), out, width, height);
    }

    /**
     * Draws the load (line 0) against its baseline (line 1) with the event window shaded and the reduction
     * (the baseline's energy minus the load's over the window) written in it.
     *
     * @param series      two lines: the load and its baseline.
     * @param startMillis the event's start, epoch milliseconds.
     * @param endMillis   the event's end (excluded).
     * @param subject     what the load is, e.g. {@code Herning}.
     * @param out         a {@code .png} or {@code .svg} file, replaced atomically.
     * @param width       pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}.
     * @param height      pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}.
     * @throws PlotException as {@link #write(PlotKind, LoadSeries, String, Path, int, int)} does, and when the
     *                       series does not hold exactly two lines or the window is empty.
     */
    public static void writeEvent(final LoadSeries series, final long startMillis, final long endMillis,
        final String subject, final Path out, final int width, final int height)
    {
        write(eventChart(series, startMillis, endMillis, subject), out, width, height);
    }

    static JFreeChart chart(final PlotKind kind, final LoadSeries series, final String subject)
    {
        requireRows(kind, series);
        final String title = kind.title() + ": " + subject;
        final JFreeChart chart;
        switch (kind)
        {
            case WEEK:
                chart = LineCharts.week(series, title);
                break;
            case PROFILE:
                chart = LineCharts.profile(series, title);
                break;
            case HEATMAP:
                chart = AreaCharts.heatmap(series, title);
                break;
            case COMPONENTS:
                chart = AreaCharts.components(series, title);
                break;
            case DURATION:
                chart = LineCharts.duration(series, title);
                break;
            default:
                throw new PlotException("an event chart needs its window: use writeEvent [kind=event]");
        }
        Style.apply(chart, rangeText(series));
        if (kind == PlotKind.HEATMAP)
        {
            // blocks meet edge to edge: smoothing their edges only blurs them and triples the PNG (text stays smooth)
            chart.setAntiAlias(false);
        }
        return chart;
    }

    static JFreeChart eventChart(final LoadSeries series, final long startMillis, final long endMillis,
        final String subject)
    {
        requireRows(PlotKind.EVENT, series);
        if (endMillis <= startMillis)
        {
            throw new PlotException("the event window is empty [start=" + Instant.ofEpochMilli(startMillis)
                + " end=" + Instant.ofEpochMilli(endMillis) + "]");
        }
        final String title = PlotKind.EVENT.title() + ": " + subject;
        return Style.apply(AreaCharts.event(series, startMillis, endMillis, title), rangeText(series));
    }

    static void write(final JFreeChart chart, final Path out, final int width, final int height)
    {
        checkSize("width", width);
        checkSize("height", height);
        final Format format = Format.of(out);
        if (null == format)
        {
            throw new PlotException("unsupported chart file type, expected .png or .svg [out=" + out + "]");
        }
        try
        {
            if (format == Format.PNG)
            {
                final BufferedImage image = render(chart, width, height, null);
                AtomicFile.write(out, stream ->
                {
                    if (!ImageIO.write(image, "png", stream))
                    {
                        throw new IOException("no PNG writer in this Java runtime");
                    }
                });
            }
            else
            {
                final byte[] svg = svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
                AtomicFile.write(out, stream -> stream.write(svg));
            }
        }
        catch (final IOException ex)
        {
            throw new PlotException("cannot write chart: " + reason(ex) + " [out=" + out + "]", ex);
        }
    }

    /**
     * @param info receives the areas drawn (for tests that find the plot in the pixels), or null.
     * @return the chart drawn on a white RGB image.
     */
    static BufferedImage render(final JFreeChart chart, final int width, final int height,
        final ChartRenderingInfo info)
    {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g2 = image.createGraphics();
        try
        {
            g2.setRenderingHints(Style.hints());
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        }
        finally
        {
            g2.dispose();
        }
        return image;
    }

    static String svg(final JFreeChart chart, final int width, final int height)
    {
        final SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(SVG_DEFS_PREFIX);
        g2.setRenderingHints(Style.hints());
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }

    private static void requireRows(final PlotKind kind, final LoadSeries series)
    {
        if (series.rowCount() == 0)
        {
            throw new PlotException("no readings to plot [kind=" + kind.optionName() + "]");
        }
    }

    private static void checkSize(final String what, final int pixels)
    {
        if (pixels < MIN_SIZE || pixels > MAX_SIZE)
        {
            throw new PlotException("the chart's " + what + " must be " + MIN_SIZE + " to " + MAX_SIZE
                + " pixels [" + what + "=" + pixels + "]");
        }
    }

    private static String rangeText(final LoadSeries series)
    {
        final long last = series.millis(series.rowCount() - 1) + series.intervalMillis();
        return RANGE_FORMAT.format(Instant.ofEpochMilli(series.millis(0))) + " to "
            + RANGE_FORMAT.format(Instant.ofEpochMilli(last)) + " local time, " + series.rowCount() + " rows of "
            + Duration.ofMillis(series.intervalMillis()).toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String reason(final IOException ex)
    {
        if (ex instanceof java.nio.file.AccessDeniedException)
        {
            return "permission denied";
        }
        if (ex instanceof java.nio.file.FileSystemException)
        {
            final String reason = ((java.nio.file.FileSystemException)ex).getReason();
            return null == reason ? "the file system refused it" : reason;
        }
        return null == ex.getMessage() ? "no detail" : ex.getMessage();
    }

    /**
     * The file types written.
     */
    enum Format
    {
        PNG, SVG;

        static Format of(final Path out)
        {
            final Path name = out.getFileName();
            final String text = null == name ? "" : name.toString().toLowerCase(Locale.ROOT);
            return text.endsWith(".png") ? PNG : text.endsWith(".svg") ? SVG : null;
        }
    }
}
