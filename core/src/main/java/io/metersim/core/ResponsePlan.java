package io.metersim.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An {@link EventTimeline} bound to one registry, in the form the response reads per tick: per event whether each
 * VEN is targeted and the VEN's start (with its {@code randomizeStart} draw), a registry-row mask for events that
 * target resources by name, and the intervals the response acts on (the first SIMPLE or IMPORT_CAPACITY_LIMIT
 * payload of each interval) flattened into primitive arrays. Immutable once built; built off the hot path.
 */
final class ResponsePlan
{
    static final ResponsePlan EMPTY = new ResponsePlan();

    final EventTimeline timeline;
    final int events;
    final int vens;
    final int[] priorities;
    /** {@code [e * vens + v]}: whether event e targets VEN v (some resource of it, for resource targets). */
    final boolean[] venTargeted;
    /** {@code [e * vens + v]}: event e's start for VEN v, randomizeStart applied. */
    final long[] venStartMillis;
    /** Per event: null for every resource of a targeted VEN, else whether each registry row is targeted. */
    final boolean[][] rowTargeted;
    final boolean anyResourceTargets;
    /** Acting intervals of event e: {@code [actFirst[e], actFirst[e + 1])}. */
    final int[] actFirst;
    final long[] actFrom;
    /** Exclusive end relative to the event's start; {@link Long#MAX_VALUE} when open-ended. */
    final long[] actTo;
    final byte[] actKind;
    final double[] actValue;
    final int[] actEvent;
    final List<String> warnings;
    /** Evaluation slot of each event, set when the plan is taken up. */
    final int[] slots;

    private ResponsePlan()
    {
        this.timeline = EventTimeline.empty();
        this.events = 0;
        this.vens = 0;
        this.priorities = new int[0];
        this.venTargeted = new boolean[0];
        this.venStartMillis = new long[0];
        this.rowTargeted = new boolean[0][];
        this.anyResourceTargets = false;
        this.actFirst = new int[1];
        this.actFrom = new long[0];
        this.actTo = new long[0];
        this.actKind = new byte[0];
        this.actValue = new double[0];
        this.actEvent = new int[0];
        this.warnings = List.of();
        this.slots = new int[0];
    }

    ResponsePlan(final EventTimeline timeline, final Registry registry, final long seed)
    {
        this.timeline = timeline;
        this.events = timeline.size();
        final List<String> venNames = registry.venNames();
        this.vens = venNames.size();
        this.priorities = timeline.priorities.clone();
        this.venTargeted = new boolean[events * vens];
        this.venStartMillis = new long[events * vens];
        this.rowTargeted = new boolean[events][];
        this.slots = new int[events];
        final List<String> notes = new ArrayList<>();
        boolean resourceTargets = false;
        for (int e = 0; e < events; e++)
        {
            bindTargets(e, registry, venNames, notes);
            resourceTargets |= null != rowTargeted[e];
            drawStarts(e, venNames, seed);
        }
        this.anyResourceTargets = resourceTargets;
        int acting = 0;
        for (int e = 0; e < events; e++)
        {
            for (int i = 0; i < timeline.intervalCount(e); i++)
            {
                acting += actingPayload(e, i) >= 0 ? 1 : 0;
            }
        }
        this.actFirst = new int[events + 1];
        this.actFrom = new long[acting];
        this.actTo = new long[acting];
        this.actKind = new byte[acting];
        this.actValue = new double[acting];
        this.actEvent = new int[acting];
        flattenIntervals(notes);
        for (final String type : timeline.ignoredPayloadTypes())
        {
            notes.add("payload type " + type + " is kept but ignored by the response");
        }
        this.warnings = List.copyOf(notes);
    }

    /**
     * @return the acting interval of the highest-priority event targeting VEN {@code v} (and, for events with
     *         resource targets, registry row {@code row}; -1 skips that check) that is active at {@code t}; -1 when
     *         none is. Ties go to the event listed first.
     */
    int winner(final int v, final int row, final long t)
    {
        int best = -1;
        int bestPriority = 0;
        for (int e = 0; e < events; e++)
        {
            if (!venTargeted[e * vens + v] || (best >= 0 && priorities[e] >= bestPriority))
            {
                continue;
            }
            final boolean[] rows = rowTargeted[e];
            if (null != rows && (row < 0 || !rows[row]))
            {
                continue;
            }
            final int active = activeInterval(e, v, t);
            if (active >= 0)
            {
                best = active;
                bestPriority = priorities[e];
            }
        }
        return best;
    }

    /**
     * @return the first acting interval of event e active for VEN v at t, or -1.
     */
    int activeInterval(final int e, final int v, final long t)
    {
        final long local = t - venStartMillis[e * vens + v];
        for (int a = actFirst[e]; a < actFirst[e + 1]; a++)
        {
            if (local >= actFrom[a] && local < actTo[a])
            {
                return a;
            }
        }
        return -1;
    }

    private void bindTargets(final int e, final Registry registry, final List<String> venNames,
        final List<String> notes)
    {
        final String[] venTargets = timeline.venTargets[e];
        final String[] resourceTargets = timeline.resourceTargets[e];
        final Set<String> wantedVens = Set.of(dedupe(venTargets));
        final Set<String> wantedResources = Set.of(dedupe(resourceTargets));
        final Set<String> seenVens = new HashSet<>();
        final Set<String> seenResources = new HashSet<>();
        final boolean[] rows = resourceTargets.length == 0 ? null : new boolean[registry.size()];
        for (int v = 0; v < vens; v++)
        {
            final String ven = venNames.get(v);
            if (!wantedVens.isEmpty() && !wantedVens.contains(ven))
            {
                continue;
            }
            seenVens.add(ven);
            boolean any = null == rows;
            for (int p = registry.firstOfVen(v); null != rows && p < registry.endOfVen(v); p++)
            {
                final int row = registry.rowAt(p);
                if (wantedResources.contains(registry.resourceName(row)))
                {
                    rows[row] = true;
                    seenResources.add(registry.resourceName(row));
                    any = true;
                }
            }
            venTargeted[e * vens + v] = any;
        }
        rowTargeted[e] = rows;
        noteUnmatched(e, "VEN", wantedVens, seenVens, notes);
        noteUnmatched(e, "resource", wantedResources, seenResources, notes);
    }

    private void noteUnmatched(final int e, final String what, final Set<String> wanted, final Set<String> seen,
        final List<String> notes)
    {
        final List<String> unmatched = new ArrayList<>();
        for (final String name : wanted)
        {
            if (!seen.contains(name))
            {
                unmatched.add(name);
            }
        }
        if (!unmatched.isEmpty())
        {
            unmatched.sort(null);
            notes.add("event " + timeline.label(e) + " targets " + what + " names no " + ("VEN".equals(what)
                ? "VEN of the registry" : "targeted VEN has") + " [" + what.toLowerCase(java.util.Locale.ROOT)
                + "s=" + String.join(", ", unmatched) + "]");
        }
    }

    private void drawStarts(final int e, final List<String> venNames, final long seed)
    {
        final long width = timeline.randomizeMillis[e];
        final long eventHash = MeterAssignment.mix(seed, timeline.label(e), Long.toString(timeline.startMillis[e]));
        for (int v = 0; v < vens; v++)
        {
            long offset = 0;
            if (width > 0)
            {
                final long draw = SplitMix64.output(eventHash ^ MeterAssignment.fnv1a64(venNames.get(v)), 1);
                offset = Long.remainderUnsigned(draw, width);
            }
            venStartMillis[e * vens + v] = timeline.startMillis[e] + offset;
        }
    }

    private void flattenIntervals(final List<String> notes)
    {
        int a = 0;
        for (int e = 0; e < events; e++)
        {
            actFirst[e] = a;
            for (int i = 0; i < timeline.intervalCount(e); i++)
            {
                final int p = actingPayload(e, i);
                if (p < 0)
                {
                    continue;
                }
                final long from = timeline.intervalOffsetMillis(e, i);
                final long duration = timeline.intervalDurationMillis(e, i);
                actFrom[a] = from;
                actTo[a] = duration == EventTimeline.OPEN_ENDED ? Long.MAX_VALUE : from + duration;
                actKind[a] = EventTimeline.kindOf(timeline.payloadType(e, i, p));
                actValue[a] = timeline.payloadValue(e, i, p);
                actEvent[a] = e;
                a++;
            }
            if (a == actFirst[e])
            {
                notes.add("event " + timeline.label(e) + " has no SIMPLE or IMPORT_CAPACITY_LIMIT payload with a "
                    + "number: the response ignores it [event=" + timeline.label(e) + "]");
            }
        }
        actFirst[events] = a;
    }

    private int actingPayload(final int e, final int i)
    {
        for (int p = 0; p < timeline.payloadCount(e, i); p++)
        {
            if (EventTimeline.kindOf(timeline.payloadType(e, i, p)) != EventTimeline.KIND_OTHER
                && Double.isFinite(timeline.payloadValue(e, i, p)))
            {
                return p;
            }
        }
        return -1;
    }

    private static String[] dedupe(final String[] names)
    {
        return new java.util.LinkedHashSet<>(List.of(names)).toArray(new String[0]);
    }
}
