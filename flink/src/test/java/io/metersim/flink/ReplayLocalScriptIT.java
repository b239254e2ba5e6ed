package io.metersim.flink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's one command, {@code flink/replay-local}, as a user runs it: a process over the packaged job jar and
 * Flink's jars, JSON Lines on stdout (those of {@code metersim run --format jsonl}), the summary on stderr.
 */
class ReplayLocalScriptIT
{
    @TempDir
    Path dir;

    @Test
    void shouldPrintTheRunsJsonLinesWithOneCommand() throws IOException, InterruptedException
    {
        final Path script = Path.of("replay-local").toAbsolutePath();
        assertTrue(Files.isExecutable(script), "run from the flink module: " + script);
        final Path out = dir.resolve("out.jsonl");
        final Path err = dir.resolve("err.txt");
        final Process process = new ProcessBuilder("bash", script.toString(), "--data", TestData.data().toString(),
            "--resources", TestData.resources().toString(), "--ticks", "13", "--interval", "0", "--time-mode", "raw",
            "--parallelism", "2").redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the local job ends");
        final String stderr = Files.readString(err, StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), stderr);
        final List<String> lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
        final List<String> expected = ReplayJobTest.jsonLinesOfTheTickLoop(13);
        lines.sort(null);
        expected.sort(null);
        assertEquals(expected, lines);
        assertTrue(stderr.contains("done: 117 records (5 VENs x 13 ticks), parallelism 2, sink print, job runtime "),
            stderr);
    }
}
