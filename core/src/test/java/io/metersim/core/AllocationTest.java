package io.metersim.core;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.function.IntToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collections into a buffer and cursor advances allocate nothing once warmed up.
 * <p>
 * The JVM itself occasionally charges a few hundred bytes to the running thread (deoptimisation, safepoint
 * bookkeeping), so each check measures several windows of 10,000 calls and requires one of them to be exactly 0 bytes.
 * Real allocation on the measured path costs at least 16 bytes per call, 160,000 bytes in every window, and fails.
 */
class AllocationTest
{
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 10_000;
    private static final int WINDOWS = 5;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final MeterSimulator sim = MeterSimulator.create(
        TestLoads.formula(12, 24), Registry.synthetic(10, 120), new SimulatorOptions(1L, TimeMode.CONTINUOUS));
    private final CollectionBuffer buffer = sim.newBuffer();

    @Test
    void shouldNotAllocateWhenCollectingIntoBuffer()
    {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        final long allocated = leastAllocated(this::collect);

        assertEquals(0L, allocated, "fewest bytes allocated over " + MEASURED + " collections");
    }

    @Test
    void shouldNotAllocateWhenAdvancingTheCursor()
    {
        final long allocated = leastAllocated(this::advance);

        assertEquals(0L, allocated, "fewest bytes allocated over " + MEASURED + " increaseTime calls");
    }

    @Test
    void shouldSeeAllocationOfTheConvenienceMap()
    {
        leastAllocated(this::collect);

        final long before = threads.getCurrentThreadAllocatedBytes();
        final int resources = sim.collectNextMetering("VEN-00003").size();
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(120, resources);
        assertTrue(allocated > 120 * 6 * 24, "the measurement sees allocation: " + allocated + " bytes");
    }

    private long leastAllocated(final IntToLongFunction calls)
    {
        long sink = calls.applyAsLong(WARM_UP);
        long least = Long.MAX_VALUE;
        for (int w = 0; w < WINDOWS; w++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            sink += calls.applyAsLong(MEASURED);
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(sink > 0);
        return least;
    }

    private long collect(final int collections)
    {
        long readings = 0;
        for (int i = 0; i < collections; i++)
        {
            switch (i % 3)
            {
                case 0 -> sim.collectNextMetering(i % 10, buffer);
                case 1 -> sim.collectAt(i % 10, sim.position(), buffer);
                default -> sim.collectNextMetering(sim.venName(i % 10), buffer);
            }
            readings += buffer.readingTotal();
            sim.increaseTime();
        }
        assertEquals(collections * 120L * 6, readings);
        return readings;
    }

    private long advance(final int calls)
    {
        long sum = 0;
        for (int i = 0; i < calls; i++)
        {
            sum += sim.increaseTime() + sim.currentIndex();
        }
        return sum + 1;
    }
}
