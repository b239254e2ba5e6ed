package io.metersim.dashboard;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TimeMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Load data by the shared fixtures' formula, watts(m, k, t) = 1000 m + 100 k + t at 1736928000 + 3600 t seconds,
 * with a hole: meter 1's load 2 has no reading (NaN) at odd rows. VEN v's resource r reads meter (v R + r) mod M.
 * The expected values below come from the formula, not from the code under test.
 */
final class Fixture
{
    static final long T0_MILLIS = 1_736_928_000_000L;
    static final int LOADS = 6;

    final int vens;
    final int resources;
    final int meters;
    final int rows;

    Fixture(final int vens, final int resources, final int meters, final int rows)
    {
        this.vens = vens;
        this.resources = resources;
        this.meters = meters;
        this.rows = rows;
    }

    static double watts(final int m, final int k, final int t)
    {
        return missing(m, k, t) ? Double.NaN : 1000.0 * m + 100.0 * k + t;
    }

    static boolean missing(final int m, final int k, final int t)
    {
        return 1 == m && 2 == k && 1 == t % 2;
    }

    static String meterId(final int m)
    {
        return String.format("70705750005715%04d", m);
    }

    static String venName(final int v)
    {
        return "VEN-" + v;
    }

    int meterOf(final int v, final int r)
    {
        return (v * resources + r) % meters;
    }

    /**
     * @return VEN v's power of load k at row t in watts, from the formula (missing readings left out).
     */
    double venLoadWatts(final int v, final int k, final int t)
    {
        double sum = 0;
        for (int r = 0; r < resources; r++)
        {
            final double w = watts(meterOf(v, r), k, t);
            sum += w == w ? w : 0.0;
        }
        return sum;
    }

    double venWatts(final int v, final int t)
    {
        double sum = 0;
        for (int k = 0; k < LOADS; k++)
        {
            sum += venLoadWatts(v, k, t);
        }
        return sum;
    }

    double fleetLoadWatts(final int k, final int t)
    {
        double sum = 0;
        for (int v = 0; v < vens; v++)
        {
            sum += venLoadWatts(v, k, t);
        }
        return sum;
    }

    long fleetMissing(final int t)
    {
        long missing = 0;
        for (int v = 0; v < vens; v++)
        {
            for (int r = 0; r < resources; r++)
            {
                for (int k = 0; k < LOADS; k++)
                {
                    missing += missing(meterOf(v, r), k, t) ? 1 : 0;
                }
            }
        }
        return missing;
    }

    LoadData data()
    {
        final LoadDataBuilder builder = LoadData.builder("formula");
        for (int m = 0; m < meters; m++)
        {
            final String path = "/meters/meter_" + meterId(m);
            final int meter = builder.addMeter(meterId(m), "Example Netselskab A/S", path);
            for (int k = 0; k < LOADS; k++)
            {
                final double[] flat = new double[2 * rows];
                for (int t = 0; t < rows; t++)
                {
                    flat[2 * t] = T0_MILLIS / 1000.0 + 3600.0 * t;
                    flat[2 * t + 1] = watts(m, k, t);
                }
                builder.addSeries(meter, k, path + "/load_" + k + "/power", flat);
            }
        }
        return builder.build();
    }

    Registry registry()
    {
        final List<ResourceSpec> specs = new ArrayList<>();
        for (int v = 0; v < vens; v++)
        {
            for (int r = 0; r < resources; r++)
            {
                specs.add(new ResourceSpec(venName(v), "R-" + r, "resource " + r, ResourceStatus.APPROVED,
                    meterId(meterOf(v, r)), ""));
            }
        }
        return Registry.of(specs);
    }

    MeterSimulator simulator()
    {
        return MeterSimulator.create(data(), registry(), new SimulatorOptions(SimulatorOptions.DEFAULT_SEED,
            TimeMode.RAW));
    }
}
