package io.metersim.core;

import java.util.Arrays;

/**
 * One tick's totals over every VEN collected, as {@link CollectionSink#onTickEnd} sees them. A view the loop reuses
 * for every tick: read it during the call, copy what must outlive it.
 */
public final class TickTotals
{
    private final double[] loadWatts;
    private long tick;
    private long position;
    private long timestampMillis;
    private boolean hasTimestamp;
    private int vens;
    private long resources;
    private long readings;
    private long missing;
    private double totalWatts;
    private long collectNanos;

    TickTotals(final int loads)
    {
        this.loadWatts = new double[loads];
    }

    void begin(final long tick, final long position, final int vens)
    {
        this.tick = tick;
        this.position = position;
        this.vens = vens;
        this.timestampMillis = 0;
        this.hasTimestamp = false;
        this.resources = 0;
        this.readings = 0;
        this.missing = 0;
        this.totalWatts = 0.0;
        Arrays.fill(loadWatts, 0.0);
    }

    void add(final TickWorker worker)
    {
        resources += worker.resources;
        readings += worker.readings;
        missing += worker.missing;
        totalWatts += worker.watts;
        final double[] workerLoads = worker.loadWatts;
        for (int k = 0; k < loadWatts.length; k++)
        {
            loadWatts[k] += workerLoads[k];
        }
        if (!hasTimestamp && worker.hasTimestamp)
        {
            hasTimestamp = true;
            timestampMillis = worker.firstTimestampMillis;
        }
    }

    void end(final long collectNanos)
    {
        this.collectNanos = collectNanos;
    }

    /**
     * @return the tick's number in the run, from 0.
     */
    public long tick()
    {
        return tick;
    }

    /**
     * @return the cursor position every VEN was collected at.
     */
    public long position()
    {
        return position;
    }

    /**
     * @return the row index collected.
     */
    public int index()
    {
        return SharedCursor.indexOf(position);
    }

    /**
     * @return whether any reading was collected, so that {@link #timestampMillis()} is meaningful.
     */
    public boolean hasTimestamp()
    {
        return hasTimestamp;
    }

    /**
     * @return the first reading's timestamp in epoch milliseconds, 0 when there was none.
     */
    public long timestampMillis()
    {
        return timestampMillis;
    }

    /**
     * @return the VENs collected.
     */
    public int vens()
    {
        return vens;
    }

    /**
     * @return the approved resources collected.
     */
    public long resources()
    {
        return resources;
    }

    /**
     * @return the readings collected.
     */
    public long readings()
    {
        return readings;
    }

    /**
     * @return the load slots without a reading.
     */
    public long missing()
    {
        return missing;
    }

    /**
     * @return the sum of every reading, in watts.
     */
    public double totalWatts()
    {
        return totalWatts;
    }

    /**
     * @return how many load components {@link #loadWatts(int)} covers.
     */
    public int loadCount()
    {
        return loadWatts.length;
    }

    /**
     * @param load a load component {@code k}.
     * @return the sum of that component over every VEN, in watts; 0 outside {@code 0 .. loadCount() - 1}.
     */
    public double loadWatts(final int load)
    {
        return load >= 0 && load < loadWatts.length ? loadWatts[load] : 0.0;
    }

    /**
     * @return nanoseconds from reading the position to the last VEN handed to every sink.
     */
    public long collectNanos()
    {
        return collectNanos;
    }
}
