package io.metersim.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.metersim.core.ResourceStatus.APPROVED;
import static io.metersim.core.ResourceStatus.PENDING;
import static io.metersim.core.ResourceStatus.SUSPENDED;
import static io.metersim.core.TestLoads.METERS;
import static io.metersim.core.TestLoads.watts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeterAssignmentTest
{
    private static final LoadData DATA = TestLoads.formula(12, 4);

    @Test
    void shouldMatchPublishedHashVectors()
    {
        assertEquals(0xCBF29CE484222325L, MeterAssignment.fnv1a64(""));
        assertEquals(0xAF63DC4C8601EC8CL, MeterAssignment.fnv1a64("a"));
        assertEquals(0x85944171F73967E8L, MeterAssignment.fnv1a64("foobar"));
        assertEquals(first(first(first(42L) ^ MeterAssignment.fnv1a64("VEN-00001")) ^ MeterAssignment.fnv1a64("R")),
            MeterAssignment.mix(42L, "VEN-00001", "R"));
        assertEquals(0x2FEB5B4F22FB7C18L, MeterAssignment.mix(42L, "VEN-00001", "R"), "pinned: meters must not move");
    }

    @Test
    void shouldAssignSameMetersForSameSeedDataAndRegistry()
    {
        final Registry registry = Registry.synthetic(20, 10);

        final List<String> first = meters(
            MeterSimulator.create(DATA, registry, new SimulatorOptions(5L, TimeMode.RAW)));
        final List<String> again = meters(MeterSimulator.create(
            TestLoads.formula(12, 4), Registry.synthetic(20, 10), new SimulatorOptions(5L, TimeMode.RAW)));
        final List<String> otherSeed = meters(MeterSimulator.create(
            DATA, registry, new SimulatorOptions(6L, TimeMode.RAW)));

        assertEquals(200, first.size());
        assertEquals(first, again);
        assertNotEquals(first, otherSeed);
        assertEquals(12, first.stream().map(m -> m.substring(m.indexOf('=') + 1)).distinct().count(),
            "200 draws over 12 meters reach all of them");
    }

    @Test
    void shouldPickMeterFromSeedVenAndResourceIdOnly()
    {
        final MeterSimulator sim = MeterSimulator.create(
            DATA, Registry.synthetic(3, 4), new SimulatorOptions(99L, TimeMode.RAW));
        final CollectionBuffer buffer = sim.collectNextMetering("VEN-00002", sim.newBuffer());

        for (int r = 0; r < 4; r++)
        {
            final long hash = MeterAssignment.mix(99L, "VEN-00002", "VEN-00002-R000" + (r + 1));
            assertEquals(METERS.get((int)Long.remainderUnsigned(hash, 12)), buffer.meterPointId(r));
        }
    }

    @Test
    void shouldKeepAssignmentWhateverOrderStatusesChangeIn()
    {
        final List<ResourceSpec> pending = new ArrayList<>();
        for (int r = 1; r <= 16; r++)
        {
            pending.add(new ResourceSpec("Herning", "H" + r, "", PENDING, "", ""));
        }
        final List<String> ids = pending.stream().map(ResourceSpec::resourceId).toList();
        final List<String> startApproved = meters(MeterSimulator.create(DATA, Registry.of(pending.stream()
            .map(p -> new ResourceSpec("Herning", p.resourceId(), "", APPROVED, "", "")).toList()),
            SimulatorOptions.defaults()));

        for (final long shuffleSeed : new long[] {1L, 2L, 3L})
        {
            final MeterSimulator sim = MeterSimulator.create(DATA, Registry.of(pending), SimulatorOptions.defaults());
            final List<String> order = new ArrayList<>(ids);
            Collections.shuffle(order, new Random(shuffleSeed));
            for (final String id : order)
            {
                sim.updateResourceStatus("Herning", id, APPROVED);
                sim.updateResourceStatus("Herning", order.get(0), SUSPENDED);
                sim.updateResourceStatus("Herning", order.get(0), APPROVED);
            }
            assertEquals(startApproved, meters(sim), "shuffle " + shuffleSeed);
        }
    }

    @Test
    void shouldHonourExplicitMetersAndWarnOnceForMissingOnes()
    {
        final Registry registry = Registry.of(List.of(
            new ResourceSpec("Herning", "R1", "", APPROVED, METERS.get(7), ""),
            new ResourceSpec("Herning", "R2", "", APPROVED, "999", ""),
            new ResourceSpec("Herning", "R3", "", SUSPENDED, "888", "")));
        final MeterSimulator sim = MeterSimulator.create(DATA, registry, SimulatorOptions.defaults());
        final CollectionBuffer buffer = sim.newBuffer();

        for (int i = 0; i < 10; i++)
        {
            sim.increaseTime();
            sim.collectNextMetering("Herning", buffer);
        }

        assertEquals(List.of(
            "meter_point_id 999 is not in the data; the resource yields no readings [ven=Herning resource_id=R2"
                + " data=formula]",
            "meter_point_id 888 is not in the data; the resource yields no readings [ven=Herning resource_id=R3"
                + " data=formula]"), sim.warnings());
        assertEquals(2, buffer.resourceCount());
        assertEquals(METERS.get(7), buffer.meterPointId(0));
        assertEquals(watts(7, 2, 2), buffer.powerW(2));
        assertEquals("999", buffer.meterPointId(1));
        assertEquals(0, buffer.readingCount(1));
        assertEquals(0, buffer.missingCount());
        assertEquals(List.of("R1"), List.copyOf(sim.collectNextMetering("Herning").keySet()));
        final SimulatorStatistics stats = sim.statistics();
        assertEquals(1, stats.explicitNotFound());
        assertEquals(1, stats.resourcesWithMeter());
        assertEquals(1, stats.distinctMeters());
    }

    @Test
    void shouldShowTheMeterEveryResourceReadsWhateverItsStatus()
    {
        final Registry registry = Registry.of(List.of(
            new ResourceSpec("Herning", "R1", "", APPROVED, METERS.get(7), ""),
            new ResourceSpec("Herning", "R2", "", PENDING, "", ""),
            new ResourceSpec("Herning", "R3", "", SUSPENDED, "888", ""),
            new ResourceSpec("Aarhus", "A1", "", APPROVED, "", "")));
        final MeterSimulator sim = MeterSimulator.create(DATA, registry, new SimulatorOptions(7L, TimeMode.RAW));
        final String herningR2 = METERS.get((int)Long.remainderUnsigned(MeterAssignment.mix(7L, "Herning", "R2"), 12));
        final String aarhusA1 = METERS.get((int)Long.remainderUnsigned(MeterAssignment.mix(7L, "Aarhus", "A1"), 12));

        assertEquals(METERS.get(7), sim.assignedMeter("Herning", "R1"));
        assertEquals(herningR2, sim.assignedMeter("Herning", "R2"));
        assertEquals("", sim.assignedMeter("Herning", "R3"));
        assertEquals(aarhusA1, sim.assignedMeter("Aarhus", "A1"));

        sim.updateResourceStatus("Herning", "R2", APPROVED);
        final CollectionBuffer buffer = sim.collectNextMetering("Herning", sim.newBuffer());
        assertEquals("R2", buffer.resourceId(1));
        assertEquals(herningR2, buffer.meterPointId(1), "the meter shown is the one collected once approved");
        assertEquals(herningR2, sim.assignedMeter("Herning", "R2"));
    }

    @Test
    void shouldRefuseUnknownVenOrResourceWhenAskedForTheMeter()
    {
        final MeterSimulator sim = MeterSimulator.create(DATA, Registry.synthetic(2, 2), SimulatorOptions.defaults());

        assertEquals("unknown VEN: Odense [known=VEN-00001, VEN-00002]", assertThrows(UnknownVenException.class,
            () -> sim.assignedMeter("Odense", "VEN-00001-R0001")).getMessage());
        assertEquals("unknown resource: R9 [ven=VEN-00001 known=VEN-00001-R0001, VEN-00001-R0002]", assertThrows(
            UnknownResourceException.class, () -> sim.assignedMeter("VEN-00001", "R9")).getMessage());
        assertEquals("unknown resource: null [ven=VEN-00002 known=VEN-00002-R0001, VEN-00002-R0002]", assertThrows(
            UnknownResourceException.class, () -> sim.assignedMeter("VEN-00002", null)).getMessage());
    }

    /**
     * SplitMix64's first output for the seed, as the published vectors give it (seed 0: 0xE220A8397B1DCDAF).
     */
    private static long first(final long seed)
    {
        return SplitMix64.output(seed, 1);
    }

    private static List<String> meters(final MeterSimulator sim)
    {
        final List<String> meters = new ArrayList<>();
        final CollectionBuffer buffer = sim.newBuffer();
        for (int v = 0; v < sim.venNames().size(); v++)
        {
            sim.collectNextMetering(v, buffer);
            for (int r = 0; r < buffer.resourceCount(); r++)
            {
                meters.add(buffer.resourceId(r) + "=" + buffer.meterPointId(r));
            }
        }
        return meters;
    }
}
