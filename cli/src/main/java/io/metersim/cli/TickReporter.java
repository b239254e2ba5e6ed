package io.metersim.cli;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * The run's voice: a summary line per tick (or a progress bar on a terminal) and the closing totals.
 */
final class TickReporter
{
    private static final int BAR_WIDTH = 30;

    private final PrintStream lines;
    private final PrintStream summary;
    private final PrintStream bar;
    private final long ticks;
    private final String tickFormat;
    private long ticksDone;
    private long readings;
    private long missing;
    private long busyNanos;
    private long maxResources;
    private int vens;

    /**
     * @param lines   where tick lines go.
     * @param summary where the closing totals go.
     * @param bar     where the progress bar is drawn instead of tick lines, or null for tick lines.
     * @param ticks   the run's length, 0 when it runs until stopped.
     * @param cycle   the data's cycle length, which bounds the index column.
     */
    TickReporter(
        final PrintStream lines, final PrintStream summary, final PrintStream bar, final long ticks, final int cycle)
    {
        this.lines = lines;
        this.summary = summary;
        this.bar = bar;
        this.ticks = ticks;
        final int tickWidth = Long.toString(Math.max(ticks, 1)).length();
        final int indexWidth = Integer.toString(Math.max(cycle - 1, 0)).length();
        this.tickFormat = "tick %" + tickWidth + "d" + (ticks > 0 ? "/" + ticks : "") + "  index %" + indexWidth
            + "d  %s  VENs %d  resources %d  readings %d  total %.3f kW%n";
    }

    void tick(final long tick, final TickCollection collection, final long tickNanos)
    {
        long resources = 0;
        long tickReadings = 0;
        double watts = 0.0;
        int index = -1;
        long timestamp = 0;
        boolean hasTimestamp = false;
        int venCount = 0;
        for (final VenCollector collector : collection.collectors())
        {
            resources += collector.resources();
            tickReadings += collector.readings();
            missing += collector.missing();
            watts += collector.watts();
            venCount += collector.venCount();
            index = index < 0 ? collector.index() : index;
            if (!hasTimestamp && collector.hasTimestamp())
            {
                timestamp = collector.firstTimestampMillis();
                hasTimestamp = true;
            }
        }
        ticksDone++;
        readings += tickReadings;
        busyNanos += tickNanos;
        maxResources = Math.max(maxResources, resources);
        vens = venCount;
        if (null != bar)
        {
            drawBar();
            return;
        }
        lines.printf(Locale.ROOT, tickFormat, tick + 1, index,
            hasTimestamp ? Instant.ofEpochMilli(timestamp).toString() : "-", venCount, resources, tickReadings,
            watts / 1000.0);
    }

    void finish(final long wallNanos, final Histogram latencyNanos, final AtomicFile output, final boolean stopped)
    {
        if (null != bar)
        {
            bar.println();
        }
        final double wallSeconds = wallNanos / 1e9;
        final double busySeconds = Math.max(busyNanos, 1) / 1e9;
        summary.printf(Locale.ROOT, "%s: %d ticks, %d VENs, %d resources, %d readings (%d missing) in %.3f s%n",
            stopped ? "stopped" : "done", ticksDone, vens, maxResources, readings, missing, wallSeconds);
        summary.printf(Locale.ROOT, "throughput: %.1f ticks/s, %.3f ms per tick, %.0f readings/s "
            + "(collection and output, pacing excluded)%n", ticksDone / busySeconds,
            ticksDone == 0 ? 0.0 : busyNanos / 1e6 / ticksDone, readings / busySeconds);
        if (latencyNanos.getTotalCount() > 0)
        {
            summary.printf(Locale.ROOT, "latency per VEN collection: p50 %.1f us, p99 %.1f us, max %.1f us "
                + "(%d collections)%n", latencyNanos.getValueAtPercentile(50) / 1e3,
                latencyNanos.getValueAtPercentile(99) / 1e3, latencyNanos.getMaxValue() / 1e3,
                latencyNanos.getTotalCount());
        }
        if (null != output)
        {
            final long bytes = output.stream().count();
            summary.printf(Locale.ROOT, "output: %s, %d bytes, %.1f MB/s%n", output.target(), bytes,
                bytes / 1e6 / busySeconds);
        }
        summary.flush();
    }

    private void drawBar()
    {
        if (ticks <= 0)
        {
            bar.printf(Locale.ROOT, "\rtick %d, %d readings", ticksDone, readings);
        }
        else
        {
            final int filled = (int)(BAR_WIDTH * ticksDone / ticks);
            bar.printf(Locale.ROOT, "\r[%s%s] %d/%d ticks, %d readings", "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), ticksDone, ticks, readings);
        }
        bar.flush();
    }
}
