package io.metersim.bench;

import io.metersim.core.LoadData;
import io.metersim.h5.H5LoadData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GzipCopyTest
{
    @TempDir
    Path folder;

    @Test
    void shouldWriteASmallerCopyThatReadsTheSame() throws IOException, InterruptedException
    {
        assumeTrue(h5pyAvailable(), "python3-h5py is not installed (CI installs it)");
        final Path contiguous = folder.resolve("contiguous.h5");
        final Path gzip = folder.resolve("gzip.h5");
        H5LoadData.write(BenchData.generate(2), contiguous);

        GzipCopy.copy(contiguous, gzip);

        final LoadData expected = H5LoadData.read(contiguous);
        final LoadData actual = H5LoadData.read(gzip);
        assertEquals(expected.seriesCount(), actual.seriesCount());
        assertEquals(expected.cycleLength(), actual.cycleLength());
        for (int s = 0; s < expected.seriesCount(); s++)
        {
            assertEquals(expected.seriesPath(s), actual.seriesPath(s));
            assertEquals(expected.meterId(expected.seriesMeter(s)), actual.meterId(actual.seriesMeter(s)));
            for (int row = 0; row < expected.cycleLength(); row += 97)
            {
                assertEquals(expected.watts(s, row), actual.watts(s, row), "series " + s + " row " + row);
                assertEquals(expected.timestampMillis(s, row), actual.timestampMillis(s, row));
            }
        }
        assertTrue(Files.size(gzip) < Files.size(contiguous) * 3 / 4,
            "gzip " + Files.size(gzip) + " B, contiguous " + Files.size(contiguous) + " B");
        try (Stream<Path> files = Files.list(folder).sorted())
        {
            assertEquals(List.of(contiguous, gzip), files.toList());
        }
    }

    private static boolean h5pyAvailable() throws InterruptedException
    {
        final String python = System.getenv().getOrDefault("PYTHON_H5", "/usr/bin/python3");
        try
        {
            final Process probe = new ProcessBuilder(python, "-c", "import h5py").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor() == 0;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
