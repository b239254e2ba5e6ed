package io.metersim.influx;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.TickLoop;
import io.metersim.core.TickTotals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writing line protocol allocates nothing on the collecting threads: the loop's threads (with the sink writing to a
 * real influxd) over windows of 2,000 ticks, one of which must be exactly 0 bytes (the JVM now and then charges a
 * few bytes to a running thread, and a contended queue lock may allocate a wait node; one allocation per tick costs
 * at least 16 B x 2,000 in every window). The senders allocate for HTTP, on their own threads.
 */
class InfluxSinkAllocationTest
{
    private static final int WARM_UP_TICKS = 20_000;
    private static final int WINDOW_TICKS = 2_000;
    private static final int WINDOWS = 5;

    @TempDir
    static Path dir;

    private static InfluxServer server;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @BeforeAll
    static void startServer() throws IOException
    {
        Assumptions.assumeTrue(InfluxServer.installed(), InfluxServer.SKIP);
        server = InfluxServer.start(dir);
        server.createDatabase("alloc");
    }

    @AfterAll
    static void stopServer() throws InterruptedException
    {
        if (null != server)
        {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldNotAllocateOnTheCollectingThreads(final int workers) throws InterruptedException
    {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        // 2 VENs of 2 resources: 6 lines per tick, so batches fill and travel during the windows
        final MeterSimulator simulator = Fixture.simulator(2, 2, 2, 24);
        final Recorder recorder = new Recorder(workers);
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), "alloc"));
        final TickLoop loop = TickLoop.builder(simulator).untilStopped().threads(workers).sink(recorder)
            .sink(influx).build();
        final Thread runner = new Thread(loop::run, "influx-loop-under-test");
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

        assertEquals(0L, least, "fewest bytes allocated by the collecting threads over " + WINDOW_TICKS + " ticks");
        assertEquals(influx.counts().accepted(), influx.counts().delivered(), influx.counts()::toString);
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
