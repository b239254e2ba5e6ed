package io.metersim.openadr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures the event listings per second the per-VEN poller sustains against a {@link TestVtn} on loopback (one
 * event, schema checks off, stub in the same JVM); not a unit test (no timing assertions), run by hand:
 * {@code java -cp <test classpath> io.metersim.openadr.PollerThroughput [vens] [interval] [seconds]}.
 */
public final class PollerThroughput
{
    private PollerThroughput()
    {
    }

    /**
     * @param args VENs (default 1000), poll interval (default PT1S), seconds measured (default 10).
     * @throws InterruptedException when interrupted while measuring.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final int vens = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        final Duration interval = args.length > 1 ? Duration.parse(args[1]) : Duration.ofSeconds(1);
        final long seconds = args.length > 2 ? Long.parseLong(args[2]) : 10;
        final List<String> names = new ArrayList<>();
        for (int v = 0; v < vens; v++)
        {
            names.add("VEN-" + v);
        }
        try (TestVtn vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0).withChecks(false, false));
            VtnReporter reporter = VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(),
                TestVtnOptions.DEFAULT_CLIENT_ID, TestVtnOptions.DEFAULT_CLIENT_SECRET));
            EventPoller poller = reporter.pollEvents(names, interval, false, timeline -> { }))
        {
            final long before = poller.statistics().polls();
            final long start = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            final PollerStatistics after = poller.statistics();
            final double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d VENs every %s: %.0f listings/s sustained (%.0f/s asked), %d failed%n",
                vens, interval, (after.polls() - before) / elapsed, vens * 1e9 / interval.toNanos(), after.failed());
        }
    }
}
