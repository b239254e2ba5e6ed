package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourcesCommandTest
{
    @TempDir
    Path dir;

    private Path resources;
    private String config;
    private String data;

    @BeforeEach
    void setUp()
    {
        resources = Cli.fixtureResources(dir);
        config = Cli.write(dir.resolve("empty.properties"), "").toString();
        data = Cli.fixtures().resolve("seed-layout-small.h5").toString();
    }

    @Test
    void shouldPersistApprovalAndSuspension()
    {
        final Cli.Result approved = Cli.run(dir, "resources", "approve", "--config", config, "--data", data,
            "--resources", "resources.csv", "--ven", "Herning", "h-3");
        final Cli.Result suspended = Cli.run(dir, "resources", "suspend", "--config", config, "--data", data,
            "--resources", "resources.csv", "--ven", "Herning", "h-1", "h-2");

        assertEquals(0, approved.code(), approved::toString);
        assertEquals("1 resources of Herning set to APPROVED in " + resources + "\n", approved.out());
        assertEquals(0, suspended.code(), suspended::toString);
        assertEquals(List.of(
            "ven,resource_id,resource_name,status,meter_point_id,resource_type",
            "Herning,h-1,Hotel Herning (DSR),SUSPENDED," + Cli.METERS[0] + ",Hotels",
            "Herning,h-2,Herning Gymnasium (DSR),SUSPENDED," + Cli.METERS[1] + ",Schools",
            "Herning,h-3,Bager Jensen Herning (DSR),APPROVED," + Cli.METERS[2] + ",Bakeries",
            "Aarhus,a-1,Clever ladepark Aarhus (EV),APPROVED," + Cli.METERS[3] + ",Charging stations"),
            Cli.read(resources).lines().toList());
        final Cli.Result collected = Cli.run(dir, "collect", "--config", config, "--data", data, "--resources",
            "resources.csv", "--ven", "Herning");
        assertTrue(collected.out().startsWith("VEN Herning at index 0 (2025-01-15T08:00:00Z): 1 resources, "),
            collected::toString);
    }

    @Test
    void shouldLeaveTheFileIntactWhenOneIdIsUnknown()
    {
        final String before = Cli.read(resources);

        final Cli.Result result = Cli.run(dir, "resources", "pend", "--config", config, "--data", data,
            "--resources", resources.toString(), "--ven", "Herning", "h-1", "h-9");

        assertEquals(1, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: unknown resource: h-9 "), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertEquals(before, Cli.read(resources));
    }

    @Test
    void shouldListResourcesFilteredByVenAndStatus()
    {
        final Cli.Result result = Cli.run(dir, "resources", "--config", config, "--resources",
            resources.toString(), "--ven", "Herning", "--status", "approved");

        assertEquals(0, result.code(), result::toString);
        final List<String> lines = result.outLines();
        assertEquals(4, lines.size(), result::toString);
        assertTrue(lines.get(1).startsWith("Herning       h-1                                   APPROVED   "
            + Cli.METERS[0]), result::toString);
        assertTrue(lines.get(2).startsWith("Herning       h-2 "), result::toString);
        assertEquals("2 resources (2 approved, 0 pending, 0 suspended)", lines.get(3));
    }

    @Test
    void shouldRefuseAnUnknownStatusAsUsage()
    {
        final Cli.Result result = Cli.run(dir, "resources", "--config", config, "--resources",
            resources.toString(), "--status", "retired");

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: unknown status: retired [allowed=PENDING, APPROVED, SUSPENDED]\n", result.err());
    }
}
