package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CollectionBenchmarkTest
{
    @Test
    void shouldCollectEveryResourceWithSixLoadsAndMatchTheBaseline()
    {
        final CollectionBenchmark bench = new CollectionBenchmark();
        bench.resources = 120;
        bench.setUp();
        final CollectionBenchmark.Buffers buffers = new CollectionBenchmark.Buffers();
        buffers.setUp(bench);

        final CollectionBuffer collected = bench.collect(buffers);
        final double baseline = bench.baseline(buffers);

        assertEquals(1, collected.index());
        assertEquals(120, collected.resourceCount());
        assertEquals(720, collected.readingTotal());
        assertEquals(0, collected.missingCount());
        assertEquals(collected.totalWatts(), baseline, 1e-6 * Math.abs(baseline));
        for (int reading = 0; reading < collected.readingTotal(); reading++)
        {
            assertEquals(collected.powerW(reading), buffers.watts[reading], "reading " + reading);
        }
    }
}
