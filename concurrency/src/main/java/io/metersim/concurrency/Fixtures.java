package io.metersim.concurrency;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.SimulatorOptions;

import java.util.List;

/**
 * Small simulators for the stress tests, built with core's public API. Watts follow the shared fixtures' formula
 * 1000 m + 100 k + t (meter position m from 1, load index k, row t), so a collection's total names the set it read.
 */
final class Fixtures
{
    static final long T0 = 1_736_928_000L;
    static final String VEN = "V";

    /** Meters M1, M2, M3 with 1, 2 and 3 loads, 2 rows each. */
    static final LoadData STATUS_DATA = data(2, 1, 2, 3);

    /** R1 on M1 and R2 on M2 approved, R3 on M3 pending: 3 readings of 1000 + 2000 + 2100 W at row 0. */
    static final Registry STATUS_REGISTRY = Registry.of(List.of(
        new ResourceSpec(VEN, "R1", "one", ResourceStatus.APPROVED, "M1", ""),
        new ResourceSpec(VEN, "R2", "two", ResourceStatus.APPROVED, "M2", ""),
        new ResourceSpec(VEN, "R3", "three", ResourceStatus.PENDING, "M3", "")));

    private Fixtures()
    {
    }

    /**
     * @param rows       the rows of every series (the cycle length).
     * @param loadCounts the load count of each meter, M1, M2, ...
     * @return the data.
     */
    static LoadData data(final int rows, final int... loadCounts)
    {
        final LoadDataBuilder builder = LoadData.builder("concurrency");
        for (int m = 1; m <= loadCounts.length; m++)
        {
            final String path = "/meters/meter_M" + m;
            final int meter = builder.addMeter("M" + m, "Example Netselskab A/S", path);
            for (int k = 0; k < loadCounts[m - 1]; k++)
            {
                final double[] flat = new double[2 * rows];
                for (int t = 0; t < rows; t++)
                {
                    flat[2 * t] = T0 + 3600.0 * t;
                    flat[2 * t + 1] = 1000.0 * m + 100.0 * k + t;
                }
                builder.addSeries(meter, k, path + "/load_" + k + "/power", flat);
            }
        }
        return builder.build();
    }

    /**
     * @param data       one meter's data; its row count is the cycle length.
     * @param startIndex how many rows to advance before the test.
     * @return a simulator of one VEN with one resource, its cursor at {@code startIndex} of cycle 0.
     */
    static MeterSimulator cursorSimulator(final LoadData data, final int startIndex)
    {
        final MeterSimulator simulator = MeterSimulator.create(data, Registry.synthetic(1, 1), SimulatorOptions.defaults());
        for (int i = 0; i < startIndex; i++)
        {
            simulator.increaseTime();
        }
        return simulator;
    }

    /**
     * @return a fresh simulator over {@link #STATUS_DATA} and {@link #STATUS_REGISTRY}.
     */
    static MeterSimulator statusSimulator()
    {
        return MeterSimulator.create(STATUS_DATA, STATUS_REGISTRY, SimulatorOptions.defaults());
    }

    /**
     * @param buffer a filled buffer.
     * @return its resources with their meters, reading count and total watts, e.g. {@code R1@M1 R2@M2 readings=3
     * watts=5100}.
     */
    static String describe(final CollectionBuffer buffer)
    {
        final StringBuilder text = new StringBuilder(64);
        for (int r = 0; r < buffer.resourceCount(); r++)
        {
            text.append(buffer.resourceId(r)).append('@').append(buffer.meterPointId(r)).append(' ');
        }
        return text.append("readings=").append(buffer.readingTotal())
            .append(" watts=").append(Math.round(buffer.totalWatts())).toString();
    }
}
