package io.metersim.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TickLoop} run did.
 *
 * @param outcome      how it ended.
 * @param failedSink   the sink whose failure stopped the run, or null.
 * @param failure      what stopped the run ({@link Outcome#FAILED}), or null.
 * @param ticks        ticks completed; the tick in progress when a stop came always completes.
 * @param vens         VENs collected per tick.
 * @param resources    the most approved resources collected in one tick.
 * @param readings     readings collected over the run.
 * @param missing      load slots without a reading over the run.
 * @param threads      workers that collected.
 * @param busyNanos    time spent in ticks (collection and sinks), pacing excluded.
 * @param wallNanos    the run's wall-clock time.
 * @param sinks        each sink's counts at the end, in the order the sinks were added.
 * @param sinkFailures each failed sink's first failure by name, also isolated ones.
 */
public record RunSummary(
    Outcome outcome,
    String failedSink,
    Throwable failure,
    long ticks,
    int vens,
    long resources,
    long readings,
    long missing,
    int threads,
    long busyNanos,
    long wallNanos,
    List<SinkCounts> sinks,
    Map<String, Throwable> sinkFailures)
{
    /** How a run ended. */
    public enum Outcome
    {
        /** Every requested tick ran. */
        COMPLETED,
        /** {@link TickLoop#stop()} ended it. */
        STOPPED,
        /** A sink under {@link TickLoop.SinkPolicy#STOP_RUN}, or the collection itself, failed. */
        FAILED
    }

    /**
     * @param outcome      how it ended.
     * @param failedSink   the sink whose failure stopped the run, or null.
     * @param failure      what stopped the run, or null.
     * @param ticks        ticks completed.
     * @param vens         VENs per tick.
     * @param resources    the most resources in one tick.
     * @param readings     readings over the run.
     * @param missing      missing slots over the run.
     * @param threads      workers.
     * @param busyNanos    time in ticks.
     * @param wallNanos    wall-clock time.
     * @param sinks        each sink's counts.
     * @param sinkFailures each failed sink's first failure.
     */
    public RunSummary
    {
        sinks = List.copyOf(sinks);
        sinkFailures = Collections.unmodifiableMap(new LinkedHashMap<>(sinkFailures));
    }

    /**
     * @return ticks per second of busy time.
     */
    public double ticksPerSecond()
    {
        return ticks / (Math.max(busyNanos, 1) / 1e9);
    }

    /**
     * @return readings per second of busy time.
     */
    public double readingsPerSecond()
    {
        return readings / (Math.max(busyNanos, 1) / 1e9);
    }
}
