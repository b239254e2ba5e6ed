package io.metersim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed {@code config/} on a fresh checkout: no data file yet, so the first command generates it.
 */
class DefaultRunTest
{
    private static final int APPROVED = 120 + 36 + 28 + 22 + 16 + 12 + 10 + 8;

    @TempDir
    Path dir;

    @Test
    void shouldGenerateTheTrueDefaultDataOnceAndReplayIt() throws IOException
    {
        final Path config = copyConfig();
        final Path data = config.resolve("examplemeterdata").resolve("load_data.h5");

        final Cli.Result first = Cli.run(dir, "run", "--ticks", "2", "--interval", "0");

        assertEquals(0, first.code(), first::toString);
        assertEquals("metersim: " + data + " does not exist; generating it once (153 meters x 8741 rows, seed 42) ...",
            first.err().lines().findFirst().orElseThrow());
        assertTrue(first.err().lines().skip(1).findFirst().orElseThrow().matches(
            "metersim: generated " + data.toString().replace("\\", "\\\\") + " in [0-9.]+ s"), first::toString);
        assertEquals(2, first.err().lines().count(), first::toString);
        assertTrue(first.out().contains("tick 1/2  index    0  2025-01-15T08:00:00Z  VENs 8  resources " + APPROVED
            + "  readings " + APPROVED * 6 + "  total "), first::toString);
        assertTrue(Files.isRegularFile(data));
        final Cli.Result inspected = Cli.run(dir, "inspect", data.toString());
        assertTrue(inspected.out().contains("meters: 153 (153 with 6 loads)"), inspected::toString);
        assertTrue(inspected.out().contains("rows: 8741 per cycle"), inspected::toString);

        final Cli.Result second = Cli.run(dir, "collect", "--ven", "Herning", "--format", "json");
        assertEquals(0, second.code(), second::toString);
        assertEquals("", second.err());
        assertTrue(second.out().contains("\"meter_point_id\" : \"707057500000495968\""), second::toString);
    }

    @Test
    void shouldGenerateASmallerDataSetWhenTheConfigurationSaysSo() throws IOException
    {
        final Path config = copyConfig();
        Files.writeString(config.resolve("metersim.properties"), "generate.meters=12\ngenerate.rows=30\n"
            + "run.interval=0\n", StandardOpenOption.APPEND);
        final Path data = config.resolve("examplemeterdata").resolve("load_data.h5");

        final Cli.Result first = Cli.run(dir, "run", "--ticks", "31", "--format", "csv", "--out", "out.csv",
            "--time-mode", "continuous");
        final Cli.Result second = Cli.run(dir, "run", "--ticks", "1");

        assertEquals(0, first.code(), first::toString);
        assertTrue(first.err().contains("(12 meters x 30 rows, seed 42)"), first::toString);
        assertTrue(first.out().contains("tick 31/31  index  0  2025-01-16T14:00:00Z  VENs 8  "), first::toString);
        assertTrue(first.out().contains("done: 31 ticks, 8 VENs, " + APPROVED + " resources, "), first::toString);
        final Matcher done = Pattern.compile("resources, ([0-9]+) readings")
            .matcher(first.out());
        assertTrue(done.find(), first::toString);
        assertEquals(1 + Long.parseLong(done.group(1)), Files.readAllLines(dir.resolve("out.csv")).size());
        assertTrue(Files.isRegularFile(data));
        assertEquals(0, second.code(), second::toString);
        assertFalse(second.err().contains("generating"), second::toString);
    }

    private Path copyConfig() throws IOException
    {
        final Path source = Cli.repoConfig();
        final Path config = Files.createDirectories(dir.resolve("config"));
        Files.copy(source.resolve("metersim.properties"), config.resolve("metersim.properties"));
        Files.copy(source.resolve("resources.csv"), config.resolve("resources.csv"));
        return config;
    }
}
