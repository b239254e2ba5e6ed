package io.metersim.flink;

import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TimeMode;
import io.metersim.core.UnknownVenException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * metersim's replay as a Flink source (FLIP-27). A split is a range of the replayed VENs with its tick position;
 * there are 4 per reader unless asked otherwise, so a rescaled job spreads them again. Each reader loads the data
 * once per task manager JVM and shares it with every other reader of the same replay there, and collects its VENs
 * tick by tick, each tick at one position: tick {@code t} reads row {@code t mod rows} in cycle
 * {@code t / rows}, exactly the readings {@code metersim run} produces at its tick {@code t} for the same registry,
 * seed and time mode. One {@link ReplayRecord} per approved resource per tick; its event time is the reading's
 * timestamp, and each range emits a watermark when it finishes a tick. Checkpoints hold each range's position (tick
 * and VEN), so a restored job goes on from there: its output equals an uninterrupted run's.
 * <pre>{@code
 * ReplaySource source = ReplaySource.builder().data(Path.of("load_data.h5")).resources(Path.of("resources.csv"))
 *     .ticks(24).build();
 * env.fromSource(source, ReplaySource.watermarks(), "metersim").uid("metersim-source");
 * }</pre>
 */
public final class ReplaySource implements Source<ReplayRecord, VenRangeSplit, List<VenRangeSplit>>,
    ResultTypeQueryable<ReplayRecord>
{
    private static final long serialVersionUID = 1L;

    private final ReplayConfig config;

    private ReplaySource(final ReplayConfig config)
    {
        this.config = config;
    }

    /**
     * @return a builder: no files yet, seed 42, continuous time, every VEN, 24 ticks, as fast as possible.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return the strategy to pass to {@code fromSource}: the records' own timestamps and the source's per-tick
     *         watermarks, nothing generated on top.
     */
    public static WatermarkStrategy<ReplayRecord> watermarks()
    {
        return WatermarkStrategy.noWatermarks();
    }

    /**
     * @return how many VENs the source replays.
     */
    public int venCount()
    {
        return config.venCount();
    }

    /**
     * @return ticks replayed, 0 when unbounded.
     */
    public long ticks()
    {
        return config.ticks();
    }

    ReplayConfig config()
    {
        return config;
    }

    @Override
    public Boundedness getBoundedness()
    {
        return config.bounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<VenRangeSplit, List<VenRangeSplit>> createEnumerator(
        final SplitEnumeratorContext<VenRangeSplit> context)
    {
        final int count = config.splitCount(context.currentParallelism());
        return new VenRangeEnumerator(context, VenRangeEnumerator.cut(config.venCount(), count));
    }

    @Override
    public SplitEnumerator<VenRangeSplit, List<VenRangeSplit>> restoreEnumerator(
        final SplitEnumeratorContext<VenRangeSplit> context, final List<VenRangeSplit> pending)
    {
        return new VenRangeEnumerator(context, pending);
    }

    @Override
    public SimpleVersionedSerializer<VenRangeSplit> getSplitSerializer()
    {
        return VenRangeSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<List<VenRangeSplit>> getEnumeratorCheckpointSerializer()
    {
        return new PendingSplitsSerializer();
    }

    @Override
    public SourceReader<ReplayRecord, VenRangeSplit> createReader(final SourceReaderContext context)
    {
        return new VenRangeReader(config);
    }

    @Override
    public TypeInformation<ReplayRecord> getProducedType()
    {
        return ReplayRecordTypeInfo.INSTANCE;
    }

    /**
     * What to replay and how. The data and resources files are named by path and read by every task manager.
     */
    public static final class Builder
    {
        private Path data;
        private Path resources;
        private int syntheticVens;
        private int resourcesPerVen = 120;
        private long seed = SimulatorOptions.DEFAULT_SEED;
        private TimeMode timeMode = TimeMode.CONTINUOUS;
        private List<String> vens = List.of();
        private long ticks = 24;
        private Duration interval = Duration.ZERO;
        private int splits;

        private Builder()
        {
        }

        /**
         * @param file the HDF5 load data.
         * @return this builder.
         */
        public Builder data(final Path file)
        {
            this.data = file;
            return this;
        }

        /**
         * @param file the resources CSV.
         * @return this builder.
         */
        public Builder resources(final Path file)
        {
            this.resources = file;
            return this;
        }

        /**
         * @param vens            synthetic VENs instead of a resources file, every resource approved.
         * @param resourcesPerVen resources per VEN.
         * @return this builder.
         */
        public Builder synthetic(final int vens, final int resourcesPerVen)
        {
            this.syntheticVens = vens;
            this.resourcesPerVen = resourcesPerVen;
            return this;
        }

        /**
         * @param assignmentSeed the meter assignment's seed ({@code --assignment-seed}).
         * @return this builder.
         */
        public Builder seed(final long assignmentSeed)
        {
            this.seed = assignmentSeed;
            return this;
        }

        /**
         * @param mode which timestamps readings carry after a wrap; continuous (the default) keeps event time going
         *             forward, raw repeats the data's timestamps (records after a wrap are then late).
         * @return this builder.
         */
        public Builder timeMode(final TimeMode mode)
        {
            this.timeMode = mode;
            return this;
        }

        /**
         * @param names the VENs to replay, in this order; empty for every VEN in registry order.
         * @return this builder.
         */
        public Builder vens(final List<String> names)
        {
            this.vens = null == names ? List.of() : List.copyOf(names);
            return this;
        }

        /**
         * @param count ticks to replay; 0 for an unbounded source.
         * @return this builder.
         */
        public Builder ticks(final long count)
        {
            this.ticks = count;
            return this;
        }

        /**
         * @param perTick wall-clock time per tick; zero for as fast as possible.
         * @return this builder.
         */
        public Builder interval(final Duration perTick)
        {
            this.interval = perTick;
            return this;
        }

        /**
         * @param count VEN ranges to cut; 0 for 4 per reader.
         * @return this builder.
         */
        public Builder splits(final int count)
        {
            this.splits = count;
            return this;
        }

        /**
         * Checks the options and reads the registry once to resolve the VENs (the data is read by the readers).
         *
         * @return the source.
         * @throws MetersimException   naming the option and the value when one is missing or out of range, or the
         *                             resources file cannot be read.
         * @throws UnknownVenException when a VEN is not in the registry.
         */
        public ReplaySource build()
        {
            check();
            final ReplayConfig probe = config(0);
            final Registry registry = probe.loadRegistry();
            final List<String> known = registry.venNames();
            if (known.isEmpty())
            {
                throw new MetersimException("nothing to replay: the registry lists no resources [resources="
                    + resources + "]");
            }
            final Set<String> all = new HashSet<>(known);
            final List<String> selected = new ArrayList<>(vens.size());
            for (final String ven : vens)
            {
                final String name = ven.strip();
                if (!all.contains(name))
                {
                    throw new UnknownVenException(name, String.join(", ", known.subList(0, Math.min(10,
                        known.size()))) + (known.size() > 10 ? ", ..." : ""));
                }
                selected.add(name);
            }
            this.vens = selected;
            return new ReplaySource(config(selected.isEmpty() ? known.size() : selected.size()));
        }

        private void check()
        {
            if (null == data)
            {
                throw new MetersimException("missing data file [option=--data]");
            }
            if (null == resources && syntheticVens <= 0)
            {
                throw new MetersimException("missing resources file [option=--resources, or --synthetic-vens N]");
            }
            if (null != resources && syntheticVens > 0)
            {
                throw new MetersimException("give either a resources file or synthetic VENs [resources=" + resources
                    + " synthetic-vens=" + syntheticVens + "]");
            }
            atLeast("--resources-per-ven", resourcesPerVen, 1);
            atLeast("--ticks", ticks, 0);
            atLeast("--splits", splits, 0);
            if (null == timeMode)
            {
                throw new MetersimException("missing time mode [allowed=RAW, CONTINUOUS]");
            }
            if (null == interval || interval.isNegative())
            {
                throw new MetersimException("--interval must not be negative [interval=" + interval + "]");
            }
        }

        private static void atLeast(final String option, final long value, final long min)
        {
            if (value < min)
            {
                throw new MetersimException(option + " must be at least " + min + " [value=" + value + "]");
            }
        }

        private ReplayConfig config(final int venCount)
        {
            return new ReplayConfig(data.toAbsolutePath().toString(),
                null == resources ? null : resources.toAbsolutePath().toString(), syntheticVens, resourcesPerVen,
                seed, timeMode, vens, venCount, ticks, interval.toNanos(), splits);
        }
    }
}
