package io.metersim.openadr;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.FormulaFleet;
import io.metersim.core.MeterSimulator;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Measures reports per second against a {@link TestVtn} on loopback with 120 resources x 6 loads per VEN, and bytes
 * per report; not a unit test (no timing assertions), run by hand:
 * {@code java -cp <test classpath> io.metersim.openadr.ReporterThroughput [vens] [ticks] [validate] [senders]}.
 */
public final class ReporterThroughput
{
    private ReporterThroughput()
    {
    }

    /**
     * @param args VENs (default 20), ticks (default 50), validate (default false), senders (default 4).
     */
    public static void main(final String[] args)
    {
        final int vens = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        final int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        final boolean validate = args.length > 2 && Boolean.parseBoolean(args[2]);
        final int senders = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        final MeterSimulator simulator = FormulaFleet.simulator(vens, 120, Math.max(ticks, 24));
        try (TestVtn vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0).withChecks(validate, false)
            .withServing(0, senders)))
        {
            final long registerStart = System.nanoTime();
            try (VtnReporter reporter = VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(),
                TestVtnOptions.DEFAULT_CLIENT_ID, TestVtnOptions.DEFAULT_CLIENT_SECRET)))
            {
                reporter.register(simulator.registry());
            }
            System.out.printf(Locale.ROOT, "register %d VENs x 120 resources: %.2f s%n", vens,
                (System.nanoTime() - registerStart) / 1e9);
            run(simulator, vtn, 5, senders);
            final long reportsBefore = vtn.reportCount();
            final long bytesBefore = vtn.reportBytes();
            final long start = System.nanoTime();
            final long serialiseNanos = run(simulator, vtn, ticks, senders);
            final double seconds = (System.nanoTime() - start) / 1e9;
            final long reports = vtn.reportCount() - reportsBefore;
            final long bytes = vtn.reportBytes() - bytesBefore;
            System.out.printf(Locale.ROOT, "vens=%d resources/ven=120 loads=6 ticks=%d validate=%b senders=%d "
                    + "cpus=%d jdk=%s%n", vens, ticks, validate, senders, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "reports=%d seconds=%.2f reports/s=%.0f bytes/report=%d MB/s=%.1f "
                    + "submit(serialise+enqueue) us/report=%.0f%n", reports, seconds, reports / seconds,
                bytes / reports, bytes / seconds / 1e6, serialiseNanos / 1e3 / reports);
            System.out.printf(Locale.ROOT, "serialise only: us/report=%.0f%n", serialiseOnly(simulator) / 1e3);
            System.out.println("load average: " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * @return nanoseconds per report for writing the JSON alone (no HTTP), after warm-up.
     */
    private static double serialiseOnly(final MeterSimulator simulator)
    {
        final ReporterOptions options = ReporterOptions.defaults(java.net.URI.create("http://127.0.0.1:1"), "a", "b");
        final ReportWriter.Batch batch = new ReportWriter("program-1", "event-1", options).newBatch();
        final CollectionBuffer buffer = simulator.collectAt(0, 0, simulator.newBuffer());
        long bytes = 0;
        for (int i = 0; i < 2000; i++)
        {
            bytes += batch.append("V1", buffer).length;
        }
        final int rounds = 2000;
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long emitted = 0;
        final long start = System.nanoTime();
        for (int i = 0; i < rounds; i++)
        {
            emitted += batch.append("V1", buffer).length;
        }
        final double nanos = (System.nanoTime() - start) / (double)rounds;
        final long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.out.printf(Locale.ROOT, "serialise only: bytes/report=%d allocated/report=%d%n", emitted / rounds,
            allocated / rounds);
        bytes += emitted;
        return bytes > 0 ? nanos : -1;
    }

    private static long run(final MeterSimulator simulator, final TestVtn vtn, final int ticks, final int senders)
    {
        final ReporterOptions options = ReporterOptions.defaults(vtn.baseUri(), TestVtnOptions.DEFAULT_CLIENT_ID,
            TestVtnOptions.DEFAULT_CLIENT_SECRET).withOutbox(256, false, senders)
            .withReports(Duration.ofHours(1), 1, true, false);
        long submitNanos = 0;
        try (VtnReporter reporter = VtnReporter.connect(options))
        {
            final CollectionBuffer buffer = simulator.newBuffer();
            for (int t = 0; t < ticks; t++)
            {
                final long position = simulator.position();
                for (int ven = 0; ven < simulator.venNames().size(); ven++)
                {
                    simulator.collectAt(ven, position, buffer);
                    final long before = System.nanoTime();
                    reporter.submit(simulator.venName(ven), buffer);
                    submitNanos += System.nanoTime() - before;
                }
                simulator.increaseTime();
            }
            final DeliverySummary summary = reporter.shutdown();
            if (!summary.complete())
            {
                throw new IllegalStateException(summary.toString());
            }
        }
        return submitNanos;
    }
}
