package io.metersim.openadr;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;
import io.metersim.core.CollectionBuffer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Writes OpenADR 3.0.1 {@code report} JSON with Jackson's streaming generator straight from a
 * {@link CollectionBuffer}, into a byte buffer reused from report to report.
 * <p>
 * Mapping: one report per VEN per {@code ticksPerReport} collections, {@code clientName} = the VEN's name. Each
 * reading of each collection becomes one {@code resources[]} entry named {@code <resource_id>/load_<k>}, whose
 * {@code intervalPeriod} is the reading's UTC start and the data interval, and whose single interval (id = the data
 * row) carries {@code USAGE} in kWh ({@code W x hours / 1000}) and/or {@code DEMAND} in kW ({@code W / 1000}). Missing
 * readings have no entry. Values have 9 fraction digits, so watts are recovered to 1e-6 W.
 * <p>
 * A report answers one event, its {@link Addressee}: the reporter's own target, or an event whose
 * {@code reportDescriptors} ask for {@code BASELINE} and/or {@code DELTA_USAGE}, which every entry then also
 * carries: {@code BASELINE} the reading as replayed before any demand response
 * ({@link CollectionBuffer#unmodifiedPowerW}), {@code DELTA_USAGE} that baseline minus the reading, each in the
 * units the descriptor asks for, {@code KWH} per interval (the default) or {@code KW}, converted as USAGE and DEMAND
 * are. When the event's descriptors ask for {@code aggregate}, each collection is one entry instead, named
 * {@code AGGREGATED_REPORT}, carrying the VEN's totals (its interval and period those of the collection's first
 * reading). When the addressee changes within a report of several collections, the open report is finished first.
 */
final class ReportWriter
{
    private static final SerializableString PROGRAM_ID = new SerializedString("programID");
    private static final SerializableString EVENT_ID = new SerializedString("eventID");
    private static final SerializableString CLIENT_NAME = new SerializedString("clientName");
    private static final SerializableString REPORT_NAME = new SerializedString("reportName");
    private static final SerializableString PAYLOAD_DESCRIPTORS = new SerializedString("payloadDescriptors");
    private static final SerializableString RESOURCES = new SerializedString("resources");
    private static final SerializableString RESOURCE_NAME = new SerializedString("resourceName");
    private static final SerializableString INTERVAL_PERIOD = new SerializedString("intervalPeriod");
    private static final SerializableString START = new SerializedString("start");
    private static final SerializableString DURATION = new SerializedString("duration");
    private static final SerializableString INTERVALS = new SerializedString("intervals");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString PAYLOADS = new SerializedString("payloads");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString VALUES = new SerializedString("values");
    private static final SerializableString USAGE = new SerializedString("USAGE");
    private static final SerializableString DEMAND = new SerializedString("DEMAND");
    private static final SerializableString BASELINE = new SerializedString("BASELINE");
    private static final SerializableString DELTA_USAGE = new SerializedString("DELTA_USAGE");
    /** An extra payload that is not reported. */
    static final int NONE = 0;
    /** An extra payload reported as energy per interval, in kWh. */
    static final int KWH = 1;
    /** An extra payload reported as mean power over the interval, in kW. */
    static final int KW = 2;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    /** The resource name OpenADR 3.0.1 gives data aggregated over several resources. */
    private static final char[] AGGREGATED_REPORT = "AGGREGATED_REPORT".toCharArray();
    private static final char[] ENTRY_NAME = "{\"resourceName\":\"".toCharArray();
    private static final char[] ENTRY_START = "\",\"intervalPeriod\":{\"start\":\"".toCharArray();
    private static final char[] ENTRY_PAYLOADS = ",\"payloads\":[".toCharArray();
    private static final char[] USAGE_OPEN = "{\"type\":\"USAGE\",\"values\":[".toCharArray();
    private static final char[] DEMAND_OPEN = "{\"type\":\"DEMAND\",\"values\":[".toCharArray();
    private static final char[] DEMAND_NEXT = ",{\"type\":\"DEMAND\",\"values\":[".toCharArray();
    private static final char[] BASELINE_NEXT = ",{\"type\":\"BASELINE\",\"values\":[".toCharArray();
    private static final char[] DELTA_NEXT = ",{\"type\":\"DELTA_USAGE\",\"values\":[".toCharArray();
    private static final char[] PAYLOAD_CLOSE = "]}".toCharArray();
    private static final char[] ENTRY_CLOSE = "]}]}".toCharArray();
    /** Characters of an entry besides the resource and load names, with room for the longest numbers and times. */
    private static final int ENTRY_FIXED = 512;

    private final JsonFactory factory = JsonFactory.builder()
        .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
    private final Addressee target;
    private final SerializableString duration;
    private final char[] entryDuration;
    private final double kwhPerWatt;
    private final boolean usage;
    private final boolean demand;
    private final int ticksPerReport;

    ReportWriter(final String programId, final String eventId, final ReporterOptions options)
    {
        this.duration = new SerializedString(options.interval().toString());
        this.entryDuration = ("\",\"duration\":\"" + options.interval() + "\"},\"intervals\":[{\"id\":").toCharArray();
        this.kwhPerWatt = options.interval().toMillis() / MILLIS_PER_HOUR / 1000.0;
        this.usage = options.usage();
        this.demand = options.demand();
        this.ticksPerReport = options.ticksPerReport();
        this.target = addressee(programId, eventId, NONE, null, NONE, null, false);
    }

    /**
     * @return the reporter's own program and event, with the configured payloads only.
     */
    Addressee target()
    {
        return target;
    }

    /**
     * @param programId        the event's program.
     * @param eventId          the event a report answers.
     * @param baseline         {@link #NONE}, {@link #KWH} or {@link #KW}: whether and how BASELINE is reported.
     * @param baselineReading  the reading type the event asked for BASELINE, or null.
     * @param delta            {@link #NONE}, {@link #KWH} or {@link #KW}: whether and how DELTA_USAGE is reported.
     * @param deltaReading     the reading type the event asked for DELTA_USAGE, or null.
     * @param aggregate        whether each collection is reported as one entry of the VEN's totals.
     * @return an addressee for this writer's payloads plus the ones asked for.
     */
    Addressee addressee(final String programId, final String eventId, final int baseline,
        final String baselineReading, final int delta, final String deltaReading, final boolean aggregate)
    {
        final StringBuilder descriptors = new StringBuilder("[");
        if (usage)
        {
            descriptor(descriptors, "USAGE", "DIRECT_READ", "KWH");
        }
        if (demand)
        {
            descriptor(descriptors, "DEMAND", "MEAN", "KW");
        }
        if (baseline != NONE)
        {
            descriptor(descriptors, "BASELINE", baselineReading, baseline == KW ? "KW" : "KWH");
        }
        if (delta != NONE)
        {
            descriptor(descriptors, "DELTA_USAGE", deltaReading, delta == KW ? "KW" : "KWH");
        }
        return new Addressee(programId, eventId, baseline, delta, descriptors.append(']').toString(),
            baseline == KW ? 0.001 : kwhPerWatt, delta == KW ? 0.001 : kwhPerWatt, aggregate);
    }

    private static void descriptor(final StringBuilder into, final String type, final String readingType,
        final String units)
    {
        into.append(into.length() > 1 ? "," : "").append("{\"objectType\":\"REPORT_PAYLOAD_DESCRIPTOR\",")
            .append("\"payloadType\":\"").append(type).append('"');
        if (null != readingType)
        {
            final char[] quoted = JsonStringEncoder.getInstance().quoteAsString(readingType);
            into.append(",\"readingType\":\"").append(quoted).append('"');
        }
        into.append(",\"units\":\"").append(units).append("\"}");
    }

    /**
     * Whom a report answers, and the BASELINE and DELTA_USAGE payloads the event asked for. Immutable; built once
     * per event set, never per report.
     */
    static final class Addressee
    {
        private final String eventId;
        private final SerializableString programJson;
        private final SerializableString eventJson;
        private final int baseline;
        private final int delta;
        private final String descriptors;
        private final double baselinePerWatt;
        private final double deltaPerWatt;
        private final boolean aggregate;

        private Addressee(final String programId, final String eventId, final int baseline, final int delta,
            final String descriptors, final double baselinePerWatt, final double deltaPerWatt,
            final boolean aggregate)
        {
            this.eventId = eventId;
            this.programJson = new SerializedString(programId);
            this.eventJson = new SerializedString(eventId);
            this.baseline = baseline;
            this.delta = delta;
            this.descriptors = descriptors;
            this.baselinePerWatt = baselinePerWatt;
            this.deltaPerWatt = deltaPerWatt;
            this.aggregate = aggregate;
        }

        /**
         * @return the event a report to this addressee answers.
         */
        String eventId()
        {
            return eventId;
        }

        /**
         * @return the payload descriptors of its reports, as JSON.
         */
        String descriptors()
        {
            return descriptors;
        }
    }

    /**
     * @return a new open-report holder for one VEN.
     */
    Batch newBatch()
    {
        return new Batch();
    }

    /**
     * The report a VEN is filling: collections are appended as they come and the report is finished after
     * {@code ticksPerReport} of them. Not thread-safe; the reporter serialises access per VEN.
     */
    final class Batch
    {
        private final ByteSink sink = new ByteSink();
        private char[] chars = new char[256];
        private char[] entryChars = new char[256];
        private int entryLength;
        private JsonGenerator generator;
        private boolean open;
        private int ticks;
        private long firstPosition = -1;
        private long finishedFirstPosition = -1;
        private Addressee addressee;

        /**
         * Writes the collection's readings into the open report to the reporter's own target, opening one when
         * none is.
         *
         * @param ven       the VEN's name, the report's {@code clientName}.
         * @param collected the collection; read now, not kept.
         * @return the finished report when this collection completed it, else null.
         */
        byte[] append(final String ven, final CollectionBuffer collected)
        {
            return append(ven, collected, target);
        }

        /**
         * Writes the collection's readings into the open report, opening one when none is. When the open report
         * answers another addressee, it is finished first and returned, and a new one holds this collection.
         *
         * @param ven       the VEN's name, the report's {@code clientName}.
         * @param collected the collection; read now, not kept.
         * @param to        the event the collection's report answers, and its extra payloads.
         * @return the report finished by this call (by the collection, or by the change of addressee), else null;
         *     {@link #finishedFirstPosition()} is its first collection's position.
         */
        byte[] append(final String ven, final CollectionBuffer collected, final Addressee to)
        {
            try
            {
                byte[] finished = null;
                if (open && to != addressee)
                {
                    finished = finish();
                }
                if (!open)
                {
                    open(ven, collected, to);
                }
                writeReadings(collected);
                ticks++;
                return ticks >= ticksPerReport ? finish() : finished;
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot write a report into memory", ex);
            }
        }

        /**
         * @return the position of the first collection of the report the last {@link #append} or {@link #finish}
         *     returned.
         */
        long finishedFirstPosition()
        {
            return finishedFirstPosition;
        }

        /**
         * @return the open report finished now, or null when none is open.
         */
        byte[] finish()
        {
            if (!open)
            {
                return null;
            }
            try
            {
                generator.writeEndArray();
                generator.writeEndObject();
                generator.flush();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot write a report into memory", ex);
            }
            open = false;
            ticks = 0;
            finishedFirstPosition = firstPosition;
            final byte[] report = sink.toByteArray();
            sink.reset();
            return report;
        }

        /**
         * @return the position of the open report's first collection, or -1 before the first.
         */
        long firstPosition()
        {
            return firstPosition;
        }

        private void open(final String ven, final CollectionBuffer collected, final Addressee to) throws IOException
        {
            addressee = to;
            if (null == generator)
            {
                // One generator per VEN for its lifetime: each report is a root value flushed into the reset sink.
                generator = factory.createGenerator(sink, JsonEncoding.UTF8);
                generator.setRootValueSeparator(null);
            }
            final JsonGenerator g = generator;
            open = true;
            firstPosition = collected.position();
            g.writeStartObject();
            g.writeFieldName(PROGRAM_ID);
            g.writeString(to.programJson);
            g.writeFieldName(EVENT_ID);
            g.writeString(to.eventJson);
            g.writeFieldName(CLIENT_NAME);
            g.writeString(chars(ven, 0), 0, ven.length());
            if (collected.readingTotal() > 0)
            {
                g.writeFieldName(REPORT_NAME);
                final char[] name = chars(ven, 1 + TextChars.ISO_MAX);
                name[ven.length()] = '@';
                final int end = TextChars.isoUtc(collected.timestampMillis(0), name, ven.length() + 1);
                g.writeString(name, 0, end);
            }
            g.writeFieldName(PAYLOAD_DESCRIPTORS);
            g.writeRawValue(to.descriptors);
            g.writeFieldName(RESOURCES);
            g.writeStartArray();
        }

        private void writeReadings(final CollectionBuffer collected) throws IOException
        {
            final JsonGenerator g = generator;
            final int resources = collected.resourceCount();
            final int index = collected.index();
            if (addressee.aggregate)
            {
                if (collected.readingTotal() > 0)
                {
                    writeEntry(g, AGGREGATED_REPORT, AGGREGATED_REPORT.length, collected.timestampMillis(0), index,
                        collected.totalWatts(), collected.unmodifiedTotalWatts());
                }
                g.flush();
                return;
            }
            for (int r = 0; r < resources; r++)
            {
                final String resourceId = collected.resourceId(r);
                final boolean plain = TextChars.plainJson(resourceId);
                final int first = collected.readingOffset(r);
                final int end = first + collected.readingCount(r);
                for (int reading = first; reading < end; reading++)
                {
                    if (plain)
                    {
                        final char[] entry = entry(collected, resourceId, reading, index);
                        g.writeRawValue(entry, 0, entryLength);
                    }
                    else
                    {
                        writeEntry(g, collected, resourceId, reading, index);
                    }
                }
            }
            g.flush();
        }

        /**
         * Composes one {@code resources[]} entry whose text needs no escaping; the generator places it in the array.
         */
        private char[] entry(final CollectionBuffer collected, final String resourceId, final int reading,
            final int index)
        {
            final String loadId = collected.loadId(reading);
            final int needed = ENTRY_FIXED + resourceId.length() + loadId.length();
            if (entryChars.length < needed)
            {
                entryChars = new char[needed * 2];
            }
            final char[] c = entryChars;
            int p = put(c, 0, ENTRY_NAME);
            resourceId.getChars(0, resourceId.length(), c, p);
            p += resourceId.length();
            c[p++] = '/';
            loadId.getChars(0, loadId.length(), c, p);
            p = put(c, p + loadId.length(), ENTRY_START);
            p = TextChars.isoUtc(collected.timestampMillis(reading), c, p);
            p = put(c, p, entryDuration);
            p = TextChars.integer(index, c, p);
            p = put(c, p, ENTRY_PAYLOADS);
            final double watts = collected.powerW(reading);
            if (usage)
            {
                p = put(c, p, USAGE_OPEN);
                p = TextChars.decimal(watts * kwhPerWatt, c, p);
                p = put(c, p, PAYLOAD_CLOSE);
            }
            if (demand)
            {
                p = put(c, p, usage ? DEMAND_NEXT : DEMAND_OPEN);
                p = TextChars.decimal(watts / 1000.0, c, p);
                p = put(c, p, PAYLOAD_CLOSE);
            }
            final Addressee to = addressee;
            if (to.baseline != NONE || to.delta != NONE)
            {
                p = baselineAndDelta(c, p, to, collected.unmodifiedPowerW(reading), watts);
            }
            entryLength = put(c, p, ENTRY_CLOSE);
            return c;
        }

        private int baselineAndDelta(final char[] c, final int at, final Addressee to, final double baselineWatts,
            final double watts)
        {
            int p = at;
            if (to.baseline != NONE)
            {
                p = put(c, p, BASELINE_NEXT);
                p = TextChars.decimal(baselineWatts * to.baselinePerWatt, c, p);
                p = put(c, p, PAYLOAD_CLOSE);
            }
            if (to.delta != NONE)
            {
                p = put(c, p, DELTA_NEXT);
                p = TextChars.decimal((baselineWatts - watts) * to.deltaPerWatt, c, p);
                p = put(c, p, PAYLOAD_CLOSE);
            }
            return p;
        }

        private void writeEntry(final JsonGenerator g, final CollectionBuffer collected, final String resourceId,
            final int reading, final int index) throws IOException
        {
            final String loadId = collected.loadId(reading);
            final char[] name = chars(resourceId, 1 + loadId.length());
            name[resourceId.length()] = '/';
            loadId.getChars(0, loadId.length(), name, resourceId.length() + 1);
            writeEntry(g, name, resourceId.length() + 1 + loadId.length(), collected.timestampMillis(reading), index,
                collected.powerW(reading), collected.unmodifiedPowerW(reading));
        }

        /**
         * One {@code resources[]} entry through the generator, which escapes the name.
         */
        private void writeEntry(final JsonGenerator g, final char[] name, final int nameLength,
            final long timestampMillis, final int index, final double watts, final double baselineWatts)
            throws IOException
        {
            g.writeStartObject();
            g.writeFieldName(RESOURCE_NAME);
            g.writeString(name, 0, nameLength);
            g.writeFieldName(INTERVAL_PERIOD);
            g.writeStartObject();
            g.writeFieldName(START);
            final char[] time = chars("", TextChars.ISO_MAX);
            g.writeString(time, 0, TextChars.isoUtc(timestampMillis, time, 0));
            g.writeFieldName(DURATION);
            g.writeString(duration);
            g.writeEndObject();
            g.writeFieldName(INTERVALS);
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeNumber(index);
            g.writeFieldName(PAYLOADS);
            writePayloads(g, watts, baselineWatts);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }

        private void writePayloads(final JsonGenerator g, final double watts, final double baselineWatts)
            throws IOException
        {
            g.writeStartArray();
            if (usage)
            {
                writePayload(g, USAGE, watts * kwhPerWatt);
            }
            if (demand)
            {
                writePayload(g, DEMAND, watts / 1000.0);
            }
            final Addressee to = addressee;
            if (to.baseline != NONE)
            {
                writePayload(g, BASELINE, baselineWatts * to.baselinePerWatt);
            }
            if (to.delta != NONE)
            {
                writePayload(g, DELTA_USAGE, (baselineWatts - watts) * to.deltaPerWatt);
            }
            g.writeEndArray();
        }

        private void writePayload(final JsonGenerator g, final SerializableString type, final double value)
            throws IOException
        {
            g.writeStartObject();
            g.writeFieldName(TYPE);
            g.writeString(type);
            g.writeFieldName(VALUES);
            g.writeStartArray();
            final char[] number = chars;
            g.writeRawValue(number, 0, TextChars.decimal(value, number, 0));
            g.writeEndArray();
            g.writeEndObject();
        }

        /**
         * @return the scratch characters holding {@code text} followed by room for {@code extra} more.
         */
        private char[] chars(final String text, final int extra)
        {
            final int needed = Math.max(text.length() + extra, Math.max(TextChars.ISO_MAX, TextChars.DECIMAL_MAX));
            if (chars.length < needed)
            {
                chars = new char[needed * 2];
            }
            text.getChars(0, text.length(), chars, 0);
            return chars;
        }
    }

    private static int put(final char[] into, final int at, final char[] fragment)
    {
        System.arraycopy(fragment, 0, into, at, fragment.length);
        return at + fragment.length;
    }

    /** A growable byte buffer whose storage is kept across reports. */
    static final class ByteSink extends OutputStream
    {
        private byte[] bytes = new byte[8192];
        private int count;

        @Override
        public void write(final int b)
        {
            ensure(1);
            bytes[count++] = (byte)b;
        }

        @Override
        public void write(final byte[] source, final int offset, final int length)
        {
            ensure(length);
            System.arraycopy(source, offset, bytes, count, length);
            count += length;
        }

        byte[] toByteArray()
        {
            return Arrays.copyOf(bytes, count);
        }

        void reset()
        {
            count = 0;
        }

        private void ensure(final int more)
        {
            if (count + more > bytes.length)
            {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }
    }
}
