package io.metersim.dashboard;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.TickTotals;

import java.util.Arrays;

/**
 * The dashboard's hot path: per-worker sums in {@link #onCollection}, each VEN's values in arrays by handle (a VEN
 * is collected by one worker per tick, so no two workers write one slot), merged into a {@link Snapshot} in
 * {@link #endTick} on the loop thread. Allocates nothing after {@link #open}.
 */
final class TickAggregator
{
    private static final int RESOURCES = 0;
    private static final int READINGS = 1;
    private static final int MISSING = 2;
    private static final int COUNTERS = 3;

    private final int loads;
    private final double[] venWatts;
    private final long[] venNanos;
    private final int[] venResources;
    private final long[] venRound;
    private double[][] workerLoadWatts = new double[0][];
    private double[] workerWatts = new double[0];
    private long[][] workerCounters = new long[0][];
    private long round = 1;

    /**
     * @param venCapacity VEN handles {@code 0 .. venCapacity - 1} may be collected.
     * @param loads       load components per VEN.
     */
    TickAggregator(final int venCapacity, final int loads)
    {
        this.loads = loads;
        this.venWatts = new double[venCapacity];
        this.venNanos = new long[venCapacity];
        this.venResources = new int[venCapacity];
        this.venRound = new long[venCapacity];
    }

    void open(final int threads)
    {
        workerLoadWatts = new double[threads][loads];
        workerWatts = new double[threads];
        workerCounters = new long[threads][COUNTERS];
        Arrays.fill(venRound, 0L);
        round = 1;
    }

    /**
     * On the collecting worker: adds one VEN's collection to the worker's sums and records the VEN's own values.
     */
    void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
    {
        final double[] loadWatts = workerLoadWatts[worker];
        for (int k = 0; k < loads; k++)
        {
            loadWatts[k] += collected.loadTotalWatts(k);
        }
        final double watts = collected.totalWatts();
        workerWatts[worker] += watts;
        final long[] counters = workerCounters[worker];
        counters[RESOURCES] += collected.resourceCount();
        counters[READINGS] += collected.readingTotal();
        counters[MISSING] += collected.missingCount();
        final int handle = collected.venHandle();
        venWatts[handle] = watts;
        venNanos[handle] = collectNanos;
        venResources[handle] = collected.resourceCount();
        venRound[handle] = round;
    }

    /**
     * On the loop thread, after every {@link #onCollection} of the tick: merges the workers' sums into {@code into},
     * resets them, and lists the VENs collected in this tick in handle order.
     */
    void endTick(final TickTotals tick, final long endNanos, final Snapshot into)
    {
        into.tick = tick.tick();
        into.index = tick.index();
        into.hasTimestamp = tick.hasTimestamp();
        into.timestampMillis = tick.timestampMillis();
        into.collectNanos = tick.collectNanos();
        into.endNanos = endNanos;
        mergeWorkers(into);
        final long round = this.round;
        int count = 0;
        for (int handle = 0; handle < venRound.length; handle++)
        {
            if (venRound[handle] == round)
            {
                into.venHandle[count] = handle;
                into.venWatts[count] = venWatts[handle];
                into.venNanos[count] = venNanos[handle];
                into.venResources[count] = venResources[handle];
                count++;
            }
        }
        into.venCount = count;
        this.round = round + 1;
    }

    private void mergeWorkers(final Snapshot into)
    {
        final double[] loadWatts = into.loadWatts;
        Arrays.fill(loadWatts, 0.0);
        double total = 0.0;
        long resources = 0;
        long readings = 0;
        long missing = 0;
        for (int w = 0; w < workerWatts.length; w++)
        {
            final double[] workerLoads = workerLoadWatts[w];
            for (int k = 0; k < loads; k++)
            {
                loadWatts[k] += workerLoads[k];
                workerLoads[k] = 0.0;
            }
            total += workerWatts[w];
            workerWatts[w] = 0.0;
            final long[] counters = workerCounters[w];
            resources += counters[RESOURCES];
            readings += counters[READINGS];
            missing += counters[MISSING];
            Arrays.fill(counters, 0L);
        }
        into.totalWatts = total;
        into.resources = resources;
        into.readings = readings;
        into.missing = missing;
    }
}
