package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where {@code run}'s output goes when things are not ideal: a closed pipe, a folder or unwritable {@code --out},
 * and log lines while the data goes to stdout.
 */
class RunOutputTest
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
    void shouldEndAnEndlessRunWithExitZeroWhenTheReaderClosesThePipe()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final ClosingReader reader = new ClosingReader(4096);

        final int code = Main.execute(workdir.run("--ticks", "0", "--interval", "0", "--format", "csv"),
            new PrintStream(reader, false,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), new HashMap<>(), dir);

        final String summary = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_OK, code, summary);
        assertTrue(summary.contains("stopped (output closed): "), summary);
        final Matcher counts = Pattern.compile("sink csv: (\\d+) rows accepted, (\\d+) delivered, 0 retried, "
            + "0 dropped, (\\d+) failed").matcher(summary);
        assertTrue(counts.find(), summary);
        final long accepted = Long.parseLong(counts.group(1));
        assertEquals(accepted, Long.parseLong(counts.group(2)) + Long.parseLong(counts.group(3)), "counts add up");
        assertTrue(Long.parseLong(counts.group(3)) > 0, "the tick the reader missed counts as failed: " + summary);
        assertFalse(summary.contains("Exception"), summary);
    }

    @Test
    void shouldRefuseAFolderAsOutBeforeTheRun() throws IOException
    {
        Files.createDirectories(dir.resolve("results"));

        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "2", "--interval", "0", "--format", "jsonl",
            "--out", "results"));

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: --out names a folder [out=" + dir.resolve("results") + "]\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void shouldRefuseAnUnwritableOutBeforeTheRun()
    {
        Cli.write(dir.resolve("file"), "not a folder");

        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "2", "--interval", "0", "--format", "jsonl",
            "--out", "file/out.jsonl"));

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: --out cannot be written: "), result::toString);
        assertTrue(result.err().endsWith("[out=" + dir.resolve("file/out.jsonl") + "]\n"), result::toString);
        assertEquals("", result.out());
    }

    @Test
    void shouldRefuseAnOutFolderThatDoesNotExistAndCreateNothing()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "1", "--interval", "0", "--format", "csv",
            "--out", "no/such/out.csv"));
        final Cli.Result endless = Cli.run(dir, workdir.run("--ticks", "0", "--interval", "0", "--format", "csv",
            "--out", "no/out.csv"));

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: --out's folder does not exist [out=" + dir.resolve("no/such/out.csv") + "]\n",
            result.err());
        assertEquals(Main.EXIT_USAGE, endless.code(), endless::toString);
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void shouldReplaceAFiniteRunsFileAndLeaveNoTemporaryFile() throws IOException
    {
        Cli.write(dir.resolve("out.csv"), "old\n");

        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "2", "--interval", "0", "--format", "csv",
            "--out", "out.csv"));

        assertEquals(0, result.code(), result::toString);
        assertEquals(1 + 2 * 3 * 6, Files.readAllLines(dir.resolve("out.csv")).size());
        try (var files = Files.list(dir))
        {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
                .toList());
        }
        assertTrue(result.out().contains("sink csv: 36 rows accepted, 36 delivered, 0 retried, 0 dropped, 0 failed"),
            result::toString);
    }

    @Test
    void shouldKeepLogLinesOutOfTheDataOnStdout() throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), LogProbe.class.getName(), "run", "--config", workdir.config(),
            "--data", workdir.data(), "--resources", workdir.resources(), "--ticks", "2", "--interval", "0", "--format",
            "csv")
            .directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile())
            .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        final String out = Cli.read(dir.resolve("out.txt"));
        final String err = Cli.read(dir.resolve("err.txt"));
        assertEquals(0, process.exitValue(), err);
        assertEquals(1 + 2 * 3 * 6, out.lines().count(), out);
        assertTrue(out.lines().skip(1).allMatch(line -> line.matches("[A-Za-z]+,[a-z0-9-]+,[0-9]+,[0-9],[0-9]+,"
            + "load_[0-5],[-0-9.E]+")), out);
        assertTrue(err.contains("report not delivered: probe"), err);
    }

    /** A reader that goes away after some bytes, as {@code head} does: every later write fails. */
    private static final class ClosingReader extends OutputStream
    {
        private final long limit;
        private long seen;

        ClosingReader(final long limit)
        {
            this.limit = limit;
        }

        @Override
        public void write(final int b) throws IOException
        {
            write(new byte[] {(byte)b}, 0, 1);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException
        {
            seen += len;
            if (seen > limit)
            {
                throw new IOException("Broken pipe");
            }
        }
    }
}
