package io.metersim.bench;

import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.datagen.GeneratorOptions;
import io.metersim.datagen.LoadGenerator;

/**
 * The data and simulators every benchmark starts from: datagen's default data set and synthetic registries.
 */
final class BenchData
{
    private BenchData()
    {
    }

    /**
     * @return datagen's default data set (153 meters x 6 loads x 8741 hourly rows).
     */
    static LoadData defaultData()
    {
        return LoadGenerator.generate(GeneratorOptions.defaults());
    }

    /**
     * @param meters how many meters to generate; the rows, start, interval and seed are datagen's defaults.
     * @return the generated data.
     */
    static LoadData generate(final int meters)
    {
        final GeneratorOptions defaults = GeneratorOptions.defaults();
        return LoadGenerator.generate(new GeneratorOptions(
            meters, defaults.rows(), defaults.start(), defaults.interval(), defaults.seed()));
    }

    /**
     * @param data            the load data to replay.
     * @param vens            how many VENs.
     * @param resourcesPerVen how many approved resources each VEN has.
     * @return a simulator over a synthetic registry, meters assigned with the default seed.
     */
    static MeterSimulator simulator(final LoadData data, final int vens, final int resourcesPerVen)
    {
        return MeterSimulator.create(data, Registry.synthetic(vens, resourcesPerVen), SimulatorOptions.defaults());
    }

    /**
     * @param simulator a simulator.
     * @return the handle of every VEN, in registry order.
     */
    static int[] venHandles(final MeterSimulator simulator)
    {
        return simulator.venNames().stream().mapToInt(simulator::venHandle).toArray();
    }
}
