package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import io.metersim.core.CollectionBuffer;
import io.metersim.core.FormulaFleet;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest
{
    private static final ReporterOptions OPTIONS = ReporterOptions.defaults(URI.create("http://127.0.0.1:1"), "a", "b");

    @Test
    void shouldEscapeResourceIdsThatNeedItAndKeepOthersAsTheyAre()
    {
        final Registry registry = Registry.of(List.of(
            new ResourceSpec("Århus", "R\"1\\x", "quoted", ResourceStatus.APPROVED, "1", ""),
            new ResourceSpec("Århus", "Søndergård", "plain", ResourceStatus.APPROVED, "2", "")));
        final MeterSimulator simulator = MeterSimulator.create(FormulaFleet.data(2, 2), registry,
            SimulatorOptions.defaults());
        final byte[] report = new ReportWriter("program-1", "event-1", OPTIONS).newBatch()
            .append("Århus", simulator.collectAt(0, 0, simulator.newBuffer()));
        final String json = new String(report, StandardCharsets.UTF_8);

        assertEquals(List.of(), OpenAdrSchemas.bundled().violations("report", json));
        final JsonNode resources = ReportRecovery.tree(json).get("resources");
        assertEquals(12, resources.size());
        assertEquals("R\"1\\x/load_0", resources.get(0).get("resourceName").asText());
        assertEquals("Søndergård/load_5", resources.get(11).get("resourceName").asText());
        assertEquals("Århus", ReportRecovery.tree(json).get("clientName").asText());
        assertEquals(resources.get(0).get("intervalPeriod"), resources.get(11).get("intervalPeriod"));
        assertEquals(resources.get(0).get("intervals").get(0).size(), resources.get(11).get("intervals").get(0).size());
    }

    @Test
    void shouldOpenAReportPerTicksPerReportCollections()
    {
        final MeterSimulator simulator = FormulaFleet.simulator(1, 1, 3);
        final ReportWriter.Batch batch = new ReportWriter("program-1", "event-1",
            OPTIONS.withReports(Duration.ofHours(1), 2, true, false)).newBatch();
        final CollectionBuffer buffer = simulator.newBuffer();
        assertNull(batch.append("V1", simulator.collectAt(0, 0, buffer)));
        final byte[] full = batch.append("V1", simulator.collectAt(0, 1, buffer));
        assertEquals(12, ReportRecovery.tree(new String(full, StandardCharsets.UTF_8)).get("resources").size());
        assertNull(batch.append("V1", simulator.collectAt(0, 2, buffer)));
        assertEquals(2, batch.firstPosition());
        final byte[] part = batch.finish();
        assertEquals(6, ReportRecovery.tree(new String(part, StandardCharsets.UTF_8)).get("resources").size());
        assertNull(batch.finish());
    }

    @Test
    void shouldAllocateLittleMoreThanTheBytesItEmits()
    {
        final MeterSimulator simulator = FormulaFleet.simulator(1, 120, 2);
        final ReportWriter.Batch batch = new ReportWriter("program-1", "event-1", OPTIONS).newBatch();
        final CollectionBuffer buffer = simulator.collectAt(0, 0, simulator.newBuffer());
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long emitted = 0;
        for (int i = 0; i < 200; i++)
        {
            emitted += batch.append("V1", buffer).length;
        }
        emitted = 0;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++)
        {
            emitted += batch.append("V1", buffer).length;
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        final long overheadPerReport = (allocated - emitted) / 100;
        assertTrue(emitted / 100 > 100_000, "bytes per report: " + emitted / 100);
        // The report's own byte[] (its emitted bytes plus an array header) and the generator's small state.
        assertTrue(overheadPerReport < 2048, "allocated beyond the emitted bytes per report: " + overheadPerReport);
    }
}
