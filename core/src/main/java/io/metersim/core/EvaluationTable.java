package io.metersim.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The response's per-event, per-VEN accumulators: one slot per distinct event seen over the run (keyed by label,
 * program and start, so an event replaced by the same event keeps its slot), {@code [slot * vens + v]} per cell.
 * A cell is written only by the worker that collects its VEN; slots are added on the loop thread between ticks,
 * when no worker runs, and reach the workers through the loop's round hand-off.
 */
final class EvaluationTable
{
    private final int vens;
    private final List<String> venNames;
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final List<String[]> slotLabels = new ArrayList<>();
    long[] ticks = new long[0];
    double[] unmodifiedWh = new double[0];
    double[] actualWh = new double[0];
    double[] reboundWh = new double[0];
    private boolean[] targeted = new boolean[0];

    EvaluationTable(final List<String> venNames)
    {
        this.venNames = List.copyOf(venNames);
        this.vens = venNames.size();
    }

    /**
     * Gives every event of the plan its slot, adding slots for events not seen before. Loop thread, between ticks.
     */
    void bind(final ResponsePlan plan)
    {
        final EventTimeline timeline = plan.timeline;
        for (int e = 0; e < plan.events; e++)
        {
            final String key = timeline.label(e) + '\u0000' + timeline.programId(e) + '\u0000'
                + timeline.startMillis(e);
            Integer slot = slotOf.get(key);
            if (null == slot)
            {
                slot = slotLabels.size();
                slotOf.put(key, slot);
                slotLabels.add(new String[] {timeline.label(e), timeline.name(e), timeline.programId(e)});
                grow(slotLabels.size() * vens);
            }
            plan.slots[e] = slot;
            for (int v = 0; v < vens; v++)
            {
                targeted[slot * vens + v] |= plan.venTargeted[e * vens + v];
            }
        }
    }

    List<EventEvaluation> rows(final double hoursPerTick)
    {
        final List<EventEvaluation> rows = new ArrayList<>();
        for (int slot = 0; slot < slotLabels.size(); slot++)
        {
            final String[] labels = slotLabels.get(slot);
            for (int v = 0; v < vens; v++)
            {
                final int cell = slot * vens + v;
                if (!targeted[cell])
                {
                    continue;
                }
                final double hours = ticks[cell] * hoursPerTick;
                final double unmodified = unmodifiedWh[cell] / 1000;
                final double actual = actualWh[cell] / 1000;
                final double reduction = unmodified - actual;
                rows.add(new EventEvaluation(labels[0], labels[1], labels[2], venNames.get(v), ticks[cell], hours,
                    unmodified, actual, reduction, hours > 0 ? reduction / hours : 0.0, reboundWh[cell] / 1000));
            }
        }
        return rows;
    }

    private void grow(final int cells)
    {
        if (cells > ticks.length)
        {
            ticks = Arrays.copyOf(ticks, cells);
            unmodifiedWh = Arrays.copyOf(unmodifiedWh, cells);
            actualWh = Arrays.copyOf(actualWh, cells);
            reboundWh = Arrays.copyOf(reboundWh, cells);
            targeted = Arrays.copyOf(targeted, cells);
        }
    }
}
