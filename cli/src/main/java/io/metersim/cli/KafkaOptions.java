package io.metersim.cli;

import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.kafka.KafkaSink;
import io.metersim.kafka.KafkaSinkOptions;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code run}'s Kafka options: where the records go, transactions, the topic, and the client settings a secured
 * cluster needs. Like every option, each also comes from {@code config/metersim.properties} ({@code kafka=…},
 * {@code kafka-topic=…}) or the environment ({@code METERSIM_KAFKA}, {@code METERSIM_KAFKA_TOPIC}, …).
 */
final class KafkaOptions implements SinkOption
{
    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
        description = "Also send every resource's record of every tick to Kafka at these brokers, "
            + "host:port[,host:port...].")
    String bootstrap;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", defaultValue = KafkaSinkOptions.DEFAULT_TOPIC,
        description = "Topic of the records (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--kafka-transactional",
        description = "One transaction per tick: a read_committed consumer sees whole ticks or nothing.")
    boolean transactional;

    @Option(names = "--kafka-transactional-id", paramLabel = "ID", defaultValue = "",
        description = "transactional.id (default: metersim-<topic>); two transactional runs at once need two ids.")
    String transactionalId;

    @Option(names = "--kafka-create-topic", description = "Create the topic when it does not exist.")
    boolean createTopic;

    @Option(names = "--kafka-partitions", paramLabel = "N", defaultValue = "0",
        description = "Partitions of a topic --kafka-create-topic creates (default 0: the broker's num.partitions).")
    int partitions;

    @Option(names = "--kafka-timeout", paramLabel = "DURATION", defaultValue = "PT2M",
        converter = DurationConverter.class,
        description = "How long a record may wait for the brokers, an outage included, before the run fails; "
            + "meanwhile the ticks wait (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--kafka-client-id", paramLabel = "ID", defaultValue = KafkaSinkOptions.DEFAULT_CLIENT_ID,
        description = "client.id the brokers see (default: ${DEFAULT-VALUE}).")
    String clientId;

    @Option(names = "--kafka-config", paramLabel = "FILE",
        description = "Kafka client properties (security.protocol, sasl.*, ssl.*, tuning); never printed.")
    Path clientConfig;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
        description = "One more client property, applied after --kafka-config; repeatable.")
    Map<String, String> properties;

    /**
     * @return whether {@code --kafka} asks for the sink.
     */
    boolean enabled()
    {
        return null != bootstrap && !bootstrap.isBlank();
    }

    @Override
    public CollectionSink sink(final MeterSimulator simulator, final CliContext context)
    {
        return enabled() ? new KafkaSink(options(context)) : null;
    }

    /**
     * @param context the invocation, which relative paths resolve against.
     * @return the sink's options; the kafka module's defaults for batching.
     * @throws UsageException when a value is out of range or a setting is the sink's own.
     */
    KafkaSinkOptions options(final CliContext context)
    {
        Ranges.atLeast("--kafka-partitions", partitions, 0);
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0)
        {
            throw new UsageException("--kafka-timeout must be at least PT1S [timeout=" + timeout + "]");
        }
        if (partitions > 0 && !createTopic)
        {
            throw new UsageException("--kafka-partitions applies to a topic --kafka-create-topic creates [partitions="
                + partitions + "]");
        }
        final Map<String, String> settings = new LinkedHashMap<>();
        if (null != clientConfig)
        {
            settings.putAll(readClientConfig(context.resolve(clientConfig)));
        }
        if (null != properties)
        {
            settings.putAll(properties);
        }
        try
        {
            final KafkaSinkOptions defaults = KafkaSinkOptions.defaults(bootstrap.trim());
            return defaults.withTopic(topic).withTransactions(transactional, transactionalId).withClientId(clientId)
                .withCreateTopic(createTopic, partitions).withTimeouts(timeout, defaults.openTimeout())
                .withProperties(settings);
        }
        catch (final MetersimException ex)
        {
            throw new UsageException(ex.getMessage());
        }
    }

    private static Map<String, String> readClientConfig(final Path file)
    {
        final Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            loaded.load(reader);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw CliException.unreadable("Kafka client configuration", file, ex);
        }
        final Map<String, String> settings = new LinkedHashMap<>();
        for (final String key : loaded.stringPropertyNames())
        {
            settings.put(key, loaded.getProperty(key));
        }
        return settings;
    }
}
