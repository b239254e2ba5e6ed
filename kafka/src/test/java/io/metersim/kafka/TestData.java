package io.metersim.kafka;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.SimulatorOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Small data sets built through core's public API with the fixture formulas: timestamp(t) = 1736928000 + 3600 t s,
 * watts(m, k, t) = 1000 m + 100 k + t, so every sum of readings is an exact integer in a double.
 */
final class TestData
{
    static final long FIRST_SECOND = 1_736_928_000L;
    static final int LOADS = 6;

    private TestData()
    {
    }

    static LoadData data(final int meters, final int rows)
    {
        final LoadDataBuilder builder = LoadData.builder("kafka-test-data");
        final long[] millis = new long[rows];
        for (int t = 0; t < rows; t++)
        {
            millis[t] = (FIRST_SECOND + 3600L * t) * 1000L;
        }
        for (int m = 1; m <= meters; m++)
        {
            final int meter = builder.addMeter(Integer.toString(m), null, "/meters/meter_" + m);
            for (int k = 0; k < LOADS; k++)
            {
                final double[] watts = new double[rows];
                for (int t = 0; t < rows; t++)
                {
                    watts[t] = watts(m, k, t);
                }
                builder.addSeries(meter, k, "/meters/meter_" + m + "/load_" + k + "/power", millis, watts);
            }
        }
        return builder.build();
    }

    static double watts(final int meter, final int load, final int row)
    {
        return 1000.0 * meter + 100.0 * load + row;
    }

    /**
     * @return VENs {@code V1..}, each with {@code resourcesPerVen} approved resources {@code R<n>} reading meter n.
     */
    static Registry registry(final int vens, final int resourcesPerVen)
    {
        final List<ResourceSpec> resources = new ArrayList<>();
        int n = 1;
        for (int v = 1; v <= vens; v++)
        {
            for (int r = 0; r < resourcesPerVen; r++, n++)
            {
                resources.add(new ResourceSpec("V" + v, "R" + n, "Resource " + n, ResourceStatus.APPROVED,
                    Integer.toString(n), ""));
            }
        }
        return Registry.of(resources);
    }

    static MeterSimulator simulator(final int vens, final int resourcesPerVen, final int rows)
    {
        return MeterSimulator.create(data(vens * resourcesPerVen, rows), registry(vens, resourcesPerVen),
            SimulatorOptions.defaults());
    }

    /**
     * @return the sum of every reading of row {@code t}, independently of the simulator: meters 1..meters, 6 loads.
     */
    static double expectedTickWatts(final int meters, final int t)
    {
        double sum = 0;
        for (int m = 1; m <= meters; m++)
        {
            for (int k = 0; k < LOADS; k++)
            {
                sum += watts(m, k, t);
            }
        }
        return sum;
    }
}
