package io.metersim.cli;

import io.metersim.core.RunSummary;
import io.metersim.core.SinkCounts;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The closing totals of {@code run}: ticks, throughput, per-VEN latency, the output file and every sink's counts.
 */
final class RunReport
{
    private RunReport()
    {
    }

    static void print(
        final PrintStream summary, final RunSummary run, final Histogram latencyNanos, final RunOutput output)
    {
        final double busySeconds = Math.max(run.busyNanos(), 1) / 1e9;
        summary.printf(Locale.ROOT, "%s: %d ticks, %d VENs, %d resources, %d readings (%d missing) in %.3f s%n",
            verb(run), run.ticks(), run.vens(), run.resources(), run.readings(), run.missing(),
            run.wallNanos() / 1e9);
        summary.printf(Locale.ROOT, "throughput: %.1f ticks/s, %.3f ms per tick, %.0f readings/s on %d thread%s "
            + "(collection and output, pacing excluded)%n", run.ticksPerSecond(),
            run.ticks() == 0 ? 0.0 : run.busyNanos() / 1e6 / run.ticks(), run.readingsPerSecond(), run.threads(),
            run.threads() == 1 ? "" : "s");
        if (latencyNanos.getTotalCount() > 0)
        {
            summary.printf(Locale.ROOT, "latency per VEN collection: p50 %.1f us, p99 %.1f us, max %.1f us "
                + "(%d collections)%n", latencyNanos.getValueAtPercentile(50) / 1e3,
                latencyNanos.getValueAtPercentile(99) / 1e3, latencyNanos.getMaxValue() / 1e3,
                latencyNanos.getTotalCount());
        }
        if (null != output.target())
        {
            summary.printf(Locale.ROOT, "output: %s, %d bytes, %.1f MB/s%n", output.target(), output.bytes(),
                output.bytes() / 1e6 / busySeconds);
        }
        for (final SinkCounts counts : run.sinks())
        {
            if (!counts.unit().isEmpty())
            {
                summary.printf(Locale.ROOT, "sink %s: %d %s accepted, %d delivered, %d retried, %d dropped, "
                    + "%d failed%s%n", counts.sink(), counts.accepted(), counts.unit(), counts.delivered(),
                    counts.retried(), counts.dropped(), counts.failed(),
                    counts.pending() == 0 ? "" : ", " + counts.pending() + " not accounted for");
            }
        }
        summary.flush();
    }

    private static String verb(final RunSummary run)
    {
        switch (run.outcome())
        {
            case COMPLETED:
                return "done";
            case STOPPED:
                return "stopped";
            default:
                return run.failure() instanceof OutputClosedException ? "stopped (output closed)" : "failed";
        }
    }
}
