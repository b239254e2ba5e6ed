package io.metersim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldGenerateTheRequestedShapeDeterministically()
    {
        final Cli.Result first = Cli.run(dir, "generate", "--out", "a/one.h5", "--meters", "3", "--rows", "10",
            "--start", "2025-03-01T00:00:00Z", "--interval", "PT15M", "--seed", "7");
        final Cli.Result second = Cli.run(dir, "generate", "--out", "b/two.h5", "--meters", "3", "--rows", "10",
            "--start", "2025-03-01T00:00:00Z", "--interval", "PT15M", "--seed", "7");

        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().matches("generated 3 meters x 10 rows \\(18 series\\) into "
            + dir.resolve("a/one.h5").toString().replace("\\", "\\\\") + ": generate [0-9.]+ s, write [0-9.]+ s\n"),
            first::toString);
        assertEquals(0, second.code(), second::toString);
        final Cli.Result one = Cli.run(dir, "inspect", "a/one.h5");
        final Cli.Result two = Cli.run(dir, "inspect", "b/two.h5");
        final List<String> lines = one.outLines();
        assertEquals("meters: 3 (3 with 6 loads)", lines.get(1));
        assertEquals("series: 18, rows: 10 per cycle, 180 in total", lines.get(2));
        assertEquals("time: 2025-03-01T00:00:00Z .. 2025-03-01T02:15:00Z, interval PT15M", lines.get(3));
        assertEquals(lines.subList(1, lines.size()), two.outLines().subList(1, lines.size()));
    }

    @Test
    void shouldRefuseAnOutOfRangeShapeAsUsageAndWriteNothing()
    {
        final Cli.Result result = Cli.run(dir, "generate", "--out", "x.h5", "--meters", "0");

        assertEquals(2, result.code(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith("metersim: "), result::toString);
        assertTrue(result.err().contains("meters"), result::toString);
        assertFalse(Files.exists(dir.resolve("x.h5")));
    }

    @Test
    void shouldRequireAnOutputFile()
    {
        final Cli.Result result = Cli.run(dir, "generate");

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: Missing required option: '--out=FILE' (see 'metersim generate --help')\n",
            result.err());
    }
}
