package io.metersim.plot;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadSeriesTest
{
    private static final long T0 = 1_736_928_000L;

    /** Meter m, load k, row i: (m + 1) * 1000 + k * 100 + i watts; meter 1 has loads 0 and 2 only. */
    private static LoadData data()
    {
        final LoadDataBuilder builder = LoadData.builder("test.h5");
        for (int m = 0; m < 2; m++)
        {
            final int meter = builder.addMeter("m" + m, "c", "/meters/meter_" + m);
            for (int k = 0; k < 3; k++)
            {
                if (m == 1 && k == 1)
                {
                    continue;
                }
                final double[] rows = new double[2 * 4];
                for (int i = 0; i < 4; i++)
                {
                    rows[2 * i] = T0 + i * 3600;
                    rows[2 * i + 1] = (m + 1) * 1000 + k * 100 + i;
                }
                builder.addSeries(meter, k, "/meters/meter_" + m + "/load_" + k + "/power", rows);
            }
        }
        return builder.build();
    }

    @Test
    void totalsSumEveryLoadAndCountARepeatedMeterTwice()
    {
        final LoadSeries series = LoadSeries.totals(data(), new String[] {"m0", "both", "m1 twice"},
            new int[][] {{0}, {0, 1}, {1, 1}}, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(3, series.lineCount());
        assertEquals(4, series.rowCount());
        assertEquals(3_600_000L, series.intervalMillis());
        assertEquals(T0 * 1000 + 2 * 3_600_000L, series.millis(2));
        // m0: 1000 + 1100 + 1200 + 3i W; m1: 2000 + 2200 + 2i W
        assertEquals((3300 + 3 * 2) / 1000.0, series.kw(0, 2), 1e-12);
        assertEquals((3300 + 4200 + 5 * 2) / 1000.0, series.kw(1, 2), 1e-12);
        assertEquals(2 * (4200 + 2 * 3) / 1000.0, series.kw(2, 3), 1e-12);
        assertEquals("both", series.name(1));
    }

    @Test
    void theWindowKeepsRowsFromIncludedToExcluded()
    {
        final LoadSeries series = LoadSeries.totals(data(), new String[] {"m0"}, new int[][] {{0}},
            (T0 + 3600) * 1000, (T0 + 3 * 3600) * 1000);
        assertEquals(2, series.rowCount());
        assertEquals((T0 + 3600) * 1000, series.millis(0));
        assertEquals((T0 + 2 * 3600) * 1000, series.millis(1));
    }

    @Test
    void componentsAreOneLinePerLoadOverTheMeters()
    {
        final LoadSeries series = LoadSeries.components(data(), new int[] {0, 1}, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(3, series.lineCount());
        assertEquals("load_0", series.name(0));
        assertEquals("load_2", series.name(2));
        assertEquals((1000 + 2000 + 2 * 1) / 1000.0, series.kw(0, 1), 1e-12);
        assertEquals((1100 + 1) / 1000.0, series.kw(1, 1), 1e-12);
        assertEquals((1200 + 2200 + 2 * 3) / 1000.0, series.kw(2, 3), 1e-12);
    }

    @Test
    void ofRefusesShapesThatDoNotMatch()
    {
        final PlotException lines = assertThrows(PlotException.class,
            () -> LoadSeries.of(new long[] {1, 2}, new String[] {"a"}, new double[][] {{1.0}}, 1));
        assertEquals("a line has a value count other than the row count [line=a values=1 rows=2]",
            lines.getMessage());
        assertEquals("the times go backwards [row=1 ms=1 previous_ms=2]", assertThrows(PlotException.class,
            () -> LoadSeries.of(new long[] {2, 1}, new String[] {"a"}, new double[][] {{1, 1}}, 1)).getMessage());
        assertTrue(assertThrows(PlotException.class,
            () -> LoadSeries.of(new long[] {1}, new String[] {"a"}, new double[][] {{1}}, 0)).getMessage()
            .startsWith("the interval must be positive"));
    }

    @Test
    void ofCopiesItsInput()
    {
        final long[] millis = {1, 2};
        final double[] kw = {3, 4};
        final LoadSeries series = LoadSeries.of(millis, new String[] {"a"}, new double[][] {kw}, 1);
        millis[0] = 9;
        kw[0] = 9;
        assertEquals(1, series.millis(0));
        assertEquals(3.0, series.kw(0, 0));
    }
}
