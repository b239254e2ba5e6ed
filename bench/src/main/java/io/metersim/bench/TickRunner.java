package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.MeterSimulator;

import java.util.concurrent.locks.LockSupport;

/**
 * Collects every VEN at one position, on the calling thread alone or split with one helper thread. The helper is
 * handed each round through volatile fields and {@link LockSupport#unpark}, so a round allocates nothing (an executor
 * would allocate a future per round).
 */
final class TickRunner implements AutoCloseable
{
    private static final int SPINS_BEFORE_PARK = 10_000;

    private final MeterSimulator simulator;
    private final int[] venHandles;
    private final int split;
    private final CollectionBuffer callerBuffer;
    private final CollectionBuffer helperBuffer;
    private final Thread helper;

    private volatile long requestedRound;
    private volatile long completedRound;
    private volatile long roundPosition;
    private volatile boolean closed;
    private volatile RuntimeException helperFailure;
    private double helperTotal;
    private long round;

    /**
     * @param simulator  the simulator to collect from.
     * @param venHandles the VENs to collect each round.
     * @param threads    1 (caller only) or 2 (caller and one helper thread, each half of the VENs).
     */
    TickRunner(final MeterSimulator simulator, final int[] venHandles, final int threads)
    {
        if (threads != 1 && threads != 2)
        {
            throw new BenchException("threads must be 1 or 2 [threads=" + threads + "]");
        }
        this.simulator = simulator;
        this.venHandles = venHandles.clone();
        this.split = threads == 1 ? 0 : venHandles.length / 2;
        this.callerBuffer = simulator.newBuffer();
        this.helperBuffer = simulator.newBuffer();
        if (threads == 2)
        {
            helper = new Thread(this::helperLoop, "tick-helper");
            helper.setDaemon(true);
            helper.start();
        }
        else
        {
            helper = null;
        }
    }

    /**
     * Collects every VEN at {@code position}. Call from one thread at a time.
     *
     * @param position the cursor position to collect at.
     * @return the sum of every VEN's total watts.
     */
    double collectAll(final long position)
    {
        if (null == helper)
        {
            return collectRange(0, venHandles.length, position, callerBuffer);
        }
        final long round = ++this.round;
        roundPosition = position;
        requestedRound = round;
        LockSupport.unpark(helper);
        final double callerTotal = collectRange(split, venHandles.length, position, callerBuffer);
        while (completedRound != round)
        {
            Thread.onSpinWait();
        }
        if (null != helperFailure)
        {
            throw new BenchException("the tick's helper thread failed [round=" + round + "]", helperFailure);
        }
        return callerTotal + helperTotal;
    }

    /**
     * Stops the helper thread and waits for it to end.
     */
    @Override
    public void close()
    {
        closed = true;
        if (null != helper)
        {
            LockSupport.unpark(helper);
            try
            {
                helper.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * @return whether the helper thread is running (false for one thread and after {@link #close()}).
     */
    boolean helperAlive()
    {
        return null != helper && helper.isAlive();
    }

    private double collectRange(final int from, final int to, final long position, final CollectionBuffer buffer)
    {
        final MeterSimulator simulator = this.simulator;
        final int[] venHandles = this.venHandles;
        double total = 0.0;
        for (int v = from; v < to; v++)
        {
            total += simulator.collectAt(venHandles[v], position, buffer).totalWatts();
        }
        return total;
    }

    private void helperLoop()
    {
        long seen = 0;
        while (true)
        {
            final long round = awaitRound(seen);
            if (round < 0)
            {
                return;
            }
            seen = round;
            try
            {
                helperTotal = collectRange(0, split, roundPosition, helperBuffer);
            }
            catch (final RuntimeException ex)
            {
                helperFailure = ex;
            }
            // The volatile write publishes helperTotal to the caller, which reads it after seeing this round.
            completedRound = round;
        }
    }

    private long awaitRound(final long seen)
    {
        int spins = 0;
        while (true)
        {
            if (closed)
            {
                return -1;
            }
            final long round = requestedRound;
            if (round != seen)
            {
                return round;
            }
            if (++spins < SPINS_BEFORE_PARK)
            {
                Thread.onSpinWait();
            }
            else
            {
                LockSupport.park(this);
            }
        }
    }
}
