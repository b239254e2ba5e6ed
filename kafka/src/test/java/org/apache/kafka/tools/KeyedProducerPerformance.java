package org.apache.kafka.tools;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Future;

/**
 * Kafka's own {@code kafka-producer-perf-test} loop (ProducerPerformance, unchanged) sending the records the metersim
 * sink sends: each payload keyed by a VEN's name, {@code resources} records per VEN in turn, and with the two
 * headers {@code metersim.tick} and {@code metersim.index} of the tick the record falls in, made once per tick as
 * the sink makes them. perf-test itself sends neither keys nor headers; this is the like-for-like ceiling.
 */
public final class KeyedProducerPerformance extends ProducerPerformance
{
    private final byte[][] keys;
    private final int resources;

    private KeyedProducerPerformance(final int vens, final int resources)
    {
        this.keys = new byte[vens][];
        for (int v = 0; v < vens; v++)
        {
            keys[v] = String.format("VEN-%05d", v + 1).getBytes(StandardCharsets.UTF_8);
        }
        this.resources = resources;
    }

    /**
     * Runs perf-test with keys and headers.
     *
     * @param vens      the VENs whose names key the records.
     * @param resources the records per VEN and tick.
     * @param args      perf-test's own arguments.
     * @throws Exception when perf-test fails.
     */
    public static void run(final int vens, final int resources, final String[] args) throws Exception
    {
        new KeyedProducerPerformance(vens, resources).start(args);
    }

    @Override
    KafkaProducer<byte[], byte[]> createKafkaProducer(final Properties props)
    {
        final byte[][] keys = this.keys;
        final int resources = this.resources;
        final long perTick = (long)keys.length * resources;
        return new KafkaProducer<>(props)
        {
            private long sent;
            private long tick = -1;
            private RecordHeaders headers;

            @Override
            public Future<RecordMetadata> send(final ProducerRecord<byte[], byte[]> record, final Callback callback)
            {
                final long n = sent++;
                if (n / perTick != tick)
                {
                    tick = n / perTick;
                    final byte[] text = Long.toString(tick).getBytes(StandardCharsets.US_ASCII);
                    headers = new RecordHeaders(new Header[] {new RecordHeader("metersim.tick", text),
                        new RecordHeader("metersim.index", text)});
                }
                final byte[] key = keys[(int)((n / resources) % keys.length)];
                return super.send(new ProducerRecord<>(record.topic(), null, null, key, record.value(),
                    headers), callback);
            }
        };
    }
}
