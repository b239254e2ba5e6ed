package io.metersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDescribeTheSmallFixture()
    {
        final Path file = Cli.fixtures().resolve("seed-layout-small.h5");

        final Cli.Result result = Cli.run(dir, "inspect", file.toString());

        assertEquals(0, result.code(), result::toString);
        final StringBuilder energy = new StringBuilder("energy:");
        double total = 0.0;
        for (int k = 0; k < 6; k++)
        {
            energy.append(String.format(Locale.ROOT, " load_%d %.3f kWh,", k, kwh(k)));
            total += kwh(k);
        }
        energy.append(String.format(Locale.ROOT, " total %.3f kWh", total));
        assertEquals(List.of(
            "file: " + file,
            "meters: 4 (4 with 6 loads)",
            "series: 24, rows: 168 per cycle, 4032 in total",
            "time: 2025-01-15T08:00:00Z .. 2025-01-22T07:00:00Z, interval PT1H",
            energy.toString(),
            "warnings: 0"), result.outLines());
    }

    @Test
    void shouldReportDataQualityWarningsAsJson() throws Exception
    {
        final Cli.Result result = Cli.run(dir, "inspect", "--json", Cli.fixtures().resolve("ragged.h5").toString());

        assertEquals(0, result.code(), result::toString);
        final JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals(5, root.get("meters").asInt());
        assertEquals(3, root.get("meters_by_load_count").get("6").asInt());
        assertEquals("PT1H", root.get("interval").asText());
        assertEquals(168, root.get("rows_per_cycle").asInt());
        assertTrue(root.get("warnings").size() > 0, result::toString);
        boolean lengthDiffers = false;
        for (final JsonNode warning : root.get("warnings"))
        {
            lengthDiffers |= "LENGTH_DIFFERS".equals(warning.get("kind").asText())
                && Cli.METERS[3].equals(warning.get("meter_id").asText());
        }
        assertTrue(lengthDiffers, result::toString);
    }

    @Test
    void shouldRefuseAFileThatIsNotHdf5WithOneLine()
    {
        final Path file = Cli.fixtures().resolve("bad-not-hdf5.h5");

        final Cli.Result result = Cli.run(dir, "inspect", file.toString());

        assertEquals(1, result.code(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith("metersim: "), result::toString);
        assertTrue(result.err().contains("[file=" + file), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void shouldRefuseAMissingFile()
    {
        final Cli.Result result = Cli.run(dir, "inspect", "nothing.h5");

        assertEquals(1, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: "), result::toString);
        assertTrue(result.err().contains(dir.resolve("nothing.h5").toString()), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
    }

    /**
     * Energy of load k over the 4 meters and 168 hourly rows: sum of (1000 m + 100 k + t) Wh.
     */
    private static double kwh(final int k)
    {
        double wattHours = 0.0;
        for (int m = 0; m < 4; m++)
        {
            for (int t = 0; t < 168; t++)
            {
                wattHours += RunCommandTest.watts(m, k, t);
            }
        }
        return wattHours / 1000.0;
    }

    @Test
    void shouldRefuseAFileWithWarningsWhenStrictInInspectCollectAndRun()
    {
        final String ragged = Cli.fixtures().resolve("ragged.h5").toString();
        final String config = Cli.write(dir.resolve("empty.properties"), "").toString();
        final String resources = Cli.fixtureResources(dir).toString();

        final Cli.Result inspect = Cli.run(dir, "inspect", "--strict", ragged);
        final Cli.Result collect = Cli.run(dir, "collect", "--strict", "--config", config, "--data", ragged,
            "--resources", resources, "--ven", "Aarhus");
        final Cli.Result run = Cli.run(dir, "run", "--strict", "--config", config, "--data", ragged, "--resources",
            resources, "--ticks", "1", "--interval", "0");
        final Cli.Result lenient = Cli.run(dir, "inspect", ragged);

        for (final Cli.Result result : new Cli.Result[] {inspect, collect, run})
        {
            assertEquals(Main.EXIT_DATA, result.code(), result::toString);
            assertEquals(1, result.err().lines().count(), result::toString);
            assertTrue(result.err().startsWith("metersim: strict mode refuses data with warnings ("),
                result::toString);
            assertTrue(result.err().contains("file=" + ragged), result::toString);
            assertEquals("", result.out());
        }
        assertEquals(0, lenient.code(), lenient::toString);
    }
}
