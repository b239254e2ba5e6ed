package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest
{
    private static final long T0_MILLIS = 1_736_928_000_000L;

    @TempDir
    Path dir;

    private Cli.Workdir workdir;

    @BeforeEach
    void setUp()
    {
        workdir = Cli.workdir(dir);
    }

    @Test
    void shouldWriteOneJsonLinePerApprovedResourcePerTick()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "3", "--interval", "0", "--format", "jsonl",
            "--out", "out.jsonl"));

        assertEquals(0, result.code(), result::toString);
        final List<String> expected = new ArrayList<>();
        for (int t = 0; t < 3; t++)
        {
            expected.add(jsonLine("Herning", "h-1", 0, t));
            expected.add(jsonLine("Herning", "h-2", 1, t));
            expected.add(jsonLine("Aarhus", "a-1", 3, t));
        }
        assertEquals(expected, Cli.read(dir.resolve("out.jsonl")).lines().toList());
        assertTrue(Cli.read(dir.resolve("out.jsonl")).endsWith("}\n"), "JSON Lines: every line ends with a newline");
        assertTrue(result.out().contains("done: 3 ticks, 2 VENs, 3 resources, 54 readings (0 missing)"),
            result::toString);
        assertTrue(result.out().contains("output: " + dir.resolve("out.jsonl") + ", "), result::toString);
    }

    @Test
    void shouldWriteOneCsvRowPerReadingForTheSelectedVen()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "2", "--interval", "0", "--format", "csv",
            "--ven", "Aarhus"));

        assertEquals(0, result.code(), result::toString);
        final List<String> expected = new ArrayList<>();
        expected.add("ven,resource_id,meter_point_id,index,timestamp,load_id,power_w");
        for (int t = 0; t < 2; t++)
        {
            for (int k = 0; k < 6; k++)
            {
                expected.add("Aarhus,a-1," + Cli.METERS[3] + "," + t + "," + (T0_MILLIS + 3_600_000L * t) + ",load_" + k
                    + "," + (double)watts(3, k, t));
            }
        }
        assertEquals(expected, result.outLines());
        assertTrue(result.err().contains("tick 1/2  index   0  2025-01-15T08:00:00Z  VENs 1  resources 1  readings 6"),
            result::toString);
    }

    @Test
    void shouldPrintOneSummaryLinePerTickInTableFormat()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "2", "--interval", "PT0.01S"));

        assertEquals(0, result.code(), result::toString);
        final List<String> lines = result.outLines();
        assertEquals(String.format(Locale.ROOT,
            "tick 1/2  index   0  2025-01-15T08:00:00Z  VENs 2  resources 3  readings 18  total %.3f kW",
            (resourceWatts(0, 0) + resourceWatts(1, 0) + resourceWatts(3, 0)) / 1000.0), lines.get(0));
        assertEquals(String.format(Locale.ROOT,
            "tick 2/2  index   1  2025-01-15T09:00:00Z  VENs 2  resources 3  readings 18  total %.3f kW",
            (resourceWatts(0, 1) + resourceWatts(1, 1) + resourceWatts(3, 1)) / 1000.0), lines.get(1));
        assertTrue(lines.get(2).startsWith("done: 2 ticks, 2 VENs, 3 resources, 36 readings (0 missing) in "),
            result::toString);
        assertTrue(lines.get(3).startsWith("throughput: "), result::toString);
        assertTrue(lines.get(4).matches("latency per VEN collection: p50 [0-9.]+ us, p99 [0-9.]+ us, max [0-9.]+ us "
            + "\\(4 collections\\)"), result::toString);
    }

    @Test
    void shouldWriteTickLinesToTheFileAndTheSummaryToStdout()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "3", "--interval", "0", "--ven", "Aarhus",
            "--out", "ticks.txt"));

        assertEquals(0, result.code(), result::toString);
        final List<String> ticks = Cli.read(dir.resolve("ticks.txt")).lines().toList();
        assertEquals(3, ticks.size());
        assertEquals(String.format(Locale.ROOT,
            "tick 3/3  index   2  2025-01-15T10:00:00Z  VENs 1  resources 1  readings 6  total %.3f kW",
            resourceWatts(3, 2) / 1000.0), ticks.get(2));
        assertTrue(result.out().startsWith("done: 3 ticks, 1 VENs, 1 resources, 18 readings (0 missing) in "),
            result::toString);
        assertTrue(result.out().contains("output: " + dir.resolve("ticks.txt") + ", "), result::toString);
    }

    @Test
    void shouldGiveTheSameRecordsWithSeveralThreads() throws IOException
    {
        final Cli.Result one = Cli.run(dir, "run", "--config", workdir.config(), "--data", workdir.data(),
            "--synthetic-vens", "7", "--resources-per-ven", "5", "--ticks", "4", "--interval", "0", "--format", "jsonl",
            "--out", "one.jsonl");
        final Cli.Result three = Cli.run(dir, "run", "--config", workdir.config(), "--data", workdir.data(),
            "--synthetic-vens", "7", "--resources-per-ven", "5", "--ticks", "4", "--interval", "0", "--format", "jsonl",
            "--out", "three.jsonl", "--threads", "3");

        assertEquals(0, one.code(), one::toString);
        assertEquals(0, three.code(), three::toString);
        final List<String> single = Files.readAllLines(dir.resolve("one.jsonl"));
        assertEquals(7 * 5 * 4, single.size());
        assertEquals(sorted(single), sorted(Files.readAllLines(dir.resolve("three.jsonl"))));
        assertTrue(three.out().contains("latency per VEN collection: "), three::toString);
        assertTrue(three.out().contains("(28 collections)"), three::toString);
    }

    @Test
    void shouldReportThroughputOfASyntheticScaleRun()
    {
        final Cli.Result result = Cli.run(dir, "run", "--config", workdir.config(), "--data", workdir.data(),
            "--synthetic-vens", "200",
            "--resources-per-ven", "120", "--ticks", "5", "--interval", "0", "--threads", "2");

        assertEquals(0, result.code(), result::toString);
        final List<String> lines = result.outLines();
        assertEquals(5 + 4, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("tick 1/5  index   0  2025-01-15T08:00:00Z  VENs 200  resources 24000  "
            + "readings 144000  total "), result::toString);
        assertTrue(lines.get(5).startsWith("done: 5 ticks, 200 VENs, 24000 resources, 720000 readings (0 missing) in "),
            result::toString);
        assertTrue(lines.get(6).matches("throughput: [0-9.]+ ticks/s, [0-9.]+ ms per tick, [0-9]+ readings/s "
            + "on 2 threads \\(collection and output, pacing excluded\\)"), result::toString);
        assertTrue(lines.get(7).endsWith("(1000 collections)"), result::toString);
        assertEquals("sink table: 5 lines accepted, 5 delivered, 0 retried, 0 dropped, 0 failed", lines.get(8));
    }

    @Test
    void shouldLeaveNoFileWhenTheRunFails()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--ticks", "2", "--interval", "0", "--format", "jsonl",
            "--out", "out.jsonl", "--ven", "Herning,Nowhere"));

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: unknown VEN: Nowhere [known=Aarhus, Herning]\n", result.err());
        assertFalse(Files.exists(dir.resolve("out.jsonl")));
        assertEquals(List.of("empty.properties", "resources.csv"), listing(dir));
    }

    private static List<String> listing(final Path dir)
    {
        try (var files = Files.list(dir))
        {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static List<String> sorted(final List<String> lines)
    {
        final List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    static long watts(final int meter, final int load, final int t)
    {
        return 1000L * meter + 100L * load + t;
    }

    static long resourceWatts(final int meter, final int t)
    {
        long total = 0;
        for (int k = 0; k < 6; k++)
        {
            total += watts(meter, k, t);
        }
        return total;
    }

    private static String jsonLine(final String ven, final String id, final int meter, final int t)
    {
        final StringBuilder line = new StringBuilder();
        line.append("{\"ven\":\"").append(ven).append("\",\"resource_id\":\"").append(id)
            .append("\",\"meter_point_id\":\"").append(Cli.METERS[meter]).append("\",\"index\":").append(t)
            .append(",\"timestamp\":").append(T0_MILLIS + 3_600_000L * t).append(",\"power_w\":{");
        for (int k = 0; k < 6; k++)
        {
            line.append(k == 0 ? "" : ",").append("\"load_").append(k).append("\":").append((double)watts(meter, k, t));
        }
        return line.append("},\"total_w\":").append((double)resourceWatts(meter, t)).append('}').toString();
    }
}
