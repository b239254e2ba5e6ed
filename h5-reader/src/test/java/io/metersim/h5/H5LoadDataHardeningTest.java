package io.metersim.h5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.metersim.core.DataWarning;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.metersim.h5.Hardening.seed;
import static io.metersim.h5.Hardening.watts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's HDF5 findings, each on a small h5py-made seed (see {@code hardening/make_hardening.py}).
 */
class H5LoadDataHardeningTest
{
    private static final long MIB = 1L << 20;
    private static final int ROWS = 24;
    private static final int WIDE_ROWS = 300_000;
    private static final int WIDE_METERS = 1_000;

    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096})
    void shouldReadFilesWithAUserBlockAsH5pyDoes(final int userBlock)
    {
        final LoadData data = H5LoadData.read(seed("userblock-" + userBlock + ".h5"));

        assertEquals(List.of("1", "2"), List.of(data.meterId(0), data.meterId(1)));
        assertSeries(data, 0, 0, 1, 0, ROWS);
        assertSeries(data, 1, 1, 2, 1, ROWS);
        assertEquals(List.of(), nonFewerLoads(data));
    }

    @Test
    void shouldFollowSoftLinksToTheMetersGroupALoadGroupAndAPowerDataset()
    {
        final LoadData data = H5LoadData.read(seed("soft-links.h5"));

        assertEquals(2, data.meterCount());
        assertEquals(4, data.seriesCount());
        assertSeries(data, 0, 1, 1, 1, ROWS);
        assertSeries(data, 1, 0, 2, 0, ROWS);
        assertSeries(data, 1, 1, 2, 1, ROWS);
        assertEquals(List.of(), nonFewerLoads(data));
    }

    @Test
    void shouldRefuseAFileWhoseMetersLinkDangles()
    {
        final String file = seed("dangling-meters.h5").toString();

        final LoadDataException e = assertThrows(LoadDataException.class,
            () -> H5LoadData.read(seed("dangling-meters.h5")));

        assertEquals("dangling soft link to /nowhere, no /meters group to read [file=" + file + " path=/meters]",
            e.getMessage());
    }

    @Test
    void shouldSkipEachUnreadableLoadWithAWarningAndKeepTheSoundMeters()
    {
        final LoadData data = H5LoadData.read(seed("bad-loads.h5"));

        assertEquals(2, data.meterCount());
        assertEquals(3, data.seriesCount());
        assertSeries(data, 0, 1, 1, 1, ROWS);
        assertSeries(data, 1, 0, 2, 0, ROWS);
        final String m2 = "/meters/meter_2/";
        assertEquals(List.of(
            "SKIPPED: dangling soft link to /nowhere/load; load skipped [meter=2 path=" + m2 + "load_1]",
            "SKIPPED: dangling soft link to /nowhere/power; load skipped [meter=2 path=" + m2 + "load_2/power]",
            "SKIPPED: external link to ext-target.h5:/l, not followed (the reader reads one file); load skipped"
                + " [meter=2 path=" + m2 + "load_3]",
            "SKIPPED: external link to ext-target.h5:/l/power, not followed (the reader reads one file); load skipped"
                + " [meter=2 path=" + m2 + "load_4/power]",
            "SKIPPED: power declares 4294967296 rows, more than the 1073741815 one array holds; load skipped"
                + " [meter=2 path=" + m2 + "load_5/power]"),
            nonFewerLoads(data).subList(0, 5));
        final List<String> rest = nonFewerLoads(data).subList(5, nonFewerLoads(data).size());
        assertEquals(3, rest.size(), rest.toString());
        for (int k = 6; k <= 8; k++)
        {
            final String warning = rest.get(k - 6);
            assertTrue(warning.startsWith("SKIPPED: power cannot be read: ")
                && warning.endsWith("; load skipped [meter=2 path=" + m2 + "load_" + k + "]"), warning);
        }
    }

    @Test
    void shouldRefuseAChunkedDatasetDeclaringMoreThanTheBudgetBeforeReadingIt()
    {
        final String file = seed("huge-chunked.h5").toString();

        final LoadDataException e = assertThrows(LoadDataException.class,
            () -> H5LoadData.read(seed("huge-chunked.h5"), ReadOptions.defaults().withMemoryBudget(64 * MIB)));

        // meter_1 keeps 48 rows x 16 bytes + a 24-row scratch column x 8; the chunked read needs 2^26 rows x 32
        assertEquals("too large for the memory budget: needs an estimated 2147484608 bytes, the budget is 67108864"
            + " bytes (reading 67108864 rows of (N, 2) float64 beside 960 bytes kept; give more heap or"
            + " ReadOptions.withMemoryBudget) [file=" + file + " path=/meters/meter_2/load_0/power]", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"huge-chunked.h5", "huge-pool.h5", "wide-pool.h5"})
    void shouldRefuseWhatWouldNotFitTheDefaultBudgetOfTheHeapInsteadOfRunningOutOfMemory(final String name)
        throws IOException
    {
        final Path file = "wide-pool.h5".equals(name) ? widePool() : seed(name);

        final LoadDataException e = assertThrows(LoadDataException.class, () -> H5LoadData.read(file));

        assertTrue(e.problem().startsWith("too large for the memory budget: needs an estimated "), e.getMessage());
        assertTrue(e.problem().contains("the budget is " + ReadOptions.defaults().memoryBudget() + " bytes"),
            e.getMessage());
    }

    @Test
    void shouldRefuseAPoolPaddingOneLongSeriesBesideAThousandOneRowMeters() throws IOException
    {
        final Path file = widePool();

        final LoadDataException e = assertThrows(LoadDataException.class,
            () -> H5LoadData.read(file, ReadOptions.defaults().withMemoryBudget(1024 * MIB)));

        // kept: 301,000 rows x 16 + a 300,000-row scratch column x 8; pool: 300,000 rows x (1001 series + 2 axes) x 8
        assertEquals("too large for the memory budget: needs an estimated 2414416000 bytes, the budget is 1073741824"
            + " bytes (a pool of 1001 series and 2 timestamp axes padded to the longest, 300000 rows, beside 7216000"
            + " bytes kept; give more heap or ReadOptions.withMemoryBudget) [file=" + file + " path=/meters]",
            e.getMessage());
    }

    @Test
    void shouldTakeTheDefaultBudgetFromTheHeapAndRefuseANonPositiveOne()
    {
        assertEquals((long)(Runtime.getRuntime().maxMemory() * 0.75), ReadOptions.defaults().memoryBudget());
        assertEquals(5L, ReadOptions.strict().withMemoryBudget(5).memoryBudget());
        assertTrue(ReadOptions.strict().withMemoryBudget(5).isStrict());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ReadOptions.defaults().withMemoryBudget(0));
        assertEquals("memory budget must be positive: bytes=0", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fletcher32.h5", "fletcher32-gzip.h5"})
    void shouldAcceptChunksWhoseFletcher32ChecksumH5pyWrote(final String name)
    {
        final LoadData data = H5LoadData.read(seed(name));

        assertEquals(4, data.seriesCount());
        assertSeries(data, 0, 0, 1, 0, 48);
        assertSeries(data, 1, 1, 2, 1, 48);
        assertEquals(List.of(), nonFewerLoads(data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-fletcher32.h5", "bad-fletcher32-gzip.h5"})
    void shouldSkipTheLoadWhoseChunkFailsItsFletcher32Checksum(final String name)
    {
        final LoadData data = H5LoadData.read(seed(name));

        assertEquals(2, data.meterCount());
        assertEquals(3, data.seriesCount());
        assertEquals(-1, data.seriesOf(1, 1));
        assertSeries(data, 1, 0, 2, 0, 48);
        final List<String> warnings = nonFewerLoads(data);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("SKIPPED: power cannot be read: ")
            && warnings.get(0).contains("fletcher32 checksum mismatch: stored=0x")
            && warnings.get(0).endsWith(", the chunk is corrupt; load skipped"
            + " [meter=2 path=/meters/meter_2/load_1/power]"), warnings.get(0));
    }

    @Test
    void shouldRefuseMetersWhoseAttributesHaveTheWrongTypeAndStripIdsFromGroupNames()
    {
        final LoadData data = H5LoadData.read(seed("attribute-types.h5"));

        assertEquals(List.of("4", "6"), List.of(data.meterId(0), data.meterId(1)));
        assertSeries(data, 0, 1, 4, 1, ROWS);
        assertSeries(data, 1, 0, 6, 0, ROWS);
        assertEquals(List.of(
            "SKIPPED: meter_id is empty; meter skipped [meter=   path=/meters/meter_  ]",
            "SKIPPED: meter_id has unsupported type reference, expected a string or integer; meter skipped"
                + " [meter=1 path=/meters/meter_1]",
            "SKIPPED: meter_id has unsupported type enum (h5py's bool is one), expected a string or integer;"
                + " meter skipped [meter=2 path=/meters/meter_2]",
            "SKIPPED: num_load_components has unsupported type reference, expected an integer; meter skipped"
                + " [meter=3 path=/meters/meter_3]"),
            nonFewerLoads(data));
    }

    /**
     * @return one 300,000-row series beside 1,000 one-row meters, 4.8 MB of rows that pad to a 2.4 GB pool.
     */
    private Path widePool() throws IOException
    {
        final Path file = dir.resolve("wide-pool.h5");
        if (Files.exists(file))
        {
            return file;
        }
        final double[][] longRows = new double[WIDE_ROWS][];
        for (int row = 0; row < WIDE_ROWS; row++)
        {
            longRows[row] = new double[] {1736928000.0 + 3600.0 * row, watts(0, 0, row)};
        }
        try (WritableHdfFile out = HdfFile.write(file))
        {
            final WritableGroup meters = out.putGroup("meters");
            meters.putGroup("meter_0").putGroup("load_0").putDataset("power", longRows);
            for (int m = 1; m <= WIDE_METERS; m++)
            {
                meters.putGroup("meter_" + m).putGroup("load_0")
                    .putDataset("power", new double[][] {{1736928000.0, watts(m, 0, 0)}});
            }
        }
        return file;
    }

    private static void assertSeries(
        final LoadData data, final int meter, final int load, final int meterNumber, final int loadNumber,
        final int rows)
    {
        final int s = data.seriesOf(meter, load);
        assertTrue(s >= 0, "no series for meter " + meter + " load " + load);
        assertEquals(rows, data.seriesLength(s));
        for (int row = 0; row < rows; row++)
        {
            assertEquals((1736928000L + 3600L * row) * 1000L, data.timestampMillis(s, row), "row " + row);
            assertEquals(watts(meterNumber, loadNumber, row), data.watts(s, row), "row " + row);
        }
    }

    private static List<String> nonFewerLoads(final LoadData data)
    {
        return data.warnings().stream().filter(w -> w.kind() != DataWarning.Kind.FEWER_LOADS)
            .map(DataWarning::toString).toList();
    }
}
