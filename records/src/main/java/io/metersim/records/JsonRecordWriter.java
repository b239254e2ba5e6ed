package io.metersim.records;

import io.metersim.core.CollectionBuffer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON record of one resource at one tick, as {@code metersim run --format jsonl} writes it and the Kafka sink
 * sends it: {@code {"ven":…,"resource_id":…,"meter_point_id":…,"index":…,"timestamp":<epoch ms or null>,
 * "power_w":{"load_0":…,…},"total_w":…}} followed by a newline. Missing readings are absent from {@code power_w}.
 * The bytes are those of Jackson's UTF-8 generator with its fast (Schubfach) double writer, which is what this
 * writer used before; it now writes them itself into a buffer of its own, allocating nothing per record: the text
 * before {@code "index"} is escaped once per resource and kept (see {@link Prefixes}), the load field names once
 * per load, and doubles go straight to bytes ({@link ShortestDouble}), a value written recently copied from
 * {@link RecentDoubles} (a replay writes each meter's values for many resources).
 * One writer per thread, over a stream of the caller's; not thread-safe.
 */
public final class JsonRecordWriter
{
    private static final int BUFFER_BYTES = 1 << 16;
    /** Room for {@code "index":<int>,"timestamp":<long>,"power_w":{}. */
    private static final int HEAD_BYTES = 64;
    /** Room for {@code },"total_w":<double>}} and the newline. */
    private static final int TAIL_BYTES = 16 + JsonText.MAX_NUMBER_BYTES;
    private static final int LONG_BYTES = 20;
    private static final byte[] TIMESTAMP = JsonText.ascii(",\"timestamp\":");
    private static final byte[] NULL = JsonText.ascii("null");
    private static final byte[] POWER = JsonText.ascii(",\"power_w\":{");
    private static final byte[] TOTAL = JsonText.ascii("},\"total_w\":");

    private final OutputStream out;
    private final Prefixes prefixes;
    private final LoadNames loadNames = new LoadNames();
    private final RecentDoubles recent = new RecentDoubles();
    private final byte[] millisText = new byte[LONG_BYTES];
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    /** The last timestamp written and its digits (at first Long.MIN_VALUE's own, so no value reads an empty text). */
    private long millis = Long.MIN_VALUE;
    private int millisLength;

    /**
     * @param out where the records go; never closed by this writer.
     * @throws IOException never: kept for the callers written against the earlier generator-based writer.
     */
    public JsonRecordWriter(final OutputStream out) throws IOException
    {
        this(out, Prefixes.MAX_POOL_BYTES);
    }

    /**
     * @param out          where the records go.
     * @param maxPoolBytes the most bytes of escaped resource prefixes to keep.
     */
    JsonRecordWriter(final OutputStream out, final int maxPoolBytes)
    {
        if (null == out)
        {
            throw new IllegalArgumentException("missing output stream [argument=out]");
        }
        this.out = out;
        this.prefixes = new Prefixes(maxPoolBytes);
        this.millisLength = JsonText.number(millis, millisText, 0);
    }

    /**
     * Writes one record per resource of the collection.
     *
     * @param collected one VEN's collection.
     * @return the records written.
     * @throws IOException when the stream cannot be written.
     */
    public int write(final CollectionBuffer collected) throws IOException
    {
        for (int r = 0, resources = collected.resourceCount(); r < resources; r++)
        {
            write(collected, r);
        }
        return collected.resourceCount();
    }

    /**
     * Writes the record of one resource.
     *
     * @param collected one VEN's collection.
     * @param r         a resource, 0 to {@code collected.resourceCount() - 1}.
     * @throws IOException when the stream cannot be written.
     */
    public void write(final CollectionBuffer collected, final int r) throws IOException
    {
        writeObject(collected, r);
        buffer[position++] = '\n';
    }

    /**
     * Writes the record of one resource as one JSON object without the trailing newline: a Kafka record's value.
     * Call {@link #flush()} to push it into the stream.
     *
     * @param collected one VEN's collection.
     * @param r         a resource, 0 to {@code collected.resourceCount() - 1}.
     * @throws IOException when the stream cannot be written.
     */
    public void writeObject(final CollectionBuffer collected, final int r) throws IOException
    {
        final int offset = collected.readingOffset(r);
        final int end = offset + collected.readingCount(r);
        final int prefixStart = prefixes.find(collected, r);
        final int prefixLength = prefixes.length();
        room(prefixLength + HEAD_BYTES);
        byte[] b = buffer;
        int at = position;
        if (prefixStart >= 0)
        {
            System.arraycopy(prefixes.pool(), prefixStart, b, at, prefixLength);
            at += prefixLength;
        }
        else
        {
            at = Prefixes.write(collected, r, b, at);
        }
        at = JsonText.number(collected.index(), b, at);
        at = JsonText.raw(TIMESTAMP, b, at);
        at = end > offset ? timestamp(collected.timestampMillis(offset), b, at) : JsonText.raw(NULL, b, at);
        at = JsonText.raw(POWER, b, at);
        for (int i = offset; i < end; i++)
        {
            final byte[] name = loadNames.name(collected, i);
            if (at + name.length + JsonText.MAX_NUMBER_BYTES + 1 > b.length)
            {
                position = at;
                room(name.length + JsonText.MAX_NUMBER_BYTES + 1);
                b = buffer;
                at = position;
            }
            if (i > offset)
            {
                b[at++] = ',';
            }
            at = JsonText.raw(name, b, at);
            at = JsonText.number(collected.powerW(i), recent, b, at);
        }
        if (at + TAIL_BYTES > b.length)
        {
            position = at;
            room(TAIL_BYTES);
            b = buffer;
            at = position;
        }
        at = JsonText.raw(TOTAL, b, at);
        at = JsonText.number(collected.resourceTotalWatts(r), recent, b, at);
        b[at++] = '}';
        position = at;
    }

    /** The timestamp is the same for most records in a row: its digits are kept from the last one. */
    private int timestamp(final long value, final byte[] b, final int at)
    {
        if (value != millis)
        {
            millisLength = JsonText.number(value, millisText, 0);
            millis = value;
        }
        System.arraycopy(millisText, 0, b, at, millisLength);
        return at + millisLength;
    }

    /** Makes room for {@code bytes} more: writes the buffer out when it is too full, grows it for a huge record. */
    private void room(final int bytes) throws IOException
    {
        if (position + bytes <= buffer.length)
        {
            return;
        }
        drain();
        if (bytes > buffer.length)
        {
            buffer = new byte[Math.max(bytes, buffer.length * 2)];
        }
    }

    private void drain() throws IOException
    {
        if (position > 0)
        {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    /**
     * @return bytes written since the last {@link #flush()} that this writer still holds: the stream's size plus
     *         this is where the next record starts, without flushing after every record.
     */
    public int buffered()
    {
        return position;
    }

    /**
     * Pushes what this writer buffers into the stream, and flushes the stream.
     *
     * @throws IOException when the stream cannot be written.
     */
    public void flush() throws IOException
    {
        drain();
        out.flush();
    }
}
