package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import io.metersim.core.CollectionBuffer;
import io.metersim.core.EventTimeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events whose {@code reportDescriptors} ask for {@code BASELINE} or {@code DELTA_USAGE}, as the reporter looks
 * them up per collection: each with its window in simulated time (the span of its intervals, widened at the end by
 * its {@code randomizeStart}, open-ended when an interval is), the VENs it is for and the {@link
 * ReportWriter.Addressee} its reports go to. A collection whose first reading falls in such a window of an event for
 * its VEN is reported to that event (the lowest priority number wins, then the event listed first); any other to the
 * reporter's own target. Immutable; a lookup allocates nothing.
 */
final class ReportRequests
{
    private final long[] startMillis;
    private final long[] endMillis;
    private final Set<String>[] vens;
    private final ReportWriter.Addressee[] addressees;
    private final ReportWriter.Addressee fallback;
    private final List<String> notes;

    /** One event that asks for extra payloads, as {@link #build} reads it. */
    private record Request(int priority, long start, long end, Set<String> vens, ReportWriter.Addressee to)
    {
    }

    @SuppressWarnings("unchecked")
    private ReportRequests(final List<Request> requests, final ReportWriter.Addressee fallback)
    {
        requests.sort((a, b) -> Integer.compare(a.priority(), b.priority()));
        final int n = requests.size();
        this.startMillis = new long[n];
        this.endMillis = new long[n];
        this.vens = new Set[n];
        this.addressees = new ReportWriter.Addressee[n];
        for (int i = 0; i < n; i++)
        {
            final Request request = requests.get(i);
            startMillis[i] = request.start();
            endMillis[i] = request.end();
            vens[i] = request.vens();
            addressees[i] = request.to();
        }
        this.fallback = fallback;
        this.notes = new ArrayList<>();
    }

    /**
     * @param writer the reporter's writer.
     * @return a lookup without events: every report goes to the reporter's own target.
     */
    static ReportRequests none(final ReportWriter writer)
    {
        return new ReportRequests(new ArrayList<>(), writer.target());
    }

    /**
     * @param timeline the events the fleet responds to, as the poller built them.
     * @param events   each event of the timeline by id, as the VTN served it (for its report descriptors).
     * @param seenBy   each event's VENs, or null for an event every VEN of the run takes.
     * @param writer   the reporter's writer, which makes the addressees.
     * @return the lookup; {@link #notes()} lists the descriptors it cannot honour.
     */
    static ReportRequests build(final EventTimeline timeline, final Map<String, JsonNode> events,
        final Map<String, Set<String>> seenBy, final ReportWriter writer)
    {
        final List<Request> requests = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        for (int e = 0; e < timeline.size(); e++)
        {
            final JsonNode event = events.get(timeline.id(e));
            if (null == event)
            {
                continue;
            }
            final JsonNode baseline = descriptor(event, "BASELINE");
            final JsonNode delta = descriptor(event, "DELTA_USAGE");
            final int baselineUnits = units(baseline, timeline.id(e), notes);
            final int deltaUnits = units(delta, timeline.id(e), notes);
            if (baselineUnits == ReportWriter.NONE && deltaUnits == ReportWriter.NONE)
            {
                continue;
            }
            final ReportWriter.Addressee to = writer.addressee(timeline.programId(e), timeline.id(e), baselineUnits,
                readingType(baseline), deltaUnits, readingType(delta),
                aggregate(baselineUnits == ReportWriter.NONE ? null : baseline,
                    deltaUnits == ReportWriter.NONE ? null : delta, timeline.id(e), notes));
            requests.add(new Request(timeline.priority(e), start(timeline, e), end(timeline, e),
                seenBy.get(timeline.id(e)), to));
        }
        final ReportRequests built = new ReportRequests(requests, writer.target());
        built.notes.addAll(notes);
        return built;
    }

    /**
     * @param ven       the VEN's name.
     * @param collected its collection.
     * @return the addressee of the collection's report.
     */
    ReportWriter.Addressee addressee(final String ven, final CollectionBuffer collected)
    {
        if (startMillis.length == 0 || collected.readingTotal() == 0)
        {
            return fallback;
        }
        final long t = collected.timestampMillis(0);
        for (int i = 0; i < startMillis.length; i++)
        {
            if (t >= startMillis[i] && t < endMillis[i] && (null == vens[i] || vens[i].contains(ven)))
            {
                return addressees[i];
            }
        }
        return fallback;
    }

    /**
     * @return how many events ask for extra payloads.
     */
    int size()
    {
        return addressees.length;
    }

    /**
     * @return descriptors it cannot honour, such as units other than KWH and KW.
     */
    List<String> notes()
    {
        return notes;
    }

    private static JsonNode descriptor(final JsonNode event, final String payloadType)
    {
        for (final JsonNode descriptor : event.path("reportDescriptors"))
        {
            if (payloadType.equals(descriptor.path("payloadType").asText()))
            {
                return descriptor;
            }
        }
        return null;
    }

    private static int units(final JsonNode descriptor, final String eventId, final List<String> notes)
    {
        if (null == descriptor)
        {
            return ReportWriter.NONE;
        }
        final JsonNode units = descriptor.get("units");
        if (null == units || units.isNull() || "KWH".equals(units.asText()))
        {
            return ReportWriter.KWH;
        }
        if ("KW".equals(units.asText()))
        {
            return ReportWriter.KW;
        }
        notes.add("event " + eventId + " asks for " + descriptor.path("payloadType").asText() + " in "
            + units.asText() + "; only KWH and KW are reported, so it is left out [event=" + eventId + " units="
            + units.asText() + "]");
        return ReportWriter.NONE;
    }

    /**
     * @return whether the reports are aggregated: when the extra payloads' descriptors ask for it; when one asks and
     *         the other does not, per resource (one report carries both), with a note.
     */
    private static boolean aggregate(final JsonNode baseline, final JsonNode delta, final String eventId,
        final List<String> notes)
    {
        final boolean baselineAggregate = null != baseline && baseline.path("aggregate").asBoolean(false);
        final boolean deltaAggregate = null != delta && delta.path("aggregate").asBoolean(false);
        if (null != baseline && null != delta && baselineAggregate != deltaAggregate)
        {
            notes.add("event " + eventId + " asks for BASELINE " + (baselineAggregate ? "aggregated" : "per resource")
                + " and DELTA_USAGE " + (deltaAggregate ? "aggregated" : "per resource") + "; one report carries both,"
                + " so both are reported per resource [event=" + eventId + "]");
            return false;
        }
        return baselineAggregate || deltaAggregate;
    }

    private static String readingType(final JsonNode descriptor)
    {
        final JsonNode readingType = null == descriptor ? null : descriptor.get("readingType");
        return null == readingType || readingType.isNull() ? null : readingType.asText();
    }

    private static long start(final EventTimeline timeline, final int e)
    {
        long first = timeline.intervalCount(e) == 0 ? 0 : Long.MAX_VALUE;
        for (int i = 0; i < timeline.intervalCount(e); i++)
        {
            first = Math.min(first, timeline.intervalOffsetMillis(e, i));
        }
        return timeline.startMillis(e) + first;
    }

    private static long end(final EventTimeline timeline, final int e)
    {
        if (timeline.intervalCount(e) == 0)
        {
            return timeline.durationMillis(e) == EventTimeline.OPEN_ENDED ? Long.MAX_VALUE
                : timeline.startMillis(e) + timeline.durationMillis(e) + timeline.randomizeStartMillis(e);
        }
        long last = Long.MIN_VALUE;
        for (int i = 0; i < timeline.intervalCount(e); i++)
        {
            final long duration = timeline.intervalDurationMillis(e, i);
            if (duration == EventTimeline.OPEN_ENDED)
            {
                return Long.MAX_VALUE;
            }
            last = Math.max(last, timeline.intervalOffsetMillis(e, i) + duration);
        }
        return timeline.startMillis(e) + last + timeline.randomizeStartMillis(e);
    }
}
