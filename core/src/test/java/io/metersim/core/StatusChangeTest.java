package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.metersim.core.ResourceStatus.APPROVED;
import static io.metersim.core.ResourceStatus.PENDING;
import static io.metersim.core.ResourceStatus.SUSPENDED;
import static io.metersim.core.TestLoads.METERS;
import static io.metersim.core.TestLoads.watts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusChangeTest
{
    private static final List<ResourceSpec> RESOURCES = List.of(
        new ResourceSpec("Herning", "R1", "Heat pump", APPROVED, METERS.get(1), ""),
        new ResourceSpec("Herning", "R2", "Boiler", PENDING, METERS.get(0), ""),
        new ResourceSpec("Herning", "R3", "PV", APPROVED, METERS.get(3), ""),
        new ResourceSpec("Herning", "R4", "EV", PENDING, "", ""),
        new ResourceSpec("Aarhus", "A1", "EV", SUSPENDED, METERS.get(2), ""));

    @TempDir
    Path dir;

    private final MeterSimulator sim = MeterSimulator.create(
        TestLoads.formula(4, 5), Registry.of(RESOURCES), SimulatorOptions.defaults());
    private final CollectionBuffer buffer = sim.newBuffer();

    @Test
    void shouldSeeApprovalOnNextCollectionInRegistryOrder()
    {
        sim.updateResourceStatus("Herning", "R2", APPROVED);

        sim.collectNextMetering("Herning", buffer);
        assertEquals(List.of("R1", "R2", "R3"), ids(buffer));
        assertEquals(METERS.get(0), buffer.meterPointId(1));
        assertEquals(watts(0, 4, 0), buffer.powerW(buffer.readingOffset(1) + 4));

        sim.updateResourceStatus("Herning", "R1", SUSPENDED);
        sim.updateResourceStatus("Herning", "R3", "pending");
        sim.collectNextMetering("Herning", buffer);
        assertEquals(List.of("R2"), ids(buffer));
    }

    @Test
    void shouldGiveNewlyApprovedResourceWithoutMeterIdTheSeededMeter()
    {
        final List<ResourceSpec> approvedFromStart = RESOURCES.stream().map(r -> r.resourceId().equals("R4")
            ? new ResourceSpec(r.ven(), "R4", r.resourceName(), APPROVED, "", "") : r).toList();
        final MeterSimulator reference = MeterSimulator.create(
            TestLoads.formula(4, 5), Registry.of(approvedFromStart), SimulatorOptions.defaults());

        sim.updateResourceStatus("Herning", "R4", APPROVED);

        sim.collectNextMetering("Herning", buffer);
        final CollectionBuffer expected = reference.collectNextMetering("Herning", reference.newBuffer());
        assertEquals(List.of("R1", "R3", "R4"), ids(buffer));
        assertEquals(6, buffer.readingCount(2));
        assertTrue(METERS.subList(0, 4).contains(buffer.meterPointId(2)), buffer.meterPointId(2));
        assertEquals(expected.meterPointId(2), buffer.meterPointId(2));
        final int m = METERS.indexOf(buffer.meterPointId(2));
        assertEquals(watts(m, 5, 0), buffer.powerW(buffer.readingOffset(2) + 5));
    }

    @Test
    void shouldRefuseUnknownVenResourceOrStatusWithoutChangingAnything()
    {
        final SimulatorStatistics before = sim.statistics();
        final List<ResourceSpec> resourcesBefore = sim.registry().resources();

        assertEquals("unknown VEN: Skive [known=Aarhus, Herning]", assertThrows(UnknownVenException.class,
            () -> sim.updateResourceStatus("Skive", "R1", APPROVED)).getMessage());
        assertEquals("unknown resource: R9 [ven=Herning known=R1, R2, R3, R4]", assertThrows(
            UnknownResourceException.class, () -> sim.updateResourceStatus("Herning", "R9", APPROVED)).getMessage());
        assertEquals("unknown resource: A1 [ven=Herning known=R1, R2, R3, R4]", assertThrows(
            UnknownResourceException.class, () -> sim.updateResourceStatus("Herning", "A1", "APPROVED")).getMessage());
        assertEquals("unknown status: ACTIVE [allowed=PENDING, APPROVED, SUSPENDED]", assertThrows(
            MetersimException.class, () -> sim.updateResourceStatus("Herning", "R2", "ACTIVE")).getMessage());
        assertEquals("missing status [ven=Herning resource_id=R2 allowed=PENDING, APPROVED, SUSPENDED]",
            assertThrows(MetersimException.class,
                () -> sim.updateResourceStatus("Herning", "R2", (ResourceStatus)null)).getMessage());

        assertEquals(before, sim.statistics());
        assertEquals(resourcesBefore, sim.registry().resources());
        assertEquals(List.of("R1", "R3"), ids(sim.collectNextMetering("Herning", buffer)));
    }

    @Test
    void shouldCountStatusesPerVenAndAssignment()
    {
        sim.updateResourceStatus("Herning", "R4", APPROVED);
        sim.updateResourceStatus("Aarhus", "A1", APPROVED);

        final SimulatorStatistics stats = sim.statistics();

        assertEquals(List.of(new SimulatorStatistics.VenStatistics("Herning", 1, 3, 0, 4),
            new SimulatorStatistics.VenStatistics("Aarhus", 0, 1, 0, 1)), stats.vens());
        assertEquals(1, stats.pending());
        assertEquals(4, stats.approved());
        assertEquals(0, stats.suspended());
        assertEquals(5, stats.total());
        assertEquals(4, stats.resourcesWithMeter());
        assertEquals(3, stats.explicitMeters());
        assertEquals(1, stats.assignedMeters());
        assertEquals(0, stats.explicitNotFound());
        final int assigned = METERS.indexOf(sim.collectNextMetering("Herning", buffer).meterPointId(2));
        assertEquals(List.of(1, 2, 3).contains(assigned) ? 3 : 4, stats.distinctMeters(),
            "meters 1, 3, 2 and the assigned " + assigned);
    }

    @Test
    void shouldPersistCurrentStatuses()
    {
        final Path file = dir.resolve("registry.csv");
        sim.updateResourceStatus("Herning", "R1", SUSPENDED);

        sim.registry().writeCsv(file);

        final Registry read = Registry.readCsv(file);
        assertEquals(SUSPENDED, read.resource(0).status());
        assertEquals(RESOURCES.subList(1, 5), read.resources().subList(1, 5));
    }

    static List<String> ids(final CollectionBuffer buffer)
    {
        final String[] ids = new String[buffer.resourceCount()];
        for (int r = 0; r < ids.length; r++)
        {
            ids[r] = buffer.resourceId(r);
        }
        return List.of(ids);
    }
}
