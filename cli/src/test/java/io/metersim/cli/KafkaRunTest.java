package io.metersim.cli;

import io.metersim.kafka.TestBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code metersim run --kafka …} against a real in-process KRaft broker: every record read back and checked
 * against the same run's jsonl output and the fixture formula.
 */
class KafkaRunTest
{
    /** Herning reads meters 0 and 1, Aarhus meter 3; watts(m, k, t) = 1000 m + 100 k + t over 6 loads. */
    private static final double WATTS_T0 = 28_500;
    private static final double WATTS_PER_ROW = 18;
    private static final Pattern TOTAL = Pattern.compile("\"total_w\":([-0-9.Ee]+)}$");

    private static TestBroker broker;
    private static String bootstrap;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception
    {
        // the in-process broker logs at INFO otherwise; Main sets the same level on its first run
        if (null == System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"))
        {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        broker = TestBroker.start();
        bootstrap = broker.bootstrap();
        broker.createTopic("readings", 3);
        broker.createTopic("ticks", 2);
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
    void shouldSendTheJsonlRecordsToKafkaKeyedByVen()
    {
        final Path out = dir.resolve("out.jsonl");
        final Cli.Result result = Cli.run(dir, args("--ticks", "5", "--format", "jsonl", "--out", out.toString(),
            "--kafka", bootstrap, "--kafka-topic", "readings"));

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().contains("sink kafka: 15 records accepted, 15 delivered, 0 retried, 0 dropped, "
            + "0 failed\n"), result::toString);
        final List<ConsumerRecord<byte[], byte[]>> read = broker.readAll("readings", false);
        final List<String> values = new ArrayList<>();
        final Set<String> keys = new TreeSet<>();
        for (final ConsumerRecord<byte[], byte[]> record : read)
        {
            values.add(new String(record.value(), StandardCharsets.UTF_8));
            keys.add(new String(record.key(), StandardCharsets.UTF_8));
        }
        final List<String> lines = new ArrayList<>(Cli.read(out).lines().toList());
        values.sort(null);
        lines.sort(null);
        assertEquals(15, lines.size());
        assertEquals(lines, values, "every record is one jsonl line of the run, exactly once");
        assertEquals(Set.of("Aarhus", "Herning"), keys);
        assertWattsPerTick(read, 5);
    }

    @Test
    void shouldCommitEveryTickWhenTransactionalFromTheEnvironment()
    {
        final Cli.Result result = Cli.run(dir, Map.of("METERSIM_KAFKA", bootstrap, "METERSIM_KAFKA_TOPIC", "ticks",
            "METERSIM_KAFKA_TRANSACTIONAL", "true"), args("--ticks", "4", "--threads", "2"));

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().contains("sink kafka: 12 records accepted, 12 delivered, "), result::toString);
        final List<ConsumerRecord<byte[], byte[]>> read = broker.readAll("ticks", true);
        assertEquals(12, read.size());
        assertWattsPerTick(read, 4);
    }

    @Test
    void shouldRefuseAMissingTopicBeforeTheFirstTick()
    {
        final Cli.Result result = Cli.run(dir, args("--ticks", "2", "--kafka", bootstrap, "--kafka-topic", "nope"));

        assertEquals(1, result.code(), result::toString);
        assertEquals("metersim: sink cannot start: topic does not exist; create it or let metersim create it "
            + "(createTopic, run --kafka-create-topic) [bootstrap=" + bootstrap + " topic=nope] [sink=kafka]\n",
            result.err());
        assertEquals("", result.out());
    }

    @Test
    void shouldRefuseSettingsTheSinkOwns()
    {
        final Cli.Result result = Cli.run(dir, args("--kafka", bootstrap, "--kafka-property", "acks=1"));

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: the Kafka sink sets this client setting itself [property=acks]\n", result.err());
    }

    private String[] args(final String... more)
    {
        final List<String> all = new ArrayList<>(List.of("run",
            "--config", Cli.write(dir.resolve("empty.properties"), "").toString(),
            "--data", Cli.fixtures().resolve("seed-layout-small.h5").toString(),
            "--resources", Cli.fixtureResources(dir).toString(), "--interval", "0"));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    private static void assertWattsPerTick(final List<ConsumerRecord<byte[], byte[]>> read, final int ticks)
    {
        final Map<Long, Double> watts = new TreeMap<>();
        for (final ConsumerRecord<byte[], byte[]> record : read)
        {
            final long tick = Long.parseLong(new String(record.headers().lastHeader("metersim.tick").value(),
                StandardCharsets.US_ASCII));
            final Matcher total = TOTAL.matcher(new String(record.value(), StandardCharsets.UTF_8));
            assertTrue(total.find(), "total_w in the record");
            watts.merge(tick, Double.parseDouble(total.group(1)), Double::sum);
        }
        assertEquals(ticks, watts.size());
        for (long t = 0; t < ticks; t++)
        {
            assertEquals(WATTS_T0 + WATTS_PER_ROW * t, watts.get(t), "watts of tick " + t);
        }
    }
}
