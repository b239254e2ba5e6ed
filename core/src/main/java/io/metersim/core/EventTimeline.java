package io.metersim.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of demand-response events (OpenADR 3 {@code event} objects reduced to what a simulated fleet acts on), held
 * in primitive arrays: per event its id, name, program, priority, start, duration, {@code randomizeStart} and
 * targets; per interval its offset from the event's start and its duration; per payload its type and value.
 * Immutable and safe to share between threads. Times are epoch milliseconds in simulated (reading) time.
 * <p>
 * A duration of 0 (OpenADR's default {@code PT0S}) means open-ended. Payload types other than {@link #SIMPLE} and
 * {@link #IMPORT_CAPACITY_LIMIT} are kept and listed by {@link #ignoredPayloadTypes()} but the response does not
 * act on them.
 * <pre>{@code
 * EventTimeline events = EventTimeline.builder()
 *     .event("event-1", "evening peak", "program-1", 0, start, Duration.ofHours(4).toMillis(), 0)
 *     .venTarget("Herning")
 *     .interval(0, Duration.ofHours(4).toMillis()).payload(EventTimeline.SIMPLE, 2)
 *     .build();
 * }</pre>
 */
public final class EventTimeline
{
    /** Payload type of an OpenADR SIMPLE level, 0 to 3. */
    public static final String SIMPLE = "SIMPLE";
    /** Payload type of an import capacity limit, in kW per resource. */
    public static final String IMPORT_CAPACITY_LIMIT = "IMPORT_CAPACITY_LIMIT";
    /** The priority of an event that gives none: below every given priority. */
    public static final int NO_PRIORITY = Integer.MAX_VALUE;
    /** A duration of 0: the interval or event does not end. */
    public static final long OPEN_ENDED = 0L;

    /** Payload kinds as stored: the response acts on {@link #KIND_SIMPLE} and {@link #KIND_CAPACITY_LIMIT}. */
    static final byte KIND_OTHER = 0;
    static final byte KIND_SIMPLE = 1;
    static final byte KIND_CAPACITY_LIMIT = 2;

    private static final EventTimeline EMPTY = builder().build();

    final String[] ids;
    final String[] names;
    final String[] programIds;
    final int[] priorities;
    final long[] startMillis;
    final long[] durationMillis;
    final long[] randomizeMillis;
    final String[][] venTargets;
    final String[][] resourceTargets;
    /** Intervals of event e: {@code [intervalFirst[e], intervalFirst[e + 1])}. */
    final int[] intervalFirst;
    final long[] intervalOffsetMillis;
    final long[] intervalDurationMillis;
    /** Payloads of interval i: {@code [payloadFirst[i], payloadFirst[i + 1])}. */
    final int[] payloadFirst;
    final String[] payloadTypes;
    final byte[] payloadKinds;
    final double[] payloadValues;

    private EventTimeline(final Builder b)
    {
        final int events = b.ids.size();
        this.ids = b.ids.toArray(new String[0]);
        this.names = b.names.toArray(new String[0]);
        this.programIds = b.programIds.toArray(new String[0]);
        this.priorities = Arrays.copyOf(b.priorities, events);
        this.startMillis = Arrays.copyOf(b.starts, events);
        this.durationMillis = Arrays.copyOf(b.durations, events);
        this.randomizeMillis = Arrays.copyOf(b.randomize, events);
        this.venTargets = new String[events][];
        this.resourceTargets = new String[events][];
        for (int e = 0; e < events; e++)
        {
            venTargets[e] = b.venTargets.get(e).toArray(new String[0]);
            resourceTargets[e] = b.resourceTargets.get(e).toArray(new String[0]);
        }
        this.intervalFirst = Arrays.copyOf(b.intervalFirst, events + 1);
        intervalFirst[events] = b.intervalCount;
        this.intervalOffsetMillis = Arrays.copyOf(b.intervalOffsets, b.intervalCount);
        this.intervalDurationMillis = Arrays.copyOf(b.intervalDurations, b.intervalCount);
        this.payloadFirst = Arrays.copyOf(b.payloadFirst, b.intervalCount + 1);
        payloadFirst[b.intervalCount] = b.payloadTypes.size();
        this.payloadTypes = b.payloadTypes.toArray(new String[0]);
        this.payloadKinds = Arrays.copyOf(b.payloadKinds, payloadTypes.length);
        this.payloadValues = Arrays.copyOf(b.payloadValues, payloadTypes.length);
    }

    /**
     * @return a builder without events.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * @return the timeline without events.
     */
    public static EventTimeline empty()
    {
        return EMPTY;
    }

    /**
     * @return how many events it holds.
     */
    public int size()
    {
        return ids.length;
    }

    /**
     * @param e an event, 0 to {@link #size()} - 1.
     * @return its id ({@code ""} when it has none, as in a file of new events).
     */
    public String id(final int e)
    {
        return ids[e];
    }

    /**
     * @param e an event.
     * @return its {@code eventName}, {@code ""} when it has none.
     */
    public String name(final int e)
    {
        return names[e];
    }

    /**
     * @param e an event.
     * @return its id if it has one, else its name if it has one, else {@code #<index>}.
     */
    public String label(final int e)
    {
        return !ids[e].isEmpty() ? ids[e] : !names[e].isEmpty() ? names[e] : "#" + e;
    }

    /**
     * @param e an event.
     * @return its {@code programID}.
     */
    public String programId(final int e)
    {
        return programIds[e];
    }

    /**
     * @param e an event.
     * @return its priority (lower wins), {@link #NO_PRIORITY} when it gives none.
     */
    public int priority(final int e)
    {
        return priorities[e];
    }

    /**
     * @param e an event.
     * @return its start in epoch milliseconds, before any {@code randomizeStart}.
     */
    public long startMillis(final int e)
    {
        return startMillis[e];
    }

    /**
     * @param e an event.
     * @return its duration in milliseconds, {@link #OPEN_ENDED} for none.
     */
    public long durationMillis(final int e)
    {
        return durationMillis[e];
    }

    /**
     * @param e an event.
     * @return the width of the window its start is randomised over, per VEN, in milliseconds (0: none).
     */
    public long randomizeStartMillis(final int e)
    {
        return randomizeMillis[e];
    }

    /**
     * @param e an event.
     * @return the VEN names it targets; empty: every VEN.
     */
    public List<String> venTargets(final int e)
    {
        return List.of(venTargets[e]);
    }

    /**
     * @param e an event.
     * @return the resource names it targets; empty: every resource of a targeted VEN.
     */
    public List<String> resourceTargets(final int e)
    {
        return List.of(resourceTargets[e]);
    }

    /**
     * @param e an event.
     * @return how many intervals it has.
     */
    public int intervalCount(final int e)
    {
        return intervalFirst[e + 1] - intervalFirst[e];
    }

    /**
     * @param e an event.
     * @param i an interval of it, 0 to {@code intervalCount(e) - 1}.
     * @return the interval's start relative to the event's start, in milliseconds.
     */
    public long intervalOffsetMillis(final int e, final int i)
    {
        return intervalOffsetMillis[interval(e, i)];
    }

    /**
     * @param e an event.
     * @param i an interval of it.
     * @return the interval's duration in milliseconds, {@link #OPEN_ENDED} for none.
     */
    public long intervalDurationMillis(final int e, final int i)
    {
        return intervalDurationMillis[interval(e, i)];
    }

    /**
     * @param e an event.
     * @param i an interval of it.
     * @return how many payloads the interval carries.
     */
    public int payloadCount(final int e, final int i)
    {
        final int at = interval(e, i);
        return payloadFirst[at + 1] - payloadFirst[at];
    }

    /**
     * @param e an event.
     * @param i an interval of it.
     * @param p a payload of the interval.
     * @return its type, e.g. {@link #SIMPLE}.
     */
    public String payloadType(final int e, final int i, final int p)
    {
        return payloadTypes[payload(e, i, p)];
    }

    /**
     * @param e an event.
     * @param i an interval of it.
     * @param p a payload of the interval.
     * @return its value; NaN when the value is not a number.
     */
    public double payloadValue(final int e, final int i, final int p)
    {
        return payloadValues[payload(e, i, p)];
    }

    /**
     * @return the payload types the response does not act on, each once, in order of appearance.
     */
    public List<String> ignoredPayloadTypes()
    {
        final Set<String> ignored = new LinkedHashSet<>();
        for (int p = 0; p < payloadTypes.length; p++)
        {
            if (payloadKinds[p] == KIND_OTHER)
            {
                ignored.add(payloadTypes[p]);
            }
        }
        return List.copyOf(ignored);
    }

    /**
     * @param e an event.
     * @return the end of its last interval relative to its start in ms, or {@link Long#MAX_VALUE} when open-ended.
     */
    long spanMillis(final int e)
    {
        long end = 0;
        for (int i = intervalFirst[e]; i < intervalFirst[e + 1]; i++)
        {
            if (intervalDurationMillis[i] == OPEN_ENDED)
            {
                return Long.MAX_VALUE;
            }
            end = Math.max(end, intervalOffsetMillis[i] + intervalDurationMillis[i]);
        }
        return end;
    }

    private int interval(final int e, final int i)
    {
        final int count = intervalCount(e);
        if (i < 0 || i >= count)
        {
            throw new MetersimException("no such interval [event=" + label(e) + " interval=" + i + " intervals="
                + count + "]");
        }
        return intervalFirst[e] + i;
    }

    private int payload(final int e, final int i, final int p)
    {
        final int at = interval(e, i);
        final int count = payloadFirst[at + 1] - payloadFirst[at];
        if (p < 0 || p >= count)
        {
            throw new MetersimException("no such payload [event=" + label(e) + " interval=" + i + " payload=" + p
                + " payloads=" + count + "]");
        }
        return payloadFirst[at] + p;
    }

    static byte kindOf(final String type)
    {
        return SIMPLE.equals(type) ? KIND_SIMPLE : IMPORT_CAPACITY_LIMIT.equals(type) ? KIND_CAPACITY_LIMIT
            : KIND_OTHER;
    }

    /**
     * Collects events in order: {@link #event} starts one, and the target, interval and payload calls that follow
     * belong to it (payloads to the latest interval). Not thread-safe.
     */
    public static final class Builder
    {
        private final List<String> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> programIds = new ArrayList<>();
        private final List<List<String>> venTargets = new ArrayList<>();
        private final List<List<String>> resourceTargets = new ArrayList<>();
        private final List<String> payloadTypes = new ArrayList<>();
        private int[] priorities = new int[4];
        private long[] starts = new long[4];
        private long[] durations = new long[4];
        private long[] randomize = new long[4];
        private int[] intervalFirst = new int[5];
        private long[] intervalOffsets = new long[4];
        private long[] intervalDurations = new long[4];
        private int[] payloadFirst = new int[5];
        private byte[] payloadKinds = new byte[4];
        private double[] payloadValues = new double[4];
        private int intervalCount;

        private Builder()
        {
        }

        /**
         * Starts an event.
         *
         * @param id                  its id, {@code ""} for none.
         * @param name                its {@code eventName}, {@code ""} for none.
         * @param programId           its {@code programID}.
         * @param priority            0 or more, lower wins; {@link #NO_PRIORITY} for none.
         * @param startMillis         its start, epoch milliseconds.
         * @param durationMillis      its duration, 0 or more ({@link #OPEN_ENDED}).
         * @param randomizeStartMillis 0 or more: each VEN starts it up to this much later, drawn from the seed.
         * @return this builder.
         * @throws MetersimException on a missing text, a negative priority, duration or randomisation.
         */
        public Builder event(
            final String id,
            final String name,
            final String programId,
            final int priority,
            final long startMillis,
            final long durationMillis,
            final long randomizeStartMillis)
        {
            final int e = ids.size();
            if (null == id || null == name || null == programId)
            {
                throw new MetersimException("missing event text [event=" + e + " id=" + id + " name=" + name
                    + " programID=" + programId + "]");
            }
            if (priority < 0 || durationMillis < 0 || randomizeStartMillis < 0)
            {
                throw new MetersimException("event priority, duration and randomizeStart must not be negative [event="
                    + e + " priority=" + priority + " durationMillis=" + durationMillis + " randomizeStartMillis="
                    + randomizeStartMillis + "]");
            }
            priorities = grow(priorities, e);
            starts = grow(starts, e);
            durations = grow(durations, e);
            randomize = grow(randomize, e);
            intervalFirst = grow(intervalFirst, e + 1);
            ids.add(id);
            names.add(name);
            programIds.add(programId);
            venTargets.add(new ArrayList<>());
            resourceTargets.add(new ArrayList<>());
            priorities[e] = priority;
            starts[e] = startMillis;
            durations[e] = durationMillis;
            randomize[e] = randomizeStartMillis;
            intervalFirst[e] = intervalCount;
            return this;
        }

        /**
         * @param ven a VEN name the current event targets.
         * @return this builder.
         */
        public Builder venTarget(final String ven)
        {
            venTargets.get(current()).add(text(ven, "VEN target"));
            return this;
        }

        /**
         * @param resourceName a resource name the current event targets.
         * @return this builder.
         */
        public Builder resourceTarget(final String resourceName)
        {
            resourceTargets.get(current()).add(text(resourceName, "resource target"));
            return this;
        }

        /**
         * Adds an interval to the current event.
         *
         * @param offsetMillis   its start relative to the event's start, in milliseconds (may be negative).
         * @param durationMillis its duration, 0 or more ({@link #OPEN_ENDED}).
         * @return this builder.
         */
        public Builder interval(final long offsetMillis, final long durationMillis)
        {
            final int e = current();
            if (durationMillis < 0)
            {
                throw new MetersimException("interval duration must not be negative [event=" + e + " interval="
                    + (intervalCount - intervalFirst[e]) + " durationMillis=" + durationMillis + "]");
            }
            intervalOffsets = grow(intervalOffsets, intervalCount);
            intervalDurations = grow(intervalDurations, intervalCount);
            payloadFirst = grow(payloadFirst, intervalCount + 1);
            intervalOffsets[intervalCount] = offsetMillis;
            intervalDurations[intervalCount] = durationMillis;
            payloadFirst[intervalCount] = payloadTypes.size();
            intervalCount++;
            return this;
        }

        /**
         * Adds a payload to the current event's latest interval.
         *
         * @param type  its type, e.g. {@link #SIMPLE}; any other type is kept and ignored by the response.
         * @param value its value; NaN for a value that is not a number.
         * @return this builder.
         */
        public Builder payload(final String type, final double value)
        {
            final int e = current();
            if (intervalCount == intervalFirst[e])
            {
                throw new MetersimException("a payload follows an interval [event=" + e + " type=" + type + "]");
            }
            final int p = payloadTypes.size();
            payloadKinds = grow(payloadKinds, p);
            payloadValues = grow(payloadValues, p);
            payloadTypes.add(text(type, "payload type"));
            payloadKinds[p] = kindOf(type);
            payloadValues[p] = value;
            return this;
        }

        /**
         * @return the timeline; the builder may go on to build a larger one.
         */
        public EventTimeline build()
        {
            return new EventTimeline(this);
        }

        private int current()
        {
            if (ids.isEmpty())
            {
                throw new MetersimException("event(...) comes first [events=0]");
            }
            return ids.size() - 1;
        }

        private String text(final String value, final String what)
        {
            if (null == value)
            {
                throw new MetersimException("missing " + what + " [event=" + current() + "]");
            }
            return value;
        }

        private static int[] grow(final int[] array, final int index)
        {
            return index < array.length ? array : Arrays.copyOf(array, 2 * index + 2);
        }

        private static long[] grow(final long[] array, final int index)
        {
            return index < array.length ? array : Arrays.copyOf(array, 2 * index + 2);
        }

        private static byte[] grow(final byte[] array, final int index)
        {
            return index < array.length ? array : Arrays.copyOf(array, 2 * index + 2);
        }

        private static double[] grow(final double[] array, final int index)
        {
            return index < array.length ? array : Arrays.copyOf(array, 2 * index + 2);
        }
    }
}
