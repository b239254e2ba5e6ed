package io.metersim.h5;

import io.metersim.core.LoadData;
import io.metersim.core.MetersimException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded mutation fuzzing of {@link H5LoadData#read}: byte flips, truncations and duplicated blocks of the shared
 * fixtures, of the hardening seeds and of a file the project's own writer made. Every outcome must be a loaded
 * {@link LoadData} or a {@link MetersimException}: no other exception, no error (the module's tests run at
 * {@code -Xmx512m}), no hang. A failure names the case seed and mutation; rerun one case with
 * {@code -Dmetersim.fuzz.seed=<seed> -Dmetersim.fuzz.cases=1}.
 */
class H5LoadDataFuzzTest
{
    private static final long SEED = Long.getLong("metersim.fuzz.seed", 0x5EED_2026_1201L);
    private static final int DEFAULT_CASES = 5000;
    private static final int CASES = Integer.getInteger("metersim.fuzz.cases", DEFAULT_CASES);
    /** The default run must stay under a minute; a longer one asked for on the command line gets more time. */
    private static final double MAX_SECONDS = 60.0 * Math.max(1.0, (double)CASES / DEFAULT_CASES);
    private static final long CASE_TIMEOUT_SECONDS = 10;
    private static final String[] HARDENING_SEEDS = {"userblock-512.h5", "soft-links.h5", "bad-loads.h5",
        "huge-chunked.h5", "huge-pool.h5", "fletcher32-gzip.h5", "bad-fletcher32.h5", "attribute-types.h5"};

    private static ExecutorService reader;

    @TempDir
    Path dir;

    @BeforeAll
    static void startReader()
    {
        reader = Executors.newSingleThreadExecutor(r ->
        {
            final Thread thread = new Thread(r, "fuzz-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopReader()
    {
        reader.shutdownNow();
    }

    @Test
    void shouldLoadOrRefuseEveryMutantWithAMetersimException() throws IOException, InterruptedException
    {
        final List<Path> seeds = seeds();
        final List<byte[]> originals = new ArrayList<>();
        for (final Path seed : seeds)
        {
            originals.add(Files.readAllBytes(seed));
        }
        final long start = System.nanoTime();
        int loaded = 0;
        for (int i = 0; i < CASES; i++)
        {
            final long caseSeed = SEED + i;
            final SplittableRandom random = new SplittableRandom(caseSeed);
            final int which = random.nextInt(seeds.size());
            final StringBuilder mutation = new StringBuilder();
            final byte[] mutant = Mutations.mutate(originals.get(which), random, mutation);
            final Path file = dir.resolve("case-" + i + ".h5");
            Files.write(file, mutant);
            final String what = "seed=" + caseSeed + " file=" + seeds.get(which).getFileName() + " mutation="
                + mutation;
            loaded += outcome(file, what) ? 1 : 0;
            Files.delete(file);
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("h5 fuzz: %d cases from seed %d, %d loaded, the rest refused, in %.1f s%n",
            CASES, SEED, loaded, seconds);
        assertTrue(seconds < MAX_SECONDS, "fuzzing " + CASES + " cases took " + seconds + " s");
    }

    private static boolean outcome(final Path file, final String what) throws InterruptedException
    {
        final Future<LoadData> read = reader.submit(() -> H5LoadData.read(file));
        try
        {
            return null != read.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final ExecutionException e)
        {
            final Throwable cause = e.getCause();
            if (cause instanceof MetersimException)
            {
                return false;
            }
            final AssertionError failure = new AssertionError("not a MetersimException: " + cause + " (" + what + ")");
            failure.initCause(cause);
            throw failure;
        }
        catch (final TimeoutException e)
        {
            read.cancel(true);
            reader.shutdownNow();
            startReader();
            return fail("no outcome within " + CASE_TIMEOUT_SECONDS + " s (" + what + ")");
        }
    }

    private List<Path> seeds() throws IOException
    {
        final List<Path> seeds = new ArrayList<>();
        final Path fixtures = Fixtures.fixture("make_fixtures.py").getParent();
        try (Stream<Path> files = Files.list(fixtures))
        {
            // the empty fixture has no byte to mutate; its refusal is tested in H5LoadDataRefuseTest
            files.filter(f -> f.toString().endsWith(".h5") && f.toFile().length() > 0).sorted().forEach(seeds::add);
        }
        for (final String name : HARDENING_SEEDS)
        {
            seeds.add(Hardening.seed(name));
        }
        final Path written = dir.resolve("written-by-metersim.h5");
        H5LoadData.write(Generated.data(3, 6, 48), written);
        seeds.add(written);
        return seeds;
    }

    /**
     * The mutations, each described into {@code mutation} so that a failure can be read and reproduced.
     */
    static final class Mutations
    {
        private static final int MAX_FLIPS = 16;
        private static final int MAX_BLOCK = 4096;

        private Mutations()
        {
        }

        static byte[] mutate(final byte[] original, final SplittableRandom random, final StringBuilder mutation)
        {
            switch (random.nextInt(4))
            {
                case 0:
                    return flip(original, random, mutation);
                case 1:
                    return truncate(original, random, mutation);
                case 2:
                    return duplicate(original, random, mutation);
                default:
                    return flip(duplicate(original, random, mutation), random, mutation.append(", then "));
            }
        }

        private static byte[] flip(final byte[] original, final SplittableRandom random, final StringBuilder mutation)
        {
            final byte[] bytes = original.clone();
            final int flips = 1 + random.nextInt(MAX_FLIPS);
            mutation.append("flip");
            for (int f = 0; f < flips; f++)
            {
                final int at = random.nextInt(bytes.length);
                final int mask = 1 + random.nextInt(255);
                bytes[at] ^= (byte)mask;
                mutation.append(' ').append(at).append("^0x").append(Integer.toHexString(mask));
            }
            return bytes;
        }

        private static byte[] truncate(
            final byte[] original, final SplittableRandom random, final StringBuilder mutation)
        {
            final int length = random.nextInt(original.length);
            mutation.append("truncate to ").append(length);
            final byte[] bytes = new byte[length];
            System.arraycopy(original, 0, bytes, 0, length);
            return bytes;
        }

        private static byte[] duplicate(
            final byte[] original, final SplittableRandom random, final StringBuilder mutation)
        {
            final int length = 1 + random.nextInt(Math.min(MAX_BLOCK, original.length));
            final int from = random.nextInt(original.length - length + 1);
            final int to = random.nextInt(original.length - length + 1);
            final byte[] bytes = original.clone();
            if (random.nextBoolean())
            {
                mutation.append("copy ").append(length).append(" bytes from ").append(from).append(" over ")
                    .append(to);
                System.arraycopy(original, from, bytes, to, length);
                return bytes;
            }
            mutation.append("insert a copy of ").append(length).append(" bytes from ").append(from).append(" at ")
                .append(to);
            final byte[] longer = new byte[original.length + length];
            System.arraycopy(original, 0, longer, 0, to);
            System.arraycopy(original, from, longer, to, length);
            System.arraycopy(original, to, longer, to + length, original.length - to);
            return longer;
        }
    }
}
