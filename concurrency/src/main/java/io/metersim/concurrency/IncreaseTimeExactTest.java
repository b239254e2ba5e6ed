package io.metersim.concurrency;

import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two threads advance the cursor one row each, mid-cycle: each gets a different row, and the cursor ends exactly two
 * rows on. Results: the index each actor got, then the final index and cycle.
 */
@JCStressTest
@Description("MeterSimulator.increaseTime(): two concurrent advances, no lost or doubled step")
@Outcome(id = {"1, 2, 2, 0", "2, 1, 2, 0"}, expect = ACCEPTABLE, desc = "both steps counted, each thread its own row")
@Outcome(expect = FORBIDDEN, desc = "a lost, doubled or misplaced step")
@State
public class IncreaseTimeExactTest
{
    private static final LoadData DATA = Fixtures.data(8, 1);

    private final MeterSimulator simulator = Fixtures.cursorSimulator(DATA, 0);

    @Actor
    public void actor1(final IIII_Result r)
    {
        r.r1 = simulator.increaseTime();
    }

    @Actor
    public void actor2(final IIII_Result r)
    {
        r.r2 = simulator.increaseTime();
    }

    @Arbiter
    public void arbiter(final IIII_Result r)
    {
        final long position = simulator.position();
        r.r3 = MeterSimulator.indexOf(position);
        r.r4 = (int)MeterSimulator.cycleOf(position);
    }
}
