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
 * A cycle of 2 rows with the cursor on the last one: both advances run past the end at once, so both take the wrap
 * fold. The cursor must land on index 1 of cycle 1, each thread having got one of the rows 0 and 1.
 */
@JCStressTest
@Description("MeterSimulator.increaseTime(): two advances across the end of a cycle, folded exactly")
@Outcome(id = {"0, 1, 1, 1", "1, 0, 1, 1"}, expect = ACCEPTABLE, desc = "both steps folded into cycle 1")
@Outcome(expect = FORBIDDEN, desc = "a step lost or doubled by the fold, or an index past the end")
@State
public class IncreaseTimeWrapTest
{
    private static final LoadData DATA = Fixtures.data(2, 1);

    private final MeterSimulator simulator = Fixtures.cursorSimulator(DATA, 1);

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
