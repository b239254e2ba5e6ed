package io.metersim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Flat load data for response tests: every meter reads {@link #OTHER_W} on loads 0, 3, 4 and 5, {@link #HEATER_W}
 * on load 1 (water heater) and {@link #HEATING_W} on load 2 (heating), hourly from {@link TestLoads#T0}; and a
 * registry of named VENs with resources {@code R1..Rn} named {@code name-1..name-n}, all approved.
 */
final class ResponseFixture
{
    static final double OTHER_W = 100.0;
    static final double HEATER_W = 2000.0;
    static final double HEATING_W = 1500.0;
    static final long HOUR = TestLoads.HOUR_MILLIS;

    private ResponseFixture()
    {
    }

    static LoadData flat(final int meters, final int rows)
    {
        final LoadDataBuilder builder = LoadData.builder("flat");
        for (int m = 0; m < meters; m++)
        {
            final int meter = builder.addMeter(TestLoads.METERS.get(m), "Example Netselskab A/S", TestLoads.path(m));
            for (int k = 0; k < 6; k++)
            {
                final double watts = k == 1 ? HEATER_W : k == 2 ? HEATING_W : OTHER_W;
                final double[] flat = new double[2 * rows];
                for (int t = 0; t < rows; t++)
                {
                    flat[2 * t] = TestLoads.T0 + 3600.0 * t;
                    flat[2 * t + 1] = watts;
                }
                builder.addSeries(meter, k, TestLoads.path(m) + "/load_" + k + "/power", flat);
            }
        }
        return builder.build();
    }

    static Registry registry(final int resourcesPerVen, final String... vens)
    {
        final List<ResourceSpec> specs = new ArrayList<>();
        for (final String ven : vens)
        {
            for (int r = 1; r <= resourcesPerVen; r++)
            {
                specs.add(new ResourceSpec(ven, "R" + r, "name-" + r, ResourceStatus.APPROVED, "", ""));
            }
        }
        return Registry.of(specs);
    }

    static MeterSimulator simulator(final int rows, final int resourcesPerVen, final String... vens)
    {
        return MeterSimulator.create(flat(4, rows), registry(resourcesPerVen, vens),
            new SimulatorOptions(7L, TimeMode.CONTINUOUS));
    }

    /** Every resource responds. */
    static ResponseModel everyone()
    {
        return ResponseModel.defaults().with("participation", "1");
    }

    /** The data's hour t, epoch milliseconds. */
    static long hour(final long t)
    {
        return TestLoads.millis(0) + t * HOUR;
    }

    /** An event from data hour 0 on that never ends, at SIMPLE {@code level}. */
    static EventTimeline.Builder openEnded(final EventTimeline.Builder builder, final String id, final int priority,
        final double level)
    {
        return builder.event(id, "", "program-1", priority, hour(0), EventTimeline.OPEN_ENDED, 0)
            .interval(0, EventTimeline.OPEN_ENDED).payload(EventTimeline.SIMPLE, level);
    }

    /** A one-interval event of {@code hours} hours from data hour {@code from}. */
    static EventTimeline.Builder event(final EventTimeline.Builder builder, final String id, final int priority,
        final long from, final long hours, final String type, final double value)
    {
        return builder.event(id, "", "program-1", priority, hour(from), hours * HOUR, 0)
            .interval(0, hours * HOUR).payload(type, value);
    }

    /**
     * Runs {@code ticks} ticks and records, per tick, the power of each load of the first resource of the first VEN
     * ({@code [tick][load]}), as sinks see it.
     */
    static double[][] run(final MeterSimulator sim, final DemandResponse response, final int ticks, final int threads)
    {
        final double[][] seen = new double[ticks][6];
        final long[] tick = new long[1];
        final CollectionSink probe = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "probe";
            }

            @Override
            public void onCollection(final int worker, final CollectionBuffer collected, final long nanos)
            {
                if (collected.venHandle() == 0)
                {
                    for (int i = 0; i < collected.readingCount(0); i++)
                    {
                        final int reading = collected.readingOffset(0) + i;
                        seen[(int)tick[0]][collected.loadIndex(reading)] = collected.powerW(reading);
                    }
                }
            }

            @Override
            public void onTickEnd(final TickTotals totals)
            {
                tick[0]++;
            }
        };
        TickLoop.builder(sim).ticks(ticks).threads(threads).response(response).sink(probe).build().run();
        return seen;
    }
}
