package io.metersim.kafka;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft cluster in this JVM (broker and controller in one node), on a loopback port that
 * survives {@link #stopBroker()} and {@link #startBroker()}, with the replication factors a single broker needs.
 * Shipped in this module's test jar for the CLI's Kafka tests.
 */
public final class TestBroker implements AutoCloseable
{
    /** A safety bound for reading back; never a measured threshold. */
    private static final long READ_BACK_LIMIT_MS = 120_000;

    private final KafkaClusterTestKit cluster;
    private final String bootstrap;

    private TestBroker(final KafkaClusterTestKit cluster)
    {
        this.cluster = cluster;
        this.bootstrap = cluster.bootstrapServers();
    }

    /**
     * @return a started cluster whose broker serves.
     * @throws Exception when it cannot start.
     */
    public static TestBroker start() throws Exception
    {
        final KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
            .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("auto.create.topics.enable", "false")
            .setConfigProp("num.partitions", "1")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
        try
        {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new TestBroker(cluster);
        }
        catch (final Exception | Error ex)
        {
            try
            {
                cluster.close();
            }
            catch (final Exception suppressed)
            {
                ex.addSuppressed(suppressed);
            }
            throw ex;
        }
    }

    /**
     * @return the broker's {@code host:port}.
     */
    public String bootstrap()
    {
        return bootstrap;
    }

    /**
     * Shuts the broker down (its port closes, its log directories stay); the controller keeps running.
     */
    void stopBroker()
    {
        broker().shutdown();
    }

    /**
     * Starts the broker again on the same port and log directories and waits until it serves.
     */
    void startBroker() throws Exception
    {
        broker().startup();
        cluster.waitForReadyBrokers();
    }

    /**
     * @param topic      its name.
     * @param partitions its partitions (replication factor 1).
     * @throws Exception when the broker refuses it.
     */
    public void createTopic(final String topic, final int partitions) throws Exception
    {
        try (Admin admin = cluster.admin())
        {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short)1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads every record of the topic from the start up to its end (the last stable offset for read_committed).
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(final String topic, final boolean readCommitted)
    {
        final Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            (readCommitted ? "read_committed" : "read_uncommitted").toLowerCase(Locale.ROOT));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()))
        {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(60)))
            {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            final long limit = System.currentTimeMillis() + READ_BACK_LIMIT_MS;
            while (!reachedEnd(consumer, end))
            {
                if (System.currentTimeMillis() > limit)
                {
                    throw new AssertionError("could not read the topic to its end [topic=" + topic + " end=" + end
                        + " read=" + records.size() + "]");
                }
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)))
                {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static boolean reachedEnd(final KafkaConsumer<byte[], byte[]> consumer, final Map<TopicPartition, Long> end)
    {
        for (final Map.Entry<TopicPartition, Long> partition : end.entrySet())
        {
            if (consumer.position(partition.getKey(), Duration.ofSeconds(60)) < partition.getValue())
            {
                return false;
            }
        }
        return true;
    }

    private BrokerServer broker()
    {
        return cluster.brokers().values().iterator().next();
    }

    @Override
    public void close()
    {
        try
        {
            cluster.close();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the broker", ex);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("the broker did not stop cleanly", ex);
        }
    }
}
