package io.metersim.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.metersim.core.ResourceStatus.APPROVED;
import static io.metersim.core.ResourceStatus.SUSPENDED;
import static io.metersim.core.TestLoads.millis;
import static io.metersim.core.TestLoads.watts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collectors read while other threads advance the cursor and change statuses; every collection must hold readings
 * of one index only (checked against the fixture formula at the buffer's index) and one snapshot's resources.
 */
class ConcurrentCollectionTest
{
    private static final int ROWS = 50;
    private static final int VENS = 8;
    private static final int PER_VEN = 20;
    private static final int COLLECTIONS = 20_000;
    private static final int ADVANCES = 200_000;
    private static final int CHANGES = 4_000;
    private static final Map<String, String> ASSIGNED = new HashMap<>();

    @Test
    void shouldKeepEveryCollectionInternallyConsistent() throws Exception
    {
        final LoadData data = TestLoads.formula(12, ROWS);
        final MeterSimulator sim = MeterSimulator.create(data, Registry.synthetic(VENS, PER_VEN),
            new SimulatorOptions(3L, TimeMode.CONTINUOUS));
        final CollectionBuffer all = sim.newBuffer();
        for (int v = 0; v < VENS; v++)
        {
            sim.collectNextMetering(v, all);
            for (int r = 0; r < all.resourceCount(); r++)
            {
                ASSIGNED.put(all.resourceId(r), all.meterPointId(r));
            }
        }
        assertEquals(VENS * PER_VEN, ASSIGNED.size());
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        final CountDownLatch start = new CountDownLatch(1);
        final List<Future<Integer>> results = new ArrayList<>();
        try
        {
            results.add(pool.submit(gated(start, () -> collect(sim, data, 0))));
            results.add(pool.submit(gated(start, () -> collect(sim, data, 1))));
            results.add(pool.submit(gated(start, () -> advance(sim))));
            results.add(pool.submit(gated(start, () -> changeStatuses(sim))));
            start.countDown();
            int checkedReadings = 0;
            for (int i = 0; i < 2; i++)
            {
                checkedReadings += results.get(i).get(120, TimeUnit.SECONDS);
            }
            results.get(2).get(120, TimeUnit.SECONDS);
            results.get(3).get(120, TimeUnit.SECONDS);
            assertTrue(checkedReadings > 0);
            assertEquals(SharedCursor.positionOf(ADVANCES % ROWS, ADVANCES / ROWS), sim.position());
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    private static int collect(final MeterSimulator sim, final LoadData data, final int seed)
    {
        final CollectionBuffer buffer = sim.newBuffer();
        int readings = 0;
        for (int i = 0; i < COLLECTIONS; i++)
        {
            sim.collectNextMetering((i * 3 + seed) % VENS, buffer);
            readings += check(buffer, data);
        }
        return readings;
    }

    private static int check(final CollectionBuffer buffer, final LoadData data)
    {
        final int t = buffer.index();
        final long shift = buffer.cycle() * ROWS * TestLoads.HOUR_MILLIS;
        String previous = "";
        double total = 0.0;
        for (int r = 0; r < buffer.resourceCount(); r++)
        {
            assertTrue(buffer.resourceId(r).compareTo(previous) > 0, "registry order, no repeats");
            previous = buffer.resourceId(r);
            assertEquals(ASSIGNED.get(buffer.resourceId(r)), buffer.meterPointId(r), "id and meter of one snapshot");
            final int m = data.meterIndex(buffer.meterPointId(r));
            assertEquals(6, buffer.readingCount(r));
            double sum = 0.0;
            for (int i = buffer.readingOffset(r); i < buffer.readingOffset(r) + 6; i++)
            {
                assertEquals(watts(m, buffer.loadIndex(i), t), buffer.powerW(i), buffer.resourceId(r) + " at " + t);
                assertEquals(millis(t) + shift, buffer.timestampMillis(i));
                sum += buffer.powerW(i);
            }
            assertEquals(sum, buffer.resourceTotalWatts(r));
            total += sum;
        }
        assertEquals(total, buffer.totalWatts());
        assertEquals(6 * buffer.resourceCount(), buffer.readingTotal());
        return buffer.readingTotal();
    }

    private static Integer advance(final MeterSimulator sim)
    {
        for (int i = 0; i < ADVANCES; i++)
        {
            sim.increaseTime();
        }
        return 0;
    }

    /**
     * Walks every resource of every VEN through SUSPENDED and back to APPROVED, one change at a time.
     */
    private static Integer changeStatuses(final MeterSimulator sim)
    {
        for (int i = 0; i < CHANGES; i++)
        {
            final String ven = sim.venName(i % VENS);
            final int r = 1 + (i / VENS) % PER_VEN;
            final ResourceStatus target = (i / (VENS * PER_VEN)) % 2 == 0 ? SUSPENDED : APPROVED;
            sim.updateResourceStatus(ven, id(ven, r), target);
        }
        return 0;
    }

    private static String id(final String ven, final int r)
    {
        return String.format("%s-R%04d", ven, r);
    }

    private static <T> Callable<T> gated(final CountDownLatch start, final Callable<T> task)
    {
        return () ->
        {
            start.await();
            return task.call();
        };
    }
}
