package io.metersim.baseline;

import io.metersim.core.HolidayCalendar;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TimeMode;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Computing a baseline into a reused result allocates nothing, from an array series and from the pool. As core's
 * AllocationTest: several windows of calls, one of which must allocate exactly 0 bytes (the JVM occasionally charges
 * a few bytes to the thread); a real allocation costs at least 16 bytes per call in every window.
 */
class BaselineAllocationTest
{
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 2_000;
    private static final int WINDOWS = 5;
    private static final DayRules RULES = DayRules.of(DayRules.COPENHAGEN, HolidayCalendar.DK);

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void shouldNotAllocateWhenComputingFromAnArraySeries()
    {
        final IntervalSeries series = TestSeries.hourly(Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-04-01T00:00:00Z"), at -> at.getHour() + at.getDayOfMonth() * 0.1);
        for (final BaselineMethod method : BaselineMethod.values())
        {
            final BaselinePlan plan = Baselines.plan(method, Instant.parse("2025-03-12T15:00:00Z"),
                Duration.ofHours(4), series, RULES);
            final BaselineResult result = Baselines.newResult(plan);

            assertEquals(0L, leastAllocated(plan, List.of(series), result), method.id());
        }
    }

    @Test
    void shouldNotAllocateWhenComputingFromThePool()
    {
        final MeterSimulator simulator = MeterSimulator.create(VenLoadTest.formulaData(12, 24 * 7),
            Registry.synthetic(4, 120), new SimulatorOptions(1L, TimeMode.CONTINUOUS));
        final List<VenLoad> vens = VenLoad.list(simulator);
        final BaselinePlan plan = Baselines.plan(BaselineMethod.PJM, Instant.parse("2025-03-12T15:00:00Z"),
            Duration.ofHours(4), vens.get(0), RULES);
        final BaselineResult result = Baselines.newResult(plan);

        assertEquals(0L, leastAllocated(plan, vens, result));
    }

    private long leastAllocated(
        final BaselinePlan plan, final List<? extends LoadSeries> series, final BaselineResult result)
    {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final LoadSeries[] all = series.toArray(new LoadSeries[0]);
        double sink = 0;
        for (int i = 0; i < WARM_UP; i++)
        {
            sink += Baselines.compute(plan, all[i % all.length], result).reductionKwh();
        }
        long least = Long.MAX_VALUE;
        for (int w = 0; w < WINDOWS; w++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED; i++)
            {
                sink += Baselines.compute(plan, all[i % all.length], result).reductionKwh();
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(Double.isFinite(sink));
        return least;
    }
}
