package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import io.metersim.core.CollectionSink;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --dashboard [PORT]}: the option's arity and default port, the address on stderr (never on stdout
 * with the records), the dashboard's line in the summary, and the errors for a port out of range or in use.
 */
class DashboardOptionsTest
{
    @TempDir
    Path dir;

    private Cli.Workdir workdir;

    @BeforeEach
    void setUp()
    {
        workdir = Cli.workdir(dir);
    }

    @Test
    void shouldTakeThePortOrDefaultTo8088()
    {
        assertEquals(8088, parse("--dashboard").port);
        assertEquals(0, parse("--dashboard", "0").port);
        assertEquals(9000, parse("--dashboard", "9000", "--dashboard-vens", "5").port);
        assertEquals(5, parse("--dashboard", "--dashboard-vens", "5").maxVens);
        assertNull(parse().port);
        assertFalse(parse().enabled());
    }

    @Test
    void shouldAnnounceTheAddressOnStderrAndSummariseTheUpdates()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "3", "--interval", "0", "--format", "jsonl",
            "--dashboard", "0"));

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.err().lines().anyMatch(line -> line.matches(
            "metersim: dashboard at http://127\\.0\\.0\\.1:\\d+/ \\(Ctrl-C ends the run\\)")), result::toString);
        assertFalse(result.out().contains("dashboard"), "stdout holds only the records");
        assertTrue(result.err().contains("sink dashboard: 3 updates accepted, "), result::toString);
    }

    @Test
    void shouldRefuseAPortOutOfRange()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "1", "--dashboard", "65536"));

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: --dashboard must be at most 65535"), result::toString);
    }

    @Test
    void shouldNameAPortInUse() throws IOException
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final int port = taken.getLocalPort();
            final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "1", "--dashboard", String.valueOf(port)));

            assertEquals(Main.EXIT_DATA, result.code(), result::toString);
            assertTrue(result.err().contains("cannot listen on 127.0.0.1:" + port + ", the port is in use"),
                result::toString);
            assertFalse(result.err().contains("Exception"), result::toString);
        }
    }

    @Test
    void shouldShowTheWatchedSinksAndTheEventHook() throws Exception
    {
        final DashboardOptions options = parse("--dashboard", "0");
        options.eventSource(timestamp -> "event-7 SIMPLE level 2");
        final CollectionSink jsonl = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "jsonl";
            }

            @Override
            public SinkCounts counts()
            {
                return new SinkCounts("jsonl", "records", 6, 5, 1, 0, 1);
            }
        };
        options.watch(jsonl, null);
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CliContext context = new CliContext(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, false, false);
        final MeterSimulator simulator = oneVen();
        final CollectionSink dashboard = options.sink(simulator, context);
        options.watch(dashboard);
        final TickLoop loop = TickLoop.builder(simulator).ticks(2).sink(jsonl).sink(dashboard).build();
        loop.start();
        final String latest;
        try
        {
            loop.tick();
            dashboard.flush();
            final String line = err.toString(StandardCharsets.UTF_8);
            final URI url = URI.create(line.substring(line.indexOf("http://"), line.indexOf(" (Ctrl-C")));
            latest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/latest.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        }
        finally
        {
            loop.finish();
        }

        assertTrue(latest.contains("\"event\":\"event-7 SIMPLE level 2\""), latest);
        assertTrue(latest.contains("\"sinks\":[{\"sink\":\"jsonl\",\"unit\":\"records\",\"accepted\":6,"
            + "\"delivered\":5,\"retried\":1,\"dropped\":0,\"failed\":1},{\"sink\":\"dashboard\""), latest);
        assertEquals(1, latest.split("\"sink\":\"dashboard\"", -1).length - 1, "the dashboard is listed once");
    }

    private static MeterSimulator oneVen()
    {
        final LoadDataBuilder builder = LoadData.builder("one meter");
        final int meter = builder.addMeter(Cli.METERS[0], "Example Netselskab A/S", "/meters/m0");
        builder.addSeries(meter, 0, "/meters/m0/load_0/power", new double[] {1_736_928_000.0, 250.0,
            1_736_931_600.0, 500.0});
        return MeterSimulator.create(builder.build(), Registry.synthetic(1, 1), SimulatorOptions.defaults());
    }

    private static DashboardOptions parse(final String... args)
    {
        final Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options;
    }

    /** Just the option group, as {@code run} mixes it in. */
    @Command(name = "holder")
    static final class Holder
    {
        @Mixin
        DashboardOptions options;
    }
}
