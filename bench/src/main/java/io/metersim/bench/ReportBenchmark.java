package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.MeterSimulator;
import io.metersim.openadr.DeliverySummary;
import io.metersim.openadr.ReporterOptions;
import io.metersim.openadr.ReporterStatistics;
import io.metersim.openadr.TestVtn;
import io.metersim.openadr.TestVtnOptions;
import io.metersim.openadr.VtnReporter;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * OpenADR reporting of VENs with 120 approved resources x 6 loads (720 readings, one {@code resources[]} entry each,
 * USAGE only, one report per VEN per tick), against openadr's in-process {@link TestVtn} bound to 127.0.0.1.
 * <ul>
 *   <li>{@code deliver}: collect the next VEN and {@code submit} its report to a {@link VtnReporter} with
 *   {@link Delivery#senders} sender threads and a blocking outbox of {@value #OUTBOX} reports, so the caller runs at
 *   the delivery rate once the outbox is full. The primary score is submits per second; the {@code delivered} counter
 *   is the reports the VTN answered 2xx in the same iteration, per second (from the reporter's statistics), which is
 *   the sustained rate. The VTN's schema validation is OFF (~2 ms per 720-entry report, see openadr's
 *   README) and it keeps no report bodies; client, server and JSON all run in this JVM on the same cores.</li>
 *   <li>{@code serialise}: {@code submit} to a reporter whose only sender is stuck on a VTN that never answers
 *   (a second {@link TestVtn} with a 10-minute latency; tokens come from the first) and whose one-report outbox is
 *   full with the drop policy on. Each call therefore writes the report JSON from the {@link CollectionBuffer} into
 *   the VEN's reusable buffer, copies out the finished {@code byte[]}, fails to queue it and counts the drop. The
 *   report writer itself is package-private in openadr; this is the smallest public path to it. {@code -prof gc}'s
 *   B/op is compared with the {@code bytesEmitted} counter, the size of the report, checked once in setup against
 *   a validating {@link TestVtn}.</li>
 * </ul>
 * <pre>
 * java -jar bench/target/benchmarks.jar ReportBenchmark -prof gc
 * </pre>
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ReportBenchmark
{
    /** Reports waiting in the delivering reporter's outbox before {@code submit} blocks. */
    static final int OUTBOX = 64;
    private static final int RESOURCES_PER_VEN = 120;

    /**
     * @param delivery the reporter and simulator.
     * @param counters the reports delivered in the iteration (taken so that JMH publishes them).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void deliver(final Delivery delivery, final Delivered counters)
    {
        delivery.submitNext();
    }

    /**
     * @param stalled the stalled reporter and one VEN's collection.
     * @param emitted the report's size (taken so that JMH publishes it).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public void serialise(final Stalled stalled, final Emitted emitted)
    {
        stalled.reporter.submit(stalled.ven, stalled.buffer);
    }

    /**
     * A simulator of {@link #reportingVens} VENs registered with a fast, non-validating {@link TestVtn}, and the
     * reporter.
     */
    @State(Scope.Benchmark)
    public static class Delivery
    {
        /**
         * VENs reported in turn, one report each per tick. Not named {@code vens}: {@code bench/check --quick}
         * passes {@code -p vens=10000} for {@link TickBenchmark}, and JMH applies a {@code -p} to every benchmark
         * declaring it.
         */
        @Param({"10"})
        public int reportingVens;

        /** The reporter's sender threads (requests in flight), and the VTN's worker threads. */
        @Param({"4"})
        public int senders;

        private MeterSimulator simulator;
        private CollectionBuffer buffer;
        TestVtn vtn;
        private VtnReporter reporter;
        private int next;

        /**
         * Generates the default data set, starts the VTN and registers every VEN and resource.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            simulator = BenchData.simulator(BenchData.defaultData(), reportingVens, RESOURCES_PER_VEN);
            buffer = simulator.newBuffer();
            vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0).withChecks(false, false)
                .withServing(0, senders));
            reporter = VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(), TestVtnOptions.DEFAULT_CLIENT_ID,
                TestVtnOptions.DEFAULT_CLIENT_SECRET).withOutbox(OUTBOX, false, senders));
            reporter.register(simulator.registry());
        }

        /**
         * Flushes the reporter and stops the VTN.
         *
         * @throws BenchException when a report was not delivered.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            try
            {
                final DeliverySummary summary = reporter.shutdown();
                if (!summary.complete())
                {
                    throw new BenchException("reports not delivered [summary=" + summary + "]");
                }
            }
            finally
            {
                vtn.close();
            }
        }

        /**
         * Collects the next VEN at the current position and submits it; after the last VEN, time advances.
         */
        void submitNext()
        {
            if (next == reportingVens)
            {
                next = 0;
                simulator.increaseTime();
            }
            final int ven = next++;
            reporter.submit(simulator.venName(ven), simulator.collectAt(ven, simulator.position(), buffer));
        }

        ReporterStatistics statistics()
        {
            return reporter.statistics();
        }
    }

    /**
     * Reports the VTN accepted during the iteration; JMH divides it by the iteration's time.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Delivered
    {
        /** Reports answered 2xx in this iteration. */
        public long delivered;

        private long sentBefore;

        /**
         * @param delivery the reporter.
         */
        @Setup(Level.Iteration)
        public void start(final Delivery delivery)
        {
            delivered = 0;
            sentBefore = delivery.statistics().sent();
        }

        /**
         * @param delivery the reporter.
         * @throws BenchException when the VTN refused a report or the reporter dropped one.
         */
        @TearDown(Level.Iteration)
        public void stop(final Delivery delivery)
        {
            final ReporterStatistics statistics = delivery.statistics();
            delivered = statistics.sent() - sentBefore;
            if (statistics.failed() + statistics.dropped() + statistics.abandoned() > 0)
            {
                throw new BenchException("reports not delivered [statistics=" + statistics + "]");
            }
        }
    }

    /**
     * A reporter that can only serialise: its one sender waits on a VTN that does not answer within the run, its
     * one-report outbox is full, and it drops (and counts) every further report.
     */
    @State(Scope.Benchmark)
    public static class Stalled
    {
        private static final long NEVER_MILLIS = TimeUnit.MINUTES.toMillis(10);

        TestVtn tokens;
        private TestVtn silent;
        VtnReporter reporter;
        private String ven;
        private CollectionBuffer buffer;
        private long bytesEmitted;

        /**
         * Collects one VEN, checks its report against a validating VTN and notes its size, then stalls a reporter.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            final MeterSimulator simulator = BenchData.simulator(BenchData.defaultData(), 1, RESOURCES_PER_VEN);
            ven = simulator.venName(0);
            simulator.increaseTime();
            buffer = simulator.collectAt(0, simulator.position(), simulator.newBuffer());
            tokens = TestVtn.start(TestVtnOptions.defaults().withPort(0));
            bytesEmitted = StalledReporter.checkedReportBytes(tokens, simulator, buffer);
            System.out.println("ReportBenchmark.serialise: one report of " + buffer.readingTotal() + " readings is "
                + bytesEmitted + " bytes, accepted by a validating TestVtn");
            silent = TestVtn.start(TestVtnOptions.defaults().withPort(0).withChecks(false, false)
                .withServing(NEVER_MILLIS, 1));
            reporter = StalledReporter.stall(silent, ven, buffer);
        }

        /**
         * @throws BenchException when a report got through or failed, i.e. the reporter is no longer stalled.
         */
        @TearDown(Level.Iteration)
        public void check()
        {
            final ReporterStatistics statistics = reporter.statistics();
            if (statistics.sent() + statistics.failed() > 0)
            {
                throw new BenchException("reporter no longer stalled [statistics=" + statistics + "]");
            }
        }

        /**
         * Abandons the stuck report and stops both VTNs.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            try
            {
                reporter.shutdown();
            }
            finally
            {
                silent.close();
                tokens.close();
            }
        }
    }

    /**
     * The size of the report {@code serialise} writes, published to the JMH results beside {@code -prof gc}'s B/op.
     * JMH sums an {@code EVENTS} counter over iterations and forks, so its printed score is the size times the
     * measured iterations; {@code bench/report.py} takes the per-iteration value from the raw data.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Emitted
    {
        /** Bytes of the report each {@code serialise} call writes. */
        public long bytesEmitted;

        /**
         * Publishes the size at the end of the iteration: JMH zeroes aux counters after the iteration's setup.
         *
         * @param stalled the state that measured the report.
         */
        @TearDown(Level.Iteration)
        public void publish(final Stalled stalled)
        {
            bytesEmitted = stalled.bytesEmitted;
        }
    }
}
