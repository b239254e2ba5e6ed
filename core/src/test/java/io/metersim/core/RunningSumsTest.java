package io.metersim.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The running sums against the sum of {@code max(0, w)} added up reading by reading, over runs that start and end
 * anywhere in the data and span its wraps; NaN counts 0.
 */
class RunningSumsTest
{
    private static final int ROWS = 7;

    @Test
    void shouldSumEveryRunAsAddingItUpDoes()
    {
        final LoadData data = data();
        final RunningSums sums = new RunningSums(data, 1, 2);
        for (int series = 0; series < data.seriesCount(); series++)
        {
            final int load = data.seriesLoad(series);
            if (load != 1 && load != 2)
            {
                continue;
            }
            for (long from = 0; from < 3 * ROWS; from++)
            {
                for (long to = from; to < from + 3 * ROWS; to++)
                {
                    final double summed = sums.between(series, sums.rowOf(from), sums.rowOf(to + 1),
                        sums.wrapsBetween(from, to + 1));
                    assertEquals(addedUp(data, series, from, to), summed, 1e-9,
                        "series " + series + " steps " + from + ".." + to);
                }
            }
        }
    }

    @Test
    void shouldTellSeriesThatExport()
    {
        final LoadData data = data();
        final RunningSums sums = new RunningSums(data, 1, 2);
        assertTrue(sums.coversNeverNegative(data.firstSeries(0) + 1), "meter 0's water heater");
        assertTrue(sums.covers(data.firstSeries(1) + 2), "meter 1's heating");
        assertFalse(sums.coversNeverNegative(data.firstSeries(1) + 2), "meter 1's heating exports");
        assertFalse(sums.covers(data.firstSeries(0) + 3), "load 3 is not covered");
    }

    private static double addedUp(final LoadData data, final int series, final long from, final long to)
    {
        double sum = 0.0;
        for (long step = from; step <= to; step++)
        {
            final double w = data.watts(series, (int)(step % ROWS));
            sum += w > 0.0 ? w : 0.0;
        }
        return sum;
    }

    /** Meter 0 never negative; meter 1's heating exports in some hours and misses one reading (NaN). */
    private static LoadData data()
    {
        final LoadDataBuilder builder = LoadData.builder("sums");
        for (int m = 0; m < 2; m++)
        {
            final int meter = builder.addMeter(TestLoads.METERS.get(m), "Example Netselskab A/S", TestLoads.path(m));
            for (int k = 0; k < 6; k++)
            {
                final double[] flat = new double[2 * ROWS];
                for (int t = 0; t < ROWS; t++)
                {
                    flat[2 * t] = TestLoads.T0 + 3600.0 * t;
                    flat[2 * t + 1] = m == 1 && k == 2 && t % 3 == 0 ? -120.0 + t
                        : m == 1 && k == 2 && t == 4 ? Double.NaN : 100.0 * k + 17.0 * t + m;
                }
                builder.addSeries(meter, k, TestLoads.path(m) + "/load_" + k + "/power", flat);
            }
        }
        return builder.build();
    }
}
