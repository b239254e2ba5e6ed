package io.metersim.core;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJ_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * The package-private cursor itself (this test sits in core's package, so it can reach it), with a cycle of one row:
 * every add runs past the end, so two adds always contend in the fold. Results: the packed positions
 * ({@code cycle << 32 | index}) the two adds returned, then the raw stored value after both. 4294967296 is cycle 1
 * index 0, 8589934592 cycle 2 index 0; the stored value must be folded (normalised) once both adds have returned.
 */
@JCStressTest
@Description("SharedCursor.incrementAndGet(): two adds folding at once, cycle length 1")
@Outcome(id = {"4294967296, 8589934592, 8589934592", "8589934592, 4294967296, 8589934592"}, expect = ACCEPTABLE,
    desc = "each add its own cycle; stored value folded to cycle 2 index 0")
@Outcome(expect = FORBIDDEN, desc = "a lost or doubled add, an unfolded index, or an unfolded stored value")
@State
public class SharedCursorFoldTest
{
    private final SharedCursor cursor = new SharedCursor(1);

    @Actor
    public void actor1(final JJJ_Result r)
    {
        r.r1 = cursor.incrementAndGet();
    }

    @Actor
    public void actor2(final JJJ_Result r)
    {
        r.r2 = cursor.incrementAndGet();
    }

    @Arbiter
    public void arbiter(final JJJ_Result r)
    {
        r.r3 = (long)SharedCursor.VALUE.getVolatile(cursor);
    }
}
