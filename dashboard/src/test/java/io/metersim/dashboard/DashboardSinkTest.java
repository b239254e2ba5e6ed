package io.metersim.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard over real HTTP on 127.0.0.1: the page and its bundled files, the stream of one update per tick with
 * the history for a late browser, the end of the stream when the run ends, the counts, and the errors.
 */
class DashboardSinkTest
{
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldServeThePageAndEveryBundledFile() throws Exception
    {
        final Fixture fixture = new Fixture(3, 2, 4, 6);
        final MeterSimulator simulator = fixture.simulator();
        final DashboardSink dashboard = DashboardSink.create(simulator, DashboardSink.Options.onPort(0), List::of);
        final TickLoop loop = TickLoop.builder(simulator).ticks(3).sink(dashboard).build();
        loop.start();
        try
        {
            final URI url = dashboard.url();
            assertEquals("127.0.0.1", url.getHost());
            final HttpResponse<String> page = get(url);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("/static/uPlot.iife.min.js"), page.body());
            assertTrue(page.body().contains("id=\"fleet-total\""));
            final HttpResponse<String> uplot = get(url.resolve("/static/uPlot.iife.min.js"));
            assertEquals(200, uplot.statusCode());
            assertTrue(uplot.body().startsWith("/*! https://github.com/leeoniya/uPlot (v1.6.32) */"));
            assertEquals(200, get(url.resolve("/static/dashboard.js")).statusCode());
            assertEquals(200, get(url.resolve("/static/dashboard.css")).statusCode());
            assertEquals(200, get(url.resolve("/static/uPlot.min.css")).statusCode());
            assertTrue(get(url.resolve("/static/uPlot.LICENSE")).body().contains("MIT"));
            assertEquals(404, get(url.resolve("/static/../pom.xml")).statusCode());
            assertEquals(204, get(url.resolve("/latest.json")).statusCode(), "no tick yet");
            final HttpResponse<String> post = http.send(HttpRequest.newBuilder(url).POST(
                HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
        finally
        {
            loop.finish();
        }
    }

    @Test
    void shouldStreamOneUpdatePerTickAndTheHistoryToALateBrowser() throws Exception
    {
        final Fixture fixture = new Fixture(3, 2, 4, 6);
        final MeterSimulator simulator = fixture.simulator();
        final SinkCounts other = new SinkCounts("jsonl", "records", 12, 12, 0, 0, 0);
        final DashboardSink dashboard = DashboardSink.create(simulator, DashboardSink.Options.onPort(0),
            () -> List.of(other));
        dashboard.eventSource(timestamp -> "event-1 SIMPLE level 1");
        final TickLoop loop = TickLoop.builder(simulator).ticks(4).sink(dashboard).build();
        loop.start();
        final List<JsonNode> updates = new ArrayList<>();
        try
        {
            for (int tick = 0; tick < 4; tick++)
            {
                loop.tick();
                // one tick at a time, each published before the next: nothing is coalesced
                dashboard.flush();
            }
            final HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(dashboard.url().resolve(
                "/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").get());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                StandardCharsets.UTF_8)))
            {
                String line;
                while (updates.size() < 4 && null != (line = lines.readLine()))
                {
                    if (line.startsWith("data: "))
                    {
                        updates.add(json.readTree(line.substring("data: ".length())));
                    }
                }
            }
            final JsonNode latest = json.readTree(get(dashboard.url().resolve("/latest.json")).body());
            assertEquals(3, latest.get("tick").asLong());
        }
        finally
        {
            loop.finish();
        }

        assertEquals(4, updates.size());
        for (int tick = 0; tick < 4; tick++)
        {
            final JsonNode m = updates.get(tick);
            assertEquals(tick, m.get("tick").asLong());
            double fleet = 0;
            for (int v = 0; v < 3; v++)
            {
                fleet += fixture.venWatts(v, tick);
                assertEquals(fixture.venWatts(v, tick) / 1000.0, m.get("venKw").get(v).asDouble(), 1e-9);
            }
            assertEquals(fleet / 1000.0, m.get("totalKw").asDouble(), 1e-9);
            assertEquals("event-1 SIMPLE level 1", m.get("event").asText());
            assertEquals("jsonl", m.get("sinks").get(0).get("sink").asText());
            assertEquals("dashboard", m.get("sinks").get(1).get("sink").asText());
            assertEquals(tick + 1, m.get("sinks").get(1).get("accepted").asLong(), "counted when published");
        }
        final SinkCounts counts = dashboard.counts();
        assertEquals(new SinkCounts("dashboard", "updates", 4, 4, 0, 0, 0), counts);
    }

    @Test
    void shouldEndTheStreamWhenTheRunEnds() throws Exception
    {
        final MeterSimulator simulator = new Fixture(2, 1, 2, 4).simulator();
        final DashboardSink dashboard = DashboardSink.create(simulator, DashboardSink.Options.onPort(0), List::of);
        final TickLoop loop = TickLoop.builder(simulator).ticks(2).sink(dashboard).build();
        loop.start();
        loop.tick();
        final HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(dashboard.url().resolve(
            "/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        loop.tick();
        loop.finish();
        final String all = new String(stream.body().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(all.endsWith("event: end\ndata: {}\n\n"), all);
        assertEquals(2, all.split("event: tick", -1).length - 1, all);
    }

    @Test
    void shouldNameThePortInUse() throws Exception
    {
        final MeterSimulator simulator = new Fixture(1, 1, 1, 2).simulator();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final DashboardSink dashboard = DashboardSink.create(simulator,
                DashboardSink.Options.onPort(taken.getLocalPort()), List::of);
            final MetersimException ex = assertThrows(MetersimException.class, () -> dashboard.open(1));

            assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ", the port is in use or not "
                + "allowed; choose another with --dashboard PORT, or 0 for any free port [port="
                + taken.getLocalPort() + "]", ex.getMessage());
        }
    }

    @Test
    void shouldRefuseOptionsOutOfRange()
    {
        assertEquals("the dashboard port must be 0 (any free port) to 65535 [port=65536]",
            assertThrows(MetersimException.class, () -> DashboardSink.Options.onPort(65_536)).getMessage());
        assertEquals("the dashboard history must be 2 to 100000 ticks [historyTicks=1]",
            assertThrows(MetersimException.class, () -> new DashboardSink.Options(0, 1, 5)).getMessage());
        assertEquals("the dashboard shows 1 to 1000 VENs one by one [maxVens=0]",
            assertThrows(MetersimException.class, () -> new DashboardSink.Options(0, 10, 0)).getMessage());
    }

    private HttpResponse<String> get(final URI uri) throws Exception
    {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
