package io.metersim.core;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures what a running tick loop's threads allocate, for the allocation tests of core and of the modules whose
 * sinks run on the loop (shipped in core's test jar). Add it to the loop as a sink: it notes each worker's thread
 * and counts ticks; {@link #leastBytesPerWindow} runs the loop on a thread of its own, lets it warm up, and returns
 * the fewest bytes {@code ThreadMXBean} charged to those threads over any of several windows of ticks, measured from
 * outside the loop so the measurement's own allocation goes to the test thread.
 * <p>
 * The JVM occasionally charges a few bytes to a running thread, so a test asks for one window of exactly 0 bytes;
 * one allocation per tick costs at least 16 B per tick in every window.
 */
public final class LoopAllocation implements CollectionSink
{
    /** Ticks before the first window, so that the JIT has compiled the loop. */
    public static final int WARM_UP_TICKS = 20_000;
    /** Ticks per window. */
    public static final int WINDOW_TICKS = 2_000;
    /** Windows measured. */
    public static final int WINDOWS = 5;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final long[] threadIds;
    private final boolean allocateOnWorkerOne;
    private volatile long ticks;
    private volatile Object retained;

    private LoopAllocation(final int workers, final boolean allocateOnWorkerOne)
    {
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled())
        {
            throw new IllegalStateException("this JVM does not measure allocation per thread");
        }
        this.threadIds = new long[workers];
        this.allocateOnWorkerOne = allocateOnWorkerOne;
    }

    /**
     * @param workers the loop's worker threads.
     * @return a recorder for a loop of that many workers.
     */
    public static LoopAllocation recorder(final int workers)
    {
        return new LoopAllocation(workers, false);
    }

    /**
     * @param workers the loop's worker threads, at least 2.
     * @return a recorder that itself allocates on every collection of worker 1: the control that shows the
     *         measurement sees a helper thread's allocation.
     */
    public static LoopAllocation allocatingRecorder(final int workers)
    {
        return new LoopAllocation(workers, true);
    }

    /**
     * Runs the loop (built {@code untilStopped()} with this recorder as a sink) until the windows are measured, then
     * stops it.
     *
     * @param loop the loop.
     * @return the fewest bytes its threads allocated over one window of {@link #WINDOW_TICKS} ticks.
     * @throws InterruptedException when the test thread is interrupted.
     */
    public long leastBytesPerWindow(final TickLoop loop) throws InterruptedException
    {
        final Thread runner = new Thread(loop::run, "loop-under-test");
        runner.start();
        try
        {
            awaitTicks(WARM_UP_TICKS);
            long least = Long.MAX_VALUE;
            for (int w = 0; w < WINDOWS; w++)
            {
                final long before = allocated();
                awaitTicks(ticks + WINDOW_TICKS);
                least = Math.min(least, allocated() - before);
            }
            return least;
        }
        finally
        {
            loop.stop();
            runner.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    /**
     * @return the ticks ended so far.
     */
    public long ticks()
    {
        return ticks;
    }

    @Override
    public String name()
    {
        return "allocation-recorder";
    }

    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
    {
        threadIds[worker] = Thread.currentThread().getId();
        if (allocateOnWorkerOne && worker == 1)
        {
            retained = new long[] {collected.position()};
        }
    }

    @Override
    public void onTickEnd(final TickTotals tick)
    {
        ticks = tick.tick() + 1;
    }

    private long allocated()
    {
        long bytes = 0;
        for (final long id : threadIds)
        {
            bytes += threads.getThreadAllocatedBytes(id);
        }
        return bytes;
    }

    private void awaitTicks(final long target) throws InterruptedException
    {
        // a liveness guard, not a timing threshold: minutes without one tick means the loop is stuck
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (ticks < target)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("the loop stalled at tick " + ticks + "; its threads: " + loopThreads());
            }
            Thread.sleep(1);
        }
    }

    private static String loopThreads()
    {
        final StringBuilder dump = new StringBuilder();
        for (final Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet())
        {
            final String name = entry.getKey().getName();
            if (name.startsWith("metersim-tick-") || name.equals("loop-under-test"))
            {
                dump.append('\n').append(name).append(' ').append(entry.getKey().getState());
                for (final StackTraceElement frame : entry.getValue())
                {
                    dump.append("\n    at ").append(frame);
                }
            }
        }
        return dump.toString();
    }
}
