package io.metersim.kafka;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.FormulaFleet;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.RunSummary;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import io.metersim.records.JsonRecordWriter;
import org.apache.kafka.tools.KeyedProducerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
 * idempotence, lz4 and batching. perf-test sends its payloads without key or headers; the sink's records carry the
 * VEN's name as key and two headers, so perf-test also runs with those ({@link KeyedProducerPerformance}: its own
 * loop, the records keyed and with headers as the sink's): the like-for-like ceiling. Prints the three figures and
 * both ratios per round, then the best of each.
 * <pre>
 * java -cp kafka/target/test-classes:kafka/target/classes:$(cat cp.txt) io.metersim.kafka.KafkaSinkThroughput \
 *     [vens=1000] [resources=120] [ticks=10] [threads=2] [partitions=6] [rounds=3] [linger=10] [batch=262144]
 *     [bootstrap=HOST:PORT]
 * </pre>
 * Without {@code bootstrap=} it starts an in-process broker (the tests' {@link TestBroker}).
 */
public final class KafkaSinkThroughput
{
    private static final Pattern RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");
    private static final int LINGER_MS = 10;
    private static final int BATCH_BYTES = 256 * 1024;
    private static final long BUFFER_BYTES = 64L * 1024 * 1024;

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
        final int resources = intArg(args, "resources", 120);
        final int ticks = intArg(args, "ticks", 10);
        final int threads = intArg(args, "threads", 2);
        final int partitions = intArg(args, "partitions", 6);
        final int rounds = intArg(args, "rounds", 3);
        final Batching batching = new Batching(intArg(args, "linger", LINGER_MS), intArg(args, "batch", BATCH_BYTES));
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
                batching.lingerMs(), batching.batchBytes());
            double bestSink = 0;
            double bestPerf = 0;
            double bestKeyed = 0;
            final Perf plain = new Perf(bootstrap, broker, records, payloads, partitions, external, 0, 0, batching);
            final Perf keyed = new Perf(bootstrap, broker, records, payloads, partitions, external, vens, resources,
                batching);
            sinkRate(bootstrap, broker, "warm-sink", vens, resources, ticks, threads, partitions, external, batching);
            perfRate(plain, "warm-perf");
            perfRate(keyed, "warm-keyed");
            double leastSinkCpu = Double.MAX_VALUE;
            double leastPerfCpu = Double.MAX_VALUE;
            double leastKeyedCpu = Double.MAX_VALUE;
            for (int round = 1; round <= rounds; round++)
            {
                long cpu = cpuNanos();
                final double sink = sinkRate(bootstrap, broker, "sink-" + round, vens, resources, ticks, threads,
                    partitions, external, batching);
                final double sinkCpu = (cpuNanos() - cpu) / 1e3 / records;
                cpu = cpuNanos();
                final double perf = perfRate(plain, "perf-" + round);
                final double perfCpu = (cpuNanos() - cpu) / 1e3 / records;
                cpu = cpuNanos();
                final double perfKeyed = perfRate(keyed, "keyed-" + round);
                final double keyedCpu = (cpuNanos() - cpu) / 1e3 / records;
                bestSink = Math.max(bestSink, sink);
                bestPerf = Math.max(bestPerf, perf);
                bestKeyed = Math.max(bestKeyed, perfKeyed);
                leastSinkCpu = Math.min(leastSinkCpu, sinkCpu);
                leastPerfCpu = Math.min(leastPerfCpu, perfCpu);
                leastKeyedCpu = Math.min(leastKeyedCpu, keyedCpu);
                System.out.printf(Locale.ROOT, "round %d: sink %.0f records/s, perf-test %.0f (ratio %.2f), perf-test"
                    + " with the sink's keys and headers %.0f (ratio %.2f); CPU per record (this JVM: client and "
                    + "broker) %.2f / %.2f / %.2f us%n", round, sink, perf, sink / perf, perfKeyed, sink / perfKeyed,
                    sinkCpu, perfCpu, keyedCpu);
            }
            System.out.printf(Locale.ROOT, "best: sink %.0f records/s; perf-test %.0f records/s, ratio %.2f; "
                + "perf-test with keys and headers %.0f records/s, ratio %.2f (target >= 0.80)%n", bestSink, bestPerf,
                bestSink / bestPerf, bestKeyed, bestSink / bestKeyed);
            System.out.printf(Locale.ROOT, "least CPU per record%s: sink %.2f us, perf-test %.2f us, with keys and "
                + "headers %.2f us%n", null == broker ? " (this JVM: the client only)" : " (client and broker)",
                leastSinkCpu, leastPerfCpu, leastKeyedCpu);
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

    /** CPU time of this whole JVM (client and, in process, the broker): less distorted by sharing the cores. */
    private static long cpuNanos()
    {
        return ((com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static MeterSimulator simulator(final int vens, final int resources)
    {
        return MeterSimulator.create(FormulaFleet.data(200, 200), Registry.synthetic(vens, resources),
            SimulatorOptions.defaults());
    }

    private static double sinkRate(
        final String bootstrap, final TestBroker broker, final String topic, final int vens, final int resources,
        final int ticks, final int threads, final int partitions, final String external, final Batching batching)
        throws Exception
    {
        final KafkaSinkOptions options = KafkaSinkOptions.defaults(bootstrap).withTopic(topic)
            .withCreateTopic(null != external, partitions)
            .withBatching(batching.lingerMs(), batching.batchBytes(), BUFFER_BYTES);
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

    /** One perf-test set-up; keyed (with the sink's keys and headers) when {@code vens > 0}. */
    private record Perf(String bootstrap, TestBroker broker, long records, Path payloads, int partitions,
                        String external, int vens, int resources, Batching batching)
    {
    }

    /** linger.ms and batch.size, the same on both sides. */
    private record Batching(int lingerMs, int batchBytes)
    {
    }

    private static double perfRate(final Perf perf, final String topic) throws Exception
    {
        final String bootstrap = perf.bootstrap();
        final TestBroker broker = perf.broker();
        final long records = perf.records();
        final Path payloads = perf.payloads();
        final int partitions = perf.partitions();
        final String external = perf.external();
        if (null != broker)
        {
            broker.createTopic(topic, partitions);
        }
        // as the sink's open() does: wait until every partition's leader serves, so perf-test does not start
        // writing to a just-created partition whose leader is not ready (an idempotent producer can then stall
        // until its delivery timeout)
        TopicCheck.verify(KafkaSinkOptions.defaults(bootstrap).withTopic(topic)
            .withCreateTopic(null == broker, partitions));
        final String[] perfArgs = {"--topic", topic, "--num-records", Long.toString(records), "--throughput", "-1",
            "--payload-file", payloads.toString(), "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
            "enable.idempotence=true", "compression.type=lz4", "linger.ms=" + perf.batching().lingerMs(),
            "batch.size=" + perf.batching().batchBytes(),
            "buffer.memory=" + BUFFER_BYTES, "max.in.flight.requests.per.connection=5"};
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            if (perf.vens() > 0)
            {
                KeyedProducerPerformance.run(perf.vens(), perf.resources(), perfArgs);
            }
            else
            {
                ProducerPerformance.main(perfArgs);
            }
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

    /** The last {@code name=value} of the arguments wins, so a caller's setting overrides the script's default. */
    private static String arg(final String[] args, final String name, final String fallback)
    {
        String value = fallback;
        for (final String a : args)
        {
            if (a.startsWith(name + "="))
            {
                value = a.substring(name.length() + 1);
            }
        }
        return value;
    }
}
