package io.metersim.bench;

import io.metersim.openadr.ReporterStatistics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportBenchmarkTest
{
    private static final int ENTRIES = 120 * 6;

    @Test
    void shouldDeliverEverySubmittedReportAndCountItAsDelivered()
    {
        final ReportBenchmark bench = new ReportBenchmark();
        final ReportBenchmark.Delivery delivery = new ReportBenchmark.Delivery();
        delivery.reportingVens = 2;
        delivery.senders = 2;
        delivery.setUp();
        final ReportBenchmark.Delivered counters = new ReportBenchmark.Delivered();
        counters.start(delivery);

        for (int i = 0; i < 25; i++)
        {
            bench.deliver(delivery, counters);
        }
        delivery.tearDown();
        counters.stop(delivery);

        assertEquals(25, counters.delivered);
        assertEquals(25, delivery.vtn.reportCount());
        // VENs register in parallel, so the VTN sees them in either order
        assertEquals(List.of("VEN-00001", "VEN-00002"), delivery.vtn.venNames().stream().sorted().toList());
        assertEquals(120, delivery.vtn.resourceNames("VEN-00002").size());
    }

    @Test
    void shouldSerialiseAndDropWhileStalledAndPublishTheCheckedReportSize()
    {
        final ReportBenchmark bench = new ReportBenchmark();
        final ReportBenchmark.Stalled stalled = new ReportBenchmark.Stalled();
        stalled.setUp();
        try
        {
            final ReporterStatistics before = stalled.reporter.statistics();
            for (int i = 0; i < 3; i++)
            {
                bench.serialise(stalled, new ReportBenchmark.Emitted());
            }
            final ReporterStatistics after = stalled.reporter.statistics();
            stalled.check();
            final ReportBenchmark.Emitted emitted = new ReportBenchmark.Emitted();
            emitted.publish(stalled);

            assertEquals(3, after.submitted() - before.submitted());
            assertEquals(3, after.dropped() - before.dropped());
            assertEquals(0, after.sent());
            assertEquals(0, after.failed());
            final List<String> checked = stalled.tokens.reports();
            assertEquals(1, checked.size());
            assertEquals(checked.get(0).getBytes(StandardCharsets.UTF_8).length, emitted.bytesEmitted);
            assertEquals(ENTRIES, checked.get(0).split("\"resourceName\"", -1).length - 1);
        }
        finally
        {
            stalled.tearDown();
        }
    }
}
