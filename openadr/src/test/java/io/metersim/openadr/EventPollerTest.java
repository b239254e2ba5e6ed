package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metersim.core.EventTimeline;
import io.metersim.core.MetersimException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event poller against a real stub VTN over loopback sockets.
 */
class EventPollerTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> VENS = List.of("Herning", "Aarhus", "Odense");
    private static final Duration LONG = Duration.ofHours(1);

    private final List<EventTimeline> timelines = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private TestVtn vtn;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            open.get(i).close();
        }
    }

    static String event(final String name, final String targets)
    {
        return TestVtnEventsTest.EVENING_PEAK.replace("evening peak", name)
            .replace("[{\"type\":\"VEN_NAME\",\"values\":[\"Herning\"]}]", targets);
    }

    @Test
    void shouldKeepTheEventsTargetedAtTheRunsVensBeforeStartReturns() throws Exception
    {
        start(TestVtnOptions.defaults().withPort(0));
        vtn.publishEvents(file(event("herning", "[{\"type\":\"VEN_NAME\",\"values\":[\"Herning\"]}]"),
            event("everyone", "null"),
            event("nowhere", "[{\"type\":\"VEN_NAME\",\"values\":[\"Nowhere\"]}]"),
            event("group", "[{\"type\":\"GROUP\",\"values\":[\"g1\"]}]"),
            event("resource", "[{\"type\":\"RESOURCE_NAME\",\"values\":[\"R1\"]}]"),
            event("two", "[{\"type\":\"VEN_NAME\",\"values\":[\"Odense\",\"Aarhus\",\"Skive\"]}]")));
        final EventPoller poller = poller(reporter(), VENS, LONG, false);

        assertEquals(1, timelines.size(), "the first timeline is handed over before start returns");
        final EventTimeline timeline = timelines.get(0);
        assertEquals(List.of("herning", "everyone", "resource", "two"), names(timeline));
        assertEquals(List.of("Herning"), timeline.venTargets(0));
        assertEquals(List.of(), timeline.venTargets(1), "an event for every VEN stays untargeted");
        assertEquals(List.of(), timeline.venTargets(2));
        assertEquals(List.of("R1"), timeline.resourceTargets(2));
        assertEquals(List.of("Aarhus", "Odense"), timeline.venTargets(3), "narrowed to the VENs that keep it");
        final PollerStatistics statistics = poller.statistics();
        assertEquals(1, statistics.polls());
        assertEquals(1, statistics.pages());
        assertEquals(0, statistics.failed());
        assertEquals(1, statistics.updates());
        assertEquals(4, statistics.eventsKnown());
        assertEquals(0, statistics.unreadable(), "the stub's event-1 has no time: left out, not unreadable");
    }

    @Test
    void shouldReadEveryPageOfTheListing() throws Exception
    {
        start(TestVtnOptions.defaults().withPort(0));
        final String[] many = new String[60];
        for (int i = 0; i < many.length; i++)
        {
            many[i] = event("peak " + i, "null");
        }
        vtn.publishEvents(file(many));
        final EventPoller poller = poller(reporter(), VENS, LONG, true);
        assertEquals(2, poller.statistics().pages());
        assertEquals(60, timelines.get(0).size());
        assertEquals("peak 59", timelines.get(0).name(59));
    }

    @Test
    void shouldFollowEventsPublishedChangedAndDeletedWhileItPolls() throws Exception
    {
        start(TestVtnOptions.defaults().withPort(0));
        final EventPoller poller = poller(reporter(), VENS, Duration.ofMillis(100), false);
        assertEquals(0, timelines.get(0).size());
        final String bl = blToken();
        final JsonNode created = MAPPER.readTree(send("POST", "/events",
            event("aarhus", "[{\"type\":\"VEN_NAME\",\"values\":[\"Aarhus\"]}]"), bl).body());
        final String id = created.get("id").asText();
        await(() -> names(last()).equals(List.of("aarhus")));
        assertEquals(List.of("Aarhus"), last().venTargets(0));
        assertEquals(0, last().priority(0));

        send("PUT", "/events/" + id, event("aarhus", "[{\"type\":\"VEN_NAME\",\"values\":[\"Aarhus\"]}]")
            .replace("\"priority\":0", "\"priority\":3"), bl);
        await(() -> last().size() == 1 && last().priority(0) == 3);

        assertEquals(200, send("DELETE", "/events/" + id, null, bl).statusCode());
        await(() -> last().size() == 0);
        assertTrue(poller.statistics().polls() > VENS.size(), poller.statistics().toString());
        assertEquals(timelines.size(), poller.statistics().updates(), poller.statistics().toString());
        assertEquals(0, poller.statistics().failed());
    }

    @Test
    void shouldCountFailedPollsAndKeepTheEventsItKnew() throws Exception
    {
        start(TestVtnOptions.defaults().withPort(0));
        vtn.publishEvents(file(event("everyone", "null")));
        final VtnReporter reporter = VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(),
            TestVtnOptions.DEFAULT_CLIENT_ID, TestVtnOptions.DEFAULT_CLIENT_SECRET)
            .withRetries(1, Duration.ZERO, Duration.ZERO, 1));
        open.add(reporter);
        final EventPoller poller = poller(reporter, VENS, Duration.ofMillis(50), false);
        final int port = vtn.port();
        vtn.close();
        await(() -> poller.statistics().failed() >= 3);
        final PollerStatistics statistics = poller.statistics();
        assertTrue(statistics.lastFailure().startsWith("event listing refused"), statistics.lastFailure());
        assertTrue(statistics.lastFailure().contains("cannot connect to 127.0.0.1:" + port),
            statistics.lastFailure());
        assertEquals(List.of("everyone"), names(last()), "the VENs keep what they knew");
        assertEquals(1, statistics.updates());
    }

    @Test
    void shouldLeaveOutAnEventItCannotReadAndKeepTheOthers() throws Exception
    {
        start(TestVtnOptions.defaults().withPort(0));
        // the schema's duration pattern allows a sign; a negative duration has no meaning for a VEN
        vtn.publishEvents(file(event("fine", "null"), event("negative", "null").replace("\"PT4H\"", "\"-PT4H\"")));
        final EventPoller poller = poller(reporter(), VENS, LONG, false);
        final PollerStatistics statistics = poller.statistics();
        assertEquals(List.of("fine"), names(timelines.get(0)));
        assertEquals(1, statistics.unreadable());
        assertEquals(1, statistics.eventsKnown());
    }

    @Test
    void shouldRefuseAnIntervalThatIsNotPositive() throws Exception
    {
        start(TestVtnOptions.defaults().withPort(0));
        final VtnReporter reporter = reporter();
        final MetersimException refused = assertThrows(MetersimException.class,
            () -> reporter.pollEvents(VENS, Duration.ZERO, false, timelines::add));
        assertEquals("event polling needs a positive interval and at least one VEN [interval=PT0S vens=3]",
            refused.getMessage());
        assertFalse(timelines.iterator().hasNext());
    }

    private void start(final TestVtnOptions options)
    {
        vtn = TestVtn.start(options);
        open.add(vtn);
    }

    private VtnReporter reporter()
    {
        final VtnReporter reporter = VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(),
            TestVtnOptions.DEFAULT_CLIENT_ID, TestVtnOptions.DEFAULT_CLIENT_SECRET));
        open.add(reporter);
        return reporter;
    }

    private EventPoller poller(final VtnReporter reporter, final List<String> vens, final Duration interval,
        final boolean shared)
    {
        final EventPoller poller = reporter.pollEvents(vens, interval, shared, timelines::add);
        open.add(poller);
        return poller;
    }

    private EventTimeline last()
    {
        return timelines.get(timelines.size() - 1);
    }

    private static List<String> names(final EventTimeline timeline)
    {
        final List<String> names = new ArrayList<>();
        for (int e = 0; e < timeline.size(); e++)
        {
            names.add(timeline.name(e));
        }
        return names;
    }

    /** Waits for a condition of the polling threads; the bound only keeps a broken poller from hanging the build. */
    private static void await(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() - deadline < 0, "condition not reached within 30 s");
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private Path file(final String... events) throws IOException
    {
        return Files.writeString(Files.createTempFile(dir, "events", ".json"), "[" + String.join(",", events) + "]");
    }

    private String blToken() throws IOException, InterruptedException
    {
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(vtn.baseUri() + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                    + TestVtnOptions.BL_CLIENT_ID + "&client_secret=" + TestVtnOptions.BL_CLIENT_SECRET)).build(),
            HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(answer.body()).get("access_token").asText();
    }

    private HttpResponse<String> send(final String method, final String path, final String body, final String token)
        throws IOException, InterruptedException
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(vtn.baseUri() + path))
            .header("Authorization", "Bearer " + token)
            .method(method, null == body ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
