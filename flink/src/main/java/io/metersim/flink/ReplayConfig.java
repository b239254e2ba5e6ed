package io.metersim.flink;

import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TimeMode;
import io.metersim.h5.H5LoadData;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What a replay reads and how it runs, shipped with the job to the enumerator and every reader. The files are named
 * by path: every task manager must see them at that path.
 *
 * @param dataFile        the HDF5 load data.
 * @param resourcesFile   the resources CSV, null when the registry is synthetic.
 * @param syntheticVens   synthetic VENs instead of the resources file, 0 for none.
 * @param resourcesPerVen resources per synthetic VEN.
 * @param assignmentSeed  the meter assignment's seed.
 * @param timeMode        which timestamps readings carry after a wrap.
 * @param vens            the VENs to replay, in this order; empty for every VEN in registry order.
 * @param venCount        how many VENs are replayed (resolved when the source is built).
 * @param ticks           ticks to replay, 0 for unbounded.
 * @param intervalNanos   wall-clock time per tick, 0 for as fast as possible.
 * @param splits          VEN ranges to cut, 0 for 4 per reader.
 */
record ReplayConfig(
    String dataFile,
    String resourcesFile,
    int syntheticVens,
    int resourcesPerVen,
    long assignmentSeed,
    TimeMode timeMode,
    List<String> vens,
    int venCount,
    long ticks,
    long intervalNanos,
    int splits) implements Serializable
{
    /** Splits per reader when none are asked for: enough to rebalance when the job is rescaled. */
    static final int SPLITS_PER_READER = 4;

    ReplayConfig
    {
        vens = List.copyOf(vens);
    }

    /**
     * @return whether the replay ends after {@link #ticks()}.
     */
    boolean bounded()
    {
        return ticks > 0;
    }

    /**
     * @return the registry this replay reads: the resources file, or the synthetic one.
     */
    Registry loadRegistry()
    {
        return null == resourcesFile ? Registry.synthetic(syntheticVens, resourcesPerVen)
            : Registry.readCsv(Path.of(resourcesFile));
    }

    /**
     * Loads the data and the registry: the work {@link SharedSimulators} does once per JVM.
     *
     * @return a simulator over them.
     */
    MeterSimulator loadSimulator()
    {
        return MeterSimulator.create(H5LoadData.read(Path.of(dataFile)), loadRegistry(),
            new SimulatorOptions(assignmentSeed, timeMode));
    }

    /**
     * @return what makes two replays read the same simulator: readers of both share one.
     */
    String simulatorKey()
    {
        return dataFile + "\u0000" + (null == resourcesFile ? "synthetic:" + syntheticVens + "x" + resourcesPerVen
            : resourcesFile) + "\u0000" + assignmentSeed + "\u0000" + timeMode;
    }

    /**
     * @param parallelism the source's readers.
     * @return how many VEN ranges to cut: as asked, else 4 per reader, never more than there are VENs.
     */
    int splitCount(final int parallelism)
    {
        final long wanted = splits > 0 ? splits : (long)SPLITS_PER_READER * Math.max(1, parallelism);
        return (int)Math.max(1, Math.min(wanted, venCount));
    }
}
