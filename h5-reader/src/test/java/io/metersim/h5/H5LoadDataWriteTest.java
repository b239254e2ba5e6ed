package io.metersim.h5;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.LoadDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.metersim.h5.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H5LoadDataWriteTest
{
    private static final double MAX_RETAINED_RATIO = 1.15;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"seed-layout-small.h5", "seed-layout-latest.h5", "ragged.h5", "bad-values.h5"})
    void shouldReadBackWhatItWrote(final String name) throws IOException
    {
        final LoadData original = H5LoadData.read(fixture(name));
        final Path file = dir.resolve(name);

        H5LoadData.write(original, file);
        final LoadData copy = H5LoadData.read(file);

        LoadDataAssert.assertSameData(original, copy);
        assertEquals(original.warnings(), copy.warnings());
        assertEquals(List.of(file), files(), "no temporary file left behind");
    }

    @Test
    void shouldWriteAndReadALargerGeneratedFileWithinTheMemoryBound()
    {
        final LoadData original = Generated.data(40, 6, 2000);
        final Path file = dir.resolve("generated.h5");

        H5LoadData.write(original, file);
        final LoadData copy = H5LoadData.read(file);

        LoadDataAssert.assertSameData(original, copy);
        assertEquals(40 * 6 * 2000 * 16L, copy.payloadBytes());
        assertTrue(copy.retainedBytes() <= MAX_RETAINED_RATIO * copy.payloadBytes(),
            "retained=" + copy.retainedBytes() + " payload=" + copy.payloadBytes());
    }

    @Test
    void shouldWriteADatasetLargerThanTheWriteBuffer()
    {
        final LoadData original = Generated.data(2, 2, 70_000);
        final Path file = dir.resolve("long-series.h5");

        H5LoadData.write(original, file);

        LoadDataAssert.assertSameData(original, H5LoadData.read(file));
    }

    @Test
    void shouldReplaceAnExistingFileRatherThanOverwriteIt() throws IOException
    {
        final Path file = dir.resolve("out.h5");
        Files.write(file, new byte[1_000_000]);
        final LoadData original = Generated.data(2, 3, 10);

        H5LoadData.write(original, file);

        LoadDataAssert.assertSameData(original, H5LoadData.read(file));
        assertEquals(List.of(file), files(), "no temporary file left behind");
        assertTrue(Files.size(file) < 100_000, "size=" + Files.size(file));
    }

    @Test
    void shouldCreateMissingFolders()
    {
        final Path file = dir.resolve("missing").resolve("deeper").resolve("out.h5");
        final LoadData original = Generated.data(1, 1, 3);

        H5LoadData.write(original, file);

        LoadDataAssert.assertSameData(original, H5LoadData.read(file));
    }

    @Test
    void shouldRefuseToWriteBelowAFileAndLeaveNothingBehind() throws IOException
    {
        final Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        final Path file = blocker.resolve("out.h5");

        final LoadDataException e = assertThrows(LoadDataException.class,
            () -> H5LoadData.write(Generated.data(1, 1, 3), file));

        assertEquals("cannot write HDF5 file (a file is in the way [at=" + blocker + "]) [file=" + file
            + " path=/]", e.getMessage());
        assertEquals(List.of(blocker), files());
    }

    @Test
    void shouldRefuseAMeterIdThatCannotNameAGroup()
    {
        final LoadDataBuilder builder = LoadData.builder("mem");
        final int meter = builder.addMeter("a/b", null, "meter a/b");
        builder.addSeries(meter, 0, "s", new long[] {0L}, new double[] {1.0});
        final Path file = dir.resolve("slash.h5");

        final LoadDataException e = assertThrows(LoadDataException.class,
            () -> H5LoadData.write(builder.build(), file));

        assertEquals("meter id 'a/b' cannot name an HDF5 group meter_<id> [file=" + file + " path=meter a/b]",
            e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void shouldRefuseASeriesWithoutRows()
    {
        final LoadDataBuilder builder = LoadData.builder("mem");
        final int meter = builder.addMeter("1", null, "m1");
        builder.addSeries(meter, 0, "first", new long[] {0L}, new double[] {1.0});
        builder.addSeries(meter, 1, "empty", new long[0], new double[0]);
        final Path file = dir.resolve("empty-series.h5");

        final LoadDataException e = assertThrows(LoadDataException.class,
            () -> H5LoadData.write(builder.build(), file));

        assertEquals("series has no rows; HDF5 power needs N > 0 [file=" + file + " path=empty]", e.getMessage());
    }

    private List<Path> files() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.sorted().toList();
        }
    }
}
