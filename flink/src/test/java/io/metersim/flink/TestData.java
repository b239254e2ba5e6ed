package io.metersim.flink;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TickLoop;
import io.metersim.core.TimeMode;
import io.metersim.datagen.GeneratorOptions;
import io.metersim.datagen.LoadGenerator;
import io.metersim.h5.H5LoadData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Small data for the tests: a generated file of 6 meters x 10 hourly rows (so a run of more than 10 ticks wraps),
 * a resources file, and the reference output of core's {@link TickLoop} over them.
 */
final class TestData
{
    static final int ROWS = 10;
    static final int METERS = 6;
    static final Comparator<ReplayRecord> ORDER = Comparator.comparingLong(ReplayRecord::tick)
        .thenComparing(ReplayRecord::ven).thenComparing(ReplayRecord::resourceId);

    private static Path dir;

    private TestData()
    {
    }

    /**
     * @return the folder holding the generated files, made once per JVM.
     */
    static synchronized Path dir()
    {
        if (null == dir)
        {
            try
            {
                dir = Files.createTempDirectory("metersim-flink-test");
                final LoadData data = LoadGenerator.generate(new GeneratorOptions(METERS, ROWS,
                    Instant.parse("2025-01-15T08:00:00Z"), Duration.ofHours(1), 7L));
                H5LoadData.write(data, dir.resolve("data.h5"));
                Files.writeString(dir.resolve("resources.csv"), resourcesCsv(data), StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return dir;
    }

    static Path data()
    {
        return dir().resolve("data.h5");
    }

    static Path resources()
    {
        return dir().resolve("resources.csv");
    }

    /**
     * Five VENs: explicit meters, meters assigned by seed, a pending resource (no record), a resource whose meter
     * is not in the data (a record without readings), and a name that needs JSON escaping.
     */
    private static String resourcesCsv(final LoadData data)
    {
        final StringBuilder csv = new StringBuilder("ven,resource_id,resource_name,status,meter_point_id,"
            + "resource_type\n");
        csv.append("Herning,h-1,Hotel,APPROVED,").append(data.meterId(0)).append(",Hotels\n");
        csv.append("Herning,h-2,School,APPROVED,,Schools\n");
        csv.append("Herning,h-3,Bakery,PENDING,").append(data.meterId(2)).append(",Bakeries\n");
        csv.append("Aarhus,a-1,Charging,APPROVED,").append(data.meterId(3)).append(",Charging\n");
        csv.append("Aarhus,a-2,Nowhere,APPROVED,999999999999999999,Other\n");
        csv.append("Odense,o-1,Pool,APPROVED,,Pools\n");
        csv.append("Odense,o-2,Library,APPROVED,").append(data.meterId(5)).append(",Libraries\n");
        csv.append("\"Køge \"\"Syd\"\"\",k-1,Harbour,APPROVED,,Harbours\n");
        csv.append("Vejle,v-1,Stadium,APPROVED,").append(data.meterId(1)).append(",Stadiums\n");
        csv.append("Vejle,v-2,Hall,APPROVED,").append(data.meterId(4)).append(",Halls\n");
        return csv.toString();
    }

    /**
     * What core's tick loop, the loop {@code metersim run} runs, collects over the same data, registry, seed and
     * time mode, as records built here from its buffers.
     */
    static List<ReplayRecord> tickLoop(
        final Registry registry, final TimeMode mode, final List<String> vens, final long ticks)
    {
        final MeterSimulator simulator = MeterSimulator.create(H5LoadData.read(data()), registry,
            new SimulatorOptions(SimulatorOptions.DEFAULT_SEED, mode));
        final List<ReplayRecord> records = new ArrayList<>();
        final long[] tick = new long[1];
        final CollectionSink sink = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "expected";
            }

            @Override
            public void onCollection(final int worker, final CollectionBuffer collected, final long nanos)
            {
                for (int r = 0; r < collected.resourceCount(); r++)
                {
                    records.add(record(collected, r, tick[0]));
                }
            }

            @Override
            public void onTickEnd(final io.metersim.core.TickTotals totals)
            {
                tick[0]++;
            }
        };
        final TickLoop.Builder loop = TickLoop.builder(simulator).ticks(ticks).sink(sink);
        if (!vens.isEmpty())
        {
            loop.vens(vens);
        }
        loop.build().run();
        records.sort(ORDER);
        return records;
    }

    private static ReplayRecord record(final CollectionBuffer collected, final int r, final long tick)
    {
        final double[] watts = new double[collected.loadCount()];
        Arrays.fill(watts, Double.NaN);
        long timestamp = ReplayRecord.NO_TIMESTAMP;
        for (int i = collected.readingOffset(r); i < collected.readingOffset(r) + collected.readingCount(r); i++)
        {
            watts[collected.loadIndex(i)] = collected.powerW(i);
            if (ReplayRecord.NO_TIMESTAMP == timestamp)
            {
                timestamp = collected.timestampMillis(i);
            }
        }
        return new ReplayRecord(collected.ven(), collected.resourceId(r), collected.meterPointId(r), tick,
            collected.index(), timestamp, watts, collected.resourceTotalWatts(r));
    }

    static List<ReplayRecord> sorted(final List<ReplayRecord> records)
    {
        final List<ReplayRecord> copy = new ArrayList<>(records);
        copy.sort(ORDER);
        return copy;
    }
}
