package io.metersim.dashboard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The single-slot hand-off: the publisher always gets the latest snapshot, once; every snapshot replaced before it
 * was taken is counted as coalesced, and the loop thread never gets back a snapshot the publisher holds.
 */
class SnapshotExchangeTest
{
    @Test
    void shouldHandOverTheLatestAndCountTheCoalesced()
    {
        final SnapshotExchange exchange = new SnapshotExchange(1, 1);
        assertNull(exchange.take(), "nothing offered yet");
        for (int tick = 0; tick < 3; tick++)
        {
            exchange.back().tick = tick;
            exchange.offer();
        }
        final Snapshot taken = exchange.take();

        assertEquals(2, taken.tick);
        assertEquals(3, exchange.offered());
        assertEquals(2, exchange.coalesced(), "ticks 0 and 1 were replaced before the publisher took them");
        assertNull(exchange.take(), "the latest is handed over once");
        assertEquals(2, exchange.coalesced());
    }

    @Test
    void shouldNeverLendTheLoopThePublishersSnapshot()
    {
        final SnapshotExchange exchange = new SnapshotExchange(1, 1);
        exchange.back().tick = 7;
        exchange.offer();
        final Snapshot held = exchange.take();
        for (int tick = 8; tick < 12; tick++)
        {
            assertNotSame(held, exchange.back());
            exchange.back().tick = tick;
            exchange.offer();
        }
        assertEquals(7, held.tick, "the snapshot being published is untouched");
        assertEquals(11, exchange.take().tick);
        assertEquals(3, exchange.coalesced(), "ticks 8, 9 and 10");
    }
}
