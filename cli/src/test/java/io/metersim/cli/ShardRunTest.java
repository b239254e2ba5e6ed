package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --shard I/N}: N plain processes together write exactly the unsharded run's records.
 */
class ShardRunTest
{
    @TempDir
    Path dir;

    private String data;
    private String config;

    @BeforeEach
    void setUp()
    {
        data = Cli.fixtures().resolve("seed-layout-small.h5").toString();
        config = Cli.write(dir.resolve("empty.properties"), "").toString();
    }

    @Test
    void shouldGiveTheUnshardedRecordsWhenTheThreeShardsAreJoined() throws IOException
    {
        final List<String> whole = jsonl("whole.jsonl", "--synthetic-vens", "10", "--resources-per-ven", "3");
        assertEquals(10 * 3 * 5, whole.size());

        final List<String> union = new ArrayList<>();
        final List<Set<String>> vens = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            final List<String> shard = jsonl("shard" + i + ".jsonl", "--synthetic-vens", "10", "--resources-per-ven",
                "3", "--shard", i + "/3");
            union.addAll(shard);
            vens.add(vensOf(shard));
        }
        assertEquals(sorted(whole), sorted(union), "line for line");
        // floor(10 * I / 3): VEN positions [0, 3), [3, 6), [6, 10)
        assertEquals(List.of(3, 3, 4), List.of(vens.get(0).size(), vens.get(1).size(), vens.get(2).size()));
        for (int a = 0; a < 3; a++)
        {
            for (int b = a + 1; b < 3; b++)
            {
                final Set<String> common = new HashSet<>(vens.get(a));
                common.retainAll(vens.get(b));
                assertTrue(common.isEmpty(), "a VEN in two shards: " + common);
            }
        }
    }

    @Test
    void shouldShardTheVenListInItsOrder() throws IOException
    {
        final String resources = Cli.fixtureResources(dir).toString();
        final List<String> first = jsonl("first.jsonl", "--resources", resources, "--ven", "Aarhus,Herning",
            "--shard", "0/2");
        final List<String> second = jsonl("second.jsonl", "--resources", resources, "--ven", "Aarhus,Herning",
            "--shard", "1/2");
        assertEquals(Set.of("Aarhus"), vensOf(first));
        assertEquals(Set.of("Herning"), vensOf(second));
        final List<String> union = new ArrayList<>(first);
        union.addAll(second);
        assertEquals(sorted(jsonl("both.jsonl", "--resources", resources)), sorted(union));
    }

    @Test
    void shouldRefuseABadShardWithExitCode2()
    {
        assertUsage("3/3", "metersim: --shard I/N needs 0 <= I < N [shard=3/3 I=3 N=3]\n");
        assertUsage("1/0", "metersim: --shard I/N needs N from 1 to 1048576 [shard=1/0]\n");
        assertUsage("1", "metersim: --shard must be I/N, such as 0/3 [shard=1]\n");
        assertUsage("a/3", "metersim: --shard must be I/N with whole numbers, such as 0/3 [shard=a/3]\n");
        assertUsage("-1/3", "metersim: --shard must be I/N with whole numbers, such as 0/3 [shard=-1/3]\n");
        final Cli.Result tooMany = run("out.jsonl", "--synthetic-vens", "2", "--resources-per-ven", "1", "--shard",
            "0/3");
        assertEquals(Main.EXIT_USAGE, tooMany.code(), tooMany::toString);
        assertEquals("metersim: --shard 0/3 would replay no VEN: only 2 VENs are selected; use at most 2 shards "
            + "[shard=0/3 vens=2]\n", tooMany.err());
        assertFalse(Files.exists(dir.resolve("out.jsonl")));
    }

    private void assertUsage(final String shard, final String message)
    {
        final Cli.Result result = run("out.jsonl", "--synthetic-vens", "4", "--shard", shard);
        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals(message, result.err());
    }

    private List<String> jsonl(final String out, final String... args) throws IOException
    {
        final Cli.Result result = run(out, args);
        assertEquals(0, result.code(), result::toString);
        return Files.readAllLines(dir.resolve(out));
    }

    private Cli.Result run(final String out, final String... args)
    {
        final List<String> line = new ArrayList<>(List.of("run", "--config", config, "--data", data, "--ticks", "5",
            "--interval", "0", "--format", "jsonl", "--out", out));
        line.addAll(List.of(args));
        return Cli.run(dir, line.toArray(new String[0]));
    }

    private static Set<String> vensOf(final List<String> lines)
    {
        final Set<String> vens = new HashSet<>();
        for (final String line : lines)
        {
            final int start = line.indexOf("\"ven\":\"") + 7;
            vens.add(line.substring(start, line.indexOf('"', start)));
        }
        return vens;
    }

    private static List<String> sorted(final List<String> lines)
    {
        final List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
