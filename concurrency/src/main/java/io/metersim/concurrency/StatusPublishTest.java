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
 * One thread approves R3 while another collects the VEN into its own buffer: the collection holds the old approved
 * set (R1, R2) or the new one (R1, R2, R3), with the readings of exactly that set, never a mix.
 */
@JCStressTest
@Description("updateResourceStatus vs collectAt: the collector sees the old or the new approved set")
@Outcome(id = "R1@M1 R2@M2 readings=3 watts=5100", expect = ACCEPTABLE, desc = "old set")
@Outcome(id = "R1@M1 R2@M2 R3@M3 readings=6 watts=14400", expect = ACCEPTABLE, desc = "new set")
@Outcome(expect = FORBIDDEN, desc = "a mix of the two sets")
@State
public class StatusPublishTest
{
    private final MeterSimulator simulator = Fixtures.statusSimulator();
    private final int ven = simulator.venHandle(Fixtures.VEN);
    private final CollectionBuffer buffer = simulator.newBuffer();

    @Actor
    public void writer()
    {
        simulator.updateResourceStatus(Fixtures.VEN, "R3", ResourceStatus.APPROVED);
    }

    @Actor
    public void collector(final L_Result r)
    {
        r.r1 = Fixtures.describe(simulator.collectAt(ven, simulator.position(), buffer));
    }
}
