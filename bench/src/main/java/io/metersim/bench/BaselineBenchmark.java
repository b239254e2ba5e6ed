package io.metersim.bench;

import io.metersim.baseline.BaselineMethod;
import io.metersim.baseline.BaselinePlan;
import io.metersim.baseline.BaselineResult;
import io.metersim.baseline.Baselines;
import io.metersim.baseline.DayRules;
import io.metersim.baseline.VenLoad;
import io.metersim.core.HolidayCalendar;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CAISO baseline of one event (Wednesday 2025-03-12, 16:00Z, 4 h) for every VEN of a fleet (120 resources each),
 * read straight from the time-major pool, against {@link #sumPass}: one pass summing every VEN's load over the same
 * 45 days (45 x 24 hourly positions before the event), through the same pool reads. The baseline reads only the
 * windows it needs (4 h before the event to its end, on each eligible day), so it should cost a fraction of the
 * pass; bench/targets.properties gates it at 3x.
 * <pre>
 * java -jar bench/target/benchmarks.jar BaselineBenchmark -p vens=10000 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class BaselineBenchmark
{
    private static final int RESOURCES_PER_VEN = 120;
    private static final Instant EVENT_START = Instant.parse("2025-03-12T16:00:00Z");
    private static final Duration EVENT_DURATION = Duration.ofHours(4);
    private static final int PASS_HOURS = BaselineMethod.LOOKBACK_DAYS * 24;

    /** VENs per operation. */
    @Param({"10000"})
    public int vens;

    private VenLoad[] loads;
    private BaselinePlan plan;
    private BaselineResult result;
    private long[] passPositions;
    private double[] passKw;

    /**
     * Generates the default data set, a synthetic fleet and every VEN's pool view; plans the event once.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final MeterSimulator simulator = BenchData.simulator(BenchData.defaultData(), vens, RESOURCES_PER_VEN);
        final List<VenLoad> list = VenLoad.list(simulator);
        loads = list.toArray(new VenLoad[0]);
        plan = Baselines.plan(BaselineMethod.CAISO, EVENT_START, EVENT_DURATION, loads[0],
            DayRules.of(DayRules.COPENHAGEN, HolidayCalendar.DK));
        result = Baselines.newResult(plan);
        final long eventPosition = (EVENT_START.toEpochMilli() - loads[0].startMillis()) / loads[0].intervalMillis();
        passPositions = new long[PASS_HOURS];
        for (int h = 0; h < PASS_HOURS; h++)
        {
            passPositions[h] = eventPosition - PASS_HOURS + h;
        }
        passKw = new double[PASS_HOURS];
    }

    /**
     * @return the fleet's summed reduction, kWh (so that nothing is dead code).
     */
    @Benchmark
    public double baseline()
    {
        final VenLoad[] loads = this.loads;
        double reduction = 0;
        for (final VenLoad load : loads)
        {
            reduction += Baselines.compute(plan, load, result).reductionKwh();
        }
        return reduction;
    }

    /**
     * @return the fleet's energy over the 45 days before the event, kWh.
     */
    @Benchmark
    public double sumPass()
    {
        final VenLoad[] loads = this.loads;
        final long[] positions = passPositions;
        final double[] kw = passKw;
        double energy = 0;
        for (final VenLoad load : loads)
        {
            load.gatherKw(positions, positions.length, kw);
            for (final double value : kw)
            {
                energy += value;
            }
        }
        return energy;
    }
}
