package io.metersim.core;
import java.util.ArrayList;
import java.util.List;

/**
 * Small data sets built through core's public API with the fixture formulas: timestamp(t) = 1736928000 + 3600 t s,
 * watts(m, k, t) = 1000 m + 100 k + t, so every sum of readings is an exact integer in a double. Shipped in core's
 * test jar for the tests of the modules built on core (the VTN reporter, the Kafka sink).
 */
public final class FormulaFleet
{
    /** The first row's time, epoch seconds. */
    public static final long FIRST_SECOND = 1_736_928_000L;
    /** Loads per meter. */
    public static final int LOADS = 6;

    private FormulaFleet()
    {
    }

    /**
     * @return meters {@code 1..meters}, each with loads 0..5 of {@code rows} hourly rows.
     */
    public static LoadData data(final int meters, final int rows)
    {
        final LoadDataBuilder builder = LoadData.builder("formula-fleet");
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

    /**
     * @return the formula's watts of a meter's load at a row.
     */
    public static double watts(final int meter, final int load, final int row)
    {
        return 1000.0 * meter + 100.0 * load + row;
    }

    /**
     * @return VENs {@code V1..}, each with {@code resourcesPerVen} approved resources {@code R<n>} reading meter n.
     */
    public static Registry registry(final int vens, final int resourcesPerVen)
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

    /**
     * @return a simulator over {@link #data} and {@link #registry}, one meter per resource, default options.
     */
    public static MeterSimulator simulator(final int vens, final int resourcesPerVen, final int rows)
    {
        return MeterSimulator.create(data(vens * resourcesPerVen, rows), registry(vens, resourcesPerVen),
            SimulatorOptions.defaults());
    }

    /**
     * @return the sum of every reading of row {@code t}, independently of the simulator: meters 1..meters, 6 loads.
     */
    public static double expectedTickWatts(final int meters, final int t)
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
