package io.metersim.influx;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
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
 * Load data by the shared fixtures' formula, watts(m, k, t) = 1000 m + 100 k + t at 1736928000 + 3600 t seconds, and
 * a sink that sums what was collected, independently of the line protocol.
 */
final class Fixture
{
    static final long T0_MILLIS = 1_736_928_000_000L;

    private Fixture()
    {
    }

    static LoadData formula(final int meters, final int rows)
    {
        final LoadDataBuilder builder = LoadData.builder("formula");
        for (int m = 0; m < meters; m++)
        {
            final String path = "/meters/meter_" + meterId(m);
            final int meter = builder.addMeter(meterId(m), "Example Netselskab A/S", path);
            for (int k = 0; k < 6; k++)
            {
                final double[] flat = new double[2 * rows];
                for (int t = 0; t < rows; t++)
                {
                    flat[2 * t] = T0_MILLIS / 1000.0 + 3600.0 * t;
                    flat[2 * t + 1] = 1000.0 * m + 100.0 * k + t;
                }
                builder.addSeries(meter, k, path + "/load_" + k + "/power", flat);
            }
        }
        return builder.build();
    }

    static String meterId(final int m)
    {
        return String.format("70705750005715%04d", m);
    }

    /**
     * @return {@code vens} VENs of {@code resources} approved resources each, reading the meters in turn.
     */
    static MeterSimulator simulator(final int vens, final int resources, final int meters, final int rows)
    {
        return simulator(registry(vens, resources, meters), meters, rows);
    }

    static MeterSimulator simulator(final Registry registry, final int meters, final int rows)
    {
        return simulator(registry, formula(meters, rows));
    }

    static MeterSimulator simulator(final Registry registry, final LoadData data)
    {
        return MeterSimulator.create(data, registry,
            new SimulatorOptions(SimulatorOptions.DEFAULT_SEED, TimeMode.CONTINUOUS));
    }

    /**
     * @return {@code vens} VENs of {@code resources} approved resources each, reading {@code meters} meters in turn.
     */
    static Registry registry(final int vens, final int resources, final int meters)
    {
        final List<ResourceSpec> specs = new ArrayList<>();
        int next = 0;
        for (int v = 0; v < vens; v++)
        {
            for (int r = 0; r < resources; r++)
            {
                specs.add(new ResourceSpec("VEN-" + v, "R-" + r, "resource " + r, ResourceStatus.APPROVED,
                    meterId(next++ % meters), ""));
            }
        }
        return Registry.of(specs);
    }

    /**
     * Sums, per worker without locks, what every collection holds: resources with readings, VENs with readings,
     * total watts, watts of load 3, resources and missing slots.
     */
    static final class Totals implements CollectionSink
    {
        private final long[][] counts = new long[64][4];
        private final double[][] sums = new double[64][2];

        @Override
        public String name()
        {
            return "totals";
        }

        @Override
        public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        {
            for (int r = 0; r < collected.resourceCount(); r++)
            {
                if (collected.readingCount(r) > 0)
                {
                    counts[worker][0]++;
                }
            }
            if (collected.readingTotal() > 0)
            {
                counts[worker][1]++;
                counts[worker][2] += collected.resourceCount();
                counts[worker][3] += collected.missingCount();
            }
            sums[worker][0] += collected.totalWatts();
            sums[worker][1] += collected.loadTotalWatts(3);
        }

        long meterLines()
        {
            return count(0);
        }

        long venLines()
        {
            return count(1);
        }

        long resources()
        {
            return count(2);
        }

        long missing()
        {
            return count(3);
        }

        double watts()
        {
            return sum(0);
        }

        double load3Watts()
        {
            return sum(1);
        }

        private long count(final int column)
        {
            long total = 0;
            for (final long[] worker : counts)
            {
                total += worker[column];
            }
            return total;
        }

        private double sum(final int column)
        {
            double total = 0;
            for (final double[] worker : sums)
            {
                total += worker[column];
            }
            return total;
        }
    }
}
