package io.metersim.cli;

import io.metersim.baseline.LoadSeries;
import io.metersim.baseline.VenLoad;
import io.metersim.core.CollectionBuffer;
import io.metersim.core.DemandResponse;
import io.metersim.core.EventTimeline;
import io.metersim.core.MeterSimulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * A VEN's (or one resource's) replayed load with the fleet's response to a set of events collected over one stretch
 * of positions, the plain replay elsewhere: what {@code baseline}, {@code plot --kind event} and {@code run}'s
 * evaluation compare a customer baseline against.
 */
final class RespondedReplay implements LoadSeries
{
    private static final double WATTS_PER_KW = 1000.0;

    private final VenLoad replay;
    private final long from;
    private final double[] kw;

    private RespondedReplay(final VenLoad replay, final long from, final double[] kw)
    {
        this.replay = replay;
        this.from = from;
        this.kw = kw;
    }

    /**
     * Collects positions {@code from} (inclusive) to {@code to} (exclusive) with the response applied.
     *
     * @param resource one resource id of the VEN, or null for the VEN's total.
     * @return the replay with the responded kW over that stretch; the plain replay when it is empty.
     */
    static RespondedReplay collect(final MeterSimulator simulator, final DemandResponse response,
        final VenLoad replay, final String ven, final String resource, final long from, final long to)
    {
        if (to <= from)
        {
            return new RespondedReplay(replay, 0, new double[0]);
        }
        final int handle = simulator.venHandle(ven);
        final CollectionBuffer buffer = simulator.newBuffer();
        final int cycle = simulator.data().cycleLength();
        final double[] kw = new double[(int)(to - from)];
        for (long p = from; p < to; p++)
        {
            response.takeUpEvents();
            simulator.collectAt(handle, simulator.positionOf((int)(p % cycle), p / cycle), buffer);
            response.respond(buffer);
            kw[(int)(p - from)] = watts(buffer, resource) / WATTS_PER_KW;
        }
        return new RespondedReplay(replay, from, kw);
    }

    /**
     * @return the local dates any event of the set touches, from its start to its end (its start only when it is
     *         open-ended).
     */
    static Set<LocalDate> eventDays(final EventTimeline timeline, final ZoneId zone)
    {
        final Set<LocalDate> days = new HashSet<>();
        for (int e = 0; e < timeline.size(); e++)
        {
            final long start = timeline.startMillis(e);
            final long last = start + Math.max(0L, timeline.durationMillis(e) - 1);
            for (LocalDate day = localDate(start, zone); !day.isAfter(localDate(last, zone)); day = day.plusDays(1))
            {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * @return the kW at a position: the responded value where it was collected, else the replay's.
     */
    double kwAt(final long position)
    {
        final long at = position - from;
        return at >= 0 && at < kw.length && !Double.isNaN(kw[(int)at]) ? kw[(int)at] : replay.kwAt(position);
    }

    @Override
    public long startMillis()
    {
        return replay.startMillis();
    }

    @Override
    public long intervalMillis()
    {
        return replay.intervalMillis();
    }

    @Override
    public long length()
    {
        return replay.length();
    }

    @Override
    public void gatherKw(final long[] positions, final int count, final double[] into)
    {
        for (int i = 0; i < count; i++)
        {
            into[i] = kwAt(positions[i]);
        }
    }

    private static double watts(final CollectionBuffer buffer, final String resource)
    {
        if (null == resource)
        {
            return buffer.totalWatts();
        }
        for (int r = 0; r < buffer.resourceCount(); r++)
        {
            if (buffer.resourceId(r).equals(resource))
            {
                return buffer.resourceTotalWatts(r);
            }
        }
        return Double.NaN;
    }

    private static LocalDate localDate(final long millis, final ZoneId zone)
    {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }
}
