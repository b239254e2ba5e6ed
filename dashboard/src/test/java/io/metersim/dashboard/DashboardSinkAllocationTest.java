package io.metersim.dashboard;

import io.metersim.core.LoopAllocation;
import io.metersim.core.MeterSimulator;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.metersim.core.LoopAllocation.WINDOW_TICKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard allocates nothing on the loop's threads ({@code onCollection} and {@code onTickEnd}, summed over
 * every worker by core's {@link LoopAllocation}) while its publisher serialises and posts on its own thread, as fast
 * as the loop runs: one of several windows of 2,000 ticks must be exactly 0 bytes (one allocation per tick costs at
 * least 16 B x 2,000 in every window). At that pace most updates are coalesced, and the counts add up.
 */
class DashboardSinkAllocationTest
{
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldNotAllocateOnTheLoopThreads(final int workers) throws InterruptedException
    {
        final MeterSimulator simulator = new Fixture(30, 4, 7, 24).simulator();
        final LoopAllocation recorder = LoopAllocation.recorder(workers);
        final DashboardSink dashboard = DashboardSink.create(simulator, DashboardSink.Options.onPort(0),
            () -> List.of(recorder.counts()));
        final TickLoop loop = TickLoop.builder(simulator).untilStopped().threads(workers).sink(recorder)
            .sink(dashboard).build();

        final long least = recorder.leastBytesPerWindow(loop);

        assertEquals(0L, least, "fewest bytes allocated by the loop's threads over " + WINDOW_TICKS + " ticks");
        final SinkCounts counts = dashboard.counts();
        assertEquals(recorder.ticks(), counts.accepted(), counts::toString);
        assertEquals(0, counts.pending(), counts::toString);
        assertEquals(0, counts.failed(), counts::toString);
        assertTrue(counts.delivered() > 0, counts::toString);
    }
}
