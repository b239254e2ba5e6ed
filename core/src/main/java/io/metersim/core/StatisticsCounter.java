package io.metersim.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Counts resources by status and the meters the approved ones read.
 */
final class StatisticsCounter
{
    private StatisticsCounter()
    {
    }

    static SimulatorStatistics count(final Registry registry, final MeterAssignment assignment, final byte[] statuses)
    {
        final List<SimulatorStatistics.VenStatistics> vens = new ArrayList<>(registry.venCount());
        final int[] totals = new int[ResourceStatus.values().length];
        final int[] kinds = new int[3];
        final BitSet meters = new BitSet();
        for (int v = 0; v < registry.venCount(); v++)
        {
            final int[] counts = new int[totals.length];
            for (int p = registry.firstOfVen(v); p < registry.endOfVen(v); p++)
            {
                final int row = registry.rowAt(p);
                counts[statuses[row]]++;
                if (statuses[row] == ResourceStatus.APPROVED.ordinal())
                {
                    kinds[assignment.kindOf(row)]++;
                    if (assignment.meterOf(row) >= 0)
                    {
                        meters.set(assignment.meterOf(row));
                    }
                }
            }
            for (int s = 0; s < totals.length; s++)
            {
                totals[s] += counts[s];
            }
            vens.add(new SimulatorStatistics.VenStatistics(registry.venName(v), counts[0], counts[1], counts[2],
                registry.endOfVen(v) - registry.firstOfVen(v)));
        }
        return new SimulatorStatistics(vens, totals[0], totals[1], totals[2], registry.size(),
            kinds[MeterAssignment.EXPLICIT] + kinds[MeterAssignment.ASSIGNED], kinds[MeterAssignment.EXPLICIT],
            kinds[MeterAssignment.ASSIGNED], meters.cardinality(), kinds[MeterAssignment.NOT_FOUND]);
    }
}
