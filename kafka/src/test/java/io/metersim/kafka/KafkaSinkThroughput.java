package io.metersim.kafka;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.RunSummary;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import io.metersim.records.JsonRecordWriter;
import org.apache.kafka.tools.ProducerPerformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka sink's records/s against Kafka's own {@code kafka-producer-perf-test} (ProducerPerformance), on the same
 * broker, in one go: the same JSON records (perf-test sends the sink's own records from a payload file), acks=all,
 * idempotence, lz4 and batching. Prints both figures and the ratio per round, then the best of each.
 * <pre>
 * java -cp kafka/target/test-classes:kafka/target/classes:$(cat cp.txt) io.metersim.kafka.KafkaSinkThroughput \
 *     [vens=1000] [resources=12] [ticks=25] [threads=2] [partitions=6] [rounds=3] [bootstrap=HOST:PORT]
 * </pre>
 * Without {@code bootstrap=} it starts an in-process broker (the tests' {@link TestBroker}).
 */
public final class KafkaSinkThroughput
{
    private static final Pattern RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");
    private static final int LINGER_MS = 10;
    private static final int BATCH_BYTES = 256 * 1024;

    private KafkaSinkThroughput()
    {
    }

    /**
     * @param args {@code key=value} settings, see the class comment.
     * @throws Exception when the broker or a run fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int vens = intArg(args, "vens", 1000);
        final int resources = intArg(args, "resources", 12);
        final int ticks = intArg(args, "ticks", 25);
        final int threads = intArg(args, "threads", 2);
        final int partitions = intArg(args, "partitions", 6);
        final int rounds = intArg(args, "rounds", 3);
        final String external = arg(args, "bootstrap", null);
        final TestBroker broker = null == external ? TestBroker.start() : null;
        try
        {
            final String bootstrap = null == external ? broker.bootstrap() : external;
            final Path payloads = Files.createTempFile("metersim-kafka-payloads", ".jsonl");
            final long records = (long)vens * resources * ticks;
            final double recordBytes = writePayloads(simulator(vens, resources), payloads);
            System.out.printf(Locale.ROOT, "kafka sink vs kafka-producer-perf-test: %d VENs x %d resources x %d ticks"
                + " = %d records of %.0f B (JSON), %d partitions, %d sink threads, acks=all, idempotent, lz4, "
                + "linger.ms=%d, batch.size=%d%n", vens, resources, ticks, records, recordBytes, partitions, threads,
                LINGER_MS, BATCH_BYTES);
            double bestSink = 0;
            double bestPerf = 0;
            sinkRate(bootstrap, broker, "warm-sink", vens, resources, ticks, threads, partitions, external);
            perfRate(bootstrap, broker, "warm-perf", records, payloads, partitions, external);
            for (int round = 1; round <= rounds; round++)
            {
                final double sink = sinkRate(bootstrap, broker, "sink-" + round, vens, resources, ticks, threads,
                    partitions, external);
                final double perf = perfRate(bootstrap, broker, "perf-" + round, records, payloads, partitions,
                    external);
                bestSink = Math.max(bestSink, sink);
                bestPerf = Math.max(bestPerf, perf);
                System.out.printf(Locale.ROOT, "round %d: sink %.0f records/s, perf-test %.0f records/s, ratio %.2f%n",
                    round, sink, perf, sink / perf);
            }
            System.out.printf(Locale.ROOT, "best: sink %.0f records/s, perf-test %.0f records/s, ratio %.2f "
                + "(target >= 0.80)%n", bestSink, bestPerf, bestSink / bestPerf);
            Files.deleteIfExists(payloads);
        }
        finally
        {
            if (null != broker)
            {
                broker.close();
            }
        }
        System.exit(0);
    }

    private static MeterSimulator simulator(final int vens, final int resources)
    {
        return MeterSimulator.create(TestData.data(200, 200), Registry.synthetic(vens, resources),
            SimulatorOptions.defaults());
    }

    private static double sinkRate(
        final String bootstrap, final TestBroker broker, final String topic, final int vens, final int resources,
        final int ticks, final int threads, final int partitions, final String external) throws Exception
    {
        final KafkaSinkOptions options = KafkaSinkOptions.defaults(bootstrap).withTopic(topic)
            .withCreateTopic(null != external, partitions).withBatching(LINGER_MS, BATCH_BYTES, 64L * 1024 * 1024);
        if (null != broker)
        {
            broker.createTopic(topic, partitions);
        }
        final KafkaSink kafka = new KafkaSink(options);
        final RunSummary run = TickLoop.builder(simulator(vens, resources)).ticks(ticks).threads(threads)
            .sink(kafka).build().run();
        final SinkCounts counts = run.sinks().get(0);
        if (RunSummary.Outcome.COMPLETED != run.outcome() || !counts.complete())
        {
            throw new IllegalStateException("sink run failed: " + counts + " " + run.failure());
        }
        return counts.delivered() / (run.wallNanos() / 1e9);
    }

    private static double perfRate(
        final String bootstrap, final TestBroker broker, final String topic, final long records, final Path payloads,
        final int partitions, final String external) throws Exception
    {
        if (null != broker)
        {
            broker.createTopic(topic, partitions);
        }
        else
        {
            final KafkaSinkOptions create = KafkaSinkOptions.defaults(external).withTopic(topic)
                .withCreateTopic(true, partitions);
            TopicCheck.verify(create);
        }
        final String[] perfArgs = {"--topic", topic, "--num-records", Long.toString(records), "--throughput", "-1",
            "--payload-file", payloads.toString(), "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
            "enable.idempotence=true", "compression.type=lz4", "linger.ms=" + LINGER_MS, "batch.size=" + BATCH_BYTES,
            "buffer.memory=" + 64L * 1024 * 1024, "max.in.flight.requests.per.connection=5"};
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            ProducerPerformance.main(perfArgs);
        }
        finally
        {
            System.setOut(out);
        }
        final List<String> totals = new ArrayList<>();
        for (final String line : captured.toString(StandardCharsets.UTF_8).split("\n"))
        {
            if (RATE.matcher(line).find())
            {
                totals.add(line);
            }
        }
        if (totals.isEmpty())
        {
            throw new IllegalStateException("no total from perf-test: " + captured);
        }
        final Matcher rate = RATE.matcher(totals.get(totals.size() - 1));
        rate.find();
        return Double.parseDouble(rate.group(1));
    }

    /**
     * Writes one tick of the sink's records, exactly as it sends them, one per line, for perf-test's payload file.
     *
     * @return the mean record size in bytes.
     */
    private static double writePayloads(final MeterSimulator simulator, final Path file) throws IOException
    {
        final long[] count = new long[1];
        final long[] bytes = new long[1];
        try (OutputStream out = Files.newOutputStream(file))
        {
            final JsonRecordWriter writer = new JsonRecordWriter(out);
            final CollectionSink payloads = new CollectionSink()
            {
                @Override
                public String name()
                {
                    return "payloads";
                }

                @Override
                public void onCollection(final int worker, final CollectionBuffer collected, final long nanos)
                    throws IOException
                {
                    final Lane lane = new Lane();
                    for (int r = 0; r < collected.resourceCount(); r++)
                    {
                        bytes[0] += lane.value(collected, r).length;
                        count[0]++;
                    }
                    writer.write(collected);
                }
            };
            TickLoop.builder(simulator).ticks(1).sink(payloads).build().run();
            writer.flush();
        }
        return (double)bytes[0] / count[0];
    }

    private static int intArg(final String[] args, final String name, final int fallback)
    {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
    }

    private static String arg(final String[] args, final String name, final String fallback)
    {
        for (final String a : args)
        {
            if (a.startsWith(name + "="))
            {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
