package io.metersim.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SharedCursorTest
{
    @Test
    void shouldPackIndexAndCycle()
    {
        final SharedCursor cursor = new SharedCursor(3);

        assertEquals(List.of(1L, 2L, 1L << 32, (1L << 32) + 1, (1L << 32) + 2, 2L << 32), List.of(
            cursor.incrementAndGet(), cursor.incrementAndGet(), cursor.incrementAndGet(),
            cursor.incrementAndGet(), cursor.incrementAndGet(), cursor.incrementAndGet()));
        assertEquals(0, SharedCursor.indexOf(cursor.getAcquire()));
        assertEquals(2L, SharedCursor.cycleOf(cursor.getAcquire()));
    }

    @Test
    void shouldStayAtIndexZeroForSingleRowData()
    {
        final SharedCursor cursor = new SharedCursor(1);

        cursor.incrementAndGet();
        cursor.incrementAndGet();

        assertEquals(SharedCursor.positionOf(0, 2), cursor.getAcquire());
    }

    @Test
    void shouldNormaliseAnAddThatRanPastTheLastRow()
    {
        // The state two racing adders leave before either folds the overshoot: cycle 4, index 3 + 2 with 3 rows.
        final SharedCursor cursor = new SharedCursor(3);
        cursor.setRelease(SharedCursor.positionOf(5, 4));

        assertEquals(SharedCursor.positionOf(2, 5), cursor.getAcquire(), "a read sees the normalised position");
        assertEquals(SharedCursor.positionOf(0, 6), cursor.incrementAndGet(), "the next add lands one row later");
        assertEquals(SharedCursor.positionOf(0, 6), cursor.getAcquire(), "reads agree with it");
        assertEquals(SharedCursor.positionOf(1, 6), cursor.incrementAndGet());
    }

    @Test
    void shouldAdvanceExactlyUnderConcurrency() throws Exception
    {
        final int threads = 4;
        final int calls = 250_000;
        final int cycleLength = 7;
        final MeterSimulator sim = MeterSimulator.create(
            TestLoads.formula(1, cycleLength), Registry.synthetic(1, 1), SimulatorOptions.defaults());
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        final CountDownLatch start = new CountDownLatch(1);
        try
        {
            final List<Future<Long>> wraps = new ArrayList<>();
            for (int t = 0; t < threads; t++)
            {
                wraps.add(pool.submit(() ->
                {
                    start.await();
                    long wrapsSeen = 0;
                    for (int i = 0; i < calls; i++)
                    {
                        wrapsSeen += sim.increaseTime() == 0 ? 1 : 0;
                    }
                    return wrapsSeen;
                }));
            }
            start.countDown();
            long totalWraps = 0;
            for (final Future<Long> w : wraps)
            {
                totalWraps += w.get(120, TimeUnit.SECONDS);
            }
            final long advanced = (long)threads * calls;
            assertEquals((int)(advanced % cycleLength), sim.currentIndex());
            assertEquals(advanced / cycleLength, MeterSimulator.cycleOf(sim.position()));
            assertEquals(advanced / cycleLength, totalWraps, "every wrap returned 0 to exactly one caller");
        }
        finally
        {
            pool.shutdownNow();
        }
    }
}
