package io.metersim.flink;

import io.metersim.core.Registry;
import io.metersim.core.TimeMode;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The source on a mini-cluster of parallelism 2 against core's tick loop, the loop {@code metersim run} runs.
 */
class ReplaySourceTest
{
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
            .build());

    private static final long HOUR = 3_600_000L;

    @Test
    void shouldEmitWhatTheTickLoopCollectsAcrossTwoWrapsWithOneLoadPerJvm() throws Exception
    {
        final ReplaySource source = ReplaySource.builder().data(TestData.data()).resources(TestData.resources())
            .ticks(23).build();
        final long loads = SharedSimulators.loads();

        final List<ReplayRecord> records = collect(source, 2);

        final List<ReplayRecord> expected = TestData.tickLoop(Registry.readCsv(TestData.resources()),
            TimeMode.CONTINUOUS, List.of(), 23);
        assertEquals(9 * 23, expected.size(), "9 approved resources x 23 ticks");
        assertEquals(expected, TestData.sorted(records));
        assertTrue(records.stream().anyMatch(r -> !r.hasTimestamp() && "a-2".equals(r.resourceId())),
            "the resource whose meter is not in the data has records without readings");
        assertEquals(loads + 1, SharedSimulators.loads(), "two readers, five splits, one load of the data");
        assertEquals(0, SharedSimulators.references(source.config()), "dropped when the last reader closed");
    }

    @Test
    void shouldReplayTheSelectedVensInRawTime() throws Exception
    {
        final List<String> vens = List.of("Vejle", "Herning");
        final ReplaySource source = ReplaySource.builder().data(TestData.data()).resources(TestData.resources())
            .vens(vens).timeMode(TimeMode.RAW).ticks(12).splits(2).build();

        final List<ReplayRecord> records = collect(source, 2);

        assertEquals(TestData.tickLoop(Registry.readCsv(TestData.resources()), TimeMode.RAW, vens, 12),
            TestData.sorted(records));
        assertEquals(records.stream().filter(r -> r.tick() == 0).findFirst().orElseThrow().timestampMillis(),
            records.stream().filter(r -> r.tick() == TestData.ROWS).findFirst().orElseThrow().timestampMillis(),
            "raw time repeats the data's timestamps after a wrap");
    }

    @Test
    void shouldAdvanceTheWatermarkWithEveryTickAndNeverEmitLateRecords() throws Exception
    {
        final ReplaySource source = ReplaySource.builder().data(TestData.data()).synthetic(16, 3).ticks(25).build();
        final StreamExecutionEnvironment env = twoReaders();
        final List<long[]> seen = new ArrayList<>();
        try (CloseableIterator<long[]> it = ReplayJob.replay(env, source).process(new WatermarkProbe())
            .executeAndCollect())
        {
            it.forEachRemaining(seen::add);
        }
        assertEquals(16 * 3 * 25, seen.size());
        for (final long[] record : seen)
        {
            final long tick = record[0];
            final long timestamp = record[1];
            final long watermark = record[2];
            assertTrue(watermark < timestamp, () -> "late record at tick " + tick);
            if (tick >= 1)
            {
                assertTrue(watermark >= timestamp - HOUR, () -> "watermark behind the previous tick at tick " + tick
                    + ": " + watermark + " < " + (timestamp - HOUR));
            }
        }
    }

    @Test
    void shouldRunUnboundedPacedToTheInterval() throws Exception
    {
        final ReplaySource source = ReplaySource.builder().data(TestData.data()).synthetic(6, 2).ticks(0)
            .interval(Duration.ofMillis(20)).build();
        assertEquals(Boundedness.CONTINUOUS_UNBOUNDED, source.getBoundedness());
        final StreamExecutionEnvironment env = twoReaders();

        final List<ReplayRecord> records = ReplayJob.replay(env, source).executeAndCollect(6 * 2 * 30);

        final Map<String, ReplayRecord> expected = new HashMap<>();
        for (final ReplayRecord record : TestData.tickLoop(Registry.synthetic(6, 2), TimeMode.CONTINUOUS,
            List.of(), 40))
        {
            expected.put(key(record), record);
        }
        final Set<String> keys = new HashSet<>();
        long lastTick = 0;
        for (final ReplayRecord record : records)
        {
            assertTrue(keys.add(key(record)), () -> "twice: " + key(record));
            assertEquals(expected.get(key(record)), record);
            lastTick = Math.max(lastTick, record.tick());
        }
        assertEquals(6 * 2 * 30, records.size());
        assertTrue(lastTick >= 29, "past tick 29: " + lastTick);
        assertFalse(source.config().bounded());
    }

    @Test
    void shouldHandOperatorsTheCurrentRecordWhenTheJobReusesObjects() throws Exception
    {
        final String run = "reuse-" + System.nanoTime();
        final StreamExecutionEnvironment env = twoReaders();
        // as ReplayJob runs: chained operators are handed the reader's one record, refilled for every resource
        env.getConfig().enableObjectReuse();
        final List<ReplayRecord> records = new ArrayList<>();
        try (CloseableIterator<ReplayRecord> it = ReplayJob.replay(env, keptSource()).map(new Keep(run, true))
            .executeAndCollect())
        {
            it.forEachRemaining(records::add);
        }

        assertEquals(keptExpected(), TestData.sorted(records),
            "every key once, each with its own values: no stale record");
        assertEquals(2, Keep.instances(run), "one record instance per reader, refilled");
        assertEquals(TestData.sorted(records), TestData.sorted(Keep.kept(run)), "the copies the operator kept");
    }

    @Test
    void shouldHandOperatorsCopiesTheyMayKeepWithoutObjectReuse() throws Exception
    {
        final String run = "copies-" + System.nanoTime();
        final StreamExecutionEnvironment env = twoReaders();
        ReplayJob.replay(env, keptSource()).map(new Keep(run, false)).sinkTo(new CountingDiscardSink());
        env.execute("copies");

        final List<ReplayRecord> kept = Keep.kept(run);
        assertEquals(keptExpected(), TestData.sorted(kept),
            "the references kept are Flink's copies, never refilled");
        assertEquals(kept.size(), Keep.instances(run), "a copy per record");
    }

    /** The source of the tests whose operator keeps records: 8 VENs of 3 resources, 15 ticks. */
    private static ReplaySource keptSource()
    {
        return ReplaySource.builder().data(TestData.data()).synthetic(8, 3).ticks(15).build();
    }

    /** What {@link #keptSource()} emits, from the tick loop. */
    private static List<ReplayRecord> keptExpected()
    {
        return TestData.tickLoop(Registry.synthetic(8, 3), TimeMode.CONTINUOUS, List.of(), 15);
    }

    private static StreamExecutionEnvironment twoReaders()
    {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        return env;
    }

    private static String key(final ReplayRecord record)
    {
        return record.ven() + "/" + record.resourceId() + "/" + record.tick();
    }

    private static List<ReplayRecord> collect(final ReplaySource source, final int parallelism) throws Exception
    {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        final List<ReplayRecord> records = new ArrayList<>();
        try (CloseableIterator<ReplayRecord> it = ReplayJob.replay(env, source).executeAndCollect())
        {
            it.forEachRemaining(records::add);
        }
        return records;
    }

    /**
     * Keeps every record it is handed, by reference or as a copy, and the distinct instances it saw, per run; passes
     * the record on.
     */
    private static final class Keep extends RichMapFunction<ReplayRecord, ReplayRecord>
    {
        private static final long serialVersionUID = 1L;
        private static final Map<String, List<ReplayRecord>> KEPT = new ConcurrentHashMap<>();
        private static final Map<String, Set<ReplayRecord>> INSTANCES = new ConcurrentHashMap<>();

        private final String run;
        private final boolean copy;

        Keep(final String run, final boolean copy)
        {
            this.run = run;
            this.copy = copy;
        }

        static List<ReplayRecord> kept(final String run)
        {
            synchronized (KEPT)
            {
                return new ArrayList<>(KEPT.getOrDefault(run, List.of()));
            }
        }

        static int instances(final String run)
        {
            synchronized (KEPT)
            {
                return INSTANCES.getOrDefault(run, Set.of()).size();
            }
        }

        @Override
        public ReplayRecord map(final ReplayRecord record)
        {
            synchronized (KEPT)
            {
                KEPT.computeIfAbsent(run, r -> new ArrayList<>()).add(copy ? record.copy() : record);
                INSTANCES.computeIfAbsent(run, r -> Collections.newSetFromMap(new IdentityHashMap<>())).add(record);
            }
            return record;
        }
    }

    /**
     * Each record's tick, event time, and the watermark its operator had seen when it arrived.
     */
    private static final class WatermarkProbe extends ProcessFunction<ReplayRecord, long[]>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(final ReplayRecord record, final Context context, final Collector<long[]> out)
        {
            out.collect(new long[] {record.tick(), context.timestamp(), context.timerService().currentWatermark()});
        }
    }
}
