package io.metersim.bench;

import io.metersim.core.LoadData;
import io.metersim.datagen.GeneratorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MakeBenchDataTest
{
    @TempDir
    Path folder;

    @Test
    void shouldWriteTheGeneratedDataSetInTheOriginalLayout() throws IOException
    {
        final Path file = folder.resolve("bench.h5");

        final LoadData read = MakeBenchData.make(new String[] {file.toString(), "3"});

        final LoadData generated = BenchData.generate(3);
        assertEquals(3, read.meterCount());
        assertEquals(18, read.seriesCount());
        assertEquals(GeneratorOptions.defaults().rows(), read.cycleLength());
        for (int s = 0; s < generated.seriesCount(); s++)
        {
            final int meter = read.meterIndex(generated.meterId(generated.seriesMeter(s)));
            final int series = read.seriesOf(meter, generated.seriesLoad(s));
            assertEquals(generated.seriesPath(s), read.seriesPath(series));
            for (final int row : new int[] {0, 1, 4000, read.cycleLength() - 1})
            {
                assertEquals(generated.watts(s, row), read.watts(series, row), "series " + s + " row " + row);
                assertEquals(generated.timestampMillis(s, row), read.timestampMillis(series, row));
            }
        }
        try (Stream<Path> files = Files.list(folder))
        {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void shouldRefuseAMissingFile()
    {
        final BenchException thrown = assertThrows(BenchException.class, () -> MakeBenchData.make(new String[0]));

        assertEquals("usage: MakeBenchData <file.h5> [meters] [arguments=0]", thrown.getMessage());
    }

    @Test
    void shouldRefuseExtraArguments()
    {
        final BenchException thrown = assertThrows(BenchException.class,
            () -> MakeBenchData.make(new String[] {"a.h5", "3", "x"}));

        assertEquals("usage: MakeBenchData <file.h5> [meters] [arguments=3]", thrown.getMessage());
    }

    @Test
    void shouldRefuseMetersThatAreNotAPositiveWholeNumber()
    {
        for (final String meters : new String[] {"0", "-4", "many", "2.5"})
        {
            final BenchException thrown = assertThrows(BenchException.class,
                () -> MakeBenchData.make(new String[] {folder.resolve("x.h5").toString(), meters}));

            assertEquals("meters must be a positive whole number [meters=" + meters + "]", thrown.getMessage());
        }
    }
}
