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
    void shouldChangeOnlyTheStatusFieldAndKeepTheRestOfTheFileByteForByte()
    {
        final String original = "\uFEFFven,resource_id,resource_name,status,meter_point_id\r\n"
            + "Herning,h-1,\"  Hotel, Herning  \",approved," + Cli.METERS[0] + "\r\n"
            + "\r\n"
            + "Herning,h-2,Gymnasium,pending," + Cli.METERS[1] + "\r\n";
        Cli.write(dir.resolve("crlf.csv"), original);

        final Cli.Result result = Cli.run(dir, "resources", "approve", "--config", config, "--data", data,
            "--resources", "crlf.csv", "--ven", "Herning", "h-2");

        assertEquals(0, result.code(), result::toString);
        assertEquals(original.replace("h-2,Gymnasium,pending", "h-2,Gymnasium,APPROVED"),
            Cli.read(dir.resolve("crlf.csv")));
    }

    @Test
    void shouldWarnOfResourceIdsThatDifferOnlyInCase()
    {
        Cli.write(dir.resolve("case.csv"), "ven,resource_id,resource_name,status,meter_point_id\n"
            + "Herning,Heat-1,a,APPROVED," + Cli.METERS[0] + "\nHerning,HEAT-1,b,APPROVED," + Cli.METERS[1] + "\n");

        final Cli.Result result = Cli.run(dir, "resources", "--config", config, "--resources", "case.csv");

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.err().contains("metersim: warning: resource_id HEAT-1 differs only in case from Heat-1"),
            result::toString);
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

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: unknown resource: h-9 "), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertEquals(before, Cli.read(resources));
    }

    @Test
    void shouldListResourcesFilteredByVenAndStatus()
    {
        final Cli.Result result = Cli.run(dir, "resources", "--config", config, "--data", data, "--resources",
            resources.toString(), "--ven", "Herning", "--status", "approved");

        assertEquals(0, result.code(), result::toString);
        assertEquals(List.of(
            "ven           resource_id                           status     meter_point_id      assigned_meter"
                + "      resource_type           resource_name",
            "Herning       h-1                                   APPROVED   " + Cli.METERS[0] + "  " + Cli.METERS[0]
                + "  Hotels                  Hotel Herning (DSR)",
            "Herning       h-2                                   APPROVED   " + Cli.METERS[1] + "  " + Cli.METERS[1]
                + "  Schools                 Herning Gymnasium (DSR)",
            "2 resources (2 approved, 0 pending, 0 suspended)"), result.outLines());
        assertEquals("", result.err());
    }

    /**
     * The assigned meters were computed independently of metersim (Python, from the formula in the module
     * contracts) over the fixture's four meters in file order: seed 42 maps (Herning, h-4) to meter 3, (Herning, h-5)
     * to meter 1 and (Aarhus, a-2) to meter 1; seed 7 maps them to meters 1, 2 and 1.
     */
    @Test
    void shouldShowTheMeterEachResourceReadsWhateverItsStatus()
    {
        Cli.write(resources, String.join("\n",
            "ven,resource_id,resource_name,status,meter_point_id",
            "Herning,h-1,Explicit,APPROVED," + Cli.METERS[2],
            "Herning,h-4,Assigned,APPROVED,",
            "Herning,h-5,Pending,PENDING,",
            "Aarhus,a-2,Suspended,SUSPENDED,",
            "Aarhus,a-3,Not in data,APPROVED,999",
            ""));

        final Cli.Result seed42 = Cli.run(dir, "resources", "--config", config, "--data", data, "--resources",
            "resources.csv");
        final Cli.Result seed7 = Cli.run(dir, "resources", "--config", config, "--data", data, "--resources",
            "resources.csv", "--assignment-seed", "7");

        assertEquals(0, seed42.code(), seed42::toString);
        assertEquals(List.of(Cli.METERS[2], Cli.METERS[3], Cli.METERS[1], Cli.METERS[1], "-"), assigned(seed42));
        assertEquals(List.of(Cli.METERS[2], Cli.METERS[1], Cli.METERS[2], Cli.METERS[1], "-"), assigned(seed7));
        assertEquals("Aarhus        a-3                                   APPROVED   999                 -       "
            + "                                    Not in data", seed42.outLines().get(5));
        assertEquals("metersim: warning: meter_point_id 999 is not in the data; the resource yields no readings"
            + " [ven=Aarhus resource_id=a-3 data=" + data + "]\n", seed42.err());
        assertEquals("5 resources (3 approved, 1 pending, 1 suspended)", seed42.outLines().get(6));
    }

    @Test
    void shouldListWithoutMetersWhenNoDataIsGiven()
    {
        final Cli.Result result = Cli.run(dir, "resources", "--config", config, "--resources", "resources.csv",
            "--ven", "Aarhus");

        assertEquals(0, result.code(), result::toString);
        assertEquals(List.of(
            "ven           resource_id                           status     meter_point_id      assigned_meter"
                + "      resource_type           resource_name",
            "Aarhus        a-1                                   APPROVED   " + Cli.METERS[3] + "  -               "
                + "    Charging stations       Clever ladepark Aarhus (EV)",
            "1 resources (1 approved, 0 pending, 0 suspended)"), result.outLines());
        assertEquals("metersim: no data file given; assigned_meter shows - (give --data FILE to see the meters used)\n",
            result.err());
    }

    private static List<String> assigned(final Cli.Result result)
    {
        return result.outLines().subList(1, result.outLines().size() - 1).stream()
            .map(line -> line.substring(83, 101).strip()).toList();
    }

    @Test
    void shouldRefuseAnUnknownStatusAsUsage()
    {
        final Cli.Result result = Cli.run(dir, "resources", "--config", config, "--resources",
            resources.toString(), "--status", "retired");

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: unknown status: retired [allowed=PENDING, APPROVED, SUSPENDED]\n", result.err());
    }

    @Test
    void shouldHonourOptionsGivenBeforeTheSubcommand()
    {
        final Path other = Cli.fixtureResources(dir.resolve("other"));
        final String before = Cli.read(resources);

        final Cli.Result result = Cli.run(dir, "resources", "--config", config, "--data", data, "--resources",
            other.toString(), "approve", "--ven", "Herning", "h-3");
        final Cli.Result venBefore = Cli.run(dir, "resources", "--config", config, "--data", data, "--resources",
            other.toString(), "--ven", "Herning", "suspend", "h-1");

        assertEquals(0, result.code(), result::toString);
        assertEquals("1 resources of Herning set to APPROVED in " + other + "\n", result.out());
        assertTrue(Cli.read(other).contains("Herning,h-3,Bager Jensen Herning (DSR),APPROVED,"), Cli.read(other));
        assertEquals(0, venBefore.code(), venBefore::toString);
        assertTrue(Cli.read(other).contains("Herning,h-1,Hotel Herning (DSR),SUSPENDED,"), Cli.read(other));
        assertEquals(before, Cli.read(resources), "the default resources file is left alone");
    }

    @Test
    void shouldRefuseOptionsBeforeTheSubcommandThatContradictOrMeanNothing()
    {
        final Path other = Cli.fixtureResources(dir.resolve("other"));

        final Cli.Result twice = Cli.run(dir, "resources", "--config", config, "--data", data, "--resources",
            other.toString(), "approve", "--resources", resources.toString(), "--ven", "Herning", "h-3");
        final Cli.Result status = Cli.run(dir, "resources", "--config", config, "--status", "approved", "approve",
            "--data", data, "--resources", resources.toString(), "--ven", "Herning", "h-3");
        final Cli.Result noVen = Cli.run(dir, "resources", "approve", "--config", config, "--data", data,
            "--resources", resources.toString(), "h-3");

        assertEquals(Main.EXIT_USAGE, twice.code(), twice::toString);
        assertEquals("metersim: --resources is given before and after 'approve' with different values [before="
            + other + " after=" + resources + "]\n", twice.err());
        assertEquals(Main.EXIT_USAGE, status.code(), status::toString);
        assertEquals("metersim: --status filters the listing; it means nothing to 'approve' [status=approved]\n",
            status.err());
        assertEquals(Main.EXIT_USAGE, noVen.code(), noVen::toString);
        assertEquals("metersim: 'approve' needs --ven NAME: the VEN whose resources change\n", noVen.err());
    }

    @Test
    void shouldSayUnchangedForAResourceThatAlreadyHasTheStatus()
    {
        final String before = Cli.read(resources);

        final Cli.Result same = Cli.run(dir, "resources", "approve", "--config", config, "--data", data,
            "--resources", "resources.csv", "--ven", "Herning", "h-1");
        final String afterSame = Cli.read(resources);
        final Cli.Result mixed = Cli.run(dir, "resources", "approve", "--config", config, "--data", data,
            "--resources", "resources.csv", "--ven", "Herning", "h-1", "h-3", "h-3");

        assertEquals(0, same.code(), same::toString);
        assertEquals("no change: 1 resources of Herning already APPROVED in " + resources + "\n", same.out());
        assertEquals(0, mixed.code(), mixed::toString);
        assertEquals("1 resources of Herning set to APPROVED in " + resources + " (1 unchanged, already APPROVED: "
            + "h-1)\n", mixed.out());
        assertEquals(before, afterSame, "nothing changed, nothing written");
        assertTrue(Cli.read(resources).contains("Herning,h-3,Bager Jensen Herning (DSR),APPROVED,"),
            Cli.read(resources));
    }

    @Test
    void shouldRefuseAnUnknownVenAsUsageLikeAnUnknownStatus()
    {
        final Cli.Result ven = Cli.run(dir, "resources", "--config", config, "--resources", resources.toString(),
            "--ven", "Skagen");
        final Cli.Result status = Cli.run(dir, "resources", "--config", config, "--resources", resources.toString(),
            "--status", "retired");
        final Cli.Result approve = Cli.run(dir, "resources", "approve", "--config", config, "--data", data,
            "--resources", resources.toString(), "--ven", "Skagen", "h-1");

        assertEquals(Main.EXIT_USAGE, ven.code(), ven::toString);
        assertEquals("metersim: unknown VEN: Skagen [known=Aarhus, Herning]\n", ven.err());
        assertEquals(Main.EXIT_USAGE, status.code(), status::toString);
        assertEquals(Main.EXIT_USAGE, approve.code(), approve::toString);
    }
}
