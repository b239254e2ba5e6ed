package io.metersim.dashboard;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import io.metersim.core.TickTotals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard allocates nothing on the loop's threads ({@code onCollection} and {@code onTickEnd}, summed over
 * every worker by {@code ThreadMXBean}) while its publisher serialises and posts on its own thread, as fast as the
 * loop runs. As in core's {@code TickLoopAllocationTest}, one of several windows of 2,000 ticks must be exactly
 * 0 bytes (the JVM now and then charges a few bytes to a running thread; one allocation per tick costs at least
 * 16 B x 2,000 in every window). At that pace most updates are coalesced, and the counts add up.
 */
class DashboardSinkAllocationTest
{
    private static final int WARM_UP_TICKS = 20_000;
    private static final int WINDOW_TICKS = 2_000;
    private static final int WINDOWS = 5;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldNotAllocateOnTheLoopThreads(final int workers) throws InterruptedException
    {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final MeterSimulator simulator = new Fixture(30, 4, 7, 24).simulator();
        final Recorder recorder = new Recorder(workers);
        final DashboardSink dashboard = DashboardSink.create(simulator, DashboardSink.Options.onPort(0),
            () -> List.of(recorder.counts()));
        final TickLoop loop = TickLoop.builder(simulator).untilStopped().threads(workers).sink(recorder)
            .sink(dashboard).build();
        final Thread runner = new Thread(loop::run, "dashboard-loop-under-test");
        runner.start();
        long least = Long.MAX_VALUE;
        try
        {
            recorder.awaitTicks(WARM_UP_TICKS);
            for (int w = 0; w < WINDOWS; w++)
            {
                final long before = allocatedBy(recorder.threadIds);
                final long from = recorder.ticks;
                recorder.awaitTicks(from + WINDOW_TICKS);
                least = Math.min(least, allocatedBy(recorder.threadIds) - before);
            }
        }
        finally
        {
            loop.stop();
            runner.join(TimeUnit.SECONDS.toMillis(60));
        }

        assertEquals(0L, least, "fewest bytes allocated by the loop's threads over " + WINDOW_TICKS + " ticks");
        final SinkCounts counts = dashboard.counts();
        assertEquals(recorder.ticks, counts.accepted(), counts::toString);
        assertEquals(0, counts.pending(), counts::toString);
        assertEquals(0, counts.failed(), counts::toString);
        assertTrue(counts.delivered() > 0, counts::toString);
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

    /** Notes each worker's thread and counts ticks. */
    private static final class Recorder implements CollectionSink
    {
        final long[] threadIds;
        volatile long ticks;

        Recorder(final int workers)
        {
            this.threadIds = new long[workers];
        }

        @Override
        public String name()
        {
            return "recorder";
        }

        @Override
        public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        {
            threadIds[worker] = Thread.currentThread().getId();
        }

        @Override
        public void onTickEnd(final TickTotals tick)
        {
            ticks = tick.tick() + 1;
        }

        void awaitTicks(final long target) throws InterruptedException
        {
            while (ticks < target)
            {
                Thread.sleep(1);
            }
        }
    }
}
