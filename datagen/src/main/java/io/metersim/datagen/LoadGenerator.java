package io.metersim.datagen;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.MetersimException;
import io.metersim.core.SplitMix64;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Generates realistic household load data: six end-use components per meter (base, water heater, HVAC, kitchen,
 * lighting, other) with daily, weekly and seasonal shapes, a shared Nordic weather and per-household noise and
 * appliance events. The same options always give the same data, whatever the number of threads: every meter draws
 * from its own random stream.
 */
public final class LoadGenerator
{
    /** Company attribute of every generated meter. */
    public static final String COMPANY = "metersim datagen";

    private static final long IDS_STREAM = -0x1D5L;
    private static final long WEATHER_STREAM = -0x3EA7L;
    private static final IntConsumer NO_PROGRESS = done -> { };

    private LoadGenerator()
    {
    }

    /**
     * @param options what to generate.
     * @return the data, named {@code generated:seed=<seed>}, all series sharing one time axis.
     */
    public static LoadData generate(final GeneratorOptions options)
    {
        return generate(options, NO_PROGRESS);
    }

    /**
     * @param options  what to generate.
     * @param progress told the number of meters finished so far (1 to {@code meters}, increasing, one call at a
     *                 time, possibly from a worker thread).
     * @return the data, named {@code generated:seed=<seed>}, all series sharing one time axis.
     */
    public static LoadData generate(final GeneratorOptions options, final IntConsumer progress)
    {
        if (null == options || null == progress)
        {
            throw new MetersimException("options and progress are required [options=" + options + "]");
        }
        final long seed = options.seed();
        final TimeAxis axis = TimeAxis.build(options.start().toEpochMilli(), options.intervalMillis(), options.rows(),
            stream(seed, WEATHER_STREAM));
        final Tables tables = Tables.get();
        final double[][][] watts = new double[options.meters()][][];
        final Progress done = new Progress(progress);
        IntStream.range(0, options.meters()).parallel().forEach(m ->
        {
            final SplittableRandom random = meterStream(seed, m);
            watts[m] = HouseholdModel.simulate(Household.draw(random), axis, tables, random);
            done.meterDone();
        });
        return assemble(options, axis, watts);
    }

    /**
     * @param seed  the data set's seed.
     * @param meter the meter's index.
     * @return the meter's own random stream, independent of every other meter's.
     */
    static SplittableRandom meterStream(final long seed, final int meter)
    {
        return stream(seed, meter + 1L);
    }

    private static LoadData assemble(final GeneratorOptions options, final TimeAxis axis, final double[][][] watts)
    {
        final String[] ids = Gsrn.drawUnique(stream(options.seed(), IDS_STREAM), options.meters());
        final LoadDataBuilder builder = LoadData.builder("generated:seed=" + options.seed());
        for (int m = 0; m < ids.length; m++)
        {
            final String meterPath = "/meters/meter_" + ids[m];
            final int meter = builder.addMeter(ids[m], COMPANY, meterPath);
            for (int k = 0; k < Loads.COUNT; k++)
            {
                builder.addSeries(meter, k, meterPath + "/load_" + k + "/power", axis.millis, watts[m][k]);
            }
        }
        return builder.build();
    }

    /**
     * Seeds a stream with the salt-th SplitMix64 output for the data set's seed: nearby seeds and salts give
     * unrelated streams.
     */
    private static SplittableRandom stream(final long seed, final long salt)
    {
        return new SplittableRandom(SplitMix64.output(seed, salt));
    }

    /** Serialises progress calls so the listener sees 1, 2, 3, ... one at a time. */
    private static final class Progress
    {
        private final IntConsumer listener;
        private int done;

        Progress(final IntConsumer listener)
        {
            this.listener = listener;
        }

        synchronized void meterDone()
        {
            listener.accept(++done);
        }
    }
}
