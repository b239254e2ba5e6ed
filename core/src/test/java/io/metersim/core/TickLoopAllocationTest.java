package io.metersim.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running tick loop allocates nothing per tick, summed over every thread of the loop (the caller and its helper
 * workers), measured from outside the loop so the measurement's own allocation is charged to the test thread.
 * <p>
 * As in {@link AllocationTest}, the JVM occasionally charges a few bytes to a running thread, so the check takes
 * several windows of at least 2,000 ticks and requires one of them to be exactly 0 bytes; one allocation per tick
 * costs at least 16 B x 2,000 in every window.
 */
class TickLoopAllocationTest
{
    private static final int WARM_UP_TICKS = 20_000;
    private static final int WINDOW_TICKS = 2_000;
    private static final int WINDOWS = 5;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void shouldNotAllocatePerTickOverAllLoopThreads(final int workers) throws InterruptedException
    {
        final long least = leastAllocatedPerWindow(workers, false);

        assertEquals(0L, least, "fewest bytes allocated by the loop's threads over " + WINDOW_TICKS + " ticks");
    }

    @ParameterizedTest
    @ValueSource(ints = {2})
    void shouldSeeASinkThatAllocatesOnAHelperThread(final int workers) throws InterruptedException
    {
        final long least = leastAllocatedPerWindow(workers, true);

        assertTrue(least >= 16L * WINDOW_TICKS, "the measurement sees allocation: " + least + " bytes");
    }

    private long leastAllocatedPerWindow(final int workers, final boolean allocate) throws InterruptedException
    {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final MeterSimulator sim = MeterSimulator.create(
            TestLoads.formula(12, 24), Registry.synthetic(40, 30), new SimulatorOptions(1L, TimeMode.CONTINUOUS));
        final ThreadRecorder recorder = new ThreadRecorder(workers, allocate);
        final TickLoop loop = TickLoop.builder(sim).untilStopped().threads(workers).sink(recorder).build();
        final Thread runner = new Thread(loop::run, "tick-loop-under-test");
        runner.start();
        try
        {
            recorder.awaitTicks(WARM_UP_TICKS);
            long least = Long.MAX_VALUE;
            for (int w = 0; w < WINDOWS; w++)
            {
                final long before = allocatedBy(recorder.threadIds);
                final long from = recorder.ticks;
                recorder.awaitTicks(from + WINDOW_TICKS);
                least = Math.min(least, allocatedBy(recorder.threadIds) - before);
            }
            return least;
        }
        finally
        {
            loop.stop();
            runner.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private long allocatedBy(final long[] threadIds)
    {
        long bytes = 0;
        for (final long id : threadIds)
        {
            bytes += threads.getThreadAllocatedBytes(id);
        }
        return bytes;
    }

    /** Notes each worker's thread and counts ticks; optionally allocates on every collection of worker 1. */
    private static final class ThreadRecorder implements CollectionSink
    {
        final long[] threadIds;
        private final boolean allocate;
        volatile long ticks;
        volatile Object retained;

        ThreadRecorder(final int workers, final boolean allocate)
        {
            this.threadIds = new long[workers];
            this.allocate = allocate;
        }

        @Override
        public String name()
        {
            return "thread-recorder";
        }

        @Override
        public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        {
            threadIds[worker] = Thread.currentThread().getId();
            if (allocate && worker == 1)
            {
                retained = new long[] {collected.position()};
            }
        }

        @Override
        public void onTickEnd(final TickTotals tick)
        {
            ticks = tick.tick() + 1;
        }

        void awaitTicks(final long target) throws InterruptedException
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
            for (final java.util.Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet())
            {
                final String name = entry.getKey().getName();
                if (name.startsWith("metersim-tick-") || name.equals("tick-loop-under-test"))
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
}
