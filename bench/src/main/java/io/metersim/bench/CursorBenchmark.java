package io.metersim.bench;

import io.metersim.core.MeterSimulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared cursor: advancing alone, two threads advancing, one advancing while another reads, and reading alone.
 * <pre>
 * java -jar bench/target/benchmarks.jar CursorBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class CursorBenchmark
{
    private static final int METERS = 4;

    private final AtomicLong atomicFloor = new AtomicLong();
    private MeterSimulator simulator;

    /**
     * A small simulator: the cursor does not depend on how many meters or VENs there are, only on the cycle length.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        simulator = BenchData.simulator(BenchData.generate(METERS), 1, 1);
    }

    /**
     * @return the new index.
     */
    @Benchmark
    @Threads(1)
    public int increaseTime()
    {
        return simulator.increaseTime();
    }

    /**
     * @return the new index.
     */
    @Benchmark
    @Threads(2)
    public int increaseTimeTwoThreads()
    {
        return simulator.increaseTime();
    }

    /**
     * @return the new index.
     */
    @Benchmark
    @Group("advanceWhileRead")
    @GroupThreads(1)
    public int advance()
    {
        return simulator.increaseTime();
    }

    /**
     * @return the index the reader sees.
     */
    @Benchmark
    @Group("advanceWhileRead")
    @GroupThreads(1)
    public int read()
    {
        return simulator.currentIndex();
    }

    /**
     * @return the current index.
     */
    @Benchmark
    @Threads(1)
    public int currentIndex()
    {
        return simulator.currentIndex();
    }

    /**
     * The floor for any exact shared counter: one bare atomic increment, with nothing of the cursor around it.
     *
     * @return the new count.
     */
    @Benchmark
    @Threads(1)
    public long atomicIncrementBaseline()
    {
        return atomicFloor.incrementAndGet();
    }
}
