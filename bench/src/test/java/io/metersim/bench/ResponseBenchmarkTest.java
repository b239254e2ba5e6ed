package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark measures what it says: with the event, most resources are changed; without, none; plain is plain.
 */
class ResponseBenchmarkTest
{
    @Test
    void shouldRespondToTheActiveEventOnlyInTheRespondingBenchmark()
    {
        final ResponseBenchmark bench = new ResponseBenchmark();
        bench.setUp();
        final ResponseBenchmark.Buffers buffers = new ResponseBenchmark.Buffers();
        buffers.setUp(bench);

        final CollectionBuffer responding = bench.responding(buffers);
        final int modified = responding.modifiedResourceCount();
        final double reduced = responding.unmodifiedTotalWatts() - responding.totalWatts();
        assertEquals(720, responding.readingTotal());
        assertTrue(modified >= 90 && modified <= 120, "resources changed by the event: " + modified);
        assertTrue(reduced > 0, "the event reduces the VEN's load: " + reduced + " W");

        assertEquals(0, bench.idle(buffers).modifiedResourceCount());
        assertEquals(0, bench.plain(buffers).modifiedResourceCount());
    }
}
