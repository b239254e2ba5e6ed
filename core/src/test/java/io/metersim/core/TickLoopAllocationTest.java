package io.metersim.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.metersim.core.LoopAllocation.WINDOW_TICKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running tick loop allocates nothing per tick, summed over every thread of the loop (the caller and its helper
 * workers), measured from outside the loop by {@link LoopAllocation}: one of several windows of 2,000 ticks must be
 * exactly 0 bytes, where one allocation per tick costs at least 16 B x 2,000 in every window.
 */
class TickLoopAllocationTest
{
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void shouldNotAllocatePerTickOverAllLoopThreads(final int workers) throws InterruptedException
    {
        final long least = leastAllocatedPerWindow(LoopAllocation.recorder(workers), workers);

        assertEquals(0L, least, "fewest bytes allocated by the loop's threads over " + WINDOW_TICKS + " ticks");
    }

    @ParameterizedTest
    @ValueSource(ints = {2})
    void shouldSeeASinkThatAllocatesOnAHelperThread(final int workers) throws InterruptedException
    {
        final long least = leastAllocatedPerWindow(LoopAllocation.allocatingRecorder(workers), workers);

        assertTrue(least >= 16L * WINDOW_TICKS, "the measurement sees allocation: " + least + " bytes");
    }

    private static long leastAllocatedPerWindow(final LoopAllocation recorder, final int workers)
        throws InterruptedException
    {
        final MeterSimulator sim = MeterSimulator.create(
            TestLoads.formula(12, 24), Registry.synthetic(40, 30), new SimulatorOptions(1L, TimeMode.CONTINUOUS));
        final TickLoop loop = TickLoop.builder(sim).untilStopped().threads(workers).sink(recorder).build();
        return recorder.leastBytesPerWindow(loop);
    }
}
