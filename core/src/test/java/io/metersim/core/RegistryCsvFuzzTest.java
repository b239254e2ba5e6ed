package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded mutation fuzzing of {@link Registry#readCsv} and {@link Registry#writeStatusChanges}: every mutant of the
 * committed registry and of the test data CSVs is either read as a registry or refused with a
 * {@link RegistryFormatException} naming the file; no other exception, no hang. An accepted mutant also has every
 * status changed and saved, and must read back with the new statuses and nothing else changed.
 * <p>
 * A failure names the case, seed and mutations; rerun one with {@code -Dmetersim.fuzz.seed=S -Dmetersim.fuzz.cases=N}.
 */
class RegistryCsvFuzzTest
{
    private static final long SEED = Long.getLong("metersim.fuzz.seed", 20_261_201L);
    private static final int CASES = Integer.getInteger("metersim.fuzz.cases", 4000);
    private static final long CASE_TIMEOUT_SECONDS = 10;
    private static final int TEST_DATA_PREFIX = 4096;
    private static final byte[][] INSERTS = {
        {'"'}, {','}, {'\r'}, {'\n'}, {'\r', '\n'}, {(byte)0xEF, (byte)0xBB, (byte)0xBF}, {0}, {'"', '"'},
        {',', '"'}, {'"', ','}, {' '}, {(byte)0xC3}, {(byte)0xF0, (byte)0x9F, (byte)0x99, (byte)0x82}};

    @TempDir
    Path dir;

    @Test
    void shouldReadOrRefuseEveryMutantNamingTheFile() throws Exception
    {
        final Map<String, byte[]> seeds = seeds();
        final List<String> names = new ArrayList<>(seeds.keySet());
        final Path file = dir.resolve("mutant.csv");
        final ExecutorService runner = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "registry-fuzz");
            thread.setDaemon(true);
            return thread;
        });
        final int[] outcomes = new int[2];
        final long start = System.nanoTime();
        try
        {
            for (int c = 0; c < CASES; c++)
            {
                final SplittableRandom random = new SplittableRandom(SEED + c);
                final String name = names.get(random.nextInt(names.size()));
                final List<String> mutations = new ArrayList<>();
                final byte[] mutant = mutate(seeds.get(name), random, mutations);
                final String reproduce = "case=" + c + " seed=" + SEED + " source=" + name + " mutations=" + mutations;
                Files.write(file, mutant);
                final Future<Boolean> outcome = runner.submit(() -> readAndSave(file, mutant));
                try
                {
                    outcomes[outcome.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS) ? 0 : 1]++;
                }
                catch (final TimeoutException ex)
                {
                    outcome.cancel(true);
                    fail("no answer within " + CASE_TIMEOUT_SECONDS + " s: " + reproduce);
                }
                catch (final ExecutionException ex)
                {
                    throw new AssertionError(reproduce + ": " + ex.getCause(), ex.getCause());
                }
            }
        }
        finally
        {
            runner.shutdownNow();
        }
        final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 60, "fuzzing took " + seconds + " s");
        assertTrue(outcomes[0] > CASES / 20 && outcomes[1] > CASES / 20,
            "mutants should be both accepted and refused: accepted=" + outcomes[0] + " refused=" + outcomes[1]);
    }

    /**
     * @return true when the mutant was read (and its status changes saved and read back), false when refused.
     */
    private static boolean readAndSave(final Path file, final byte[] mutant) throws IOException
    {
        final Registry registry;
        try
        {
            registry = Registry.readCsv(file);
        }
        catch (final RegistryFormatException ex)
        {
            assertEquals(file.toString(), ex.file(), ex.getMessage());
            assertTrue(ex.getMessage().contains("[file=" + file), ex.getMessage());
            return false;
        }
        final List<ResourceSpec> resources = registry.resources();
        registry.warnings().forEach(warning -> assertTrue(warning.contains("[file=" + file), warning));
        final byte[] next = new byte[registry.size()];
        for (int row = 0; row < next.length; row++)
        {
            next[row] = (byte)((registry.status(row).ordinal() + 1) % ResourceStatus.values().length);
        }
        assertEquals(next.length, registry.withStatuses(next).writeStatusChanges(file));
        final List<ResourceSpec> saved = Registry.readCsv(file).resources();
        assertEquals(resources.size(), saved.size());
        for (int row = 0; row < next.length; row++)
        {
            final ResourceSpec was = resources.get(row);
            assertEquals(new ResourceSpec(was.ven(), was.resourceId(), was.resourceName(),
                ResourceStatus.ofOrdinal(next[row]), was.meterPointId(), was.resourceType()), saved.get(row));
        }
        assertTrue(next.length > 0 || Arrays.equals(mutant, Files.readAllBytes(file)));
        return true;
    }

    private static byte[] mutate(final byte[] seed, final SplittableRandom random, final List<String> mutations)
    {
        byte[] bytes = seed;
        final int count = 1 + random.nextInt(3);
        for (int m = 0; m < count; m++)
        {
            final int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            switch (random.nextInt(6))
            {
                case 0 ->
                {
                    if (bytes.length > 0)
                    {
                        final int i = Math.min(at, bytes.length - 1);
                        final byte value = (byte)random.nextInt(256);
                        mutations.add("set@" + i + "=0x" + Integer.toHexString(value & 0xFF));
                        bytes = bytes.clone();
                        bytes[i] = value;
                    }
                }
                case 1, 2 ->
                {
                    final byte[] insert = INSERTS[random.nextInt(INSERTS.length)];
                    mutations.add("insert@" + at + "=" + Arrays.toString(insert));
                    bytes = splice(bytes, at, at, insert);
                }
                case 3 ->
                {
                    mutations.add("truncate@" + at);
                    bytes = Arrays.copyOf(bytes, at);
                }
                case 4 ->
                {
                    final int end = Math.min(bytes.length, at + random.nextInt(16));
                    mutations.add("delete@" + at + ".." + end);
                    bytes = splice(bytes, at, end, new byte[0]);
                }
                default ->
                {
                    final int lineStart = lineStart(bytes, at);
                    final int lineEnd = lineEnd(bytes, at);
                    mutations.add("duplicateLine@" + lineStart + ".." + lineEnd);
                    bytes = splice(bytes, lineEnd, lineEnd, Arrays.copyOfRange(bytes, lineStart, lineEnd));
                }
            }
        }
        return bytes;
    }

    private static int lineStart(final byte[] bytes, final int at)
    {
        int i = Math.min(at, bytes.length);
        while (i > 0 && bytes[i - 1] != '\n')
        {
            i--;
        }
        return i;
    }

    private static int lineEnd(final byte[] bytes, final int at)
    {
        int i = Math.min(at, bytes.length);
        while (i < bytes.length && bytes[i++] != '\n')
        {
            // up to and including the line feed
        }
        return i;
    }

    private static byte[] splice(final byte[] bytes, final int from, final int to, final byte[] insert)
    {
        final byte[] result = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(insert, 0, result, from, insert.length);
        System.arraycopy(bytes, to, result, from + insert.length, bytes.length - to);
        return result;
    }

    /**
     * The committed registry, a CRLF copy of its head with a BOM and quoted fields, and the starts of the test data
     * CSVs (not registries: they exercise the refusals).
     */
    private static Map<String, byte[]> seeds() throws IOException
    {
        final Path root = Path.of("..").toAbsolutePath().normalize();
        final Map<String, byte[]> seeds = new LinkedHashMap<>();
        final byte[] registry = Files.readAllBytes(root.resolve("config/resources.csv"));
        seeds.put("config/resources.csv", registry);
        final List<String> head = new String(registry, StandardCharsets.UTF_8).lines().limit(30).toList();
        final StringBuilder crlf = new StringBuilder("\uFEFF");
        for (int i = 0; i < head.size(); i++)
        {
            final String row = i == 0 ? head.get(i) : quoteName(head.get(i), i);
            crlf.append(row).append(i % 7 == 3 ? "\r\n\r\n" : "\r\n");
        }
        seeds.put("config/resources.csv head, BOM, CRLF, quoted", crlf.toString().getBytes(StandardCharsets.UTF_8));
        for (final String data : List.of("testdata/data/bdew-slp-demandlib/h25.csv",
            "testdata/data/bdew-slp-demandlib/selp_series.csv"))
        {
            final byte[] bytes = Files.readAllBytes(root.resolve(data));
            seeds.put(data, Arrays.copyOf(bytes, Math.min(bytes.length, TEST_DATA_PREFIX)));
        }
        return seeds;
    }

    /**
     * @return the row with its name quoted, padded or spread over two lines, and its status in lower case.
     */
    private static String quoteName(final String row, final int index)
    {
        final String[] fields = row.split(",", -1);
        if (fields.length < 4 || fields[2].contains("\""))
        {
            return row;
        }
        fields[2] = switch (index % 3)
        {
            case 0 -> "\"  " + fields[2] + "  \"";
            case 1 -> "\"" + fields[2] + "\r\nsecond line, with \"\"quotes\"\"\"";
            default -> "\"" + fields[2] + "\"";
        };
        fields[3] = fields[3].toLowerCase(java.util.Locale.ROOT);
        return String.join(",", fields);
    }
}
