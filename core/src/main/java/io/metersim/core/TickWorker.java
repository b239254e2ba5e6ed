package io.metersim.core;

import java.util.Arrays;

/**
 * One worker of a {@link TickLoop}: a fixed slice of the VENs, its own buffer, and the slice's totals for the last
 * tick. Confined to its thread while collecting; the loop thread reads the totals after the worker has published
 * the round it finished (release/acquire on {@link TickLoop}'s round counters). Totals stay in locals while the
 * slice is collected, so workers whose objects sit next to each other in memory do not share a written cache line.
 */
final class TickWorker
{
    final int index;
    final double[] loadWatts;
    long resources;
    long readings;
    long missing;
    double watts;
    boolean hasTimestamp;
    long firstTimestampMillis;

    private final MeterSimulator simulator;
    private final int[] handles;
    private final int from;
    private final int to;
    private final CollectionBuffer buffer;
    private final SinkSlot[] slots;
    private final DemandResponse response;
    private final TickLoop loop;

    TickWorker(
        final int index,
        final MeterSimulator simulator,
        final int[] handles,
        final int from,
        final int to,
        final SinkSlot[] slots,
        final DemandResponse response,
        final TickLoop loop)
    {
        this.index = index;
        this.simulator = simulator;
        this.handles = handles;
        this.from = from;
        this.to = to;
        this.slots = slots;
        this.response = response;
        this.loop = loop;
        this.buffer = simulator.newBuffer();
        this.loadWatts = new double[buffer.loadCount()];
    }

    /**
     * Collects every VEN of the slice at one position, applies the demand response (if any) and hands each
     * collection to every live sink.
     */
    void collectSlice(final long position)
    {
        final MeterSimulator simulator = this.simulator;
        final CollectionBuffer buffer = this.buffer;
        final int[] handles = this.handles;
        final SinkSlot[] slots = this.slots;
        final DemandResponse response = this.response;
        final double[] loadWatts = this.loadWatts;
        final int loads = loadWatts.length;
        Arrays.fill(loadWatts, 0.0);
        long resources = 0;
        long readings = 0;
        long missing = 0;
        double watts = 0.0;
        boolean hasTimestamp = false;
        long firstTimestampMillis = 0;
        long start = System.nanoTime();
        for (int v = from; v < to; v++)
        {
            simulator.collectAt(handles[v], position, buffer);
            if (null != response)
            {
                response.respond(buffer);
            }
            final long collected = System.nanoTime();
            resources += buffer.resourceCount();
            readings += buffer.readingTotal();
            missing += buffer.missingCount();
            watts += buffer.totalWatts();
            for (int k = 0; k < loads; k++)
            {
                loadWatts[k] += buffer.loadTotalWatts(k);
            }
            if (!hasTimestamp && buffer.readingTotal() > 0)
            {
                hasTimestamp = true;
                firstTimestampMillis = buffer.timestampMillis(0);
            }
            for (final SinkSlot slot : slots)
            {
                deliver(slot, buffer, collected - start);
            }
            start = slots.length == 0 ? collected : System.nanoTime();
        }
        this.resources = resources;
        this.readings = readings;
        this.missing = missing;
        this.watts = watts;
        this.hasTimestamp = hasTimestamp;
        this.firstTimestampMillis = firstTimestampMillis;
    }

    private void deliver(final SinkSlot slot, final CollectionBuffer buffer, final long collectNanos)
    {
        if (slot.liveAcquire())
        {
            try
            {
                slot.sink.onCollection(index, buffer, collectNanos);
            }
            catch (final Exception | Error ex)
            {
                loop.sinkFailed(slot, ex);
            }
        }
    }

    int venCount()
    {
        return to - from;
    }
}
