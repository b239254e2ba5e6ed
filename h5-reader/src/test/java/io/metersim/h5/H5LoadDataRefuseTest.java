package io.metersim.h5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.WritableGroup;
import io.metersim.core.DataWarning;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.metersim.h5.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class H5LoadDataRefuseTest
{
    @TempDir
    Path dir;

    static Stream<Arguments> badFiles()
    {
        return Stream.of(
            Arguments.of("bad-empty-file.h5", "/", "empty file (0 bytes), not an HDF5 file (no HDF5 signature)"),
            Arguments.of("bad-not-hdf5.h5", "/", "not an HDF5 file (no HDF5 signature)"),
            Arguments.of("bad-truncated.h5", "/",
                "truncated or corrupt HDF5 file (it holds 54220 bytes, its superblock declares 108440)"),
            Arguments.of("bad-no-meters-group.h5", "/meters",
                "no /meters group (expected /meters/meter_<id>/load_<k>/power)"),
            Arguments.of("bad-empty-meters.h5", "/meters", "/meters is empty: no meter to load"),
            Arguments.of("bad-duplicate-meter-id.h5", "/meters/meter_b",
                "duplicate meter_id 707057500057158458, already used by /meters/meter_a"),
            Arguments.of("bad-shapes.h5", "/meters/meter_707057500057158458/load_0/power",
                "no readable meter (6 problems found; first: power has shape (24, 3), expected (N, 2))"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void shouldRefuseEveryBadFileNamingFilePathAndProblem(final String name, final String path, final String problem)
    {
        final Path file = fixture(name);

        final LoadDataException e = assertThrows(LoadDataException.class, () -> H5LoadData.read(file));

        assertEquals(problem + " [file=" + file + " path=" + path + "]", e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(path, e.objectPath());
        assertEquals(problem, e.problem());
    }

    @Test
    void shouldSkipEachUnsoundLoadAndMeterOfBadShapesWithAWarning() throws IOException
    {
        final Path file = dir.resolve("shapes-plus-one.h5");
        try (WritableHdfFile out = HdfFile.write(file))
        {
            final WritableGroup meters = out.putGroup("meters");
            final WritableGroup bad = meters.putGroup("meter_1");
            bad.putAttribute("num_load_components", 3L);
            bad.putGroup("load_0").putDataset("power", new double[24][3]);
            bad.putGroup("load_1").putDataset("power", new double[24]);
            bad.putGroup("load_2").putDataset("power", new float[][] {{1.0f, 2.0f}});
            final WritableGroup good = meters.putGroup("meter_2");
            good.putGroup("load_0").putDataset("power", new double[][] {{1.0, 5.0}});
            good.putGroup("load_1").putDataset("other", new double[][] {{1.0, 5.0}});
        }

        final LoadData data = H5LoadData.read(file);

        assertEquals(1, data.meterCount());
        assertEquals("2", data.meterId(0));
        assertEquals(5.0, data.watts(0, 0));
        assertEquals(List.of(
            "SKIPPED: power has shape (24, 3), expected (N, 2); load skipped"
                + " [meter=1 path=/meters/meter_1/load_0/power]",
            "SKIPPED: power has shape (24,), expected (N, 2); load skipped"
                + " [meter=1 path=/meters/meter_1/load_1/power]",
            "SKIPPED: power has dtype float32, expected float64; load skipped"
                + " [meter=1 path=/meters/meter_1/load_2/power]",
            "SKIPPED: no sound load; meter skipped [meter=1 path=/meters/meter_1]",
            "SKIPPED: no power dataset; load skipped [meter=2 path=/meters/meter_2/load_1]",
            "FEWER_LOADS: 2 load components, fewer than the usual 6; its readings are what it has"
                + " [meter=2 path=/meters/meter_2]"),
            data.warnings().stream().map(DataWarning::toString).toList());
    }

    @Test
    void shouldTakeIntegerMeterIdsAndReportLoadsBeyondTheDeclaredCount() throws IOException
    {
        final Path file = dir.resolve("integer-id.h5");
        try (WritableHdfFile out = HdfFile.write(file))
        {
            final WritableGroup meters = out.putGroup("meters");
            final WritableGroup meter = meters.putGroup("meter_x");
            meter.putAttribute("meter_id", 707057500057158458L);
            meter.putAttribute("num_load_components", 1L);
            meter.putGroup("load_0").putDataset("power", new double[][] {{1736928000.0, 7.5}});
            meter.putGroup("load_1").putDataset("power", new double[][] {{1736928000.0, 8.5}});
            meters.putDataset("notes", new double[] {1.0});
        }

        final LoadData data = H5LoadData.read(file);

        assertEquals("707057500057158458", data.meterId(0));
        assertEquals(1, data.loadCount(0));
        assertEquals(7.5, data.watts(0, 0));
        assertEquals(1_736_928_000_000L, data.timestampMillis(0, 0));
        assertEquals(List.of(
            "FEWER_LOADS: 1 load components, fewer than the usual 6; its readings are what it has"
                + " [meter=707057500057158458 path=/meters/meter_x]",
            "SKIPPED: load_1 lies beyond num_load_components 1; not read"
                + " [meter=707057500057158458 path=/meters/meter_x/load_1]",
            "SKIPPED: not a meter group (expected a group named meter_<id>); skipped [meter=notes path=/meters/notes]"),
            data.warnings().stream().map(DataWarning::toString).toList());
    }

    @Test
    void shouldSkipAMeterWithUnusableAttributes() throws IOException
    {
        final Path file = dir.resolve("bad-attributes.h5");
        try (WritableHdfFile out = HdfFile.write(file))
        {
            final WritableGroup meters = out.putGroup("meters");
            final WritableGroup floatId = meters.putGroup("meter_a");
            floatId.putAttribute("meter_id", 1.5);
            floatId.putGroup("load_0").putDataset("power", new double[][] {{1.0, 1.0}});
            final WritableGroup zeroLoads = meters.putGroup("meter_b");
            zeroLoads.putAttribute("num_load_components", 0L);
            zeroLoads.putGroup("load_0").putDataset("power", new double[][] {{1.0, 1.0}});
        }

        final LoadDataException e = assertThrows(LoadDataException.class, () -> H5LoadData.read(file));

        assertEquals("no readable meter (2 problems found; first: meter_id has unsupported type float64, expected a"
            + " string or integer) [file=" + file + " path=/meters/meter_a]", e.getMessage());
    }

    @Test
    void shouldSkipALoadWhoseCompressedChunkIsDamaged() throws IOException
    {
        final String power = "/meters/meter_707057500057158465/load_3/power";
        final byte[] bytes = Files.readAllBytes(fixture("seed-layout-chunked-gzip.h5"));
        final byte[] chunk;
        try (HdfFile hdf = new HdfFile(fixture("seed-layout-chunked-gzip.h5")))
        {
            final ByteBuffer raw = ((ChunkedDataset)hdf.getDatasetByPath(power)).getRawChunkBuffer(new int[] {64, 0});
            chunk = new byte[raw.remaining()];
            raw.get(chunk);
        }
        final int at = indexOf(bytes, chunk);
        Arrays.fill(bytes, at + 10, at + chunk.length, (byte)0x55);
        final Path file = Files.write(dir.resolve("damaged-chunk.h5"), bytes);

        final LoadData data = H5LoadData.read(file);

        assertEquals(4, data.meterCount());
        assertEquals(23, data.seriesCount());
        assertEquals(-1, data.seriesOf(1, 3));
        assertEquals(List.of("SKIPPED: power cannot be read: Inflating failed: invalid code -- missing end-of-block;"
            + " load skipped [meter=707057500057158465 path=" + power + "]"),
            data.warnings().stream().map(DataWarning::toString).toList());
    }

    @Test
    void shouldRefuseAMissingFile()
    {
        final Path file = dir.resolve("absent.h5");

        final LoadDataException e = assertThrows(LoadDataException.class, () -> H5LoadData.read(file));

        assertEquals("no such file [file=" + file + " path=/]", e.getMessage());
    }

    @Test
    void shouldRefuseADirectory()
    {
        final LoadDataException e = assertThrows(LoadDataException.class, () -> H5LoadData.read(dir));

        assertEquals("is a directory, not an HDF5 file [file=" + dir + " path=/]", e.getMessage());
    }

    @Test
    void shouldRefuseAFileShorterThanASignature() throws IOException
    {
        final Path file = Files.write(dir.resolve("tiny.h5"), new byte[] {(byte)0x89, 'H', 'D', 'F'});

        final LoadDataException e = assertThrows(LoadDataException.class, () -> H5LoadData.read(file));

        assertEquals("not an HDF5 file (no HDF5 signature) [file=" + file + " path=/]", e.getMessage());
    }

    @Test
    void shouldRefuseACorruptSuperblockWithoutAJhdfException() throws IOException
    {
        final byte[] bytes = Files.readAllBytes(fixture("seed-layout-small.h5"));
        final byte[] head = new byte[12];
        System.arraycopy(bytes, 0, head, 0, head.length);
        final Path file = Files.write(dir.resolve("head-only.h5"), head);

        final LoadDataException e = assertThrows(LoadDataException.class, () -> H5LoadData.read(file));

        assertEquals("truncated or corrupt HDF5 file (unexpected end of data) [file=" + file + " path=/]",
            e.getMessage());
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length))
            {
                return i;
            }
        }
        throw new AssertionError("chunk bytes not found in the file");
    }
}
