package io.metersim.influx;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code influxd} (Debian {@code influxdb} 1.6) for tests: HTTP and RPC on free loopback ports, meta, data and
 * WAL in a folder of the test, no reporting; stopped and started again on the same port and data.
 */
final class InfluxServer implements AutoCloseable
{
    static final String SKIP = "influxd is not installed: apt-get install -y influxdb (.ci/run installs it)";
    private static final Pattern VALUES = Pattern.compile("\"values\":\\[\\[(.*?)\\]\\]");

    private final Path dir;
    private final Path config;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Process process;

    private InfluxServer(final Path dir, final String extraHttp) throws IOException
    {
        this.dir = dir;
        this.port = freePort();
        this.config = dir.resolve("influxdb.conf");
        Files.writeString(config, String.join("\n",
            "reporting-enabled = false",
            "bind-address = \"127.0.0.1:" + freePort() + "\"",
            "[meta]", "  dir = \"" + dir.resolve("meta") + "\"", "  logging-enabled = false",
            "[data]", "  dir = \"" + dir.resolve("data") + "\"", "  wal-dir = \"" + dir.resolve("wal") + "\"",
            "  query-log-enabled = false", "  trace-logging-enabled = false",
            "[monitor]", "  store-enabled = false",
            "[http]", "  enabled = true", "  bind-address = \"127.0.0.1:" + port + "\"", "  log-enabled = false",
            extraHttp,
            "[logging]", "  level = \"error\"", ""));
    }

    /**
     * @return whether {@code influxd} is on the PATH.
     */
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

    static InfluxServer start(final Path dir) throws IOException
    {
        return start(dir, "");
    }

    /**
     * @param extraHttp more lines for the {@code [http]} section, e.g. {@code max-body-size = 20000}.
     */
    static InfluxServer start(final Path dir, final String extraHttp) throws IOException
    {
        final InfluxServer server = new InfluxServer(dir, extraHttp);
        server.startProcess();
        return server;
    }

    URI url()
    {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port()
    {
        return port;
    }

    /**
     * Starts {@code influxd -config FILE} and waits for {@code GET /ping} to answer 204.
     */
    void startProcess() throws IOException
    {
        if (-1 != pingStatus())
        {
            throw new IllegalStateException("something already answers on the port [port=" + port + "]");
        }
        process = new ProcessBuilder("influxd", "-config", config.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log")
                .toFile())).start();
        final Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "influxd-reaper"));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - deadline < 0)
        {
            if (!process.isAlive())
            {
                throw new IllegalStateException("influxd exited with " + process.exitValue() + ": "
                    + Files.readString(dir.resolve("influxd.log")));
            }
            if (204 == pingStatus() && process.isAlive())
            {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("influxd did not answer /ping within 60 s [port=" + port + "]");
    }

    /**
     * Stops influxd (SIGTERM, as a service stop does) and waits until it has exited.
     */
    void stopProcess() throws InterruptedException
    {
        if (null != process && process.isAlive())
        {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException
    {
        stopProcess();
    }

    void createDatabase(final String name)
    {
        final String body = post("/query", "q=" + encode("CREATE DATABASE \"" + name + "\""),
            "application/x-www-form-urlencoded");
        if (body.contains("\"error\""))
        {
            throw new IllegalStateException(body);
        }
    }

    /**
     * Writes line protocol as it stands (precision ms) and returns the status and body.
     */
    String write(final String database, final String lines)
    {
        return post("/write?db=" + encode(database) + "&precision=ms", lines, "text/plain");
    }

    /**
     * @return the server's JSON answer to an InfluxQL query.
     */
    String query(final String database, final String q)
    {
        return get("/query?db=" + encode(database) + "&epoch=ms&q=" + encode(q));
    }

    /**
     * @return the first row of the query's first series, without its time column; empty when there is none.
     */
    List<Double> row(final String database, final String q)
    {
        final String body = query(database, q);
        final Matcher matcher = VALUES.matcher(body);
        final List<Double> values = new ArrayList<>();
        if (matcher.find())
        {
            final String[] cells = matcher.group(1).split(",");
            for (int c = 1; c < cells.length; c++)
            {
                values.add("null".equals(cells[c].trim()) ? Double.NaN : Double.parseDouble(cells[c].trim()));
            }
        }
        return values;
    }

    private int pingStatus()
    {
        try
        {
            return http.send(HttpRequest.newBuilder(url().resolve("/ping")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (final IOException ex)
        {
            return -1;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String get(final String pathAndQuery)
    {
        return send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).GET().build());
    }

    private String post(final String pathAndQuery, final String body, final String type)
    {
        return send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(final HttpRequest request)
    {
        try
        {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
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

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
