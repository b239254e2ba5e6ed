package io.metersim.flink;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job's Kafka sink against a real in-process KRaft broker: a failure injected after a checkpoint, and a
 * read_committed consumer sees every record of the uninterrupted run exactly once, keyed by VEN, its value the line
 * {@code metersim run --format jsonl} writes.
 */
class KafkaExactlyOnceTest
{
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
            .build());

    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final String TOPIC = "metersim.readings";
    private static KafkaClusterTestKit broker;

    @BeforeAll
    static void startBroker() throws Exception
    {
        broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
            .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("auto.create.topics.enable", "false")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers())))
        {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short)1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception
    {
        if (null != broker)
        {
            broker.close();
        }
    }

    @Test
    void shouldDeliverEveryRecordOnceAfterAFailure() throws Exception
    {
        FAILED.set(false);
        final Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        // as ReplayJob runs: the map and the Kafka sink are handed the source's reused record, not copies
        env.getConfig().enableObjectReuse();
        // 3.9 s of paced ticks against a checkpoint every 100 ms: the failure comes after one, mid-run
        final ReplaySource source = ReplaySource.builder().data(TestData.data()).resources(TestData.resources())
            .timeMode(io.metersim.core.TimeMode.RAW).ticks(13).interval(Duration.ofMillis(300)).build();
        ReplayJob.replay(env, source).map(new FailOnceAfterCheckpoint()).uid("fail-once")
            .sinkTo(ReplayJob.kafkaSink(broker.bootstrapServers(), TOPIC, "metersim-flink-test"))
            .uid(ReplayJob.SINK_UID);
        env.execute("kafka exactly once");

        assertTrue(FAILED.get(), "the failure was injected");
        final List<String> values = new ArrayList<>();
        for (final ConsumerRecord<byte[], byte[]> record : readCommitted())
        {
            final String value = new String(record.value(), StandardCharsets.UTF_8);
            final String ven = new String(record.key(), StandardCharsets.UTF_8);
            assertTrue(value.startsWith("{\"ven\":\"" + ven.replace("\"", "\\\"") + "\","), value);
            values.add(value);
        }
        final List<String> expected = ReplayJobTest.jsonLinesOfTheTickLoop(13);
        values.sort(null);
        expected.sort(null);
        assertEquals(expected.size(), values.size(), "records counted");
        assertEquals(expected, values, "every record once, as metersim run writes it");
    }

    private static List<ConsumerRecord<byte[], byte[]>> readCommitted()
    {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        {
            final List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0),
                new TopicPartition(TOPIC, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            // a safety bound for reading back, never a measured threshold
            final long limit = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!reachedEnd(consumer, end))
            {
                assertTrue(System.nanoTime() < limit, "read to the end of " + end);
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)))
                {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static boolean reachedEnd(final KafkaConsumer<byte[], byte[]> consumer,
        final Map<TopicPartition, Long> end)
    {
        for (final Map.Entry<TopicPartition, Long> partition : end.entrySet())
        {
            if (consumer.position(partition.getKey()) < partition.getValue())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws once, on the first record after a checkpoint completed (its transactions committed).
     */
    private static final class FailOnceAfterCheckpoint extends RichMapFunction<ReplayRecord, ReplayRecord>
        implements CheckpointListener
    {
        private static final long serialVersionUID = 1L;

        private volatile boolean checkpointed;

        @Override
        public ReplayRecord map(final ReplayRecord record)
        {
            if (checkpointed && FAILED.compareAndSet(false, true))
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
