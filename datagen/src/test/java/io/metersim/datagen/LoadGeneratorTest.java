package io.metersim.datagen;

import io.metersim.core.LoadData;
import io.metersim.core.MetersimException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadGeneratorTest
{
    private static final Instant START = Instant.parse("2025-01-15T08:00:00Z");

    @Test
    void shouldGenerateIdenticalDataForTheSameSeed()
    {
        final GeneratorOptions options = options(12, 2_000, Duration.ofHours(1), 42L);
        assertSameData(LoadGenerator.generate(options), LoadGenerator.generate(options));
    }

    @Test
    void shouldGenerateDifferentDataForDifferentSeeds()
    {
        final LoadData a = LoadGenerator.generate(options(4, 500, Duration.ofHours(1), 42L));
        final LoadData b = LoadGenerator.generate(options(4, 500, Duration.ofHours(1), 43L));
        for (int m = 0; m < a.meterCount(); m++)
        {
            assertFalse(a.meterId(m).equals(b.meterId(m)), "meter " + m);
        }
        long differing = 0;
        for (int m = 0; m < a.meterCount(); m++)
        {
            int differingInMeter = 0;
            for (int row = 0; row < a.cycleLength(); row++)
            {
                differingInMeter += total(a, m, row) == total(b, m, row) ? 0 : 1;
            }
            assertTrue(differingInMeter > 0.8 * a.cycleLength(), "meter " + m + ": " + differingInMeter);
            differing += differingInMeter;
        }
        assertTrue(differing > 0.8 * a.meterCount() * a.cycleLength(), "only " + differing + " readings differ");
    }

    private static double total(final LoadData data, final int meter, final int row)
    {
        double sum = 0.0;
        for (int k = 0; k < Loads.COUNT; k++)
        {
            sum += data.watts(data.seriesOf(meter, k), row);
        }
        return sum;
    }

    @Test
    void shouldNotDependOnTheNumberOfThreads() throws Exception
    {
        final GeneratorOptions options = options(9, 1_000, Duration.ofHours(1), 5L);
        final ForkJoinPool single = new ForkJoinPool(1);
        try
        {
            assertSameData(LoadGenerator.generate(options), single.submit(() -> LoadGenerator.generate(options)).get());
        }
        finally
        {
            single.shutdown();
        }
    }

    @Test
    void shouldGiveEachMeterTheSameDataWhateverTheMeterCount()
    {
        final LoadData few = LoadGenerator.generate(options(3, 800, Duration.ofHours(1), 11L));
        final LoadData many = LoadGenerator.generate(options(10, 800, Duration.ofHours(1), 11L));
        for (int m = 0; m < few.meterCount(); m++)
        {
            assertEquals(few.meterId(m), many.meterId(m));
            for (int k = 0; k < Loads.COUNT; k++)
            {
                final int s = few.seriesOf(m, k);
                final int t = many.seriesOf(m, k);
                for (int row = 0; row < few.cycleLength(); row++)
                {
                    assertEquals(few.watts(s, row), many.watts(t, row), "meter " + m + " load " + k + " row " + row);
                }
            }
        }
    }

    @Test
    void shouldLayOutMetersSeriesAndTimestampsLikeTheExampleFile()
    {
        final LoadData data = LoadGenerator.generate(options(7, 300, Duration.ofMinutes(15), 3L));
        assertEquals("generated:seed=3", data.source());
        assertEquals(7, data.meterCount());
        assertEquals(42, data.seriesCount());
        assertEquals(300, data.cycleLength());
        assertEquals(1, data.axisCount());
        assertEquals(900_000L, data.intervalMillis());
        assertEquals(List.of(), data.warnings());
        final Set<String> ids = new HashSet<>();
        for (int m = 0; m < data.meterCount(); m++)
        {
            final String id = data.meterId(m);
            assertTrue(Gsrn.isValid(id), id);
            assertTrue(id.startsWith("7070575000"), id);
            assertTrue(ids.add(id), id);
            assertEquals("/meters/meter_" + id, data.meterPath(m));
            assertEquals(LoadGenerator.COMPANY, data.company(m));
            assertEquals(6, data.loadCount(m));
            for (int k = 0; k < Loads.COUNT; k++)
            {
                final int s = data.seriesOf(m, k);
                assertEquals("/meters/meter_" + id + "/load_" + k + "/power", data.seriesPath(s));
                assertEquals(300, data.seriesLength(s));
                for (int row = 0; row < data.cycleLength(); row++)
                {
                    assertEquals(START.toEpochMilli() + row * 900_000L, data.timestampMillis(s, row));
                    final double w = data.watts(s, row);
                    assertTrue(Double.isFinite(w) && w >= 0.0, "meter " + m + " load " + k + " row " + row + ": " + w);
                }
            }
        }
    }

    @Test
    void shouldGenerateASingleRowAndLongIntervals()
    {
        final LoadData one = LoadGenerator.generate(options(1, 1, Duration.ofHours(1), 1L));
        assertEquals(1, one.cycleLength());
        assertEquals(START.toEpochMilli(), one.timestampMillis(0, 0));
        final LoadData daily = LoadGenerator.generate(options(2, 400, Duration.ofDays(1), 1L));
        for (int s = 0; s < daily.seriesCount(); s++)
        {
            for (int row = 0; row < daily.cycleLength(); row++)
            {
                assertEquals(START.toEpochMilli() + row * 86_400_000L, daily.timestampMillis(s, row));
                assertTrue(Double.isFinite(daily.watts(s, row)) && daily.watts(s, row) >= 0.0);
            }
        }
    }

    @Test
    void shouldReportProgressOncePerMeterInOrder()
    {
        final List<Integer> calls = new ArrayList<>();
        LoadGenerator.generate(options(6, 100, Duration.ofHours(1), 9L), calls::add);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), calls);
    }

    @Test
    void shouldRefuseMissingOptions()
    {
        final MetersimException e = assertThrows(MetersimException.class, () -> LoadGenerator.generate(null));
        assertEquals("options and progress are required [options=null]", e.getMessage());
    }

    static GeneratorOptions options(final int meters, final int rows, final Duration interval, final long seed)
    {
        return new GeneratorOptions(meters, rows, START, interval, seed);
    }

    private static void assertSameData(final LoadData a, final LoadData b)
    {
        assertEquals(a.meterCount(), b.meterCount());
        assertEquals(a.seriesCount(), b.seriesCount());
        for (int m = 0; m < a.meterCount(); m++)
        {
            assertEquals(a.meterId(m), b.meterId(m));
        }
        for (int s = 0; s < a.seriesCount(); s++)
        {
            for (int row = 0; row < a.cycleLength(); row++)
            {
                assertEquals(a.timestampMillis(s, row), b.timestampMillis(s, row));
                assertEquals(Double.doubleToLongBits(a.watts(s, row)), Double.doubleToLongBits(b.watts(s, row)),
                    "series " + s + " row " + row);
            }
        }
    }
}
