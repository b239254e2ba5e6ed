package io.metersim.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code metersim run --influx ...} against a real influxd, on the small fixture: Herning reads meters 0 and 1,
 * Aarhus meter 3, watts(m, k, t) = 1000 m + 100 k + t.
 */
class InfluxCommandTest
{
    @TempDir
    static Path serverDir;

    private static Influxd server;

    @TempDir
    Path dir;

    private String[] source;

    @BeforeAll
    static void startServer() throws IOException
    {
        Assumptions.assumeTrue(Influxd.installed(),
            "influxd is not installed: apt-get install -y influxdb (.ci/run installs it)");
        server = Influxd.start(serverDir);
    }

    @AfterAll
    static void stopServer() throws InterruptedException
    {
        if (null != server)
        {
            server.close();
        }
    }

    @BeforeEach
    void setUp()
    {
        source = new String[] {"--config", Cli.write(dir.resolve("empty.properties"), "").toString(),
            "--data", Cli.fixtures().resolve("seed-layout-small.h5").toString(),
            "--resources", Cli.fixtureResources(dir).toString(), "--interval", "0"};
    }

    @Test
    void shouldWriteEveryResourceAndVenOfEveryTick()
    {
        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "5", "--influx", server.url().toString(),
            "--influx-db", "cli", "--influx-create-db"));

        assertEquals(0, result.code(), result::toString);
        assertEquals("metersim: writing to InfluxDB at " + server.url() + " (database cli, 5000 lines per batch)\n",
            result.err());
        assertTrue(result.out().contains("sink influx: 25 lines accepted, 25 delivered, 0 retried, 0 dropped, "
            + "0 failed\n"), result::toString);
        // per tick t: resources on meters 0, 1 and 3, six loads each: 6000 (0 + 1 + 3) + 3 x 1500 + 18 t
        final double expected = 5 * 28_500.0 + 18 * (0 + 1 + 2 + 3 + 4);
        assertEquals(List.of(15.0, expected),
            server.row("cli", "SELECT count(total_w), sum(total_w) FROM meter_power"));
        assertEquals(List.of(10.0, expected, 15.0, 0.0), server.row("cli",
            "SELECT count(total_w), sum(total_w), sum(resources), sum(missing) FROM ven_power"));
        // Herning: meters 0 and 1, 6000 (0 + 1) + 2 x 1500 + 12 t
        assertEquals(List.of(5.0, 5 * (6000.0 + 2 * 1500) + 12 * 10), server.row("cli",
            "SELECT count(total_w), sum(total_w) FROM ven_power WHERE ven = 'Herning'"));
    }

    @Test
    void shouldReportTheLinesTheServerDroppedWithItsMessage()
    {
        server.post("/query", "q=CREATE%20DATABASE%20conflict", "application/x-www-form-urlencoded");
        // total_w is a string in this shard already: every meter_power line conflicts, ven_power lines are written
        server.post("/write?db=conflict&precision=ms", "meter_power,ven=x total_w=\"text\" 1736928000000",
            "text/plain");

        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "2", "--influx", server.url().toString(),
            "--influx-db", "conflict"));

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().contains("sink influx: 10 lines accepted, 4 delivered, 0 retried, 6 dropped, "
            + "0 failed\n"), result::toString);
        assertTrue(result.err().contains("metersim: influx: 6 of 10 lines dropped by the server: {\"error\":"
            + "\"partial write: field type conflict: "), result::toString);
        assertEquals(List.of(4.0), server.row("conflict", "SELECT count(total_w) FROM ven_power"));
    }

    @Test
    void shouldTakeTheOptionsFromTheEnvironment()
    {
        final Map<String, String> env = new HashMap<>();
        env.put("METERSIM_INFLUX", server.url().toString());
        env.put("METERSIM_INFLUX_DB", "fromenv");
        env.put("METERSIM_INFLUX_CREATE_DB", "true");
        env.put("METERSIM_INFLUX_BATCH", "4");

        final Cli.Result result = Cli.run(dir, env, args("run", "--ticks", "3", "--ven", "Aarhus"));

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.err().contains("(database fromenv, 4 lines per batch)"), result::toString);
        assertEquals(List.of(3.0), server.row("fromenv", "SELECT count(total_w) FROM meter_power"));
    }

    @Test
    void shouldRefuseAMissingDatabaseBeforeTheFirstTick()
    {
        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "5", "--influx", server.url().toString(),
            "--influx-db", "missing"));

        assertEquals(Main.EXIT_DATA, result.code(), result::toString);
        assertEquals("", result.out());
        assertEquals("metersim: sink cannot start: database missing not found on " + server.url()
            + " (use --influx-create-db) [influx=" + server.url() + " db=missing] [sink=influx]\n", result.err());
    }

    @Test
    void shouldRefuseAnUnreachableServerInOneLine() throws IOException
    {
        final String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        final Cli.Result result = Cli.run(dir, args("run", "--influx", closed, "--influx-db", "metersim"));

        assertEquals(Main.EXIT_DATA, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: sink cannot start: InfluxDB not reachable at " + closed + ": "),
            result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
    }

    @Test
    void shouldRefuseATargetThatIsMissingOrDoubled()
    {
        final Cli.Result none = Cli.run(dir, args("run", "--influx", server.url().toString()));
        final Cli.Result both = Cli.run(dir, args("run", "--influx", server.url().toString(), "--influx-db", "a",
            "--influx-org", "o", "--influx-bucket", "b"));
        final Cli.Result half = Cli.run(dir, args("run", "--influx", server.url().toString(), "--influx-org", "o"));

        assertEquals(Main.EXIT_USAGE, none.code(), none::toString);
        assertTrue(none.err().startsWith("metersim: --influx needs --influx-db DB (InfluxDB 1.x) or --influx-org "
            + "ORG and --influx-bucket BUCKET (2.x/3.x), not both [influx=" + server.url() + "]"), none::toString);
        assertEquals(Main.EXIT_USAGE, both.code(), both::toString);
        assertEquals(Main.EXIT_USAGE, half.code(), half::toString);
        assertTrue(half.err().contains("--influx-org and --influx-bucket go together"), half::toString);
    }

    @Test
    void shouldNeverPrintTheToken()
    {
        final Map<String, String> env = Map.of("METERSIM_INFLUX_TOKEN", "s3cret-token-value");

        final Cli.Result result = Cli.run(dir, env, args("run", "--ticks", "2", "--verbose", "--influx",
            server.url().toString(), "--influx-org", "metersim", "--influx-bucket", "readings"));

        assertEquals(Main.EXIT_DATA, result.code(), result::toString);
        // InfluxDB 1.6 has no /api/v2/write: refused at the start, naming the server and the target
        assertTrue(result.err().contains("has no /api/v2/write (1.8 and later have it): give a database instead of "
            + "an org and a bucket [influx=" + server.url() + " org=metersim bucket=readings]"), result::toString);
        assertFalse(result.toString().contains("s3cret"), result::toString);
    }

    @Test
    void shouldWriteContinuousTimestampsAcrossTheWrap()
    {
        // 170 ticks over 168 rows: continuous time goes on past the wrap instead of writing over tick 0 and 1
        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "170", "--ven", "Aarhus", "--time-mode",
            "continuous", "--format", "csv", "--out", dir.resolve("out.csv").toString(), "--influx",
            server.url().toString(), "--influx-db", "wrap", "--influx-create-db"));

        assertEquals(0, result.code(), result::toString);
        assertEquals(List.of(170.0), server.row("wrap", "SELECT count(total_w) FROM meter_power"));
    }

    private String[] args(final String... command)
    {
        final String[] all = new String[command.length + source.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(source, 0, all, command.length, source.length);
        return all;
    }

    /**
     * A real influxd (Debian {@code influxdb} 1.6) on free loopback ports with its data in a test folder.
     */
    static final class Influxd implements AutoCloseable
    {
        private static final Pattern VALUES = Pattern.compile("\"values\":\\[\\[(.*?)\\]\\]");

        private final Path dir;
        private final int port;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private Process process;

        private Influxd(final Path dir, final int port)
        {
            this.dir = dir;
            this.port = port;
        }

        static boolean installed()
        {
            for (final String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            {
                if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "influxd")))
                {
                    return true;
                }
            }
            return false;
        }

        static Influxd start(final Path dir) throws IOException
        {
            final Influxd server = new Influxd(dir, freePort());
            final Path config = Files.writeString(dir.resolve("influxdb.conf"), String.join("\n",
                "reporting-enabled = false", "bind-address = \"127.0.0.1:" + freePort() + "\"",
                "[meta]", "  dir = \"" + dir.resolve("meta") + "\"",
                "[data]", "  dir = \"" + dir.resolve("data") + "\"", "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "[monitor]", "  store-enabled = false",
                "[http]", "  bind-address = \"127.0.0.1:" + server.port + "\"", "  log-enabled = false",
                "[logging]", "  level = \"error\"", ""));
            server.process = new ProcessBuilder("influxd", "-config", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("influxd.log").toFile()).start();
            final Process started = server.process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "influxd-reaper"));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() - deadline < 0 && started.isAlive())
            {
                if ("204".equals(server.status("/ping")))
                {
                    return server;
                }
                sleep();
            }
            throw new IllegalStateException("influxd did not answer /ping: " + Files.readString(
                dir.resolve("influxd.log")));
        }

        URI url()
        {
            return URI.create("http://127.0.0.1:" + port);
        }

        /**
         * @return the first row of the query's first series without its time column.
         */
        List<Double> row(final String database, final String q)
        {
            final String body = get("/query?db=" + encode(database) + "&q=" + encode(q));
            final Matcher matcher = VALUES.matcher(body);
            final List<Double> values = new ArrayList<>();
            if (matcher.find())
            {
                final String[] cells = matcher.group(1).split(",");
                for (int c = 1; c < cells.length; c++)
                {
                    values.add(Double.parseDouble(cells[c].trim()));
                }
            }
            return values;
        }

        @Override
        public void close() throws InterruptedException
        {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor();
            }
        }

        private String status(final String path)
        {
            try
            {
                return String.valueOf(http.send(HttpRequest.newBuilder(url().resolve(path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            catch (final IOException | InterruptedException ex)
            {
                return ex.getClass().getSimpleName();
            }
        }

        void post(final String pathAndQuery, final String body, final String type)
        {
            try
            {
                http.send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            }
            catch (final IOException | InterruptedException ex)
            {
                throw new IllegalStateException(ex);
            }
        }

        private String get(final String pathAndQuery)
        {
            try
            {
                return http.send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            }
            catch (final IOException | InterruptedException ex)
            {
                throw new IllegalStateException(ex);
            }
        }

        private static String encode(final String text)
        {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        private static int freePort() throws IOException
        {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
            {
                return socket.getLocalPort();
            }
        }

        private static void sleep()
        {
            try
            {
                Thread.sleep(50);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
