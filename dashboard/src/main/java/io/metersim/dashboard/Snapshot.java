package io.metersim.dashboard;

/**
 * One tick's aggregates as the publisher sees them: primitive columns, written by the loop thread, then handed to
 * the publisher whole through {@link SnapshotExchange}. Reused: three exist per dashboard.
 */
final class Snapshot
{
    final double[] loadWatts;
    final int[] venHandle;
    final double[] venWatts;
    final long[] venNanos;
    final int[] venResources;
    int venCount;
    long tick;
    int index;
    long timestampMillis;
    boolean hasTimestamp;
    long resources;
    long readings;
    long missing;
    double totalWatts;
    long collectNanos;
    long endNanos;
    /** Set by the publisher once it took this snapshot; cleared by the loop thread when it fills it again. */
    boolean taken = true;

    Snapshot(final int venCapacity, final int loads)
    {
        this.loadWatts = new double[loads];
        this.venHandle = new int[venCapacity];
        this.venWatts = new double[venCapacity];
        this.venNanos = new long[venCapacity];
        this.venResources = new int[venCapacity];
    }
}
