package io.metersim.bench;

import io.metersim.core.MeterSimulator;
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
 * One tick: advance the shared cursor, then collect every VEN (120 resources each) at the new position, on one
 * thread or split over two.
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

    /** Threads sharing the tick's collections. */
    @Param({"1", "2"})
    public int threads;

    private MeterSimulator simulator;
    private TickRunner runner;

    /**
     * Generates the default data set, a simulator of {@link #vens} VENs and the tick runner.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        simulator = BenchData.simulator(BenchData.defaultData(), vens, RESOURCES_PER_VEN);
        runner = new TickRunner(simulator, BenchData.venHandles(simulator), threads);
    }

    /**
     * Stops the helper thread.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        runner.close();
    }

    /**
     * @param blackhole sinks the tick's total.
     */
    @Benchmark
    public void tick(final Blackhole blackhole)
    {
        simulator.increaseTime();
        blackhole.consume(runner.collectAll(simulator.position()));
    }
}
