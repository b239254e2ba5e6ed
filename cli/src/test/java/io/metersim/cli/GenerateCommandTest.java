package io.metersim.cli;

import io.metersim.core.RegistryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    void shouldGenerateTheRequestedShapeDeterministically() throws IOException
    {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
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

    @Test
    void shouldRefuseADateWithoutATimeInOnePlainSentence()
    {
        final Cli.Result result = Cli.run(dir, "generate", "--out", "x.h5", "--start", "2025-01-15");

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: Invalid value for option '--start': '2025-01-15' is not an ISO-8601 instant such as "
            + "2025-01-15T08:00:00Z (see 'metersim generate --help')\n", result.err());
    }

    @Test
    void shouldRefuseAnOutFolderThatDoesNotExistAndCreateNothing()
    {
        final Cli.Result result = Cli.run(dir, "generate", "--out", "missing/sub/x.h5", "--meters", "1", "--rows",
            "2");

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: --out's folder does not exist [out=" + dir.resolve("missing/sub/x.h5") + "]\n",
            result.err());
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void shouldRefuseAnOutFolderThatIsAFileWithoutAJavaExceptionName()
    {
        Cli.write(dir.resolve("file"), "not a folder");

        final Cli.Result result = Cli.run(dir, "generate", "--out", "file/x.h5", "--meters", "1", "--rows", "2");

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: --out's folder is a file [out=" + dir.resolve("file/x.h5") + "]\n", result.err());
    }

    @Test
    void shouldDescribeFileSystemRefusalsInWords()
    {
        assertEquals("read-only file system",
            CliException.describe(new FileSystemException("/ro/x.h5", null, "Read-only file system")));
        assertEquals("permission denied", CliException.describe(new AccessDeniedException("/ro/x.h5")));
        assertEquals("no such file or folder", CliException.describe(new NoSuchFileException("/ro/x.h5")));
        assertEquals("cannot write file: read-only file system [file=/ro/x.h5]", CliException.unwritable(
            Path.of("/ro/x.h5"), new FileSystemException("/ro/x.h5.tmp", null, "Read-only file system")).getMessage());
        final IOException readOnly = new FileSystemException("/ro/r.csv.tmp", null, "Read-only file system");
        assertEquals("cannot write file: read-only file system [file=/ro/r.csv]", CliException.plainIo(
            new RegistryFormatException("/ro/r.csv", "cannot write registry: " + readOnly, readOnly),
            "resources file", Path.of("/ro/r.csv"), true).getMessage());
    }
}
