package io.metersim.dashboard;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A single-slot, latest-wins hand-off of {@link Snapshot}s from the loop thread to the publisher: a triple buffer.
 * The loop thread fills its own back snapshot and swaps it into the middle slot; the publisher swaps its front
 * snapshot (marked taken) for the middle one. Neither side ever waits for the other and nothing is allocated; a
 * snapshot the publisher never took before the next swap is coalesced, and counted. The swap's
 * {@link AtomicReference#getAndSet} orders each side's plain writes of a snapshot before the other side's reads.
 */
final class SnapshotExchange
{
    private final AtomicReference<Snapshot> middle;
    private Snapshot back;
    private Snapshot front;
    private volatile long offered;
    private volatile long coalesced;

    SnapshotExchange(final int venCapacity, final int loads)
    {
        this.back = new Snapshot(venCapacity, loads);
        this.middle = new AtomicReference<>(new Snapshot(venCapacity, loads));
        this.front = new Snapshot(venCapacity, loads);
    }

    /**
     * @return the snapshot the loop thread fills next; loop thread only.
     */
    Snapshot back()
    {
        return back;
    }

    /**
     * Makes the filled back snapshot the latest; loop thread only. Counts the one it replaces as coalesced when the
     * publisher never took it.
     */
    void offer()
    {
        final Snapshot filled = back;
        filled.taken = false;
        final Snapshot previous = middle.getAndSet(filled);
        if (!previous.taken)
        {
            coalesced = coalesced + 1;
        }
        back = previous;
        offered = offered + 1;
    }

    /**
     * @return the latest snapshot not taken yet, or null when there is none; publisher thread only. Valid until the
     *         next call.
     */
    Snapshot take()
    {
        final Snapshot done = front;
        done.taken = true;
        final Snapshot latest = middle.getAndSet(done);
        front = latest;
        return latest.taken ? null : latest;
    }

    /**
     * @return snapshots offered so far.
     */
    long offered()
    {
        return offered;
    }

    /**
     * @return snapshots replaced by a newer one before the publisher took them.
     */
    long coalesced()
    {
        return coalesced;
    }
}
