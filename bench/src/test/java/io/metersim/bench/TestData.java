package io.metersim.bench;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;

/**
 * Small load data whose watts follow the shared fixtures' formula: 1000 * meter + 100 * load + row.
 */
final class TestData
{
    static final long T0_MILLIS = 1_736_928_000_000L;
    static final int ROWS = 4;

    private TestData()
    {
    }

    static LoadData data(final int meters, final int loads)
    {
        final LoadDataBuilder builder = LoadData.builder("bench-test");
        final long[] millis = new long[ROWS];
        for (int t = 0; t < ROWS; t++)
        {
            millis[t] = T0_MILLIS + 3_600_000L * t;
        }
        for (int m = 0; m < meters; m++)
        {
            final int meter = builder.addMeter("70705750005715" + (1000 + m), "", "/meters/meter_" + m);
            for (int k = 0; k < loads; k++)
            {
                final double[] watts = new double[ROWS];
                for (int t = 0; t < ROWS; t++)
                {
                    watts[t] = 1000.0 * m + 100.0 * k + t;
                }
                builder.addSeries(meter, k, "/meters/meter_" + m + "/load_" + k + "/power", millis, watts);
            }
        }
        return builder.build();
    }
}
