package io.metersim.influx;

import io.metersim.core.LoopAllocation;
import io.metersim.core.MeterSimulator;
import io.metersim.core.TickLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;

import static io.metersim.core.LoopAllocation.WINDOW_TICKS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writing line protocol allocates nothing on the collecting threads: the loop's threads (with the sink writing to a
 * real influxd), measured by core's {@link LoopAllocation} over windows of 2,000 ticks, one of which must be exactly
 * 0 bytes (a contended queue lock may allocate a wait node now and then; one allocation per tick costs at least
 * 16 B x 2,000 in every window). The senders allocate for HTTP, on their own threads.
 */
class InfluxSinkAllocationTest
{
    @TempDir
    static Path dir;

    private static InfluxServer server;

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
        // 2 VENs of 2 resources: 6 lines per tick, so batches fill and travel during the windows
        final MeterSimulator simulator = Fixture.simulator(2, 2, 2, 24);
        final LoopAllocation recorder = LoopAllocation.recorder(workers);
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), "alloc"));
        final TickLoop loop = TickLoop.builder(simulator).untilStopped().threads(workers).sink(recorder)
            .sink(influx).build();

        final long least = recorder.leastBytesPerWindow(loop);

        assertEquals(0L, least, "fewest bytes allocated by the collecting threads over " + WINDOW_TICKS + " ticks");
        assertEquals(influx.counts().accepted(), influx.counts().delivered(), influx.counts()::toString);
    }
}
