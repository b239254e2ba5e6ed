package io.metersim.kafka;

import io.metersim.core.Failures;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The checks before the run: the brokers answer, the topic exists (or is created) and may be described. Each
 * failure is one clear error naming the brokers and the topic.
 */
final class TopicCheck
{
    private static final long CREATED_POLL_NANOS = 50_000_000L;

    private TopicCheck()
    {
    }

    /**
     * @param options the sink's options.
     * @return the topic's partitions.
     * @throws KafkaSinkException when the brokers cannot be reached within the open timeout, or the topic cannot
     *                            be used.
     */
    static int verify(final KafkaSinkOptions options)
    {
        final Admin admin;
        try
        {
            admin = Admin.create(ClientSettings.admin(options));
        }
        catch (final KafkaException ex)
        {
            throw new KafkaSinkException("cannot create a Kafka client: " + message(ex) + context(options), ex);
        }
        try
        {
            final int brokers = await(admin.describeCluster().nodes(), options, "reach the brokers").size();
            if (brokers == 0)
            {
                throw new KafkaSinkException("the cluster has no brokers" + context(options));
            }
            return partitions(admin, options);
        }
        finally
        {
            admin.close(Duration.ZERO);
        }
    }

    private static int partitions(final Admin admin, final KafkaSinkOptions options)
    {
        final TopicDescription topic = describeOrCreate(admin, options);
        awaitLeaders(admin, options, topic);
        return topic.partitions().size();
    }

    /**
     * Waits until every partition's leader answers (a list-offsets request goes to the leader, and is retried
     * until it is ready). A producer writing to a partition whose leader is not serving yet, just after the topic
     * was created or a broker restarted, can have its first batch refused while later ones are written.
     */
    private static void awaitLeaders(final Admin admin, final KafkaSinkOptions options, final TopicDescription topic)
    {
        final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (final TopicPartitionInfo partition : topic.partitions())
        {
            partitions.put(new TopicPartition(options.topic(), partition.partition()), OffsetSpec.latest());
        }
        await(admin.listOffsets(partitions).all(), options, "reach the topic's partition leaders");
    }

    private static TopicDescription describeOrCreate(final Admin admin, final KafkaSinkOptions options)
    {
        try
        {
            return describe(admin, options);
        }
        catch (final KafkaSinkException ex)
        {
            if (!(ex.getCause() instanceof UnknownTopicOrPartitionException))
            {
                throw ex;
            }
            if (!options.createTopic())
            {
                throw new KafkaSinkException("topic does not exist; create it or let metersim create it "
                    + "(createTopic, run --kafka-create-topic)" + context(options), ex.getCause());
            }
        }
        final NewTopic topic = new NewTopic(options.topic(),
            options.partitions() == 0 ? Optional.empty() : Optional.of(options.partitions()), Optional.empty());
        try
        {
            await(admin.createTopics(List.of(topic)).all(), options, "create the topic");
        }
        catch (final KafkaSinkException ex)
        {
            if (!(ex.getCause() instanceof TopicExistsException))
            {
                throw ex;
            }
        }
        return describeCreated(admin, options);
    }

    /**
     * Describes a topic just created: the broker answering may learn of it a moment after the controller.
     */
    private static TopicDescription describeCreated(final Admin admin, final KafkaSinkOptions options)
    {
        final long deadline = System.nanoTime() + options.openTimeout().toNanos();
        while (true)
        {
            try
            {
                return describe(admin, options);
            }
            catch (final KafkaSinkException ex)
            {
                if (!(ex.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline)
                {
                    throw ex;
                }
                LockSupport.parkNanos(CREATED_POLL_NANOS);
            }
        }
    }

    private static TopicDescription describe(final Admin admin, final KafkaSinkOptions options)
    {
        final Map<String, TopicDescription> topics =
            await(admin.describeTopics(List.of(options.topic())).allTopicNames(), options, "describe the topic");
        return topics.get(options.topic());
    }

    private static <T> T await(
        final org.apache.kafka.common.KafkaFuture<T> future, final KafkaSinkOptions options, final String what)
    {
        try
        {
            return future.get(options.openTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            throw new KafkaSinkException("cannot " + what + ": no answer from the brokers within "
                + options.openTimeout() + context(options), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new KafkaSinkException("interrupted while trying to " + what + context(options), ex);
        }
        catch (final ExecutionException ex)
        {
            final Throwable cause = null == ex.getCause() ? ex : ex.getCause();
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException)
            {
                throw new KafkaSinkException("cannot " + what + ": no answer from the brokers within "
                    + options.openTimeout() + context(options), cause);
            }
            final String kind = cause instanceof AuthorizationException ? "not authorized to "
                : cause instanceof AuthenticationException ? "authentication failed, cannot " : "cannot ";
            throw new KafkaSinkException(kind + what + ": " + message(cause) + context(options), cause);
        }
    }

    static String context(final KafkaSinkOptions options)
    {
        return context(options, "");
    }

    /**
     * @param options the sink's options.
     * @param more    further {@code key=value} pairs, or empty.
     * @return {@code " [bootstrap=… topic=… more]"}.
     */
    static String context(final KafkaSinkOptions options, final String more)
    {
        return " [bootstrap=" + options.bootstrap() + " topic=" + options.topic() + (more.isEmpty() ? "" : " " + more)
            + "]";
    }

    static String message(final Throwable failure)
    {
        return Failures.describe(failure);
    }
}
