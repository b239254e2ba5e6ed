package io.metersim.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.metersim.core.ResourceStatus.APPROVED;
import static io.metersim.core.ResourceStatus.PENDING;
import static io.metersim.core.ResourceStatus.SUSPENDED;
import static io.metersim.core.TestLoads.HOUR_MILLIS;
import static io.metersim.core.TestLoads.METERS;
import static io.metersim.core.TestLoads.millis;
import static io.metersim.core.TestLoads.watts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeterSimulatorCollectTest
{
    private static final int ROWS = 5;

    private static Registry registry()
    {
        return Registry.of(List.of(
            new ResourceSpec("Herning", "R1", "Heat pump", APPROVED, METERS.get(1), ""),
            new ResourceSpec("Herning", "R2", "Boiler", PENDING, METERS.get(0), ""),
            new ResourceSpec("Aarhus", "A1", "EV", SUSPENDED, METERS.get(2), ""),
            new ResourceSpec("Herning", "R3", "PV, roof", APPROVED, METERS.get(3), "")));
    }

    private static MeterSimulator simulator(final LoadData data, final TimeMode mode)
    {
        return MeterSimulator.create(data, registry(), new SimulatorOptions(7L, mode));
    }

    @Test
    void shouldCollectExactReadingsOfApprovedResourcesInRegistryOrder()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.RAW);
        assertEquals(1, sim.increaseTime());
        assertEquals(2, sim.increaseTime());

        final CollectionBuffer buffer = sim.collectNextMetering("Herning", sim.newBuffer());

        assertEquals("Herning", buffer.ven());
        assertEquals(2, buffer.index());
        assertEquals(0L, buffer.cycle());
        assertEquals(2, buffer.resourceCount());
        assertEquals("R1", buffer.resourceId(0));
        assertEquals("Heat pump", buffer.resourceName(0));
        assertEquals(METERS.get(1), buffer.meterPointId(0));
        assertEquals("R3", buffer.resourceId(1));
        assertEquals("PV, roof", buffer.resourceName(1));
        assertEquals(METERS.get(3), buffer.meterPointId(1));
        assertEquals(12, buffer.readingTotal());
        assertEquals(0, buffer.missingCount());
        final int[] meterOfResource = {1, 3};
        for (int r = 0; r < 2; r++)
        {
            assertEquals(6 * r, buffer.readingOffset(r));
            assertEquals(6, buffer.readingCount(r));
            for (int k = 0; k < 6; k++)
            {
                final int reading = buffer.readingOffset(r) + k;
                assertEquals(k, buffer.loadIndex(reading));
                assertEquals("load_" + k, buffer.loadId(reading));
                assertEquals(millis(2), buffer.timestampMillis(reading));
                assertEquals(watts(meterOfResource[r], k, 2), buffer.powerW(reading));
            }
        }
        assertEquals(6 * 1002 + 1500, buffer.resourceTotalWatts(0));
        assertEquals(6 * 3002 + 1500, buffer.resourceTotalWatts(1));
        assertEquals(6 * 1002 + 6 * 3002 + 3000, buffer.totalWatts());
        assertEquals(6, buffer.loadCount());
        for (int k = 0; k < 6; k++)
        {
            assertEquals(1002 + 3002 + 200 * k, buffer.loadTotalWatts(k));
        }
        assertEquals(0.0, buffer.loadTotalWatts(6));
    }

    @Test
    void shouldGiveOriginalMapShapeWithSharedLoadIds()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.RAW);

        final Map<String, ResourceMeterData> result = sim.collectNextMetering("Herning");

        assertEquals(List.of("R1", "R3"), List.copyOf(result.keySet()));
        final ResourceMeterData r1 = result.get("R1");
        assertEquals("R1", r1.resourceId());
        assertEquals(METERS.get(1), r1.meterPointId());
        assertEquals(new MeterReading(millis(0), "load_0", 1000.0), r1.readings().get(0));
        assertEquals(new MeterReading(millis(0), "load_5", 1500.0), r1.readings().get(5));
        assertSame(r1.readings().get(3).loadId(), result.get("R3").readings().get(3).loadId());
        assertEquals(Map.of(), sim.collectNextMetering("Aarhus"));
    }

    @Test
    void shouldWrapToZeroAndRepeatTimestampsInRawMode()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.RAW);
        final CollectionBuffer buffer = sim.newBuffer();

        assertEquals(List.of(1, 2, 3, 4, 0, 1), List.of(sim.increaseTime(), sim.increaseTime(), sim.increaseTime(),
            sim.increaseTime(), sim.increaseTime(), sim.increaseTime()));
        sim.collectNextMetering("Herning", buffer);

        assertEquals(1, sim.currentIndex());
        assertEquals(1, buffer.index());
        assertEquals(1L, buffer.cycle());
        assertEquals(sim.positionOf(1, 1), buffer.position());
        assertEquals(millis(1), buffer.timestampMillis(0));
        assertEquals(watts(1, 0, 1), buffer.powerW(0));
    }

    @Test
    void shouldShiftTimestampsByCompletedCyclesInContinuousMode()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.CONTINUOUS);
        final CollectionBuffer buffer = sim.newBuffer();
        for (int i = 0; i < ROWS + 1; i++)
        {
            sim.increaseTime();
        }

        sim.collectNextMetering(sim.venHandle("Herning"), buffer);
        assertEquals(millis(1) + ROWS * HOUR_MILLIS, buffer.timestampMillis(0));
        assertEquals(millis(ROWS + 1), buffer.timestampMillis(0));
        assertEquals(watts(1, 0, 1), buffer.powerW(0));

        sim.collectAt(sim.venHandle("Herning"), sim.positionOf(3, 2), buffer);
        assertEquals(3, buffer.index());
        assertEquals(2L, buffer.cycle());
        assertEquals(millis(3) + 2 * ROWS * HOUR_MILLIS, buffer.timestampMillis(11));
        assertEquals(watts(3, 5, 3), buffer.powerW(11));
    }

    @Test
    void shouldCountReadingsPastShorterSeriesEndAndNaNAsMissing()
    {
        final LoadDataBuilder builder = LoadData.builder("ragged");
        for (int m = 0; m < 4; m++)
        {
            final int meter = builder.addMeter(METERS.get(m), "", TestLoads.path(m));
            for (int k = 0; k < 6; k++)
            {
                final int rows = m == 3 && k >= 4 ? 3 : ROWS;
                final double[] flat = TestLoads.rows(m, k, rows);
                if (m == 1 && k == 2)
                {
                    flat[2 * 4 + 1] = Double.NaN;
                }
                builder.addSeries(meter, k, TestLoads.path(m) + "/load_" + k + "/power", flat);
            }
        }
        final MeterSimulator sim = simulator(builder.build(), TimeMode.RAW);
        final CollectionBuffer buffer = sim.newBuffer();
        final int herning = sim.venHandle("Herning");

        sim.collectAt(herning, sim.positionOf(2, 0), buffer);
        assertEquals(12, buffer.readingTotal());
        assertEquals(0, buffer.missingCount());

        sim.collectAt(herning, sim.positionOf(3, 0), buffer);
        assertEquals(10, buffer.readingTotal());
        assertEquals(2, buffer.missingCount());
        assertEquals(6, buffer.readingCount(0));
        assertEquals(4, buffer.readingCount(1));
        assertEquals(3, buffer.loadIndex(buffer.readingOffset(1) + 3));
        assertEquals(4 * 3003 + 600, buffer.resourceTotalWatts(1));
        assertEquals(1003 + 400, buffer.loadTotalWatts(4));

        sim.collectAt(herning, sim.positionOf(4, 0), buffer);
        assertEquals(9, buffer.readingTotal());
        assertEquals(3, buffer.missingCount());
        assertEquals(5, buffer.readingCount(0));
        assertEquals(List.of(0, 1, 3, 4, 5), List.of(buffer.loadIndex(0), buffer.loadIndex(1), buffer.loadIndex(2),
            buffer.loadIndex(3), buffer.loadIndex(4)));
        assertEquals(0.0, buffer.loadTotalWatts(2) - watts(3, 2, 4));
    }

    @Test
    void shouldCollectMetersOfAnyLoadLayoutExactly()
    {
        final int[][] layouts = {{0, 1, 2, 3, 4, 5}, {1, 2, 3, 4, 5, 6}, {0, 1, 2, 3, 4, 5, 6}, {2}};
        final LoadDataBuilder builder = LoadData.builder("layouts");
        for (int m = 0; m < layouts.length; m++)
        {
            final int meter = builder.addMeter(METERS.get(m), "", TestLoads.path(m));
            for (final int k : layouts[m])
            {
                builder.addSeries(meter, k, TestLoads.path(m) + "/load_" + k + "/power", TestLoads.rows(m, k, ROWS));
            }
        }
        final List<ResourceSpec> resources = new ArrayList<>();
        for (int m = 0; m < layouts.length; m++)
        {
            resources.add(new ResourceSpec("Skive", "S" + m, "", APPROVED, METERS.get(m), ""));
        }
        final MeterSimulator sim = MeterSimulator.create(
            builder.build(), Registry.of(resources), SimulatorOptions.defaults());

        final CollectionBuffer buffer = sim.collectAt(0, sim.positionOf(4, 0), sim.newBuffer());

        assertEquals(20, buffer.readingTotal());
        assertEquals(7, buffer.loadCount());
        final double[] loadTotals = new double[7];
        for (int m = 0; m < layouts.length; m++)
        {
            assertEquals(layouts[m].length, buffer.readingCount(m));
            double sum = 0.0;
            for (int j = 0; j < layouts[m].length; j++)
            {
                final int reading = buffer.readingOffset(m) + j;
                final int k = layouts[m][j];
                assertEquals(k, buffer.loadIndex(reading));
                assertEquals("load_" + k, buffer.loadId(reading));
                assertEquals(watts(m, k, 4), buffer.powerW(reading));
                assertEquals(millis(4), buffer.timestampMillis(reading));
                sum += watts(m, k, 4);
                loadTotals[k] += watts(m, k, 4);
            }
            assertEquals(sum, buffer.resourceTotalWatts(m));
        }
        for (int k = 0; k < 7; k++)
        {
            assertEquals(loadTotals[k], buffer.loadTotalWatts(k), "load " + k);
        }
    }

    @Test
    void shouldGiveEmptyResultForVenWithoutApprovedResources()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.RAW);

        final CollectionBuffer buffer = sim.collectNextMetering("Aarhus", sim.newBuffer());

        assertEquals("Aarhus", buffer.ven());
        assertEquals(0, buffer.resourceCount());
        assertEquals(0, buffer.readingTotal());
        assertEquals(0.0, buffer.totalWatts());
    }

    @Test
    void shouldRefuseUnknownVenNamingKnownOnes()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.RAW);

        assertEquals("unknown VEN: Foo [known=Aarhus, Herning]", assertThrows(UnknownVenException.class,
            () -> sim.collectNextMetering("Foo", sim.newBuffer())).getMessage());
        assertEquals("unknown VEN: Foo [known=Aarhus, Herning]", assertThrows(UnknownVenException.class,
            () -> sim.collectNextMetering("Foo")).getMessage());
        assertEquals("unknown VEN: #2 [known=Aarhus, Herning]", assertThrows(UnknownVenException.class,
            () -> sim.collectNextMetering(2, sim.newBuffer())).getMessage());
        assertEquals("Foo", assertThrows(UnknownVenException.class, () -> sim.venHandle("Foo")).ven());
    }

    @Test
    void shouldShortenLongListOfKnownVens()
    {
        final MeterSimulator sim = MeterSimulator.create(
            TestLoads.formula(2, ROWS), Registry.synthetic(25, 1), SimulatorOptions.defaults());

        final UnknownVenException ex = assertThrows(UnknownVenException.class, () -> sim.venHandle("Herning"));

        assertEquals("unknown VEN: Herning [known=VEN-00001, VEN-00002, VEN-00003, VEN-00004, VEN-00005, VEN-00006, "
            + "VEN-00007, VEN-00008, VEN-00009, VEN-00010, VEN-00011, VEN-00012, VEN-00013, VEN-00014, VEN-00015, "
            + "VEN-00016, VEN-00017, VEN-00018, VEN-00019, VEN-00020, ... (5 more)]", ex.getMessage());
    }

    @Test
    void shouldRefusePositionOutsideTheData()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.RAW);

        assertEquals("position out of range [index=5 cycle=0 cycleLength=5]",
            assertThrows(MetersimException.class, () -> sim.positionOf(5, 0)).getMessage());
        assertEquals("position out of range [index=1 cycle=-1 cycleLength=5]",
            assertThrows(MetersimException.class, () -> sim.positionOf(1, -1)).getMessage());
        assertEquals("position out of range [index=7 cycle=1 cycleLength=5]", assertThrows(MetersimException.class,
            () -> sim.collectAt(0, (1L << 32) | 7, sim.newBuffer())).getMessage());
    }

    @Test
    void shouldRefuseBufferOfAnotherSimulator()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.RAW);
        final CollectionBuffer foreign = simulator(TestLoads.formula(4, ROWS), TimeMode.RAW).newBuffer();

        assertEquals("buffer made by another simulator; use this simulator's newBuffer() [ven=Herning]",
            assertThrows(MetersimException.class, () -> sim.collectNextMetering("Herning", foreign)).getMessage());
        assertEquals("missing buffer; use this simulator's newBuffer() [ven=Herning]",
            assertThrows(MetersimException.class, () -> sim.collectNextMetering("Herning", null)).getMessage());
    }

    @Test
    void shouldExposeVensAndPositions()
    {
        final MeterSimulator sim = simulator(TestLoads.formula(4, ROWS), TimeMode.CONTINUOUS);

        assertEquals(List.of("Herning", "Aarhus"), sim.venNames());
        assertEquals(1, sim.venHandle("Aarhus"));
        assertEquals("Aarhus", sim.venName(1));
        assertEquals(TimeMode.CONTINUOUS, sim.timeMode());
        assertEquals(3, MeterSimulator.indexOf(sim.positionOf(3, 9)));
        assertEquals(9L, MeterSimulator.cycleOf(sim.positionOf(3, 9)));
        assertEquals(0L, sim.position());
    }
}
