package io.metersim.concurrency;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A cycle of one row, so every advance runs past the end: the stored value holds index 1 for a moment before the
 * advancing thread folds it. While one thread advances twice, another reads the index three ways:
 * {@code currentIndex()}, {@code position()}, and a collection at that position (-1 if it refused the position).
 * Every index either thread sees is 0. (Two threads, not three: jcstress skips tests with more actors than CPUs,
 * and CI has two.)
 */
@JCStressTest
@Description("reads of the cursor during a wrap fold never see an index past the end")
@Outcome(id = "0, 0, 0, 0, 0", expect = ACCEPTABLE, desc = "advances folded; every read in range")
@Outcome(expect = FORBIDDEN, desc = "an index out of range, or a collection refused its position")
@State
public class CursorIndexReadTest
{
    private static final LoadData DATA = Fixtures.data(1, 1);

    private final MeterSimulator simulator = Fixtures.cursorSimulator(DATA, 0);
    private final CollectionBuffer buffer = simulator.newBuffer();

    @Actor
    public void advance(final IIIII_Result r)
    {
        r.r1 = simulator.increaseTime();
        r.r2 = simulator.increaseTime();
    }

    @Actor
    public void reader(final IIIII_Result r)
    {
        r.r3 = simulator.currentIndex();
        final long position = simulator.position();
        r.r4 = MeterSimulator.indexOf(position);
        try
        {
            r.r5 = simulator.collectAt(0, position, buffer).index();
        }
        catch (final MetersimException ex)
        {
            r.r5 = -1;
        }
    }
}
