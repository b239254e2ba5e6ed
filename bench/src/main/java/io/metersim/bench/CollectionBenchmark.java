package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.LoadData;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One VEN's collection at the current index into a reusable buffer, against a baseline that gathers the same
 * readings' watts straight from the pool.
 * <pre>
 * java -jar bench/target/benchmarks.jar CollectionBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class CollectionBenchmark
{
    /** Approved resources of the one VEN, six loads each. */
    @Param({"10", "120", "1000"})
    public int resources;

    private MeterSimulator simulator;
    private PoolGather gather;
    private int ven;

    /**
     * Generates the default data set and a one-VEN simulator, moves off index 0 and prepares the baseline's gather.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final LoadData data = BenchData.defaultData();
        simulator = BenchData.simulator(data, 1, resources);
        ven = simulator.venHandle(simulator.venNames().get(0));
        simulator.increaseTime();
        gather = PoolGather.of(data, simulator.collectNextMetering(ven, simulator.newBuffer()));
    }

    /**
     * Per-thread reusable targets.
     */
    @State(Scope.Thread)
    public static class Buffers
    {
        CollectionBuffer collection;
        double[] watts;

        /**
         * @param bench the benchmark whose simulator makes the buffer.
         */
        @Setup(Level.Trial)
        public void setUp(final CollectionBenchmark bench)
        {
            collection = bench.simulator.newBuffer();
            watts = new double[bench.gather.seriesCount()];
        }
    }

    /**
     * @param buffers the thread's buffers.
     * @return the filled buffer, sunk by JMH.
     */
    @Benchmark
    public CollectionBuffer collect(final Buffers buffers)
    {
        return simulator.collectNextMetering(ven, buffers.collection);
    }

    /**
     * @param buffers the thread's buffers.
     * @return the sum of the gathered watts, sunk by JMH.
     */
    @Benchmark
    public double baseline(final Buffers buffers)
    {
        return gather.gather(simulator.currentIndex(), buffers.watts);
    }
}
