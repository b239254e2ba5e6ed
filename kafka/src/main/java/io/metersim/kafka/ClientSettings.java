package io.metersim.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Map;
import java.util.Properties;

/**
 * The producer's and the admin client's settings, from {@link KafkaSinkOptions}.
 */
final class ClientSettings
{
    /** Kafka allows at most 5 requests in flight per connection for an idempotent producer to keep order. */
    static final int MAX_IN_FLIGHT = 5;
    /** The brokers' default {@code transaction.max.timeout.ms}: a longer transaction timeout is refused. */
    static final long MAX_TRANSACTION_TIMEOUT_MS = 900_000L;

    private static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000L;
    private static final long TRANSACTION_MARGIN_MS = 60_000L;

    private ClientSettings()
    {
    }

    /**
     * @param options the sink's options.
     * @return the producer's settings: idempotent, {@code acks=all}, lz4, the options' batching and timeouts, then
     *         the options' own properties.
     */
    static Properties producer(final KafkaSinkOptions options)
    {
        final Properties props = new Properties();
        final long deliveryMs = options.deliveryTimeout().toMillis();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, options.clientId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Integer.toString(MAX_IN_FLIGHT));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, KafkaSinkOptions.COMPRESSION);
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(options.lingerMs()));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(options.batchBytes()));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(options.bufferBytes()));
        // an outage shorter than the delivery timeout holds the ticks back and loses nothing
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(deliveryMs));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(deliveryMs));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            Long.toString(Math.max(1, Math.min(DEFAULT_REQUEST_TIMEOUT_MS, deliveryMs - options.lingerMs()))));
        // client telemetry would load the shaded protobuf classes the CLI jar leaves out
        props.put(CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, "false");
        if (options.transactional())
        {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.effectiveTransactionalId());
            // a tick held back by an outage must not be aborted by the coordinator before the delivery timeout
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                Long.toString(Math.min(MAX_TRANSACTION_TIMEOUT_MS, deliveryMs + TRANSACTION_MARGIN_MS)));
        }
        props.putAll(options.properties());
        return props;
    }

    /**
     * @param options the sink's options.
     * @return the admin client's settings for the checks before the run, bounded by the open timeout.
     */
    static Properties admin(final KafkaSinkOptions options)
    {
        final Properties props = new Properties();
        final String openMs = Long.toString(options.openTimeout().toMillis());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, options.clientId() + "-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, openMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, openMs);
        props.put(CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, "false");
        for (final Map.Entry<String, String> property : options.properties().entrySet())
        {
            // only what every client shares (security, networking) applies to the admin client
            if (AdminClientConfig.configNames().contains(property.getKey()))
            {
                props.put(property.getKey(), property.getValue());
            }
        }
        return props;
    }
}
