package io.metersim.flink;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A split: the selected VENs at positions {@code [from, to)} and where their replay stands. The next collection is
 * VEN {@code ven} at tick {@code tick}; {@code minTimestamp} is the smallest reading timestamp of the tick's VENs
 * already emitted (the tick's watermark once the range is done), {@link Long#MAX_VALUE} for none yet. Immutable:
 * the reader keeps its own cursor and snapshots it into a new split at every checkpoint.
 *
 * @param from         the first VEN position.
 * @param to           one past the last.
 * @param tick         the tick being replayed.
 * @param ven          the next VEN position to collect, {@code from <= ven < to}.
 * @param minTimestamp the smallest timestamp emitted so far in this tick.
 */
record VenRangeSplit(int from, int to, long tick, int ven, long minTimestamp) implements SourceSplit
{
    /**
     * @param from the first VEN position.
     * @param to   one past the last.
     * @return the range at tick 0, nothing emitted.
     */
    static VenRangeSplit start(final int from, final int to)
    {
        return new VenRangeSplit(from, to, 0L, from, Long.MAX_VALUE);
    }

    @Override
    public String splitId()
    {
        return "vens-" + from + "-" + to;
    }

    /**
     * @return the VENs in the range.
     */
    int size()
    {
        return to - from;
    }
}
