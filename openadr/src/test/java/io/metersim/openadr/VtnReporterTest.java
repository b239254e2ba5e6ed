package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import io.metersim.core.CollectionBuffer;
import io.metersim.core.FormulaFleet;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VtnReporterTest
{
    private static final int ROWS = 4;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            open.get(i).close();
        }
    }

    @Test
    void shouldDeliverSchemaValidReportsFromWhichEveryLoadValueIsRecovered()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));
        final MeterSimulator simulator = FormulaFleet.simulator(2, 3, ROWS);
        final VtnReporter reporter = reporter(options(vtn).withReports(Duration.ofHours(1), 1, true, true));
        assertEquals("program-1", reporter.programId());
        assertEquals("event-1", reporter.eventId());
        reporter.register(simulator.registry());
        replay(simulator, reporter, ROWS);
        final DeliverySummary summary = reporter.shutdown();

        assertEquals("delivered 8 of 8 reports; not delivered: 0 failed, 0 dropped, 0 abandoned at the flush deadline",
            summary.toString());
        assertEquals(List.of(), vtn.rejections());
        final ReporterStatistics statistics = summary.statistics();
        assertEquals(vtn.reportBytes(), statistics.bytesSent());
        assertTrue(statistics.latencyP50Millis() > 0 && statistics.latencyMaxMillis() >= statistics.latencyP99Millis()
            && statistics.latencyP99Millis() >= statistics.latencyP50Millis(), statistics.toString());
        final OpenAdrSchemas schemas = OpenAdrSchemas.bundled();
        for (final String report : vtn.reports())
        {
            assertEquals(List.of(), schemas.violations("report", report));
        }
        final Map<String, Double> expected = ReportRecovery.expected(simulator, ROWS);
        assertEquals(2 * 3 * 6 * ROWS, expected.size());
        assertEquals(expected, ReportRecovery.watts(vtn.reports(), "USAGE"));
        assertEquals(expected, ReportRecovery.watts(vtn.reports(), "DEMAND"));

        final JsonNode first = vtn.reports().stream().map(ReportRecovery::tree)
            .filter(report -> "V1@2025-01-15T08:00:00Z".equals(report.get("reportName").asText()))
            .findFirst().orElseThrow();
        assertEquals("V1", first.get("clientName").asText());
        assertEquals(List.of("V1", "V1", "V1", "V1", "V2", "V2", "V2", "V2"), vtn.reports().stream()
            .map(report -> ReportRecovery.tree(report).get("clientName").asText()).sorted().toList());
        assertEquals("[{\"objectType\":\"REPORT_PAYLOAD_DESCRIPTOR\",\"payloadType\":\"USAGE\",\"readingType\":"
            + "\"DIRECT_READ\",\"units\":\"KWH\"},{\"objectType\":\"REPORT_PAYLOAD_DESCRIPTOR\",\"payloadType\":"
            + "\"DEMAND\",\"readingType\":\"MEAN\",\"units\":\"KW\"}]", first.get("payloadDescriptors").toString());
        assertEquals("{\"resourceName\":\"R1/load_0\",\"intervalPeriod\":{\"start\":\"2025-01-15T08:00:00Z\","
            + "\"duration\":\"PT1H\"},\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"USAGE\",\"values\":[1.0]},"
            + "{\"type\":\"DEMAND\",\"values\":[1.0]}]}]}", first.get("resources").get(0).toString());
        assertEquals(18, first.get("resources").size());
    }

    @Test
    void shouldConvertWattsToKilowattHoursOfTheDataInterval()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));
        final MeterSimulator simulator = FormulaFleet.simulator(1, 1, 1);
        final VtnReporter reporter = reporter(options(vtn).withReports(Duration.ofMinutes(15), 1, true, true));
        replay(simulator, reporter, 1);
        reporter.shutdown();
        final JsonNode resource = ReportRecovery.tree(vtn.reports().get(0)).get("resources").get(5);
        assertEquals("{\"resourceName\":\"R1/load_5\",\"intervalPeriod\":{\"start\":\"2025-01-15T08:00:00Z\","
            + "\"duration\":\"PT15M\"},\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"USAGE\",\"values\":[0.375]},"
            + "{\"type\":\"DEMAND\",\"values\":[1.5]}]}]}", resource.toString());
    }

    @Test
    void shouldCarrySeveralTicksPerReportAndFlushThePartOneAtShutdown()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));
        final MeterSimulator simulator = FormulaFleet.simulator(2, 2, ROWS);
        final VtnReporter reporter = reporter(options(vtn).withReports(Duration.ofHours(1), 3, true, false));
        replay(simulator, reporter, ROWS);
        final DeliverySummary summary = reporter.shutdown();

        assertTrue(summary.complete());
        assertEquals(4, vtn.reportCount());
        assertEquals(List.of(), vtn.rejections());
        final List<Integer> sizes = new ArrayList<>();
        for (final String report : vtn.reports())
        {
            sizes.add(ReportRecovery.tree(report).get("resources").size());
        }
        sizes.sort(null);
        assertEquals(List.of(12, 12, 36, 36), sizes);
        assertEquals(ReportRecovery.expected(simulator, ROWS), ReportRecovery.watts(vtn.reports(), "USAGE"));
    }

    @Test
    void shouldLoseNoReportAcrossInjectedFaultsAndRetryBoundedly()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0).withFaults(5, 0.25, 0.15, 0, 2));
        final MeterSimulator simulator = FormulaFleet.simulator(3, 2, 8);
        final VtnReporter reporter = reporter(options(vtn).withRetries(3, Duration.ofMillis(1), Duration.ofMillis(20),
            9));
        reporter.register(simulator.registry());
        replay(simulator, reporter, 8);
        final ReporterStatistics statistics = reporter.shutdown().statistics();

        assertEquals(24, statistics.submitted());
        assertEquals(24, statistics.sent());
        assertEquals(0, statistics.failed());
        assertEquals(24, vtn.reportCount());
        assertTrue(vtn.injectedServerErrors() > 0 && vtn.injectedTooManyRequests() > 0);
        assertEquals(vtn.injectedServerErrors() + vtn.injectedTooManyRequests(), statistics.retries());
        assertTrue(statistics.retriedReports() > 0 && statistics.retriedReports() <= 24);
        assertEquals(ReportRecovery.expected(simulator, 8), ReportRecovery.watts(vtn.reports(), "USAGE"));
    }

    @Test
    void shouldGiveUpAfterMaxAttemptsAndSayWhichReportsFailed()
    {
        // every request fails its first 3 attempts: a first reporter (5 attempts) takes the program and event
        // look-ups' faults, so the second one (3 attempts) connects and then fails each report
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0).withFaults(5, 1.0, 0.0, 0, 3));
        final MeterSimulator simulator = FormulaFleet.simulator(1, 1, 2);
        reporter(options(vtn).withProgram(vtn.programId(), vtn.eventId()));
        final int lookUpFaults = vtn.injectedServerErrors();
        final VtnReporter reporter = reporter(options(vtn).withProgram(vtn.programId(), vtn.eventId())
            .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5), 9).withOutbox(16, false, 1));
        replay(simulator, reporter, 2);
        final DeliverySummary summary = reporter.shutdown();

        assertEquals(2, summary.statistics().failed());
        assertEquals(4, summary.statistics().retries());
        assertEquals(6, vtn.injectedServerErrors() - lookUpFaults);
        final String problem = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"injected fault\"}";
        final List<String> lines = new ArrayList<>(summary.undelivered());
        lines.sort(null);
        assertEquals(List.of(
            "ven=V1 firstPosition=0 bytes=" + bytesAt(simulator, reporter, 0) + " failed: HTTP 503 after 3 attempts: "
                + problem,
            "ven=V1 firstPosition=1 bytes=" + bytesAt(simulator, reporter, 1) + " failed: HTTP 503 after 3 attempts: "
                + problem), lines);
        assertFalse(summary.complete());
    }

    @Test
    void shouldReportARefusedReportWithTheProblemBodyWithoutRetrying()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));
        // 125 characters: the resource registers, but its report entries "<id>/load_k" exceed the schema's 128
        final String longId = "R".repeat(125);
        final MeterSimulator simulator = MeterSimulator.create(FormulaFleet.data(1, 1), Registry.of(List.of(
            new ResourceSpec("V1", longId, "Resource 1", ResourceStatus.APPROVED, "1", ""))),
            io.metersim.core.SimulatorOptions.defaults());
        final VtnReporter reporter = reporter(options(vtn));
        replay(simulator, reporter, 1);
        final DeliverySummary summary = reporter.shutdown();

        assertEquals(0, summary.statistics().retries());
        assertEquals(1, summary.statistics().failed());
        assertEquals(1, summary.undelivered().size());
        assertTrue(summary.undelivered().get(0).contains(" failed: HTTP 400 after 1 attempts: {"
            + "\"type\":\"about:blank\","
            + "\"title\":\"Bad Request\",\"status\":400,\"detail\":\"report violates the OpenADR 3.0.1 schema: /resources/0/resourceName: must be at most 128 "
            + "characters long; /resources/1/resourceName"), summary.undelivered().get(0));
        assertEquals("delivered 0 of 1 reports; not delivered: 1 failed, 0 dropped, 0 abandoned at the flush deadline"
            + System.lineSeparator() + "  " + summary.undelivered().get(0), summary.toString());
    }

    @Test
    void shouldNameAnUnknownProgramOrEventAlsoWhenBothIdsAreGiven()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));

        final VtnException program = assertThrows(VtnException.class,
            () -> VtnReporter.connect(options(vtn).withProgram("p9", vtn.eventId())));
        final VtnException event = assertThrows(VtnException.class,
            () -> VtnReporter.connect(options(vtn).withProgram(vtn.programId(), "e9")));

        assertTrue(program.getMessage().startsWith("unknown program: the VTN lists no program p9 "),
            program.getMessage());
        assertTrue(event.getMessage().startsWith("unknown event: no program of the VTN lists event e9 "),
            event.getMessage());
    }

    @Test
    void shouldRefreshTheTokenOnceAfterA401()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0).withTokens(3600, 4));
        final MeterSimulator simulator = FormulaFleet.simulator(2, 1, 6);
        final VtnReporter reporter = reporter(options(vtn).withOutbox(64, false, 1));
        replay(simulator, reporter, 6);
        final ReporterStatistics statistics = reporter.shutdown().statistics();

        assertEquals(12, statistics.sent());
        assertEquals(0, statistics.retries());
        assertTrue(vtn.tokensIssued() >= 4, "tokens issued: " + vtn.tokensIssued());
        assertEquals(vtn.tokensIssued() - 1, statistics.tokenRefreshes());
    }

    @Test
    void shouldRegisterIdempotentlyAcrossARestart()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));
        final Registry registry = FormulaFleet.registry(2, 3);
        final Map<String, String> first;
        try (VtnReporter reporter = VtnReporter.connect(options(vtn)))
        {
            first = reporter.register(registry);
        }
        final List<ResourceSpec> more = new ArrayList<>(registry.resources());
        more.add(new ResourceSpec("V1", "R7", "new", ResourceStatus.APPROVED, "", ""));
        more.add(new ResourceSpec("V2", "R8", "waiting", ResourceStatus.PENDING, "", ""));
        more.add(new ResourceSpec("V3", "R9", "suspended", ResourceStatus.SUSPENDED, "", ""));
        final Map<String, String> second;
        try (VtnReporter restarted = VtnReporter.connect(options(vtn)))
        {
            second = restarted.register(Registry.of(more));
        }

        assertEquals(List.of("V1", "V2"), List.copyOf(first.keySet()));
        assertEquals(List.of("V1", "V2", "V3"), List.copyOf(second.keySet()));
        assertEquals(first.get("V1"), second.get("V1"));
        assertEquals(first.get("V2"), second.get("V2"));
        assertEquals(Set.of("ven-1", "ven-2"), Set.copyOf(first.values()));
        assertEquals("ven-3", second.get("V3"));
        assertEquals(List.of("V1", "V2", "V3"), vtn.venNames().stream().sorted().toList());
        assertEquals(List.of("R1", "R2", "R3", "R7"), vtn.resourceNames("V1"));
        assertEquals(List.of("R4", "R5", "R6"), vtn.resourceNames("V2"));
        assertEquals(List.of(), vtn.resourceNames("V3"));
        assertEquals(List.of(), vtn.rejections());
    }

    @Test
    void shouldBlockSubmitWhileTheOutboxIsFull() throws Exception
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0).withServing(1000, 2));
        final MeterSimulator simulator = FormulaFleet.simulator(1, 1, 4);
        final VtnReporter reporter = reporter(options(vtn).withProgram("program-1", "event-1").withOutbox(1, false, 1));
        final Thread submitter = new Thread(() -> replay(simulator, reporter, 4));
        submitter.start();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!blockedInPut(submitter) && System.nanoTime() < deadline && submitter.isAlive())
        {
            Thread.sleep(1);
        }
        assertTrue(blockedInPut(submitter), "submit did not block on the full outbox");
        submitter.join(TimeUnit.SECONDS.toMillis(30));
        final ReporterStatistics statistics = reporter.shutdown().statistics();
        assertEquals(4, statistics.sent());
        assertEquals(0, statistics.dropped());
        assertEquals(4, vtn.reportCount());
    }

    @Test
    void shouldCountEveryReportASenderCannotSendAndKeepTheSenderAlive()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));
        final MeterSimulator simulator = FormulaFleet.simulator(1, 1, 4);
        final VtnReporter reporter = reporter(options(vtn).withProgram("program-1", "event-1").withOutbox(1, false, 1));
        vtn.breakTokens();

        final DeliverySummary summary = assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        {
            replay(simulator, reporter, 4);
            return reporter.shutdown();
        }, "submit blocked: the only sender died");

        final ReporterStatistics statistics = summary.statistics();
        assertEquals(4, statistics.submitted());
        assertEquals(4, statistics.failed(), summary.toString());
        assertEquals(0, statistics.sent() + statistics.dropped() + statistics.abandoned());
        assertEquals("delivered 0 of 4 reports; not delivered: 4 failed, 0 dropped, 0 abandoned at the flush deadline",
            summary.toString().lines().findFirst().orElseThrow());
        assertEquals(4, summary.undelivered().size());
        for (final String line : summary.undelivered())
        {
            assertTrue(line.matches("ven=V1 firstPosition=[0-3] bytes=\\d+ failed: unexpected failure: "
                + "invalid header value: \"Bearer <redacted>\""), line);
        }
        assertEquals(0, vtn.reportCount());
    }

    @Test
    void shouldCountEveryReportSubmittedWhileShutdownRuns() throws Exception
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0).withServing(1000, 2));
        final MeterSimulator simulator = FormulaFleet.simulator(4, 1, 1);
        final VtnReporter reporter = reporter(options(vtn).withProgram("program-1", "event-1").withOutbox(1, false, 1)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(100)));
        final AtomicInteger accepted = new AtomicInteger();
        final List<Thread> submitters = new ArrayList<>();
        for (int ven = 0; ven < 4; ven++)
        {
            final int handle = ven;
            final Thread submitter = new Thread(() ->
            {
                reporter.submit(simulator.venName(handle), simulator.collectAt(handle, 0, simulator.newBuffer()));
                accepted.incrementAndGet();
            }, "submitter-" + ven);
            submitters.add(submitter);
            submitter.start();
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (submitters.stream().filter(VtnReporterTest::blockedInPut).count() < 2 && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }

        final DeliverySummary summary = assertTimeoutPreemptively(Duration.ofSeconds(20), reporter::shutdown);
        for (final Thread submitter : submitters)
        {
            submitter.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(submitter.isAlive(), submitter.getName() + " still blocked after shutdown");
        }

        final ReporterStatistics statistics = summary.statistics();
        assertEquals(4, accepted.get());
        assertEquals(4, statistics.submitted(), summary.toString());
        assertEquals(4, statistics.sent() + statistics.failed() + statistics.dropped() + statistics.abandoned(),
            summary.toString());
        assertEquals(statistics.submitted(), reporter.statistics().submitted());
        assertEquals(statistics.abandoned(), reporter.statistics().abandoned());
        assertEquals(4 - statistics.sent(), summary.undelivered().size(), summary.toString());
    }

    @Test
    void shouldDropAndCountEveryReportTheFullOutboxCannotTake()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0).withServing(500, 2));
        final MeterSimulator simulator = FormulaFleet.simulator(1, 1, 6);
        final VtnReporter reporter = reporter(options(vtn).withProgram("program-1", "event-1").withOutbox(1, true, 1));
        replay(simulator, reporter, 6);
        final DeliverySummary summary = reporter.shutdown();
        final ReporterStatistics statistics = summary.statistics();

        assertEquals(6, statistics.submitted());
        assertEquals(6, statistics.sent() + statistics.dropped());
        assertTrue(statistics.dropped() >= 4, summary.toString());
        assertEquals(statistics.sent(), vtn.reportCount());
        assertEquals(statistics.dropped(), summary.undelivered().size());
        for (final String line : summary.undelivered())
        {
            assertTrue(line.matches("ven=V1 firstPosition=[0-5] bytes=\\d+ dropped: outbox full \\(capacity 1\\)"),
                line);
        }
    }

    @Test
    void shouldAbandonWhatIsPendingAtTheFlushDeadline()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0).withServing(3000, 2));
        final MeterSimulator simulator = FormulaFleet.simulator(1, 1, 3);
        final VtnReporter reporter = reporter(options(vtn).withProgram("program-1", "event-1").withOutbox(8, false, 1)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(100)));
        replay(simulator, reporter, 3);
        final DeliverySummary summary = reporter.shutdown();

        assertEquals(3, summary.statistics().abandoned());
        assertEquals(0, summary.statistics().sent());
        assertEquals(3, summary.undelivered().size());
        assertTrue(summary.undelivered().get(0).endsWith(" abandoned: still pending at the flush deadline (PT0.1S)"),
            summary.undelivered().get(0));
        assertEquals(summary, reporter.shutdown());
        final CollectionBuffer buffer = simulator.newBuffer();
        final MetersimException closed = assertThrows(MetersimException.class,
            () -> reporter.submit("V1", simulator.collectNextMetering("V1", buffer)));
        assertEquals("reporter is closed [ven=V1 position=" + simulator.position() + "]", closed.getMessage());
    }

    @Test
    void shouldRefuseWrongCredentialsWithoutNamingTheSecret()
    {
        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));
        final ReporterOptions wrong = ReporterOptions.defaults(vtn.baseUri(), "metersim", "s3cr3t-guess");
        final VtnException refused = assertThrows(VtnException.class, () -> VtnReporter.connect(wrong));
        assertEquals("token request refused [request=POST " + vtn.baseUri() + "/auth/token status=401 body="
            + "{\"error\":\"invalid_client\",\"error_description\":\"unknown client or wrong secret\"}]",
            refused.getMessage());
        assertEquals(401, refused.status());
        assertFalse(wrong.toString().contains("s3cr3t"));
    }

    @Test
    void shouldRefuseOptionsOutOfRangeAndCollectionsOfAnotherVen()
    {
        final MetersimException noSecret = assertThrows(MetersimException.class,
            () -> ReporterOptions.defaults(java.net.URI.create("http://127.0.0.1:1"), "id", null));
        assertEquals("reporter option out of range [clientSecret=<empty>]", noSecret.getMessage());
        final MetersimException badProgram = assertThrows(MetersimException.class,
            () -> ReporterOptions.defaults(java.net.URI.create("http://127.0.0.1:1"), "id", "s")
                .withProgram("no spaces", ""));
        assertEquals("reporter option out of range [programId=no spaces]", badProgram.getMessage());

        final TestVtn vtn = vtn(TestVtnOptions.defaults().withPort(0));
        final MeterSimulator simulator = FormulaFleet.simulator(2, 1, 1);
        final VtnReporter reporter = reporter(options(vtn));
        final CollectionBuffer buffer = simulator.collectAt(1, 0, simulator.newBuffer());
        final MetersimException other = assertThrows(MetersimException.class, () -> reporter.submit("V1", buffer));
        assertEquals("collection is of another VEN [ven=V1 collected=V2]", other.getMessage());
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrHttpDate()
    {
        assertEquals(3000, VtnClient.retryAfterMillis("3"));
        assertEquals(0, VtnClient.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(-1, VtnClient.retryAfterMillis("soon"));
    }

    private static boolean blockedInPut(final Thread thread)
    {
        final Thread.State state = thread.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
            && Arrays.stream(thread.getStackTrace())
            .anyMatch(frame -> frame.getClassName().equals("java.util.concurrent.ArrayBlockingQueue")
                && (frame.getMethodName().equals("put") || frame.getMethodName().equals("offer")));
    }

    private static int bytesAt(final MeterSimulator simulator, final VtnReporter reporter, final int index)
    {
        final ReportWriter writer = new ReportWriter(reporter.programId(), reporter.eventId(),
            ReporterOptions.defaults(java.net.URI.create("http://127.0.0.1:1"), "a", "b"));
        return writer.newBatch().append("V1", simulator.collectAt(0, index, simulator.newBuffer())).length;
    }

    /**
     * Replays rows {@code 0..rows-1}: every VEN collects at one shared position per tick, then time advances.
     */
    private static void replay(final MeterSimulator simulator, final VtnReporter reporter, final int rows)
    {
        final CollectionBuffer buffer = simulator.newBuffer();
        for (int t = 0; t < rows; t++)
        {
            final long position = simulator.position();
            for (int ven = 0; ven < simulator.venNames().size(); ven++)
            {
                reporter.submit(simulator.venName(ven), simulator.collectAt(ven, position, buffer));
            }
            simulator.increaseTime();
        }
    }

    private TestVtn vtn(final TestVtnOptions options)
    {
        final TestVtn vtn = TestVtn.start(options);
        open.add(vtn);
        return vtn;
    }

    private VtnReporter reporter(final ReporterOptions options)
    {
        final VtnReporter reporter = VtnReporter.connect(options);
        open.add(reporter);
        return reporter;
    }

    private static ReporterOptions options(final TestVtn vtn)
    {
        return ReporterOptions.defaults(vtn.baseUri(), TestVtnOptions.DEFAULT_CLIENT_ID,
            TestVtnOptions.DEFAULT_CLIENT_SECRET).withRetries(5, Duration.ofMillis(1), Duration.ofMillis(20), 3);
    }
}
