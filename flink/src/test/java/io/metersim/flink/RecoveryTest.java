package io.metersim.flink;

import io.metersim.core.Registry;
import io.metersim.core.TimeMode;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failure and rescaling on a mini-cluster of parallelism 2, into an exactly-once sink: the output must equal an
 * uninterrupted run's, the reference being core's tick loop over the same data.
 */
class RecoveryTest
{
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
            .build());

    private static final int VENS = 24;
    private static final int RESOURCES = 4;
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    @TempDir
    Path savepoints;

    @Test
    void shouldGiveTheUninterruptedOutputAfterAFailureAfterACheckpoint() throws Exception
    {
        final long ticks = 40;
        final String store = "failure-" + System.nanoTime();
        FAILED.set(false);
        final StreamExecutionEnvironment env = environment(2);
        // unbounded, so the failure (after the first commit) surely comes mid-run; the run is read up to tick 40
        ReplayJob.replay(env, source(0, Duration.ofMillis(10)))
            .map(new FailOnceAfterCommit(store)).uid("fail-once")
            .sinkTo(new ExactlyOnceSink(store)).uid(ReplayJob.SINK_UID);
        final JobClient running = env.executeAsync("failure");
        awaitCommitted(store, ticks);
        running.cancel().get();

        assertTrue(FAILED.get(), "the failure was injected");
        assertSameAsUninterrupted(ExactlyOnceSink.committed(store), ticks);
    }

    @Test
    void shouldFinishFromASavepointOfParallelism2AtParallelism1() throws Exception
    {
        final long ticks = 60;
        final String store = "rescale-" + System.nanoTime();
        final StreamExecutionEnvironment first = environment(2);
        // unbounded, so it surely still runs when the savepoint is taken
        ReplayJob.replay(first, source(0, Duration.ofMillis(25)))
            .sinkTo(new ExactlyOnceSink(store)).uid(ReplayJob.SINK_UID);
        final JobClient running = first.executeAsync("before the savepoint");
        awaitCommitted(store, 1);
        final String savepoint = running.stopWithSavepoint(false, savepoints.toUri().toString(),
            SavepointFormatType.CANONICAL).get();
        final long before = ExactlyOnceSink.committed(store).stream().filter(r -> r.tick() < ticks).count();
        assertTrue(before < VENS * RESOURCES * ticks, "stopped before tick " + ticks + ": " + before);

        final StreamExecutionEnvironment second = environment(1);
        // the same store: batches of the savepoint, committed already, are committed again by the restored job
        ReplayJob.replay(second, source(ticks, Duration.ZERO)).sinkTo(new ExactlyOnceSink(store))
            .uid(ReplayJob.SINK_UID);
        final StreamGraph graph = second.getStreamGraph();
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        second.execute(graph);

        assertSameAsUninterrupted(ExactlyOnceSink.committed(store), ticks);
    }

    /**
     * The output's first {@code ticks} ticks must be the uninterrupted run's, and no key may be there twice (an
     * unbounded run may have committed later ticks too).
     */
    private static void assertSameAsUninterrupted(final List<ReplayRecord> output, final long ticks)
    {
        final List<ReplayRecord> expected = TestData.tickLoop(Registry.synthetic(VENS, RESOURCES),
            TimeMode.CONTINUOUS, List.of(), ticks);
        assertEquals(VENS * RESOURCES * ticks, expected.size());
        final Set<String> keys = new HashSet<>();
        for (final ReplayRecord record : output)
        {
            assertTrue(keys.add(record.ven() + "/" + record.resourceId() + "/" + record.tick()),
                () -> "committed twice: " + record);
        }
        final List<ReplayRecord> sorted = TestData.sorted(output.stream().filter(r -> r.tick() < ticks).toList());
        assertEquals(expected.size(), sorted.size(), "records counted, every key once");
        assertEquals(sum(expected), sum(sorted), "watts summed exactly");
        assertEquals(expected, sorted, "every record as the tick loop collected it");
    }

    private static double sum(final List<ReplayRecord> records)
    {
        double sum = 0;
        for (final ReplayRecord record : records)
        {
            sum += record.totalWatts();
        }
        return sum;
    }

    /**
     * Waits until every tick below {@code ticks} has all its records committed (a safety bound, never a measured
     * threshold: two minutes).
     */
    private static void awaitCommitted(final String store, final long ticks) throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (committedBelow(store, ticks) < VENS * RESOURCES * ticks && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        assertTrue(committedBelow(store, ticks) >= VENS * RESOURCES * ticks, "ticks below " + ticks + " committed");
    }

    private static long committedBelow(final String store, final long ticks)
    {
        return ExactlyOnceSink.committed(store).stream().filter(r -> r.tick() < ticks).count();
    }

    /**
     * @param ticks 0 for unbounded.
     */
    private static ReplaySource source(final long ticks, final Duration interval)
    {
        return ReplaySource.builder().data(TestData.data()).synthetic(VENS, RESOURCES).ticks(ticks)
            .interval(interval).build();
    }

    private static StreamExecutionEnvironment environment(final int parallelism)
    {
        final Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(50);
        // as ReplayJob runs: the map and the sink are handed the source's reused record, not copies
        env.getConfig().enableObjectReuse();
        return env;
    }

    /**
     * Throws once, on the first record after a checkpoint completed and its batches were committed.
     */
    private static final class FailOnceAfterCommit extends RichMapFunction<ReplayRecord, ReplayRecord>
        implements CheckpointListener
    {
        private static final long serialVersionUID = 1L;

        private final String store;
        private volatile boolean checkpointed;

        FailOnceAfterCommit(final String store)
        {
            this.store = store;
        }

        @Override
        public ReplayRecord map(final ReplayRecord record)
        {
            if (checkpointed && ExactlyOnceSink.committedBatches(store) > 0 && FAILED.compareAndSet(false, true))
            {
                throw new IllegalStateException("injected failure [tick=" + record.tick() + "]");
            }
            return record;
        }

        @Override
        public void notifyCheckpointComplete(final long checkpointId)
        {
            checkpointed = true;
        }
    }
}
