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
 * the same VENs in the same run. The operations go through the VENs of a small fleet as a tick does, all at one data
 * row, then on to the next row (continuous time, so the rows go on past the data's wrap): every VEN sees its
 * intervals in order, and a row is read from memory once per tick, not once per VEN. Datagen's default data.
 * <ul>
 * <li>{@code plain}: no response.</li>
 * <li>{@code responding}: an open-ended SIMPLE level 2 event targets the VEN and every collection sheds (90 % of the
 * resources shed water heater and heating): the shed limit is as long as its window, so it never releases.</li>
 * <li>{@code payback}: the same event under the default limit, 4 h in any 10 h: of every 10 collections about 4
 * shed and 6 pay the deferred energy and the heating rebound back.</li>
 * <li>{@code idle}: the response in the loop, its only event long over.</li>
 * </ul>
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
    /** Approved resources of each VEN, six loads each. */
    static final int RESOURCES = 120;
    /** The VENs of a tick. */
    static final int VENS = 100;

    MeterSimulator simulator;
    DemandResponse responding;
    DemandResponse payback;
    DemandResponse idle;

    /**
     * A simulator of {@link #VENS} VENs in continuous time; responses with an event active from the data's start on, and one
     * whose only event ended a day before the data's start.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final LoadData data = BenchData.defaultData();
        simulator = MeterSimulator.create(data, Registry.synthetic(VENS, RESOURCES),
            new SimulatorOptions(SimulatorOptions.DEFAULT_SEED, TimeMode.CONTINUOUS));
        final long start = data.timestampMillis(0, 0);
        final ResponseModel neverReleasing = ResponseModel.defaults().with("max-shed", "PT10H");
        responding = DemandResponse.create(simulator, neverReleasing, event(start, EventTimeline.OPEN_ENDED));
        payback = DemandResponse.create(simulator, ResponseModel.defaults(), event(start, EventTimeline.OPEN_ENDED));
        idle = DemandResponse.create(simulator, ResponseModel.defaults(),
            event(start - 2 * 86_400_000L, 3_600_000L));
        responding.takeUpEvents();
        payback.takeUpEvents();
        idle.takeUpEvents();
    }

    private static EventTimeline event(final long start, final long duration)
    {
        return EventTimeline.builder()
            .event("bench", "", "program-1", 0, start, duration, 0)
            .interval(0, duration).payload(EventTimeline.SIMPLE, 2)
            .build();
    }

    /**
     * Per-thread reusable buffer, and the VEN and row it collects next.
     */
    @State(Scope.Thread)
    public static class Buffers
    {
        CollectionBuffer collection;
        MeterSimulator simulator;
        int rows;
        int ven = -1;
        int index;
        long cycle;
        long position;

        /**
         * @param bench the benchmark whose simulator makes the buffer.
         */
        @Setup(Level.Trial)
        public void setUp(final ResponseBenchmark bench)
        {
            simulator = bench.simulator;
            collection = simulator.newBuffer();
            rows = simulator.data().cycleLength();
            position = simulator.positionOf(0, 0);
        }

        /**
         * @return the next VEN; its row is {@link #position}.
         */
        int nextVen()
        {
            if (++ven == VENS)
            {
                ven = 0;
                if (++index == rows)
                {
                    index = 0;
                    cycle++;
                }
                position = simulator.positionOf(index, cycle);
            }
            return ven;
        }
    }

    /**
     * @param buffers the thread's buffer.
     * @return the collection, sunk by JMH.
     */
    @Benchmark
    public CollectionBuffer plain(final Buffers buffers)
    {
        return simulator.collectAt(buffers.nextVen(), buffers.position, buffers.collection);
    }

    /**
     * @param buffers the thread's buffer.
     * @return the collection with the active event's response applied, sunk by JMH.
     */
    @Benchmark
    public CollectionBuffer responding(final Buffers buffers)
    {
        final CollectionBuffer collected = simulator.collectAt(buffers.nextVen(), buffers.position, buffers.collection);
        responding.respond(collected);
        return collected;
    }

    /**
     * @param buffers the thread's buffer.
     * @return the collection with the response applied, shedding or paying back, sunk by JMH.
     */
    @Benchmark
    public CollectionBuffer payback(final Buffers buffers)
    {
        final CollectionBuffer collected = simulator.collectAt(buffers.nextVen(), buffers.position, buffers.collection);
        payback.respond(collected);
        return collected;
    }

    /**
     * @param buffers the thread's buffer.
     * @return the collection through a response without an active event, sunk by JMH.
     */
    @Benchmark
    public CollectionBuffer idle(final Buffers buffers)
    {
        final CollectionBuffer collected = simulator.collectAt(buffers.nextVen(), buffers.position, buffers.collection);
        idle.respond(collected);
        return collected;
    }
}
