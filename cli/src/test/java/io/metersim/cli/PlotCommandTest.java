package io.metersim.cli;

import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TimeMode;
import io.metersim.h5.H5LoadData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotCommandTest
{
    @TempDir
    Path dir;

    private String[] source;

    @BeforeEach
    void setUp()
    {
        source = new String[] {"--config", Cli.write(dir.resolve("empty.properties"), "").toString(),
            "--data", Cli.fixtures().resolve("seed-layout-small.h5").toString(),
            "--resources", Cli.fixtureResources(dir).toString()};
    }

    private String[] args(final String... more)
    {
        final List<String> all = new ArrayList<>(List.of("plot"));
        all.addAll(List.of(more));
        all.addAll(List.of(source));
        return all.toArray(new String[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"week", "profile", "heatmap", "components", "duration"})
    void everyKindDrawsAPngAndAnSvg(final String kind) throws Exception
    {
        final Path png = dir.resolve(kind + ".png");
        final Cli.Result result = Cli.run(dir, args("--kind", kind, "--out", png.toString(), "--ven", "Herning",
            "--width", "640", "--height", "360"));
        assertEquals(0, result.code(), result::toString);
        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
        final Path svg = dir.resolve(kind + ".svg");
        assertEquals(0, Cli.run(dir, args("--kind", kind, "--out", svg.toString())).code());
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getTagName());
        assertTrue(Files.readString(svg).contains("fleet of 2 VENs, 3 approved resources"), kind);
    }

    @Test
    void aWeekOfTwoHomesSaysWhatItDrew()
    {
        final Path png = dir.resolve("homes.png");
        final Cli.Result result = Cli.run(dir, args("--kind", "week", "--out", png.toString(), "--ven", "Herning",
            "--resource", "h-1", "--resource", "h-2"));
        assertEquals(0, result.code(), result::toString);
        // the fixture holds exactly one week, 168 hourly rows from 2025-01-15T08:00Z
        assertEquals("wrote week chart of 2 homes of Herning (168 rows) to " + png + "\n", result.out());
        assertEquals("", result.err());
    }

    @Test
    void fromAndToSelectRowsFromIncludedToExcluded()
    {
        final Cli.Result result = Cli.run(dir, args("--kind", "duration", "--out", dir.resolve("d.png").toString(),
            "--resource", "a-1", "--from", "2025-01-15T18:00:00Z", "--to", "2025-01-16T18:00:00Z"));
        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().startsWith("wrote duration chart of 1 home of Aarhus (24 rows) to "), result.out());
    }

    @Test
    void theSameCommandWritesTheSameBytes() throws Exception
    {
        final Path a = dir.resolve("a.png");
        final Path b = dir.resolve("b.png");
        assertEquals(0, Cli.run(dir, args("--kind", "heatmap", "--out", a.toString())).code());
        assertEquals(0, Cli.run(dir, args("--kind", "heatmap", "--out", b.toString())).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    /** Herning's approved h-1 and h-2 read meters 0 and 1; pending h-3 is left out; the fleet adds Aarhus's meter 3. */
    @Test
    void theSelectionIsTheApprovedResourcesMeters()
    {
        final LoadData data = H5LoadData.read(Cli.fixtures().resolve("seed-layout-small.h5"));
        final Registry registry = Registry.readCsv(Cli.fixtureResources(dir));
        final MeterSimulator simulator = MeterSimulator.create(data, registry, new SimulatorOptions(42, TimeMode.RAW));
        final PlotCommand.Selection herning = PlotCommand.Selection.of(simulator, registry, "Herning", null);
        assertArrayEquals(new int[][] {{0, 1}}, herning.groups);
        assertEquals("Herning, 2 approved resources", herning.subject);
        final PlotCommand.Selection fleet = PlotCommand.Selection.of(simulator, registry, null, null);
        assertArrayEquals(new int[][] {{0, 1, 3}}, fleet.groups);
        final PlotCommand.Selection homes = PlotCommand.Selection.of(simulator, registry, null,
            List.of("h-3", "a-1"));
        assertArrayEquals(new int[][] {{2}, {3}}, homes.groups);
        assertArrayEquals(new String[] {"Bager Jensen Herning (DSR)", "Clever ladepark Aarhus (EV)"}, homes.names);
        assertEquals("2 homes of Aarhus, Herning", homes.subject);
        assertEquals(1_736_928_000_000L, homes.firstMillis(data));
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine()
    {
        final String png = dir.resolve("x.png").toString();
        expectUsage("metersim: --out must end in .png or .svg [out=" + dir.resolve("x.jpg") + "]",
            "--kind", "week", "--out", dir.resolve("x.jpg").toString());
        expectUsage("metersim: --width must be at least 200 [value=50]", "--kind", "week", "--out", png,
            "--width", "50");
        expectUsage("metersim: --height must be at most 4000 [value=5000]", "--kind", "week", "--out", png,
            "--height", "5000");
        expectUsage("metersim: --to must be after --from [from=2025-01-16T00:00:00Z to=2025-01-15T00:00:00Z]",
            "--kind", "week", "--out", png, "--from", "2025-01-16T00:00:00Z", "--to", "2025-01-15T00:00:00Z");
        expectUsage("metersim: --events is only for --kind event [kind=week]", "--kind", "week", "--out", png,
            "--events", "events.json");
        expectUsage("metersim: --out's folder does not exist [out=" + dir.resolve("nowhere/x.png") + "]",
            "--kind", "week", "--out", dir.resolve("nowhere/x.png").toString());
        expectUsage("metersim: unknown VEN: Nowhere [known=Aarhus, Herning]", "--kind", "week", "--out", png,
            "--ven", "Nowhere");
        expectUsage("metersim: unknown resource: zz [ven=all]", "--kind", "week", "--out", png, "--resource", "zz");
        expectUsage("metersim: no readings between --from and --to [from=2030-01-01T00:00:00Z to=end data="
            + Cli.fixtures().resolve("seed-layout-small.h5") + "]", "--kind", "profile", "--out", png,
            "--from", "2030-01-01T00:00:00Z");
        assertFalse(Files.exists(dir.resolve("x.png")), "nothing written");
    }

    @Test
    void anUnknownKindNamesTheAllowedOnes()
    {
        final Cli.Result result = Cli.run(dir, args("--kind", "pie", "--out", dir.resolve("x.png").toString()));
        assertEquals(2, result.code(), result::toString);
        assertTrue(result.err().contains("--kind") && result.err().contains("WEEK, PROFILE, HEATMAP, COMPONENTS, "
            + "DURATION, EVENT"), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    private void expectUsage(final String message, final String... options)
    {
        final Cli.Result result = Cli.run(dir, args(options));
        assertEquals(2, result.code(), result::toString);
        assertEquals(message + "\n", result.err(), result::toString);
        assertEquals("", result.out());
    }

    private static String event(final String ven, final int level)
    {
        return "[{\"programID\":\"program-1\",\"eventName\":\"peak\",\"priority\":0,"
            + "\"targets\":[{\"type\":\"VEN_NAME\",\"values\":[\"" + ven + "\"]}],"
            + "\"intervalPeriod\":{\"start\":\"2025-02-12T16:00:00Z\",\"duration\":\"PT4H\"},"
            + "\"payloadDescriptors\":[{\"payloadType\":\"SIMPLE\"}],"
            + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[" + level + "]}]}]}]";
    }

    /**
     * An event for Herning leaves Aarhus (meter 3: 19.5 + 0.006 t kW at row t, continuous time) as replayed. Its
     * CAISO baseline on 2025-02-12 16:00Z (row 8 of the week) averages rows 152, 128, 56, 32, 8 twice (mean 75.2)
     * and is scaled by the ratio of the 3 hours from 12:00Z: (19.5 + 0.006 x 5) / (19.5 + 0.006 x 72.2); the
     * reduction is the sum over the 4 event hours of the adjusted baseline minus 19.5 + 0.006 (8 + i).
     */
    @Test
    void theEventChartCarriesTheCaisoReduction() throws Exception
    {
        final Path events = Cli.write(dir.resolve("events.json"), event("Herning", 2));
        final Path png = dir.resolve("event.png");
        final Cli.Result result = Cli.run(dir, args("--kind", "event", "--ven", "Aarhus", "--events",
            events.toString(), "--out", png.toString()));
        assertEquals(0, result.code(), result::toString);
        final double ratio = (19.5 + 0.006 * 5) / (19.5 + 0.006 * 72.2);
        double baseline = 0;
        double actual = 0;
        for (int i = 0; i < 4; i++)
        {
            baseline += (19.5 + 0.006 * (75.2 + i)) * ratio;
            actual += 19.5 + 0.006 * (8 + i);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "wrote event chart of Aarhus, peak (24 rows) to %s: "
            + "reduction %.3f kWh (baseline %.3f kWh, actual %.3f kWh)%n", png, baseline - actual, baseline, actual),
            result.out());
        assertEquals(450, ImageIO.read(png.toFile()).getHeight());
    }

    /** With the response (the event targets Aarhus), the chart's reduction is the one {@code baseline} reports. */
    @Test
    void theEventChartAgreesWithTheBaselineCommand() throws Exception
    {
        final Path events = Cli.write(dir.resolve("events.json"), event("Aarhus", 3));
        final Cli.Result plot = Cli.run(dir, args("--kind", "event", "--ven", "Aarhus", "--events",
            events.toString(), "--out", dir.resolve("event.svg").toString()));
        assertEquals(0, plot.code(), plot::toString);
        final List<String> baseline = new ArrayList<>(List.of("baseline", "--ven", "Aarhus", "--event-start",
            "2025-02-12T16:00:00Z", "--method", "caiso", "--events", events.toString(), "--format", "json"));
        baseline.addAll(List.of(source));
        final Cli.Result reference = Cli.run(dir, baseline.toArray(new String[0]));
        assertEquals(0, reference.code(), reference::toString);
        final double kwh = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reference.out())
            .get("reduction_kwh").asDouble();
        assertTrue(kwh > 0.5, "the response reduces the load: " + kwh);
        assertTrue(plot.out().contains(": reduction " + String.format(java.util.Locale.ROOT, "%.3f", kwh) + " kWh"),
            plot.out() + " vs " + kwh);
    }

    @Test
    void eventOptionsAreChecked()
    {
        final String png = dir.resolve("x.png").toString();
        expectUsage("metersim: --kind event needs --events FILE, the OpenADR events whose first one is drawn",
            "--kind", "event", "--ven", "Aarhus", "--out", png);
        expectUsage("metersim: --kind event needs --ven NAME, the VEN whose response is drawn", "--kind", "event",
            "--events", "e.json", "--out", png);
        final Path events = Cli.write(dir.resolve("events.json"), event("Aarhus", 2));
        expectUsage("metersim: no event to draw in the events file at or after --from [file=" + events
            + " events=1]", "--kind", "event", "--ven", "Aarhus", "--events", events.toString(), "--out", png,
            "--from", "2025-03-01T00:00:00Z");
        final Path early = Cli.write(dir.resolve("early.json"), event("Aarhus", 2).replace("2025-02-12", "2025-01-16"));
        final Cli.Result result = Cli.run(dir, args("--kind", "event", "--ven", "Aarhus", "--events",
            early.toString(), "--out", png));
        assertEquals(2, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: not enough eligible days for the caiso baseline: found 1, "
            + "need 10 ["), result.err());
        final Cli.Result missing = Cli.run(dir, args("--kind", "event", "--ven", "Aarhus", "--events",
            dir.resolve("none.json").toString(), "--out", png));
        assertEquals(1, missing.code(), missing::toString);
        assertEquals("metersim: bad events: events file not found [source=" + dir.resolve("none.json") + "]\n",
            missing.err());
        assertFalse(Files.exists(dir.resolve("x.png")), "nothing written");
    }

    @Test
    void aMissingPlotModuleIsOneMessageWithExitOne()
    {
        final CliException ex = assertThrows(CliException.class,
            () -> PlotCommand.requirePlotModule("io.metersim.plot.Missing"));
        assertEquals("plotting is not on the class path: start metersim with ./metersim, or add "
            + "plot/target/metersim-plot.jar: java -cp cli/target/metersim.jar:plot/target/metersim-plot.jar "
            + "io.metersim.cli.Main plot ... [missing=io.metersim.plot.Missing]", ex.getMessage());
        assertEquals(Main.EXIT_DATA, Main.exitCodeOf(ex));
    }

    /** A JVM whose class path holds everything but the plot module and JFreeChart, as metersim.jar alone does. */
    @Test
    void withoutThePlotJarTheCommandSaysSoInsteadOfCrashing() throws Exception
    {
        final List<String> kept = new ArrayList<>();
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator))
        {
            if (!entry.contains("jfree") && !entry.contains(File.separator + "plot" + File.separator)
                && !entry.contains("metersim-plot"))
            {
                kept.add(entry);
            }
        }
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-cp", String.join(File.pathSeparator, kept), "io.metersim.cli.Main"));
        command.addAll(List.of(args("--kind", "week", "--out", dir.resolve("x.png").toString())));
        final Process process = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        final String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), err);
        assertEquals("metersim: plotting is not on the class path: start metersim with ./metersim, or add "
            + "plot/target/metersim-plot.jar: java -cp cli/target/metersim.jar:plot/target/metersim-plot.jar "
            + "io.metersim.cli.Main plot ... [missing=io.metersim.plot.Charts]\n", err);
        assertEquals("", Files.readString(dir.resolve("out.txt")));
        assertFalse(Files.exists(dir.resolve("x.png")));
    }
}
