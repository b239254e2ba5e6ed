package io.metersim.flink;

import io.metersim.core.Registry;
import io.metersim.core.TimeMode;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
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
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

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
