package io.metersim.kafka;

import io.metersim.core.FormulaFleet;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.RunSummary;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink against a real in-process KRaft broker: every record read back and checked.
 */
final class KafkaSinkTest
{
    private static final int VENS = 5;
    private static final int RESOURCES_PER_VEN = 3;
    private static final int METERS = VENS * RESOURCES_PER_VEN;
    private static final int ROWS = 48;

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception
    {
        broker = TestBroker.start();
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
    void shouldSendOneRecordPerResourcePerTickKeyedByVenOnTwoThreads() throws Exception
    {
        broker.createTopic("plain", 3);
        final long ticks = 20;
        final ReferenceSink reference = new ReferenceSink();
        final KafkaSink kafka = new KafkaSink(KafkaSinkOptions.defaults(broker.bootstrap()).withTopic("plain"));
        final RunSummary run = run(ticks, 2, reference, kafka);

        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome(), () -> String.valueOf(run.failure()));
        assertEquals(3, kafka.partitions());
        final List<ConsumerRecord<byte[], byte[]>> read = broker.readAll("plain", false);
        Records.verify(read, reference, METERS, ticks, METERS);
        final Set<String> keys = new HashSet<>();
        for (final ConsumerRecord<byte[], byte[]> record : read)
        {
            keys.add(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(Set.of("V1", "V2", "V3", "V4", "V5"), keys);
        final SinkCounts counts = run.sinks().get(1);
        assertEquals("kafka", counts.sink());
        assertEquals("records", counts.unit());
        assertEquals(ticks * METERS, counts.accepted());
        assertEquals(ticks * METERS, counts.delivered());
        assertTrue(counts.complete(), counts::toString);
    }

    @Test
    void shouldCommitOneTransactionPerTickForReadCommittedConsumers() throws Exception
    {
        broker.createTopic("transactional", 2);
        final long ticks = 12;
        final ReferenceSink reference = new ReferenceSink();
        final KafkaSink kafka = new KafkaSink(KafkaSinkOptions.defaults(broker.bootstrap()).withTopic("transactional")
            .withTransactions(true, ""));
        final RunSummary run = run(ticks, 2, reference, kafka);

        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome(), () -> String.valueOf(run.failure()));
        Records.verify(broker.readAll("transactional", true), reference, METERS, ticks, METERS);
        final SinkCounts counts = run.sinks().get(1);
        assertEquals(new SinkCounts("kafka", "records", ticks * METERS, ticks * METERS, counts.retried(), 0, 0),
            counts);
    }

    @Test
    void shouldCreateTheTopicWhenAsked() throws Exception
    {
        final ReferenceSink reference = new ReferenceSink();
        final KafkaSink kafka = new KafkaSink(KafkaSinkOptions.defaults(broker.bootstrap()).withTopic("created")
            .withCreateTopic(true, 4));
        final RunSummary run = run(3, 1, reference, kafka);

        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome(), () -> String.valueOf(run.failure()));
        assertEquals(4, kafka.partitions());
        Records.verify(broker.readAll("created", false), reference, METERS, 3, METERS);
    }

    @Test
    void shouldRefuseAMissingTopicBeforeTheRun()
    {
        final KafkaSink kafka = new KafkaSink(KafkaSinkOptions.defaults(broker.bootstrap()).withTopic("missing"));
        final TickLoop loop = TickLoop.builder(FormulaFleet.simulator(VENS, RESOURCES_PER_VEN, ROWS)).ticks(1)
            .sink(kafka).build();

        final MetersimException ex = assertThrows(MetersimException.class, loop::run);
        assertEquals("sink cannot start: topic does not exist; create it or let metersim create it (createTopic, "
            + "run --kafka-create-topic) [bootstrap=" + broker.bootstrap() + " topic=missing] [sink=kafka]",
            ex.getMessage());
    }

    @Test
    void shouldRefuseUnreachableBrokersBeforeTheRun() throws IOException
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        final String nobody = "127.0.0.1:" + port;
        final KafkaSink kafka = new KafkaSink(KafkaSinkOptions.defaults(nobody)
            .withTimeouts(Duration.ofMinutes(2), Duration.ofSeconds(2)));

        final KafkaSinkException ex = assertThrows(KafkaSinkException.class, () -> kafka.open(1));
        assertEquals("cannot reach the brokers: no answer from the brokers within PT2S [bootstrap=" + nobody
            + " topic=metersim.readings]", ex.getMessage());
        assertEquals(new SinkCounts("kafka", "records", 0, 0, 0, 0, 0), kafka.counts());
    }

    @Test
    void shouldWriteTheSameObjectAsTheJsonlLine() throws Exception
    {
        final MeterSimulator simulator = FormulaFleet.simulator(1, 2, ROWS);
        final io.metersim.core.CollectionBuffer buffer = simulator.collectNextMetering("V1", simulator.newBuffer());
        final Lane lane = new Lane();
        final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        final io.metersim.records.JsonRecordWriter writer = new io.metersim.records.JsonRecordWriter(line);
        writer.write(buffer, 1);
        writer.flush();

        assertEquals(line.toString(java.nio.charset.StandardCharsets.UTF_8),
            new String(lane.value(buffer, 1), java.nio.charset.StandardCharsets.UTF_8) + "\n");
        lane.format(buffer);
        assertEquals(new String(lane.value(buffer, 0), java.nio.charset.StandardCharsets.UTF_8),
            new String(lane.value(0), java.nio.charset.StandardCharsets.UTF_8));
        lane.format(buffer);
        assertEquals(line.toString(java.nio.charset.StandardCharsets.UTF_8),
            new String(lane.value(1), java.nio.charset.StandardCharsets.UTF_8) + "\n");
        assertEquals("{\"ven\":\"V1\",\"resource_id\":\"R2\",\"meter_point_id\":\"2\",\"index\":0,"
            + "\"timestamp\":1736928000000,\"power_w\":{\"load_0\":2000.0,\"load_1\":2100.0,\"load_2\":2200.0,"
            + "\"load_3\":2300.0,\"load_4\":2400.0,\"load_5\":2500.0},\"total_w\":13500.0}",
            new String(lane.value(buffer, 1), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static RunSummary run(
        final long ticks, final int threads, final ReferenceSink reference, final KafkaSink kafka)
    {
        final MeterSimulator simulator = FormulaFleet.simulator(VENS, RESOURCES_PER_VEN, ROWS);
        return TickLoop.builder(simulator).ticks(ticks).threads(threads).sink(reference).sink(kafka).build().run();
    }
}
