package io.metersim.flink;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Records as the Kafka sink of {@code metersim run} sends them: keyed by VEN (each VEN's ticks in order on one
 * partition), the value the JSON line's object, the record's timestamp its event time.
 */
final class KafkaRecords implements KafkaRecordSerializationSchema<ReplayRecord>
{
    private static final long serialVersionUID = 1L;

    private final String topic;

    KafkaRecords(final String topic)
    {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
        final ReplayRecord record, final KafkaSinkContext context, final Long timestamp)
    {
        return new ProducerRecord<>(topic, null, record.hasTimestamp() ? record.timestampMillis() : null,
            record.ven().getBytes(StandardCharsets.UTF_8), RecordJson.bytes(record));
    }
}
