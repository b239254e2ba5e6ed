package io.metersim.bench;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.DemandResponse;
import io.metersim.core.EventTimeline;
import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResponseModel;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TimeMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One VEN's collection of 120 resources x 6 loads with the demand response applied, against the plain collection of
 * the same VEN in the same run: {@code responding} while an open-ended SIMPLE level 2 event targets the VEN (90 % of
 * the resources shed water heater and heating), {@code idle} with the response in the loop and no event active, and
 * {@code plain} without a response. Continuous time, datagen's default data.
 * <pre>
 * java -jar bench/target/benchmarks.jar ResponseBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class ResponseBenchmark
{
    /** Approved resources of the one VEN, six loads each. */
    static final int RESOURCES = 120;

    MeterSimulator simulator;
    DemandResponse active;
    DemandResponse idle;
    int ven;

    /**
     * A one-VEN simulator in continuous time, moved off index 0; one response with an event active from the data's
     * start on, one whose only event starts a year after the data's end.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final LoadData data = BenchData.defaultData();
        simulator = MeterSimulator.create(data, Registry.synthetic(1, RESOURCES),
            new SimulatorOptions(SimulatorOptions.DEFAULT_SEED, TimeMode.CONTINUOUS));
        ven = simulator.venHandle(simulator.venNames().get(0));
        simulator.increaseTime();
        final long start = data.timestampMillis(0, 0);
        active = DemandResponse.create(simulator, ResponseModel.defaults(), event(start));
        idle = DemandResponse.create(simulator, ResponseModel.defaults(),
            event(start + (data.cycleLength() + 8760L) * data.intervalMillis()));
        active.takeUpEvents();
        idle.takeUpEvents();
    }

    private static EventTimeline event(final long start)
    {
        return EventTimeline.builder()
            .event("bench", "", "program-1", 0, start, EventTimeline.OPEN_ENDED, 0)
            .interval(0, EventTimeline.OPEN_ENDED).payload(EventTimeline.SIMPLE, 2)
            .build();
    }

    /**
     * Per-thread reusable buffer.
     */
    @State(Scope.Thread)
    public static class Buffers
    {
        CollectionBuffer collection;

        /**
         * @param bench the benchmark whose simulator makes the buffer.
         */
        @Setup(Level.Trial)
        public void setUp(final ResponseBenchmark bench)
        {
            collection = bench.simulator.newBuffer();
        }
    }

    /**
     * @param buffers the thread's buffer.
     * @return the collection, sunk by JMH.
     */
    @Benchmark
    public CollectionBuffer plain(final Buffers buffers)
    {
        return simulator.collectNextMetering(ven, buffers.collection);
    }

    /**
     * @param buffers the thread's buffer.
     * @return the collection with the active event's response applied, sunk by JMH.
     */
    @Benchmark
    public CollectionBuffer responding(final Buffers buffers)
    {
        final CollectionBuffer collected = simulator.collectNextMetering(ven, buffers.collection);
        active.respond(collected);
        return collected;
    }

    /**
     * @param buffers the thread's buffer.
     * @return the collection through a response without an active event, sunk by JMH.
     */
    @Benchmark
    public CollectionBuffer idle(final Buffers buffers)
    {
        final CollectionBuffer collected = simulator.collectNextMetering(ven, buffers.collection);
        idle.respond(collected);
        return collected;
    }
}
