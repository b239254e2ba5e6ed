package io.metersim.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a {@link KafkaSink} sends its records and how its producer behaves. The producer is always idempotent with
 * {@code acks=all}; everything else has a default ({@link #defaults(String)}) that a {@code with…} method changes.
 *
 * @param bootstrap       the brokers to start from, {@code host:port[,host:port…]}.
 * @param topic           the topic every record goes to; it must exist unless {@code createTopic}.
 * @param transactional   one transaction per tick: a {@code read_committed} consumer sees whole ticks or nothing.
 * @param transactionalId the producer's {@code transactional.id}; empty means {@code metersim-<topic>}. A restarted
 *                        run with the same id aborts what a crashed one left open; two runs at once need two ids.
 * @param clientId        the producer's {@code client.id}, as the brokers log it.
 * @param createTopic     create the topic when it does not exist (else that is an error before the run).
 * @param partitions      partitions of a created topic; 0 means the broker's {@code num.partitions}.
 * @param lingerMs        {@code linger.ms}: how long a batch waits for more records within a tick.
 * @param batchBytes      {@code batch.size}: bytes per partition batch.
 * @param bufferBytes     {@code buffer.memory}: records waiting for the broker; full, it blocks the tick (backpressure).
 * @param deliveryTimeout how long a record may wait for the broker, an outage included, before it counts as failed
 *                        ({@code delivery.timeout.ms}, and {@code max.block.ms} for a full buffer).
 * @param openTimeout     how long {@link KafkaSink#open} waits for the brokers before the run is refused.
 * @param properties      further client settings (security, tuning), applied last; never logged. The keys the sink
 *                        owns are refused, and {@code compression.type} may only be {@code lz4}, {@code gzip} or
 *                        {@code none} (zstd and snappy are not shipped).
 */
public record KafkaSinkOptions(
    String bootstrap,
    String topic,
    boolean transactional,
    String transactionalId,
    String clientId,
    boolean createTopic,
    int partitions,
    int lingerMs,
    int batchBytes,
    long bufferBytes,
    Duration deliveryTimeout,
    Duration openTimeout,
    Map<String, String> properties)
{
    /** The default topic. */
    public static final String DEFAULT_TOPIC = "metersim.readings";
    /** The default {@code client.id}. */
    public static final String DEFAULT_CLIENT_ID = "metersim";
    /** The codec the sink ships and uses. */
    public static final String COMPRESSION = "lz4";

    /** Settings the sink decides itself: they make it idempotent, keyed and exact. */
    static final Set<String> RESERVED = Set.of("bootstrap.servers", "key.serializer", "value.serializer",
        "acks", "enable.idempotence", "transactional.id", "client.id", "enable.metrics.push");

    private static final Set<String> SHIPPED_CODECS = Set.of("lz4", "gzip", "none");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final int MAX_PARTITIONS = 100_000;

    /**
     * @throws io.metersim.core.MetersimException naming the value when one is missing or out of range.
     */
    public KafkaSinkOptions
    {
        check(null != bootstrap && !bootstrap.isBlank(), "bootstrap", bootstrap);
        check(null != topic && TOPIC.matcher(topic).matches() && !".".equals(topic) && !"..".equals(topic),
            "topic", topic);
        check(null != transactionalId, "transactionalId", transactionalId);
        check(null != clientId, "clientId", clientId);
        check(partitions >= 0 && partitions <= MAX_PARTITIONS, "partitions", partitions);
        check(lingerMs >= 0, "lingerMs", lingerMs);
        check(batchBytes >= 1, "batchBytes", batchBytes);
        check(bufferBytes >= batchBytes, "bufferBytes", bufferBytes);
        check(null != deliveryTimeout && deliveryTimeout.toMillis() >= 1_000
            && deliveryTimeout.toMillis() <= Integer.MAX_VALUE, "deliveryTimeout", deliveryTimeout);
        check(null != openTimeout && openTimeout.toMillis() >= 1 && openTimeout.toMillis() <= Integer.MAX_VALUE,
            "openTimeout", openTimeout);
        check(null != properties, "properties", null);
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
        for (final Map.Entry<String, String> property : properties.entrySet())
        {
            if (RESERVED.contains(property.getKey()))
            {
                throw new KafkaSinkException("the Kafka sink sets this client setting itself [property="
                    + property.getKey() + "]");
            }
            if (null == property.getValue())
            {
                throw new KafkaSinkException("client setting without a value [property=" + property.getKey() + "]");
            }
        }
        final String codec = properties.get("compression.type");
        if (null != codec && !SHIPPED_CODECS.contains(codec.trim().toLowerCase(Locale.ROOT)))
        {
            throw new KafkaSinkException("compression codec not shipped; use lz4, gzip or none [compression.type="
                + codec + "]");
        }
    }

    /**
     * @param bootstrap the brokers to start from, {@code host:port[,host:port…]}.
     * @return topic {@value #DEFAULT_TOPIC}, not transactional, an existing topic, linger 10 ms, 256 KiB batches,
     *         a 32 MiB buffer, a 2-minute delivery timeout (an outage shorter than that loses nothing), 15 s to open.
     */
    public static KafkaSinkOptions defaults(final String bootstrap)
    {
        return new KafkaSinkOptions(bootstrap, DEFAULT_TOPIC, false, "", DEFAULT_CLIENT_ID, false, 0, 10, 256 * 1024,
            32L * 1024 * 1024, Duration.ofMinutes(2), Duration.ofSeconds(15), Map.of());
    }

    /**
     * @param topic the topic every record goes to.
     * @return these options with that topic.
     */
    public KafkaSinkOptions withTopic(final String topic)
    {
        return new KafkaSinkOptions(bootstrap, topic, transactional, transactionalId, clientId, createTopic,
            partitions, lingerMs, batchBytes, bufferBytes, deliveryTimeout, openTimeout, properties);
    }

    /**
     * @param transactional   one transaction per tick.
     * @param transactionalId the {@code transactional.id}; empty means {@code metersim-<topic>}.
     * @return these options, transactional or not.
     */
    public KafkaSinkOptions withTransactions(final boolean transactional, final String transactionalId)
    {
        return new KafkaSinkOptions(bootstrap, topic, transactional, transactionalId, clientId, createTopic,
            partitions, lingerMs, batchBytes, bufferBytes, deliveryTimeout, openTimeout, properties);
    }

    /**
     * @param clientId the producer's {@code client.id}.
     * @return these options with that client id.
     */
    public KafkaSinkOptions withClientId(final String clientId)
    {
        return new KafkaSinkOptions(bootstrap, topic, transactional, transactionalId, clientId, createTopic,
            partitions, lingerMs, batchBytes, bufferBytes, deliveryTimeout, openTimeout, properties);
    }

    /**
     * @param createTopic create the topic when it does not exist.
     * @param partitions  its partitions; 0 means the broker's default.
     * @return these options.
     */
    public KafkaSinkOptions withCreateTopic(final boolean createTopic, final int partitions)
    {
        return new KafkaSinkOptions(bootstrap, topic, transactional, transactionalId, clientId, createTopic,
            partitions, lingerMs, batchBytes, bufferBytes, deliveryTimeout, openTimeout, properties);
    }

    /**
     * @param lingerMs    {@code linger.ms}.
     * @param batchBytes  {@code batch.size}.
     * @param bufferBytes {@code buffer.memory}.
     * @return these options with that batching.
     */
    public KafkaSinkOptions withBatching(final int lingerMs, final int batchBytes, final long bufferBytes)
    {
        return new KafkaSinkOptions(bootstrap, topic, transactional, transactionalId, clientId, createTopic,
            partitions, lingerMs, batchBytes, bufferBytes, deliveryTimeout, openTimeout, properties);
    }

    /**
     * @param deliveryTimeout how long a record may wait for the broker.
     * @param openTimeout     how long opening waits for the brokers.
     * @return these options with those timeouts.
     */
    public KafkaSinkOptions withTimeouts(final Duration deliveryTimeout, final Duration openTimeout)
    {
        return new KafkaSinkOptions(bootstrap, topic, transactional, transactionalId, clientId, createTopic,
            partitions, lingerMs, batchBytes, bufferBytes, deliveryTimeout, openTimeout, properties);
    }

    /**
     * @param properties further client settings, applied last.
     * @return these options with those settings.
     */
    public KafkaSinkOptions withProperties(final Map<String, String> properties)
    {
        return new KafkaSinkOptions(bootstrap, topic, transactional, transactionalId, clientId, createTopic,
            partitions, lingerMs, batchBytes, bufferBytes, deliveryTimeout, openTimeout, properties);
    }

    /**
     * @return the {@code transactional.id} used when {@link #transactional()}.
     */
    public String effectiveTransactionalId()
    {
        return transactionalId.isEmpty() ? "metersim-" + topic : transactionalId;
    }

    /**
     * @return the codec records are sent with: {@value #COMPRESSION} unless the properties say otherwise.
     */
    public String compression()
    {
        return properties.getOrDefault("compression.type", COMPRESSION).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the options with the client properties' values left out: they may hold credentials.
     */
    @Override
    public String toString()
    {
        return "KafkaSinkOptions[bootstrap=" + bootstrap + ", topic=" + topic + ", transactional=" + transactional
            + ", transactionalId=" + transactionalId + ", clientId=" + clientId + ", createTopic=" + createTopic
            + ", partitions=" + partitions + ", lingerMs=" + lingerMs + ", batchBytes=" + batchBytes
            + ", bufferBytes=" + bufferBytes + ", deliveryTimeout=" + deliveryTimeout + ", openTimeout="
            + openTimeout + ", properties=" + properties.keySet() + "]";
    }

    private static void check(final boolean valid, final String name, final Object value)
    {
        if (!valid)
        {
            throw new KafkaSinkException("invalid Kafka sink option [" + name + "=" + value + "]");
        }
    }
}
