package io.metersim.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest
{
    private static final long HOUR = 3_600_000L;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;
    private static final int BLACK = 0x000000;

    @TempDir
    Path dir;

    /** Hourly rows from local midnight of {@code first}, {@code days} days long. */
    private static long[] hours(final LocalDate first, final int days)
    {
        final long start = first.atStartOfDay(Charts.ZONE).toInstant().toEpochMilli();
        final int count = (int)((first.plusDays(days).atStartOfDay(Charts.ZONE).toInstant().toEpochMilli() - start)
            / HOUR);
        final long[] millis = new long[count];
        for (int i = 0; i < count; i++)
        {
            millis[i] = start + i * HOUR;
        }
        return millis;
    }

    private static ZonedDateTime local(final long millis)
    {
        return Instant.ofEpochMilli(millis).atZone(Charts.ZONE);
    }

    private static LoadSeries sample()
    {
        final long[] millis = hours(LocalDate.of(2025, 1, 13), 7);
        final double[][] kw = new double[6][millis.length];
        for (int k = 0; k < 6; k++)
        {
            for (int i = 0; i < millis.length; i++)
            {
                kw[k][i] = (k + 1) * (1.5 + Math.sin(i * 2 * Math.PI / 24));
            }
        }
        return LoadSeries.of(millis, new String[] {"load_0", "load_1", "load_2", "load_3", "load_4", "load_5"}, kw,
            HOUR);
    }

    @ParameterizedTest
    @EnumSource(value = PlotKind.class, names = "EVENT", mode = EnumSource.Mode.EXCLUDE)
    void everyKindWritesAPngAndAWellFormedSvg(final PlotKind kind) throws Exception
    {
        final Path png = dir.resolve(kind.optionName() + ".png");
        final Path svg = dir.resolve(kind.optionName() + ".svg");
        Charts.write(kind, sample(), "test homes", png, WIDTH, HEIGHT);
        Charts.write(kind, sample(), "test homes", svg, WIDTH, HEIGHT);
        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        final Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertTrue(Files.readString(svg).contains(kind.title() + ": test homes"), kind.title());
        try (var files = Files.list(dir))
        {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PlotKind.class, names = "EVENT", mode = EnumSource.Mode.EXCLUDE)
    void theSameInputGivesTheSameBytes(final PlotKind kind) throws IOException
    {
        for (final String type : new String[] {".png", ".svg"})
        {
            final Path a = dir.resolve("a" + type);
            final Path b = dir.resolve("b" + type);
            Charts.write(kind, sample(), "same", a, WIDTH, HEIGHT);
            Charts.write(kind, sample(), "same", b, WIDTH, HEIGHT);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), kind + type);
        }
        final Path other = dir.resolve("other.png");
        Charts.write(kind, sample(), "other", other, WIDTH, HEIGHT);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a.png")), Files.readAllBytes(other)));
    }

    /**
     * Line 0 is black: at each sampled hour its pixels sit where the formula's value maps to (a one-hour shift moves
     * the line by about 6 pixels, watts for kilowatts off the chart).
     */
    @Test
    void theWeekLineIsDrawnAtTheFormulasValue()
    {
        final long[] millis = hours(LocalDate.of(2025, 3, 3), 2);
        final double[] kw = new double[millis.length];
        for (int i = 0; i < kw.length; i++)
        {
            kw[i] = 1.0 + 2.0 * (i / 47.0) * (i / 47.0);
        }
        final LoadSeries series = LoadSeries.of(millis, new String[] {"home"}, new double[][] {kw}, HOUR);
        final Rendered chart = Rendered.of(Charts.chart(PlotKind.WEEK, series, "one home"), dir.resolve("w.png"),
            WIDTH, HEIGHT);
        int checked = 0;
        for (int i = 2; i < kw.length - 2; i += 3)
        {
            final double y = chart.lineY(chart.x(millis[i]), BLACK, 60);
            assertTrue(y >= 0, "line at row " + i);
            assertEquals(chart.y(kw[i]), y, 2.5, "row " + i);
            checked++;
        }
        assertTrue(checked > 10);
        assertEquals(-1, chart.lineY(chart.x(millis[5]), 0xFF0000, 40), "no red line");
    }

    /**
     * Workdays carry the local hour of day in kW, Saturdays 5 kW, Sundays and holidays (Easter 2025: 17, 18, 20,
     * 21 April) 10 kW: the three profile lines must show exactly that.
     */
    @Test
    void theProfileSplitsWorkdaysSaturdaysAndSundaysWithHolidays()
    {
        final long[] millis = hours(LocalDate.of(2025, 4, 14), 14);
        final Set<LocalDate> easter = Set.of(LocalDate.of(2025, 4, 17), LocalDate.of(2025, 4, 18),
            LocalDate.of(2025, 4, 21));
        final double[] kw = new double[millis.length];
        for (int i = 0; i < kw.length; i++)
        {
            final ZonedDateTime t = local(millis[i]);
            final boolean sunday = t.getDayOfWeek() == java.time.DayOfWeek.SUNDAY || easter.contains(t.toLocalDate());
            kw[i] = sunday ? 10.0 : t.getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? 5.0 : t.getHour();
        }
        final LoadSeries series = LoadSeries.of(millis, new String[] {"home"}, new double[][] {kw}, HOUR);
        final JFreeChart built = Charts.chart(PlotKind.PROFILE, series, "one home");
        final var dataset = built.getXYPlot().getDataset();
        assertEquals("workday (7 days)", dataset.getSeriesKey(0));
        assertEquals("Saturday (2 days)", dataset.getSeriesKey(1));
        assertEquals("Sunday and holiday (5 days)", dataset.getSeriesKey(2));
        final Rendered chart = Rendered.of(built, dir.resolve("p.png"), WIDTH, HEIGHT);
        for (int hour = 1; hour < 23; hour += 3)
        {
            final int x = chart.x(hour + 0.5);
            assertEquals(chart.y(hour), chart.lineY(x, BLACK, 60), 2.5, "workday at " + hour + " h");
        }
        final int orange = 0xD55E00;
        assertEquals(chart.y(10.0), chart.lineY(chart.x(12.5), orange, 50), 2.5, "Sunday line at 10 kW");
    }

    /** Values 1 to 100 kW in any order: sorted, the curve falls and passes 50 kW at 50.5 % of the time. */
    @Test
    void theDurationCurveIsMonotoneAndPassesTheMedian()
    {
        final long[] millis = hours(LocalDate.of(2025, 2, 1), 5);
        final double[] kw = new double[100];
        for (int i = 0; i < kw.length; i++)
        {
            kw[i] = (i * 37 % 100) + 1;
        }
        final LoadSeries series = LoadSeries.of(java.util.Arrays.copyOf(millis, 100), new String[] {"home"},
            new double[][] {kw}, HOUR);
        final Rendered chart = Rendered.of(Charts.chart(PlotKind.DURATION, series, "one home"), dir.resolve("d.png"),
            WIDTH, HEIGHT);
        double previous = -1;
        for (int x = chart.x(1.0); x <= chart.x(99.0); x += 5)
        {
            final double y = chart.lineY(x, BLACK, 60);
            assertTrue(y >= 0, "line at x " + x);
            assertTrue(y >= previous - 1.0, "falls: y " + y + " after " + previous + " at x " + x);
            previous = y;
        }
        assertEquals(chart.y(50.0), chart.lineY(chart.x(50.5), BLACK, 60), 2.5);
        assertTrue(chart.lineY(chart.x(98.0), BLACK, 60) > chart.lineY(chart.x(2.0), BLACK, 60) + 100);
    }

    /** Every cell holds its hour in kW: hour 0 is viridis's first colour, hour 23 its last, lighter upwards. */
    @Test
    void theHeatmapColoursFollowTheValue()
    {
        final long[] millis = hours(LocalDate.of(2025, 3, 3), 10);
        final double[] kw = new double[millis.length];
        for (int i = 0; i < kw.length; i++)
        {
            kw[i] = local(millis[i]).getHour();
        }
        final LoadSeries series = LoadSeries.of(millis, new String[] {"home"}, new double[][] {kw}, HOUR);
        final Rendered chart = Rendered.of(Charts.chart(PlotKind.HEATMAP, series, "one home"), dir.resolve("h.png"),
            WIDTH, HEIGHT);
        final int x = chart.x(LocalDate.of(2025, 3, 7).atStartOfDay(Charts.ZONE).toInstant().toEpochMilli()
            + 12 * HOUR);
        assertEquals(0x440154, chart.rgb(x, chart.y(0.5)));
        assertEquals(0xFDE725, chart.rgb(x, chart.y(23.5)));
        double previous = -1;
        for (int hour = 0; hour < 24; hour++)
        {
            final double lightness = Rendered.luminance(chart.rgb(x, chart.y(hour + 0.5)));
            assertTrue(lightness > previous, "lighter at hour " + hour);
            previous = lightness;
        }
    }

    /** Six constant loads of 1 to 6 kW: layer k fills 0+1+..+k to 1+..+(k+1) kW in its viridis colour. */
    @Test
    void theComponentsStackInOrder()
    {
        final long[] millis = hours(LocalDate.of(2025, 3, 3), 2);
        final double[][] kw = new double[6][millis.length];
        for (int k = 0; k < 6; k++)
        {
            java.util.Arrays.fill(kw[k], k + 1.0);
        }
        final LoadSeries series = LoadSeries.of(millis, new String[] {"a", "b", "c", "d", "e", "f"}, kw, HOUR);
        final Rendered chart = Rendered.of(Charts.chart(PlotKind.COMPONENTS, series, "six"), dir.resolve("c.png"),
            WIDTH, HEIGHT);
        final int[] viridis = {0x440154, 0x414487, 0x2A788E, 0x22A884, 0x7AD151, 0xFDE725};
        final int x = chart.x(millis[millis.length / 2]);
        double below = 0;
        for (int k = 0; k < 6; k++)
        {
            final double above = below + k + 1;
            assertEquals(viridis[k], chart.rgb(x, chart.y((below + above) / 2)), "layer " + k);
            below = above;
        }
        assertTrue(chart.y(21.0) > chart.area.getMinY(), "the stack's top, 21 kW, is inside the plot");
        assertTrue(Rendered.luminance(chart.rgb(x, chart.y(21.0) - 6)) > 200, "white (or a grid line) above");
    }

    /** 10 kW baseline, 8 kW load in a 4-hour window: 4 x 2 = 8 kWh, 8 / 40 = 20 % of the baseline. */
    @Test
    void theEventChartShadesTheWindowAndAnnotatesTheReduction()
    {
        final long[] millis = hours(LocalDate.of(2025, 3, 4), 1);
        final long start = millis[14];
        final long end = millis[18];
        final double[] load = new double[millis.length];
        final double[] baseline = new double[millis.length];
        for (int i = 0; i < millis.length; i++)
        {
            baseline[i] = 10.0;
            load[i] = millis[i] >= start && millis[i] < end ? 8.0 : 10.0;
        }
        final LoadSeries series = LoadSeries.of(millis, new String[] {"load", "baseline"},
            new double[][] {load, baseline}, HOUR);
        final JFreeChart built = Charts.eventChart(series, start, end, "Herning");
        final IntervalMarker marker = (IntervalMarker)built.getXYPlot()
            .getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).iterator().next();
        assertEquals(start, marker.getStartValue());
        assertEquals(end, marker.getEndValue());
        final var note = (org.jfree.chart.annotations.XYTitleAnnotation)built.getXYPlot().getAnnotations().get(0);
        assertEquals("reduction 8.00 kWh\n20.0 % of the baseline",
            ((org.jfree.chart.title.TextTitle)note.getTitle()).getText());
        final Rendered chart = Rendered.of(built, dir.resolve("e.png"), WIDTH, HEIGHT);
        final int inside = chart.x(start + HOUR / 2);
        final int outside = chart.x(millis[6] + HOUR / 3);
        final int y = chart.y(4.3);
        assertEquals(0xFFFFFF, chart.rgb(outside, y), "white outside the window");
        assertNotEquals(0xFFFFFF, chart.rgb(inside, y), "shaded inside the window");
        assertTrue(Rendered.luminance(chart.rgb(inside, y)) > 150, "a light shade");
        // below the reduction label, which the window carries at its top
        assertEquals(chart.y(8.0), chart.lineY(inside, BLACK, 60, chart.y(9.0), chart.y(0.5)), 2.5,
            "the load inside the window");
    }

    @Test
    void theEventChartIsDeterministicAndWellFormedSvg() throws Exception
    {
        final long[] millis = hours(LocalDate.of(2025, 3, 4), 1);
        final double[] load = new double[millis.length];
        final double[] baseline = new double[millis.length];
        java.util.Arrays.fill(load, 4.0);
        java.util.Arrays.fill(baseline, Double.NaN);
        java.util.Arrays.fill(baseline, 17, 21, 5.0);
        final LoadSeries series = LoadSeries.of(millis, new String[] {"load", "baseline"},
            new double[][] {load, baseline}, HOUR);
        for (final String type : new String[] {".png", ".svg"})
        {
            final Path a = dir.resolve("a" + type);
            final Path b = dir.resolve("b" + type);
            Charts.writeEvent(series, millis[17], millis[21], "Herning", a, WIDTH, HEIGHT);
            Charts.writeEvent(series, millis[17], millis[21], "Herning", b, WIDTH, HEIGHT);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), type);
        }
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.newDocumentBuilder().parse(dir.resolve("a.svg").toFile());
        final String svg = Files.readString(dir.resolve("a.svg"));
        assertTrue(svg.contains("reduction 4.00 kWh") && svg.contains("20.0 % of the baseline"), "the note");
        assertEquals("the event window is empty [start=" + Instant.ofEpochMilli(millis[3]) + " end="
            + Instant.ofEpochMilli(millis[3]) + "]", assertThrows(PlotException.class, () -> Charts.writeEvent(series,
                millis[3], millis[3], "Herning", dir.resolve("c.png"), WIDTH, HEIGHT)).getMessage());
    }

    @Test
    void refusesWhatItCannotDraw()
    {
        final LoadSeries series = sample();
        assertEquals("unsupported chart file type, expected .png or .svg [out=" + dir.resolve("x.jpg") + "]",
            assertThrows(PlotException.class,
                () -> Charts.write(PlotKind.WEEK, series, "s", dir.resolve("x.jpg"), WIDTH, HEIGHT)).getMessage());
        assertEquals("the chart's width must be 200 to 4000 pixels [width=100]", assertThrows(PlotException.class,
            () -> Charts.write(PlotKind.WEEK, series, "s", dir.resolve("x.png"), 100, HEIGHT)).getMessage());
        assertEquals("an event chart needs its window: use writeEvent [kind=event]", assertThrows(
            PlotException.class, () -> Charts.write(PlotKind.EVENT, series, "s", dir.resolve("x.png"), WIDTH,
                HEIGHT)).getMessage());
        final LoadSeries empty = LoadSeries.of(new long[0], new String[] {"a"}, new double[][] {{}}, HOUR);
        assertEquals("no readings to plot [kind=heatmap]", assertThrows(PlotException.class,
            () -> Charts.write(PlotKind.HEATMAP, empty, "s", dir.resolve("x.png"), WIDTH, HEIGHT)).getMessage());
        assertEquals("an event chart needs two lines, the load and its baseline [lines=6]",
            assertThrows(PlotException.class, () -> Charts.writeEvent(series, series.millis(0), series.millis(3),
                "s", dir.resolve("x.png"), WIDTH, HEIGHT)).getMessage());
    }

    @Test
    void aFileInTheWayIsOneMessage() throws IOException
    {
        final Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        final PlotException ex = assertThrows(PlotException.class,
            () -> Charts.write(PlotKind.WEEK, sample(), "s", blocker.resolve("x.png"), WIDTH, HEIGHT));
        assertTrue(ex.getMessage().startsWith("cannot write chart: "), ex.getMessage());
        assertTrue(ex.getMessage().endsWith("[out=" + blocker.resolve("x.png") + "]"), ex.getMessage());
        assertFalse(ex.getMessage().contains("Exception"), ex.getMessage());
    }
}
