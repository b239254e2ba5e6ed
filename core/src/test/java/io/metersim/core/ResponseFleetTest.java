package io.metersim.core;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.metersim.core.EventTimeline.IMPORT_CAPACITY_LIMIT;
import static io.metersim.core.EventTimeline.SIMPLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response over a fleet: the seeded participation share, the per-VEN {@code randomizeStart} draw, results that
 * do not depend on the number of threads, and no allocation while responding.
 */
class ResponseFleetTest
{
    private static final int VENS = 48;
    private static final int PER_VEN = 10;

    @Test
    void shouldDrawTheParticipationShareWithinBinomialBounds()
    {
        // n = 2,000 at p = 0.9: mean 1,800, standard deviation sqrt(2000 * 0.9 * 0.1) = 13.4; 5 sd either side
        final MeterSimulator sim = fleet(40, 50);
        final boolean[] first = participation(sim, ResponseModel.defaults());
        final boolean[] again = participation(sim, ResponseModel.defaults());
        final boolean[] other = participation(sim, ResponseModel.defaults().with("seed", "43"));

        final int count = count(first);
        assertTrue(count >= 1733 && count <= 1867, "participating: " + count + " of 2000");
        assertArrayEquals(first, again, "the same seed draws the same resources");
        assertFalse(java.util.Arrays.equals(first, other), "another seed draws others");
        final int half = count(participation(sim, ResponseModel.defaults().with("participation", "0.5")));
        assertTrue(half >= 888 && half <= 1112, "p = 0.5, sd 22.4: " + half);
    }

    @Test
    void shouldGiveTheSameResultsWithAnyNumberOfThreads()
    {
        final double[][] one = fleetRun(1);
        final double[][] two = fleetRun(2);
        final double[][] four = fleetRun(4);

        for (int t = 0; t < one.length; t++)
        {
            assertArrayEquals(one[t], two[t], "tick " + t + ", 2 threads");
            assertArrayEquals(one[t], four[t], "tick " + t + ", 4 threads");
        }
        assertEquals(evaluate(1), evaluate(4));
    }

    @Test
    void shouldDrawRandomizeStartPerVen()
    {
        final double[][] watts = fleetRun(1);
        final Set<Integer> firstShedTick = new HashSet<>();
        for (int v = 0; v < VENS; v++)
        {
            for (int t = 0; t < watts.length; t++)
            {
                if (watts[t][v] < watts[0][v] - 1)
                {
                    firstShedTick.add(t);
                    break;
                }
            }
        }
        // starts drawn in [04:00, 07:00): a tick is active once its timestamp reaches the VEN's start, so a VEN
        // whose start is drawn in (04:00, 05:00] sheds first at 05:00, and so on; 04:00 needs an offset of exactly 0
        assertEquals(Set.of(5, 6, 7), firstShedTick);
    }

    @Test
    void shouldNotAllocateWhileResponding()
    {
        final EventTimeline.Builder events = EventTimeline.builder();
        ResponseFixture.openEnded(events, "open", 1, 2);
        ResponseFixture.event(events, "cap", 0, 3, 2, IMPORT_CAPACITY_LIMIT, 2.5);
        final Allocation measured = new Allocation(events.build(), 8 * 20_000);
        assertNotEquals(0.0, measured.watts);
        assertEquals(0L, measured.least, "fewest bytes allocated over " + Allocation.WINDOW + " collections");
    }

    /**
     * A 4 h event every 12 h: in every window the VEN is held VEN-wide while it sheds, and pays back between the
     * events with none active; neither allocates.
     */
    @Test
    void shouldNotAllocateWhileHeldOrPayingBack()
    {
        final int hours = Allocation.WARM_UP + Allocation.WINDOWS * Allocation.WINDOW;
        final EventTimeline.Builder events = EventTimeline.builder()
            .event("twice-daily", "", "program-1", 0, ResponseFixture.hour(0), hours * ResponseFixture.HOUR, 0);
        for (int from = 0; from < hours; from += 12)
        {
            events.interval(from * ResponseFixture.HOUR, 4 * ResponseFixture.HOUR).payload(SIMPLE, 2);
        }
        final Allocation measured = new Allocation(events.build(), hours);
        assertTrue(measured.held > hours / 3, "held VEN-wide while shedding and paying back: " + measured.held);
        assertTrue(measured.paidBack > hours / 12, "paid back between events: " + measured.paidBack);
        assertEquals(0L, measured.least, "fewest bytes allocated over " + Allocation.WINDOW + " collections");
    }

    /**
     * One VEN of 120 resources responding to events, hour by hour: the fewest bytes the thread allocated over any
     * window of collections after a warm-up, and what the response did.
     */
    private static final class Allocation
    {
        static final int WARM_UP = 10_000;
        static final int WINDOWS = 8;
        static final int WINDOW = 2_400;

        long least = Long.MAX_VALUE;
        double watts;
        int held;
        /** Collections changed by the response in the hours 4 to 11 of every 12. */
        int paidBack;

        Allocation(final EventTimeline events, final int hours)
        {
            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            final MeterSimulator sim = fleet(1, 120);
            final DemandResponse response = DemandResponse.create(sim, ResponseModel.defaults(), events);
            final CollectionBuffer buffer = sim.newBuffer();
            response.takeUpEvents();
            final long thread = Thread.currentThread().getId();
            long windowStart = threads.getThreadAllocatedBytes(thread);
            for (int hour = 0; hour < hours; hour++)
            {
                sim.collectAt(0, sim.position(), buffer);
                response.respond(buffer);
                watts += buffer.totalWatts();
                held += response.holdsVenWide(0) ? 1 : 0;
                paidBack += hour % 12 >= 4 && buffer.modifiedResourceCount() > 0 ? 1 : 0;
                sim.increaseTime();
                if (hour >= WARM_UP && (hour - WARM_UP + 1) % WINDOW == 0)
                {
                    final long now = threads.getThreadAllocatedBytes(thread);
                    least = Math.min(least, now - windowStart);
                    windowStart = now;
                }
                else if (hour == WARM_UP - 1)
                {
                    windowStart = threads.getThreadAllocatedBytes(thread);
                }
            }
        }
    }

    private static MeterSimulator fleet(final int vens, final int perVen)
    {
        final String[] names = new String[vens];
        for (int v = 0; v < vens; v++)
        {
            names[v] = String.format("VEN-%03d", v);
        }
        return ResponseFixture.simulator(24, perVen, names);
    }

    private static boolean[] participation(final MeterSimulator sim, final ResponseModel model)
    {
        final DemandResponse response = DemandResponse.create(sim, model, EventTimeline.empty());
        final boolean[] takesPart = new boolean[sim.registry().size()];
        for (int row = 0; row < takesPart.length; row++)
        {
            takesPart[row] = response.participates(row);
        }
        return takesPart;
    }

    private static int count(final boolean[] values)
    {
        int count = 0;
        for (final boolean value : values)
        {
            count += value ? 1 : 0;
        }
        return count;
    }

    private static DemandResponse fleetResponse(final MeterSimulator sim)
    {
        final EventTimeline.Builder events = EventTimeline.builder();
        events.event("spread", "", "p", 1, ResponseFixture.hour(4), 3 * ResponseFixture.HOUR,
            3 * ResponseFixture.HOUR - 1).interval(0, 3 * ResponseFixture.HOUR).payload(SIMPLE, 2);
        ResponseFixture.event(events, "cap", 0, 20, 6, IMPORT_CAPACITY_LIMIT, 2.0);
        return DemandResponse.create(sim, ResponseModel.defaults(), events.build());
    }

    private static double[][] fleetRun(final int threads)
    {
        final MeterSimulator sim = fleet(VENS, PER_VEN);
        final double[][] watts = new double[40][VENS];
        final long[] tick = new long[1];
        final CollectionSink sink = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "watts";
            }

            @Override
            public void onCollection(final int worker, final CollectionBuffer collected, final long nanos)
            {
                watts[(int)tick[0]][collected.venHandle()] = collected.totalWatts();
            }

            @Override
            public void onTickEnd(final TickTotals totals)
            {
                tick[0]++;
            }
        };
        TickLoop.builder(sim).ticks(40).threads(threads).response(fleetResponse(sim)).sink(sink).build().run();
        return watts;
    }

    private static List<EventEvaluation> evaluate(final int threads)
    {
        final MeterSimulator sim = fleet(VENS, PER_VEN);
        final DemandResponse response = fleetResponse(sim);
        TickLoop.builder(sim).ticks(40).threads(threads).response(response).build().run();
        return new ArrayList<>(response.evaluation());
    }
}
