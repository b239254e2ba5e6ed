package io.metersim.concurrency;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.MeterSimulator;
import io.metersim.core.ResourceStatus;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * One thread suspends R1 and then approves R3 (two publications, a shrink then a growth) while another collects the
 * VEN: the collection holds one of the three published sets, in order, and never R1 beside R3 or a set whose
 * readings belong to another.
 */
@JCStressTest
@Description("two status changes vs collectAt: the collector sees one published set, never a mix")
@Outcome(id = "R1@M1 R2@M2 readings=3 watts=5100", expect = ACCEPTABLE, desc = "before both changes")
@Outcome(id = "R2@M2 readings=2 watts=4100", expect = ACCEPTABLE, desc = "after the suspension")
@Outcome(id = "R2@M2 R3@M3 readings=5 watts=13400", expect = ACCEPTABLE, desc = "after both changes")
@Outcome(expect = FORBIDDEN, desc = "a mix of sets, or the second change seen without the first")
@State
public class StatusSequenceTest
{
    private final MeterSimulator simulator = Fixtures.statusSimulator();
    private final int ven = simulator.venHandle(Fixtures.VEN);
    private final CollectionBuffer buffer = simulator.newBuffer();

    @Actor
    public void writer()
    {
        simulator.updateResourceStatus(Fixtures.VEN, "R1", ResourceStatus.SUSPENDED);
        simulator.updateResourceStatus(Fixtures.VEN, "R3", ResourceStatus.APPROVED);
    }

    @Actor
    public void collector(final L_Result r)
    {
        r.r1 = Fixtures.describe(simulator.collectAt(ven, simulator.position(), buffer));
    }
}
