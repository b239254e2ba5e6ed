package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metersim.core.EventTimeline;
import io.metersim.core.MetersimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Polls the VTN's events for the simulated VENs, off the tick loop, and hands the fleet's event timeline to a
 * consumer (the run's {@code DemandResponse.replaceEvents}) and the BASELINE/DELTA_USAGE requests to the reporter.
 * <p>
 * Each VEN polls {@code GET /events?programID=<program>} itself, page by page ({@code skip}/{@code limit} 50), once
 * per {@code interval} of wall time; the VENs' polls are spread evenly over the interval, so a fleet of N VENs sends
 * N listings per interval at a steady rate, not in a burst. A VEN keeps the events whose targets are for it: no
 * target other than {@code RESOURCE_NAME}, or a {@code VEN_NAME} target listing it (resource targets are left to the
 * response). The timeline holds every event some VEN keeps, each narrowed to the VENs that keep it now, so an event
 * acts on a VEN only once that VEN has polled it, as with a real fleet. With {@code shared}, one listing per
 * interval serves every VEN (the listing does not depend on who asks, as only {@code programID} filters it on the
 * VTN). Either way the first listing is taken once, before {@link #start} returns, so the first tick knows the
 * events.
 * <p>
 * Failures never stop the run: a refused or unreachable listing is counted, the VEN keeps what it knew, and the
 * next poll tries again; an event the VEN cannot read (see {@link EventDocuments}) is counted, warned about once
 * and left out, and one without any {@code intervalPeriod} (a standing request for reports, such as the test VTN's
 * {@code event-1}) is left out silently. The timeline is rebuilt when what the VENs keep changes, at most once per
 * second (or per interval, when shorter). Thread-safe; {@link #close} stops the polling threads.
 */
public final class EventPoller implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(EventPoller.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 50;
    private static final int MAX_PAGES = 10_000;
    private static final int MAX_THREADS = 4;
    private static final long MAX_REBUILD_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int MAX_CACHED = 10_000;

    private final VtnClient client;
    private final ReportWriter writer;
    private final Consumer<ReportRequests> requestsSink;
    private final Consumer<EventTimeline> onTimeline;
    private final String listingPath;
    private final String[] vens;
    private final long intervalNanos;
    private final long rebuildGapNanos;
    private final boolean shared;
    private final List<Thread> threads = new ArrayList<>();

    private final Map<String, JsonNode> latest = new LinkedHashMap<>();
    private final Map<String, Set<String>> keptBy = new HashMap<>();
    private final String[][] keptByVen;
    private final Map<String, String> readable = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private boolean dirty;
    private long lastRebuildNanos;
    private long startNanos;

    private final LongAdder polls = new LongAdder();
    private final LongAdder pages = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final AtomicLong updates = new AtomicLong();
    private volatile int known;
    private volatile String lastFailure = "";

    EventPoller(final VtnClient client, final ReportWriter writer, final Consumer<ReportRequests> requestsSink,
        final String programId, final List<String> vens, final Duration interval, final boolean shared,
        final Consumer<EventTimeline> onTimeline)
    {
        if (null == interval || interval.isNegative() || interval.isZero() || vens.isEmpty())
        {
            throw new MetersimException("event polling needs a positive interval and at least one VEN [interval="
                + interval + " vens=" + vens.size() + "]");
        }
        this.client = client;
        this.writer = writer;
        this.requestsSink = requestsSink;
        this.onTimeline = onTimeline;
        this.listingPath = "/events?programID=" + URLEncoder.encode(programId, StandardCharsets.UTF_8);
        this.vens = vens.toArray(new String[0]);
        this.intervalNanos = interval.toNanos();
        this.rebuildGapNanos = Math.min(MAX_REBUILD_GAP_NANOS, intervalNanos);
        this.shared = shared;
        this.keptByVen = new String[this.vens.length][];
    }

    /**
     * Takes the first listing for every VEN, hands over the first timeline, then starts polling.
     *
     * @return this poller.
     */
    EventPoller start()
    {
        startNanos = System.nanoTime();
        pollShared();
        synchronized (this)
        {
            rebuild();
        }
        final int count = shared ? 1 : Math.min(MAX_THREADS, vens.length);
        for (int t = 0; t < count; t++)
        {
            final int first = t;
            final Thread thread = new Thread(() -> pollLoop(first, count), "vtn-event-poller-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /**
     * @return the counters now.
     */
    public PollerStatistics statistics()
    {
        return new PollerStatistics(polls.sum(), pages.sum(), failed.sum(), unreadable.sum(), updates.get(), known,
            lastFailure);
    }

    /**
     * Stops polling; the last timeline stays in force.
     */
    @Override
    public void close()
    {
        for (final Thread thread : threads)
        {
            thread.interrupt();
        }
        for (final Thread thread : threads)
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pollLoop(final int first, final int stride)
    {
        final long spacing = shared ? 0 : intervalNanos / vens.length;
        try
        {
            for (long round = 1; !Thread.currentThread().isInterrupted(); round++)
            {
                for (int v = first; v < (shared ? 1 : vens.length); v += stride)
                {
                    waitUntil(startNanos + round * intervalNanos + v * spacing);
                    if (shared)
                    {
                        pollShared();
                    }
                    else
                    {
                        pollVen(v);
                    }
                    maybeRebuild();
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void waitUntil(final long dueNanos) throws InterruptedException
    {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime())
        {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, CHECK_NANOS));
            maybeRebuild();
        }
    }

    private void pollShared()
    {
        final List<JsonNode> events = listing();
        if (null != events)
        {
            synchronized (this)
            {
                for (int v = 0; v < vens.length; v++)
                {
                    keep(v, events);
                }
            }
        }
    }

    private void pollVen(final int v)
    {
        final List<JsonNode> events = listing();
        if (null != events)
        {
            synchronized (this)
            {
                keep(v, events);
            }
        }
    }

    /**
     * @return every event the VTN lists for the program, or null when the listing failed (counted).
     */
    private List<JsonNode> listing()
    {
        polls.increment();
        final String request = "GET " + listingPath;
        try
        {
            final List<JsonNode> all = new ArrayList<>();
            for (int page = 0; page < MAX_PAGES; page++)
            {
                final String path = listingPath + "&skip=" + page * PAGE + "&limit=" + PAGE;
                final VtnClient.Answer answer = client.send("GET", path, null);
                pages.increment();
                if (!answer.ok())
                {
                    throw new VtnException("event listing refused", "GET " + path, answer.status(), answer.detail());
                }
                final JsonNode listed = MAPPER.readTree(answer.body());
                if (!listed.isArray())
                {
                    throw new VtnException("event listing is not a JSON array", "GET " + path, answer.status(),
                        answer.body());
                }
                listed.forEach(all::add);
                if (listed.size() < PAGE)
                {
                    break;
                }
            }
            return all;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (final IOException | RuntimeException ex)
        {
            fail(request, ex instanceof IOException ? "answer is not JSON: " + ex.getMessage() : ex.getMessage());
            return null;
        }
    }

    private void fail(final String request, final String reason)
    {
        failed.increment();
        lastFailure = reason;
        final long count = failed.sum();
        if (count == 1 || count % 100 == 0)
        {
            LOG.warn("event poll failed ({} so far; the VENs keep the events they know): {} [request={}]", count,
                reason, request);
        }
    }

    /**
     * Records the events VEN {@code v} keeps from a listing; marks the timeline for a rebuild when that changes it.
     */
    private void keep(final int v, final List<JsonNode> listed)
    {
        final String ven = vens[v];
        final Set<String> now = new HashSet<>();
        for (final JsonNode event : listed)
        {
            final String id = event.path("id").asText();
            if (id.isEmpty() || !isFor(event, ven))
            {
                continue;
            }
            now.add(id);
            final JsonNode before = latest.put(id, event);
            dirty |= !event.equals(before);
        }
        final String[] previous = keptByVen[v];
        if (null != previous)
        {
            for (final String id : previous)
            {
                if (!now.contains(id))
                {
                    final Set<String> keepers = keptBy.get(id);
                    keepers.remove(ven);
                    dirty = true;
                }
            }
        }
        final Set<String> had = null == previous ? Set.of() : Set.of(previous);
        for (final String id : now)
        {
            if (!had.contains(id))
            {
                keptBy.computeIfAbsent(id, key -> new HashSet<>()).add(ven);
                dirty = true;
            }
        }
        keptByVen[v] = now.toArray(new String[0]);
    }

    /**
     * @return whether a VEN of this name takes the event: no VEN-level target, or a {@code VEN_NAME} target naming
     *     it. Targets of other types than {@code VEN_NAME} and {@code RESOURCE_NAME} name no simulated VEN.
     */
    static boolean isFor(final JsonNode event, final String ven)
    {
        boolean venTargets = false;
        for (final JsonNode target : event.path("targets"))
        {
            final String type = target.path("type").asText();
            if ("RESOURCE_NAME".equals(type))
            {
                continue;
            }
            venTargets = true;
            if ("VEN_NAME".equals(type))
            {
                for (final JsonNode value : target.path("values"))
                {
                    if (ven.equals(value.asText()))
                    {
                        return true;
                    }
                }
            }
        }
        return !venTargets;
    }

    private synchronized void maybeRebuild()
    {
        if (dirty && System.nanoTime() - lastRebuildNanos >= rebuildGapNanos)
        {
            rebuild();
        }
    }

    /**
     * Builds the timeline of every event some VEN keeps, each narrowed to its keepers, and hands it over.
     */
    private void rebuild()
    {
        dirty = false;
        lastRebuildNanos = System.nanoTime();
        final ArrayNode array = MAPPER.createArrayNode();
        final Map<String, JsonNode> events = new HashMap<>();
        final Map<String, Set<String>> seenBy = new HashMap<>();
        latest.entrySet().removeIf(entry -> keptBy.getOrDefault(entry.getKey(), Set.of()).isEmpty());
        keptBy.values().removeIf(Set::isEmpty);
        for (final Map.Entry<String, JsonNode> entry : latest.entrySet())
        {
            final JsonNode event = entry.getValue();
            if (!readable(entry.getKey(), event))
            {
                continue;
            }
            final Set<String> keepers = keptBy.get(entry.getKey());
            final boolean everyone = keepers.size() == vens.length;
            array.add(everyone && !hasVenTargets(event) ? event : narrowed(event, keepers));
            events.put(entry.getKey(), event);
            seenBy.put(entry.getKey(), everyone ? null : Set.copyOf(keepers));
        }
        final EventTimeline timeline;
        try
        {
            timeline = EventDocuments.parse(bytes(array), "GET " + listingPath);
        }
        catch (final MetersimException ex)
        {
            fail("GET " + listingPath, "events cannot be read together: " + ex.getMessage());
            return;
        }
        known = timeline.size();
        final ReportRequests requests = ReportRequests.build(timeline, events, seenBy, writer);
        for (final String note : requests.notes())
        {
            warnOnce(note);
        }
        requestsSink.accept(requests);
        try
        {
            onTimeline.accept(timeline);
            updates.incrementAndGet();
        }
        catch (final RuntimeException ex)
        {
            fail("GET " + listingPath, "the timeline was refused: " + ex.getMessage());
        }
    }

    /**
     * @return whether {@link EventDocuments} reads the event; an unreadable one is counted and warned about once.
     */
    private boolean readable(final String id, final JsonNode event)
    {
        if (!hasTime(event))
        {
            return false;
        }
        final String text = event.toString();
        if (readable.size() > MAX_CACHED)
        {
            readable.clear();
        }
        String problem = readable.get(text);
        if (null == problem)
        {
            try
            {
                EventDocuments.parse(("[" + text + "]").getBytes(StandardCharsets.UTF_8), "GET " + listingPath);
                problem = "";
            }
            catch (final MetersimException ex)
            {
                problem = ex.getMessage();
                unreadable.increment();
            }
            readable.put(text, problem);
        }
        if (!problem.isEmpty())
        {
            warnOnce("event " + id + " from the VTN is left out: " + problem);
        }
        return problem.isEmpty();
    }

    /**
     * @return whether the event or one of its intervals has an {@code intervalPeriod}; one without any, such as a
     *     VTN's standing request for USAGE reports, has no time to act in and is left out silently.
     */
    private static boolean hasTime(final JsonNode event)
    {
        if (event.path("intervalPeriod").isObject())
        {
            return true;
        }
        for (final JsonNode interval : event.path("intervals"))
        {
            if (interval.path("intervalPeriod").isObject())
            {
                return true;
            }
        }
        return false;
    }

    private void warnOnce(final String warning)
    {
        if (warned.size() < MAX_CACHED && warned.add(warning))
        {
            LOG.warn("{}", warning);
        }
    }

    private static boolean hasVenTargets(final JsonNode event)
    {
        for (final JsonNode target : event.path("targets"))
        {
            if (!"RESOURCE_NAME".equals(target.path("type").asText()))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return a copy of the event targeting only these VENs (and the resources it targeted).
     */
    private static JsonNode narrowed(final JsonNode event, final Set<String> keepers)
    {
        final ObjectNode copy = event.deepCopy();
        final ArrayNode targets = MAPPER.createArrayNode();
        for (final JsonNode target : event.path("targets"))
        {
            if ("RESOURCE_NAME".equals(target.path("type").asText()))
            {
                targets.add(target);
            }
        }
        final ObjectNode venTarget = targets.addObject();
        venTarget.put("type", "VEN_NAME");
        final ArrayNode values = venTarget.putArray("values");
        new TreeSet<>(keepers).forEach(values::add);
        copy.set("targets", targets);
        return copy;
    }

    private static byte[] bytes(final JsonNode node)
    {
        try
        {
            return MAPPER.writeValueAsBytes(node);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot serialise a JSON tree", ex);
        }
    }
}
