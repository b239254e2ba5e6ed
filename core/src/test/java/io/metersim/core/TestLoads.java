package io.metersim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Load data following the shared fixtures' formulas: timestamp(t) = 1736928000 + 3600 t seconds and
 * watts(m, k, t) = 1000 m + 100 k + t, where m is the meter's position and k its load index.
 */
final class TestLoads
{
    static final long T0 = 1_736_928_000L;
    static final long HOUR_MILLIS = 3_600_000L;
    static final List<String> METERS = meterIds(12);

    private TestLoads()
    {
    }

    static long millis(final int t)
    {
        return (T0 + 3600L * t) * 1000L;
    }

    static double watts(final int m, final int k, final int t)
    {
        return 1000.0 * m + 100.0 * k + t;
    }

    /**
     * @return {@code meters} meters of 6 loads, each {@code rows} rows long.
     */
    static LoadData formula(final int meters, final int rows)
    {
        final LoadDataBuilder builder = LoadData.builder("formula");
        for (int m = 0; m < meters; m++)
        {
            final int meter = builder.addMeter(METERS.get(m), "Example Netselskab A/S", path(m));
            for (int k = 0; k < 6; k++)
            {
                builder.addSeries(meter, k, path(m) + "/load_" + k + "/power", rows(m, k, rows));
            }
        }
        return builder.build();
    }

    static double[] rows(final int m, final int k, final int rows)
    {
        final double[] flat = new double[2 * rows];
        for (int t = 0; t < rows; t++)
        {
            flat[2 * t] = T0 + 3600.0 * t;
            flat[2 * t + 1] = watts(m, k, t);
        }
        return flat;
    }

    static String path(final int m)
    {
        return "/meters/meter_" + METERS.get(m);
    }

    private static List<String> meterIds(final int count)
    {
        final List<String> ids = new ArrayList<>(List.of(
            "707057500057158458", "707057500057158465", "707057500057158472", "707057500057158489"));
        for (int i = 0; ids.size() < count; i++)
        {
            ids.add(String.format("7070575000571585%02d", i));
        }
        return List.copyOf(ids);
    }
}
