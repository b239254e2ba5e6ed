package io.metersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectCommandTest
{
    @TempDir
    Path dir;

    private Cli.Workdir workdir;

    @BeforeEach
    void setUp()
    {
        workdir = Cli.workdir(dir);
    }

    @Test
    void shouldWriteJsonKeyedByResourceIdWithOneReadingPerLoad() throws Exception
    {
        final Cli.Result result = Cli.run(dir, workdir.command("collect", "--ven", "Herning", "--index", "5",
            "--format", "json"));

        assertEquals(0, result.code(), result::toString);
        final JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals(List.of("h-1", "h-2"), Cli.fieldNames(root));
        for (int r = 0; r < 2; r++)
        {
            final JsonNode resource = root.get("h-" + (r + 1));
            assertEquals(List.of("resource_id", "meter_point_id", "readings"), Cli.fieldNames(resource));
            assertEquals("h-" + (r + 1), resource.get("resource_id").asText());
            assertEquals(Cli.METERS[r], resource.get("meter_point_id").asText());
            final JsonNode readings = resource.get("readings");
            assertEquals(6, readings.size());
            for (int k = 0; k < 6; k++)
            {
                final JsonNode reading = readings.get(k);
                assertEquals(List.of("timestamp", "load_id", "power_w"), Cli.fieldNames(reading));
                assertEquals(1_736_928_000_000L + 5 * 3_600_000L, reading.get("timestamp").asLong());
                assertEquals("load_" + k, reading.get("load_id").asText());
                assertEquals(RunCommandTest.watts(r, k, 5), reading.get("power_w").asDouble());
            }
        }
    }

    @Test
    void shouldPrintATableLikeTheOriginalDemo()
    {
        final Cli.Result result = Cli.run(dir, workdir.command("collect", "--ven", "Aarhus"));

        assertEquals(0, result.code(), result::toString);
        assertEquals(List.of(
            "VEN Aarhus at index 0 (2025-01-15T08:00:00Z): 1 resources, 6 readings, 0 missing, total 19.500 kW",
            "resource_id                           meter_point_id      loads       total_w  resource_name",
            "a-1                                   707057500057158489      6      19500.00  "
                + "Clever ladepark Aarhus (EV)"),
            result.outLines());
    }

    @Test
    void shouldRefuseAnIndexOutsideTheData()
    {
        final Cli.Result result = Cli.run(dir, workdir.command("collect", "--ven", "Aarhus", "--index", "168"));

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: --index must be at most 167 [value=168]\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void shouldNameTheKnownVensForAnUnknownOne()
    {
        final Cli.Result result = Cli.run(dir, workdir.command("collect", "--ven", "Skagen"));

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: unknown VEN: Skagen [known=Aarhus, Herning]\n", result.err());
    }
}
