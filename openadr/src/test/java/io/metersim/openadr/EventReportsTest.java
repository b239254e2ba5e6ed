package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metersim.core.CollectionBuffer;
import io.metersim.core.DemandResponse;
import io.metersim.core.EventTimeline;
import io.metersim.core.FormulaFleet;
import io.metersim.core.MeterSimulator;
import io.metersim.core.ResponseModel;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TickLoop;
import io.metersim.core.TimeMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports of a fleet responding to an event polled from the stub VTN, whose report descriptors ask for BASELINE (kWh)
 * and DELTA_USAGE (kW). Golden values come from the fixture formula {@code watts(m, k, t) = 1000 m + 100 k + t}
 * (resource {@code R<n>} reads meter n), not from the code under test.
 */
class EventReportsTest
{
    /** Event for V1 over rows 2 and 3 (10:00 and 11:00 UTC), level 2, asking for BASELINE and DELTA_USAGE. */
    static final String EVENT = "{\"programID\":\"program-1\",\"eventName\":\"dr\",\"priority\":0,"
        + "\"targets\":[{\"type\":\"VEN_NAME\",\"values\":[\"V1\"]}],"
        + "\"intervalPeriod\":{\"start\":\"2025-01-15T10:00:00Z\",\"duration\":\"PT2H\"},"
        + "\"payloadDescriptors\":[{\"payloadType\":\"SIMPLE\"}],"
        + "\"reportDescriptors\":[{\"payloadType\":\"USAGE\",\"units\":\"KWH\"},"
        + "{\"payloadType\":\"BASELINE\",\"readingType\":\"ESTIMATED\"},"
        + "{\"payloadType\":\"DELTA_USAGE\",\"units\":\"KW\"}],"
        + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[2]}]}]}";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ROWS = 6;
    private static final long EVENT_START = Instant.parse("2025-01-15T10:00:00Z").toEpochMilli();
    private static final long EVENT_END = Instant.parse("2025-01-15T12:00:00Z").toEpochMilli();

    private final List<AutoCloseable> open = new ArrayList<>();

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

    @Test
    void shouldReportBaselineAndDeltaUsageDuringTheEventThatAsksForThem() throws Exception
    {
        final TestVtn vtn = runAgainstStub(EVENT);
        assertEquals(2 * ROWS, vtn.reportCount());
        int answered = 0;
        double deltaKw = 0;
        for (final String text : vtn.reports())
        {
            final JsonNode report = MAPPER.readTree(text);
            final long start = Instant.parse(report.at("/resources/0/intervalPeriod/start").asText()).toEpochMilli();
            final boolean during = "V1".equals(report.get("clientName").asText()) && start >= EVENT_START
                && start < EVENT_END;
            assertEquals(during ? "event-2" : "event-1", report.get("eventID").asText(), text);
            final JsonNode descriptors = report.get("payloadDescriptors");
            assertEquals(during ? 3 : 1, descriptors.size());
            if (during)
            {
                answered++;
                assertEquals("{\"objectType\":\"REPORT_PAYLOAD_DESCRIPTOR\",\"payloadType\":\"BASELINE\","
                    + "\"readingType\":\"ESTIMATED\",\"units\":\"KWH\"}", descriptors.get(1).toString());
                assertEquals("{\"objectType\":\"REPORT_PAYLOAD_DESCRIPTOR\",\"payloadType\":\"DELTA_USAGE\","
                    + "\"units\":\"KW\"}", descriptors.get(2).toString());
                deltaKw += checkEntries(report);
            }
            else
            {
                for (final JsonNode entry : report.get("resources"))
                {
                    assertEquals(1, entry.at("/intervals/0/payloads").size());
                }
            }
        }
        assertEquals(2, answered, "V1's two reports during the event");
        assertTrue(deltaKw > 0, "the response shed load during the event: " + deltaKw);
        final List<TestVtn.ReportTotals> totals = vtn.reportTotals();
        assertEquals(1, totals.size(), totals.toString());
        assertEquals("event-2", totals.get(0).eventId());
        assertEquals("V1", totals.get(0).ven());
        assertEquals(2, totals.get(0).reports());
        // meters 1 and 2, loads 0..5, rows 2 and 3: sum of (1000 m + 100 k + t) W over one hour each = 42,060 Wh
        assertEquals(42.06, totals.get(0).baselineKwh(), 1e-9);
        assertEquals(deltaKw, totals.get(0).deltaUsageKwh(), 1e-9, "kW over one-hour intervals: the same kWh");
    }

    /**
     * The same event asking for BASELINE and DELTA_USAGE aggregated: during the event each report is one
     * AGGREGATED_REPORT entry of the VEN's totals, and the VTN's totals are the per-resource ones.
     */
    @Test
    void shouldReportTheVensTotalsWhenTheEventAsksForAggregates() throws Exception
    {
        final String aggregated = EVENT.replace("\"readingType\":\"ESTIMATED\"}",
            "\"readingType\":\"ESTIMATED\",\"aggregate\":true}").replace("\"units\":\"KW\"}",
            "\"units\":\"KW\",\"aggregate\":true}");
        assertEquals(2, aggregated.split("\"aggregate\":true").length - 1);
        final TestVtn vtn = runAgainstStub(aggregated);
        assertEquals(2 * ROWS, vtn.reportCount());
        int answered = 0;
        for (final String text : vtn.reports())
        {
            final JsonNode report = MAPPER.readTree(text);
            if (!"event-2".equals(report.get("eventID").asText()))
            {
                assertEquals(12, report.get("resources").size(), "outside the event: per resource, " + text);
                continue;
            }
            answered++;
            assertEquals(1, report.get("resources").size(), text);
            final JsonNode entry = report.at("/resources/0");
            assertEquals("AGGREGATED_REPORT", entry.get("resourceName").asText());
            final int row = entry.at("/intervals/0/id").asInt();
            assertEquals(EVENT_START + (row - 2) * 3_600_000L,
                Instant.parse(entry.at("/intervalPeriod/start").asText()).toEpochMilli());
            final JsonNode payloads = entry.at("/intervals/0/payloads");
            assertEquals(List.of("USAGE", "BASELINE", "DELTA_USAGE"), types(payloads));
            double replayedWatts = 0;
            for (int meter = 1; meter <= 2; meter++)
            {
                for (int load = 0; load < 6; load++)
                {
                    replayedWatts += FormulaFleet.watts(meter, load, row);
                }
            }
            assertEquals(replayedWatts / 1000.0, payloads.at("/1/values/0").asDouble(), 1e-9, "baseline: V1's total");
            assertEquals(payloads.at("/1/values/0").asDouble() - payloads.at("/0/values/0").asDouble(),
                payloads.at("/2/values/0").asDouble(), 2e-9, "one-hour intervals: kWh and kW agree");
            assertTrue(payloads.at("/2/values/0").asDouble() > 0, "the response shed load: " + text);
        }
        assertEquals(2, answered, "V1's two reports during the event");
        final List<TestVtn.ReportTotals> totals = vtn.reportTotals();
        assertEquals(1, totals.size(), totals.toString());
        assertEquals(42.06, totals.get(0).baselineKwh(), 1e-9, "the per-resource test's golden total");
        final TestVtn perResource = runAgainstStub(EVENT);
        assertEquals(perResource.reportTotals().get(0).deltaUsageKwh(), totals.get(0).deltaUsageKwh(), 1e-9,
            "the same DELTA_USAGE as reported per resource");
    }

    /** A mixed request (BASELINE aggregated, DELTA_USAGE not) is reported per resource, with a note. */
    @Test
    void shouldReportPerResourceWhenOnlyOnePayloadAsksForAggregates()
    {
        final MeterSimulator simulator = FormulaFleet.simulator(1, 2, ROWS);
        final ReportWriter writer = writer();
        final ReportRequests requests = requestsFromRow0(writer, EVENT.replace("\"readingType\":\"ESTIMATED\"}",
            "\"readingType\":\"ESTIMATED\",\"aggregate\":true}"));
        assertEquals(List.of("event event-2 asks for BASELINE aggregated and DELTA_USAGE per resource; one report "
            + "carries both, so both are reported per resource [event=event-2]"), requests.notes());
        final CollectionBuffer buffer = simulator.collectAt(0, 0, simulator.newBuffer());
        final JsonNode report = ReportRecovery.tree(new String(writer.newBatch().append("V1", buffer,
            requests.addressee("V1", buffer)), StandardCharsets.UTF_8));
        assertEquals(12, report.get("resources").size());
    }

    private static ReportWriter writer()
    {
        return new ReportWriter("program-1", "event-1",
            ReporterOptions.defaults(URI.create("http://127.0.0.1:1"), "a", "b"));
    }

    /**
     * @return the report requests of the event moved to rows 0 to 1 and given the id event-2, as the VTN serves it.
     */
    private static ReportRequests requestsFromRow0(final ReportWriter writer, final String event)
    {
        final String served = event.replace("10:00:00Z", "08:00:00Z")
            .replace("\"programID\"", "\"id\":\"event-2\",\"programID\"");
        final Map<String, JsonNode> events = new HashMap<>();
        events.put("event-2", ReportRecovery.tree(served));
        return ReportRequests.build(EventDocuments.parse(("[" + served + "]").getBytes(StandardCharsets.UTF_8),
            "test"), events, new HashMap<>(), writer);
    }

    /**
     * Runs V1 and V2 (two resources each) for {@link #ROWS} ticks against a stub VTN publishing the event, polled
     * and responded to.
     *
     * @return the stopped run's VTN, every report schema-valid.
     */
    private TestVtn runAgainstStub(final String event) throws Exception
    {
        final TestVtn vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        open.add(vtn);
        assertEquals(List.of("event-2"), vtn.publishEvents(Files.writeString(
            Files.createTempFile(dir, "events", ".json"), "[" + event + "]")));
        final MeterSimulator simulator = MeterSimulator.create(FormulaFleet.data(4, 24), FormulaFleet.registry(2, 2),
            new SimulatorOptions(SimulatorOptions.DEFAULT_SEED, TimeMode.CONTINUOUS));
        final DemandResponse response = DemandResponse.create(simulator, ResponseModel.defaults(),
            EventTimeline.empty());
        final VtnReporter reporter = VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(),
            TestVtnOptions.DEFAULT_CLIENT_ID, TestVtnOptions.DEFAULT_CLIENT_SECRET));
        open.add(reporter);
        reporter.register(simulator.registry());
        final EventPoller poller = reporter.pollEvents(simulator.venNames(), Duration.ofHours(1), false,
            response::replaceEvents);
        open.add(poller);
        TickLoop.builder(simulator).ticks(ROWS).interval(Duration.ZERO).response(response).sink(reporter).build()
            .run();
        assertTrue(reporter.shutdown().complete());
        assertTrue(poller.statistics().eventsKnown() == 1, poller.statistics().toString());
        assertEquals(List.of(), vtn.rejections(), "every report is schema-valid and names a known event");
        return vtn;
    }

    /**
     * @return the sum of DELTA_USAGE over the report's entries.
     */
    private static double checkEntries(final JsonNode report)
    {
        double delta = 0;
        for (final JsonNode entry : report.get("resources"))
        {
            final String[] name = entry.get("resourceName").asText().split("/load_");
            final int meter = Integer.parseInt(name[0].substring(1));
            final int load = Integer.parseInt(name[1]);
            final int row = entry.at("/intervals/0/id").asInt();
            final JsonNode payloads = entry.at("/intervals/0/payloads");
            assertEquals(List.of("USAGE", "BASELINE", "DELTA_USAGE"), types(payloads));
            final double usageKwh = payloads.at("/0/values/0").asDouble();
            final double baselineKwh = payloads.at("/1/values/0").asDouble();
            final double deltaKw = payloads.at("/2/values/0").asDouble();
            assertEquals(FormulaFleet.watts(meter, load, row) / 1000.0, baselineKwh, 1e-9, "baseline as replayed");
            assertEquals(baselineKwh - usageKwh, deltaKw, 2e-9, "one-hour intervals: kWh and kW agree");
            if (load != 1 && load != 2)
            {
                assertEquals(0.0, deltaKw, 0.0, "only the water heater and heating respond: " + entry);
            }
            delta += deltaKw;
        }
        return delta;
    }

    private static List<String> types(final JsonNode payloads)
    {
        final List<String> types = new ArrayList<>();
        payloads.forEach(payload -> types.add(payload.get("type").asText()));
        return types;
    }

    @Test
    void shouldFinishAReportOfSeveralTicksWhenItsAddresseeChanges()
    {
        final MeterSimulator simulator = FormulaFleet.simulator(1, 1, ROWS);
        final ReportWriter writer = new ReportWriter("program-1", "event-1",
            ReporterOptions.defaults(URI.create("http://127.0.0.1:1"), "a", "b")
                .withReports(Duration.ofHours(1), 3, true, false));
        final ReportWriter.Addressee event = writer.addressee("program-1", "event-2", ReportWriter.KWH, null,
            ReportWriter.NONE, null, false);
        final ReportWriter.Batch batch = writer.newBatch();
        final CollectionBuffer buffer = simulator.newBuffer();
        assertEquals(null, batch.append("V1", simulator.collectAt(0, 0, buffer), writer.target()));
        final byte[] before = batch.append("V1", simulator.collectAt(0, 1, buffer), event);
        assertEquals(0, batch.finishedFirstPosition());
        final JsonNode first = ReportRecovery.tree(new String(before, StandardCharsets.UTF_8));
        assertEquals("event-1", first.get("eventID").asText());
        assertEquals(6, first.get("resources").size(), "only the collection before the change");
        final JsonNode second = ReportRecovery.tree(new String(batch.finish(), StandardCharsets.UTF_8));
        assertEquals(1, batch.finishedFirstPosition());
        assertEquals("event-2", second.get("eventID").asText());
        assertEquals(List.of("USAGE", "BASELINE"), types(second.at("/resources/0/intervals/0/payloads")));
        assertEquals(List.of(), OpenAdrSchemas.bundled().violations("report", second.toString()));
    }

    @Test
    void shouldFindTheAddresseeAndWriteTheExtraPayloadsWithoutAllocatingBeyondTheReport()
    {
        final MeterSimulator simulator = FormulaFleet.simulator(1, 120, ROWS);
        final ReportWriter writer = writer();
        final ReportRequests requests = requestsFromRow0(writer, EVENT);
        final CollectionBuffer buffer = simulator.collectAt(0, 0, simulator.newBuffer());
        assertEquals("event-2", requests.addressee("V1", buffer).eventId(), "no keepers given: every VEN");
        assertSame(writer.target(), requests.addressee("V1", simulator.collectAt(0, 3, simulator.newBuffer())),
            "after the event");

        final ReportWriter.Batch batch = writer.newBatch();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long emitted = 0;
        for (int i = 0; i < 200; i++)
        {
            emitted += batch.append("V1", buffer, requests.addressee("V1", buffer)).length;
        }
        emitted = 0;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++)
        {
            emitted += batch.append("V1", buffer, requests.addressee("V1", buffer)).length;
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        final long overheadPerReport = (allocated - emitted) / 100;
        final JsonNode last = ReportRecovery.tree(new String(batch.append("V1", buffer,
            requests.addressee("V1", buffer)), StandardCharsets.UTF_8));
        assertEquals(720, last.get("resources").size());
        for (final JsonNode entry : last.get("resources"))
        {
            assertEquals(List.of("USAGE", "BASELINE", "DELTA_USAGE"), types(entry.at("/intervals/0/payloads")));
        }
        assertTrue(emitted / 100 > 150_000, "bytes per report: " + emitted / 100);
        // the report's own byte[] (its emitted bytes plus an array header) and the generator's small state
        assertTrue(overheadPerReport < 2048, "allocated beyond the emitted bytes per report: " + overheadPerReport);
    }
}
