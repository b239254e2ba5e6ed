package io.metersim.h5;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;

/**
 * Builds load data in memory with values that do not print exactly in decimal, to test what files preserve.
 */
final class Generated
{
    private Generated()
    {
    }

    static LoadData data(final int meters, final int loads, final int rows)
    {
        final LoadDataBuilder builder = LoadData.builder("generated");
        final long[] millis = new long[rows];
        for (int t = 0; t < rows; t++)
        {
            millis[t] = Fixtures.timestampMillis(t);
        }
        for (int m = 0; m < meters; m++)
        {
            final String id = Long.toString(707057500000000000L + 7L * m);
            final int meter = builder.addMeter(id, 0 == m % 2 ? "Company " + m : null, "/meters/meter_" + id);
            for (int k = 0; k < loads; k++)
            {
                final String path = "/meters/meter_" + id + "/load_" + k + "/power";
                builder.addSeries(meter, k, path, millis, column(m, k, rows));
            }
        }
        return builder.build();
    }

    static double watts(final int meter, final int load, final int row)
    {
        return (meter * 7919 + load * 104729 + row) * 0.1 + 1.0 / 3.0;
    }

    private static double[] column(final int meter, final int load, final int rows)
    {
        final double[] watts = new double[rows];
        for (int t = 0; t < rows; t++)
        {
            watts[t] = watts(meter, load, t);
        }
        return watts;
    }
}
