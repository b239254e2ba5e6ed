package io.metersim.influx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.metersim.core.MetersimException;
import io.metersim.core.MeterSimulator;
import io.metersim.core.RunSummary;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The InfluxDB 2.x/3.x path ({@code --influx-org}, {@code --influx-bucket}, token) against the HTTP contract its
 * documentation gives, served by a small recording server: no 2.x or 3.x server can be installed on this machine
 * (Debian ships InfluxDB 1.6.7, which has no {@code /api/v2}). The sink's delivery rules (batches, retries, splits,
 * partial writes, a restart) are tested against the real 1.x {@code influxd} in {@link InfluxSinkTest}; this class
 * checks what differs for 2.x/3.x: {@code GET /api/v2/buckets?org=&name=} before the run, {@code POST
 * /api/v2/write?org=&bucket=&precision=ms} with {@code Authorization: Token}, gzip bodies, and the refusals.
 */
class InfluxV2ContractTest
{
    private static final String ORG = "metersim org";
    private static final String BUCKET = "readings";
    private static final String TOKEN = "s3cr3t-t0ken";

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private String version = "v2.7.10";

    @AfterEach
    void stop()
    {
        if (null != server)
        {
            server.stop(0);
        }
    }

    @Test
    void shouldCheckTheBucketAndWriteEveryLineWithTheTokenAtMillisecondPrecision()
    {
        final URI url = start();
        final MeterSimulator simulator = Fixture.simulator(3, 4, 3, 24);
        final Fixture.Totals totals = new Fixture.Totals();
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v2(url, ORG, BUCKET, TOKEN)
            .withBatching(10, 2, 1));

        final RunSummary run = TickLoop.builder(simulator).ticks(5).sink(totals).sink(influx).build().run();

        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome(), () -> String.valueOf(run.failure()));
        assertEquals("GET /ping Token s3cr3t-t0ken", requests.get(0));
        assertEquals("GET /api/v2/buckets?org=metersim%20org&name=readings Token s3cr3t-t0ken", requests.get(1));
        final List<String> writes = requests.subList(2, requests.size());
        final long expected = totals.meterLines() + totals.venLines();
        assertEquals((expected + 9) / 10, writes.size(), "batches of 10 lines: " + writes);
        for (final String write : writes)
        {
            assertEquals("POST /api/v2/write?org=metersim%20org&bucket=readings&precision=ms Token s3cr3t-t0ken "
                + "gzip", write);
        }
        assertEquals(expected, lines.size());
        assertEquals(new SinkCounts("influx", "lines", expected, expected, 0, 0, 0), influx.counts());
        assertEquals(totals.watts(), sumOfTotals("meter_power"), 1e-6 * totals.watts());
        assertEquals(totals.watts(), sumOfTotals("ven_power"), 1e-6 * totals.watts());
        assertTrue(lines.get(0).endsWith(" " + Fixture.T0_MILLIS), lines.get(0));
    }

    @Test
    void shouldRefuseAMissingBucketBeforeTheFirstTick()
    {
        final URI url = start();
        final TickLoop loop = TickLoop.builder(Fixture.simulator(1, 1, 1, 4)).ticks(1)
            .sink(InfluxSink.create(InfluxSink.Options.v2(url, ORG, "nope", TOKEN))).build();

        final MetersimException refused = assertThrows(MetersimException.class, loop::run);

        assertEquals("sink cannot start: bucket nope not found in org " + ORG + " on " + url + " [influx=" + url
            + " org=" + ORG + " bucket=nope] [sink=influx]", refused.getMessage());
        assertEquals(List.of(), lines);
    }

    @Test
    void shouldRefuseAWrongTokenWithoutSayingIt()
    {
        final URI url = start();
        final TickLoop loop = TickLoop.builder(Fixture.simulator(1, 1, 1, 4)).ticks(1)
            .sink(InfluxSink.create(InfluxSink.Options.v2(url, ORG, BUCKET, "wrong-token"))).build();

        final MetersimException refused = assertThrows(MetersimException.class, loop::run);

        assertTrue(refused.getMessage().startsWith("sink cannot start: GET /api/v2/buckets refused: HTTP 401 "),
            refused.getMessage());
        assertFalse(refused.getMessage().contains("wrong-token"), refused.getMessage());
        assertEquals(List.of(), lines);
    }

    @Test
    void shouldRefuseOrgAndBucketOnAServerWithoutTheV2Api()
    {
        version = "1.7.10";
        final URI url = start();
        final TickLoop loop = TickLoop.builder(Fixture.simulator(1, 1, 1, 4)).ticks(1)
            .sink(InfluxSink.create(InfluxSink.Options.v2(url, ORG, BUCKET, TOKEN))).build();

        final MetersimException refused = assertThrows(MetersimException.class, loop::run);

        assertEquals("sink cannot start: InfluxDB 1.7.10 at " + url + " has no /api/v2/write (1.8 and later have it): "
            + "give a database instead of an org and a bucket [influx=" + url + " org=" + ORG + " bucket=" + BUCKET
            + "] [sink=influx]", refused.getMessage());
    }

    private double sumOfTotals(final String measurement)
    {
        double sum = 0;
        for (final String line : lines)
        {
            if (line.startsWith(measurement + ","))
            {
                final String fields = line.split(" ")[1];
                for (final String field : fields.split(","))
                {
                    if (field.startsWith("total_w="))
                    {
                        sum += Double.parseDouble(field.substring("total_w=".length()));
                    }
                }
            }
        }
        return sum;
    }

    /**
     * A server answering as the InfluxDB 2.x API reference describes: {@code /ping} 204 with its version header,
     * the buckets list filtered by org and name, 401 without the token, 204 for an accepted write.
     */
    private URI start()
    {
        try
        {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot open a loopback port", ex);
        }
        server.createContext("/", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(final HttpExchange exchange) throws IOException
    {
        final String path = exchange.getRequestURI().getPath();
        final String query = exchange.getRequestURI().getRawQuery();
        final String token = exchange.getRequestHeaders().getFirst("Authorization");
        final String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        final byte[] body = exchange.getRequestBody().readAllBytes();
        synchronized (this)
        {
            requests.add(exchange.getRequestMethod() + " " + path + (null == query ? "" : "?" + query)
                + (null == token ? "" : " " + token) + (null == encoding ? "" : " "
                + encoding));
        }
        if ("/ping".equals(path))
        {
            exchange.getResponseHeaders().add("X-Influxdb-Version", version);
            reply(exchange, 204, "");
        }
        else if (!("Token " + TOKEN).equals(token))
        {
            reply(exchange, 401, "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}");
        }
        else if ("/api/v2/buckets".equals(path))
        {
            final boolean known = query.equals("org=metersim%20org&name=" + BUCKET);
            reply(exchange, 200, "{\"buckets\":[" + (known ? "{\"id\":\"0a1b\",\"orgID\":\"9f8e\",\"name\":\""
                + BUCKET + "\",\"retentionRules\":[]}" : "") + "]}");
        }
        else if ("/api/v2/write".equals(path))
        {
            receive("gzip".equals(encoding) ? gunzip(body) : body);
            reply(exchange, 204, "");
        }
        else
        {
            reply(exchange, 404, "{\"code\":\"not found\",\"message\":\"path not found\"}");
        }
    }

    private synchronized void receive(final byte[] body)
    {
        for (final String line : new String(body, StandardCharsets.UTF_8).split("\n"))
        {
            if (!line.isEmpty())
            {
                lines.add(line);
            }
        }
    }

    private static byte[] gunzip(final byte[] body) throws IOException
    {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body)))
        {
            return in.readAllBytes();
        }
    }

    private static void reply(final HttpExchange exchange, final int status, final String body) throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, 204 == status ? -1 : bytes.length);
        if (204 != status)
        {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
