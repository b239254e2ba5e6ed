package io.metersim.bench;

import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.TickLoop;
import io.metersim.core.TickTotals;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * One tick of the loop that ships, {@link TickLoop#tick()}: every VEN (120 resources each) collected at one
 * position on 1 or 2 workers, the tick's totals handed to a sink, the cursor advanced. The JMH thread is the loop
 * thread (worker 0); with 2 threads the loop's own helper is the second worker.
 * <pre>
 * java -jar bench/target/benchmarks.jar TickBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class TickBenchmark
{
    private static final int RESOURCES_PER_VEN = 120;

    /** VENs collected per tick. */
    @Param({"100", "1000", "10000"})
    public int vens;

    /** Workers sharing the tick's collections. */
    @Param({"1", "2"})
    public int threads;

    private TickLoop loop;

    /**
     * Generates the default data set and a simulator of {@link #vens} VENs, and starts a loop without a tick limit.
     *
     * @param blackhole sinks every tick's total.
     */
    @Setup(Level.Trial)
    public void setUp(final Blackhole blackhole)
    {
        final MeterSimulator simulator =
            BenchData.simulator(BenchData.defaultData(), vens, RESOURCES_PER_VEN);
        loop = TickLoop.builder(simulator).untilStopped().threads(threads).sink(new TotalSink(blackhole)).build();
        loop.start();
    }

    /**
     * Stops the helper and closes the sink.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        loop.finish();
    }

    /**
     * @return whether the loop may go on (always, without a tick limit).
     */
    @Benchmark
    public boolean tick()
    {
        return loop.tick();
    }

    /** Consumes each tick's total, so that no part of the collection is dead code. */
    private static final class TotalSink implements CollectionSink
    {
        private final Blackhole blackhole;

        TotalSink(final Blackhole blackhole)
        {
            this.blackhole = blackhole;
        }

        @Override
        public String name()
        {
            return "blackhole";
        }

        @Override
        public void onTickEnd(final TickTotals tick)
        {
            blackhole.consume(tick.totalWatts());
        }
    }
}
