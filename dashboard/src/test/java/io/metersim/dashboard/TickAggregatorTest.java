package io.metersim.dashboard;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.RunSummary;
import io.metersim.core.TickLoop;
import io.metersim.core.TickTotals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The aggregates the page receives, per tick, with 1 to 3 workers: the fleet total, each load component and each
 * VEN's total equal the formula's values exactly (integers in doubles add exactly), and equal the sums of the
 * individual readings ({@code powerW}, {@code loadIndex}) of the collection buffers, taken independently.
 */
class TickAggregatorTest
{
    private static final int TICKS = 9;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shouldAggregateExactlyWhatWasCollected(final int threads)
    {
        final Fixture fixture = new Fixture(5, 4, 7, 6);
        final MeterSimulator simulator = fixture.simulator();
        final Probe probe = new Probe(simulator.venNames().size(), threads);
        final RunSummary run = TickLoop.builder(simulator).ticks(TICKS).threads(threads).sink(probe).build().run();

        assertNull(run.failure());
        assertEquals(TICKS, probe.snapshots.size());
        for (int i = 0; i < TICKS; i++)
        {
            final Snapshot s = probe.snapshots.get(i);
            final int t = i % fixture.rows;
            assertEquals(i, s.tick);
            assertEquals(t, s.index);
            assertEquals(Fixture.T0_MILLIS + 3_600_000L * t, s.timestampMillis);
            assertEquals(fixture.vens, s.venCount);
            assertEquals(fixture.vens * fixture.resources, s.resources);
            assertEquals(fixture.fleetMissing(t), s.missing, "missing at tick " + i);
            assertEquals(fixture.vens * fixture.resources * Fixture.LOADS - fixture.fleetMissing(t), s.readings);
            double fleet = 0;
            for (int k = 0; k < Fixture.LOADS; k++)
            {
                assertEquals(fixture.fleetLoadWatts(k, t), s.loadWatts[k], "load " + k + " at tick " + i);
                assertEquals(probe.readingLoadWatts.get(i)[k], s.loadWatts[k], "load " + k + " from readings");
                fleet += fixture.fleetLoadWatts(k, t);
            }
            assertEquals(fleet, s.totalWatts, "fleet at tick " + i);
            final int[] handles = Arrays.copyOf(s.venHandle, s.venCount);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4}, handles, "VENs in handle order");
            for (int j = 0; j < s.venCount; j++)
            {
                final String name = simulator.venName(s.venHandle[j]);
                final int v = Integer.parseInt(name.substring("VEN-".length()));
                assertEquals(fixture.venWatts(v, t), s.venWatts[j], name + " at tick " + i);
                assertEquals(probe.readingVenWatts.get(i)[s.venHandle[j]], s.venWatts[j], name + " from readings");
                assertEquals(fixture.resources, s.venResources[j]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldListOnlyTheVensCollectedInTheTick(final int threads)
    {
        final Fixture fixture = new Fixture(5, 2, 3, 4);
        final MeterSimulator simulator = fixture.simulator();
        final Probe probe = new Probe(simulator.venNames().size(), threads);
        final int[] selected = {simulator.venHandle("VEN-3"), simulator.venHandle("VEN-1")};
        TickLoop.builder(simulator).vens(selected).ticks(3).threads(threads).sink(probe).build().run();

        for (final Snapshot s : probe.snapshots)
        {
            assertEquals(2, s.venCount);
            assertArrayEquals(new int[] {Math.min(selected[0], selected[1]), Math.max(selected[0], selected[1])},
                Arrays.copyOf(s.venHandle, 2));
            final int t = s.index;
            assertEquals(fixture.venWatts(1, t) + fixture.venWatts(3, t), s.totalWatts);
        }
    }

    /**
     * Drives a {@link TickAggregator} as the dashboard does, keeps a copy of every tick's snapshot, and sums each
     * tick's readings one by one on the side.
     */
    private static final class Probe implements CollectionSink
    {
        final List<Snapshot> snapshots = new ArrayList<>();
        final List<double[]> readingLoadWatts = new ArrayList<>();
        final List<double[]> readingVenWatts = new ArrayList<>();
        private final TickAggregator aggregator;
        private final int venCapacity;
        private final double[][] loadsByWorker;
        private final double[] venWatts;

        Probe(final int venCapacity, final int threads)
        {
            this.venCapacity = venCapacity;
            this.aggregator = new TickAggregator(venCapacity, Fixture.LOADS);
            this.loadsByWorker = new double[threads][Fixture.LOADS];
            this.venWatts = new double[venCapacity];
        }

        @Override
        public String name()
        {
            return "probe";
        }

        @Override
        public void open(final int threads)
        {
            aggregator.open(threads);
        }

        @Override
        public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        {
            aggregator.onCollection(worker, collected, collectNanos);
            double ven = 0;
            for (int i = 0; i < collected.readingTotal(); i++)
            {
                loadsByWorker[worker][collected.loadIndex(i)] += collected.powerW(i);
                ven += collected.powerW(i);
            }
            venWatts[collected.venHandle()] = ven;
        }

        @Override
        public void onTickEnd(final TickTotals tick)
        {
            final Snapshot s = new Snapshot(venCapacity, Fixture.LOADS);
            aggregator.endTick(tick, 0L, s);
            snapshots.add(s);
            final double[] loads = new double[Fixture.LOADS];
            for (final double[] worker : loadsByWorker)
            {
                for (int k = 0; k < loads.length; k++)
                {
                    loads[k] += worker[k];
                }
                Arrays.fill(worker, 0.0);
            }
            readingLoadWatts.add(loads);
            readingVenWatts.add(venWatts.clone());
            Arrays.fill(venWatts, 0.0);
        }
    }
}
