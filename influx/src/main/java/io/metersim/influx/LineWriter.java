package io.metersim.influx;

import io.metersim.core.CollectionBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Writes InfluxDB line protocol straight from a {@link CollectionBuffer} into a {@link Batch}: no string is built
 * per reading. One writer per collecting worker. The schema, tag keys sorted:
 * <pre>
 * meter_power,meter_point_id=M,resource_id=R,ven=V load_0=W,...,total_w=W TIMESTAMP_MS
 * ven_power,ven=V load_0=W,...,total_w=W,resources=Ni,missing=Ni TIMESTAMP_MS
 * </pre>
 * Escaping follows the line protocol: commas and spaces in measurements; commas, {@code =} and spaces in tag keys,
 * tag values and field keys. A line holds no newline: CR and LF in a name become a space. An empty tag value is left
 * out (the protocol has none); a field that is not finite is never written.
 */
final class LineWriter
{
    private static final byte[] METER_POWER = ascii("meter_power");
    private static final byte[] VEN_POWER = ascii("ven_power");
    private static final byte[] METER_POINT_TAG = ascii(",meter_point_id=");
    private static final byte[] RESOURCE_TAG = ascii(",resource_id=");
    private static final byte[] VEN_TAG = ascii(",ven=");
    private static final byte[] TOTAL_FIELD = ascii("total_w=");
    private static final byte[] RESOURCES_FIELD = ascii(",resources=");
    private static final byte[] MISSING_FIELD = ascii(",missing=");
    /** Longest number text: a long's 20 characters, or a double's 24 ({@code -1.2345678901234567E-300}). */
    private static final int NUMBER_BYTES = 26;
    /** An integral double below this magnitude is written as its exact integer digits. */
    private static final double INTEGRAL_LIMIT = 1e15;

    private final StringBuilder digits = new StringBuilder(32);
    private final byte[] scratch = new byte[20];
    private byte[][] loadKeys = new byte[0][];

    /**
     * Writes one {@code meter_power} line for resource {@code r} of the collection, when it has readings.
     *
     * @return whether a line was written.
     */
    boolean meterLine(final Batch batch, final CollectionBuffer collected, final int r)
    {
        final int count = collected.readingCount(r);
        if (0 == count)
        {
            return false;
        }
        final String meter = collected.meterPointId(r);
        final String resource = collected.resourceId(r);
        final String ven = collected.ven();
        batch.ensure(64 + 4 * (meter.length() + resource.length() + ven.length()) + count * (24 + NUMBER_BYTES)
            + 2 * NUMBER_BYTES);
        final int start = batch.length;
        put(batch, METER_POWER);
        tag(batch, METER_POINT_TAG, meter);
        tag(batch, RESOURCE_TAG, resource);
        tag(batch, VEN_TAG, ven);
        batch.bytes[batch.length++] = ' ';
        final int offset = collected.readingOffset(r);
        for (int i = offset; i < offset + count; i++)
        {
            final double watts = collected.powerW(i);
            if (Double.isFinite(watts))
            {
                put(batch, loadKey(collected.loadIndex(i)));
                writeDouble(batch, watts);
                batch.bytes[batch.length++] = ',';
            }
        }
        final double total = collected.resourceTotalWatts(r);
        if (!Double.isFinite(total))
        {
            batch.length = start;
            return false;
        }
        put(batch, TOTAL_FIELD);
        writeDouble(batch, total);
        batch.bytes[batch.length++] = ' ';
        writeLong(batch, collected.timestampMillis(offset));
        endLine(batch);
        return true;
    }

    /**
     * Writes the {@code ven_power} line of the collection, when it has readings (a line needs their timestamp).
     *
     * @return whether a line was written.
     */
    boolean venLine(final Batch batch, final CollectionBuffer collected)
    {
        final double total = collected.totalWatts();
        if (0 == collected.readingTotal() || !Double.isFinite(total))
        {
            return false;
        }
        final String ven = collected.ven();
        final int loads = collected.loadCount();
        batch.ensure(64 + 4 * ven.length() + loads * (24 + NUMBER_BYTES) + 4 * NUMBER_BYTES);
        put(batch, VEN_POWER);
        tag(batch, VEN_TAG, ven);
        batch.bytes[batch.length++] = ' ';
        for (int k = 0; k < loads; k++)
        {
            final double watts = collected.loadTotalWatts(k);
            if (Double.isFinite(watts))
            {
                put(batch, loadKey(k));
                writeDouble(batch, watts);
                batch.bytes[batch.length++] = ',';
            }
        }
        put(batch, TOTAL_FIELD);
        writeDouble(batch, total);
        put(batch, RESOURCES_FIELD);
        writeLong(batch, collected.resourceCount());
        batch.bytes[batch.length++] = 'i';
        put(batch, MISSING_FIELD);
        writeLong(batch, collected.missingCount());
        batch.bytes[batch.length++] = 'i';
        batch.bytes[batch.length++] = ' ';
        writeLong(batch, collected.timestampMillis(0));
        endLine(batch);
        return true;
    }

    private static void endLine(final Batch batch)
    {
        batch.bytes[batch.length++] = '\n';
        if (0 == batch.lines++)
        {
            batch.firstLineNanos = System.nanoTime();
        }
    }

    /**
     * @return {@code load_k=} escaped as a field key; built once per component, then reused.
     */
    private byte[] loadKey(final int load)
    {
        if (load < loadKeys.length && null != loadKeys[load])
        {
            return loadKeys[load];
        }
        return loadKeySlowPath(load);
    }

    private byte[] loadKeySlowPath(final int load)
    {
        if (load >= loadKeys.length)
        {
            loadKeys = java.util.Arrays.copyOf(loadKeys, Math.max(load + 1, 8));
        }
        final Batch key = new Batch(16);
        escaped(key, "load_" + load, false);
        key.bytes[key.length++] = '=';
        loadKeys[load] = java.util.Arrays.copyOf(key.bytes, key.length);
        return loadKeys[load];
    }

    private static void tag(final Batch batch, final byte[] prefix, final String value)
    {
        if (!value.isEmpty())
        {
            put(batch, prefix);
            escaped(batch, value, false);
        }
    }

    /**
     * Writes {@code text} as UTF-8, escaped as a tag key, tag value or field key ({@code measurement} false: commas,
     * {@code =} and spaces) or as a measurement (true: commas and spaces). Needs room for 4 bytes per char.
     */
    static void escaped(final Batch batch, final String text, final boolean measurement)
    {
        final byte[] bytes = batch.bytes;
        int at = batch.length;
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                if (',' == c || ' ' == c || ('=' == c && !measurement))
                {
                    bytes[at++] = '\\';
                    bytes[at++] = (byte)c;
                }
                else if ('\n' == c || '\r' == c)
                {
                    bytes[at++] = ' ';
                }
                else
                {
                    bytes[at++] = (byte)c;
                }
            }
            else if (c < 0x800)
            {
                bytes[at++] = (byte)(0xC0 | (c >> 6));
                bytes[at++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                final int code = Character.toCodePoint(c, text.charAt(++i));
                bytes[at++] = (byte)(0xF0 | (code >> 18));
                bytes[at++] = (byte)(0x80 | ((code >> 12) & 0x3F));
                bytes[at++] = (byte)(0x80 | ((code >> 6) & 0x3F));
                bytes[at++] = (byte)(0x80 | (code & 0x3F));
            }
            else if (Character.isSurrogate(c))
            {
                bytes[at++] = '?';
            }
            else
            {
                bytes[at++] = (byte)(0xE0 | (c >> 12));
                bytes[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte)(0x80 | (c & 0x3F));
            }
        }
        batch.length = at;
    }

    /**
     * Writes a finite double as a line protocol float: integral values as their digits, others in Java's shortest
     * round-trip form (which InfluxDB parses back to the same double). {@code StringBuilder.append(double)} formats
     * into the builder without building a String.
     */
    void writeDouble(final Batch batch, final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < INTEGRAL_LIMIT)
        {
            writeLong(batch, (long)value);
            return;
        }
        final StringBuilder digits = this.digits;
        digits.setLength(0);
        digits.append(value);
        final byte[] bytes = batch.bytes;
        int at = batch.length;
        for (int i = 0; i < digits.length(); i++)
        {
            bytes[at++] = (byte)digits.charAt(i);
        }
        batch.length = at;
    }

    /**
     * Writes a long's decimal digits.
     */
    void writeLong(final Batch batch, final long value)
    {
        final byte[] bytes = batch.bytes;
        int at = batch.length;
        if (Long.MIN_VALUE == value)
        {
            for (final byte b : ascii(Long.toString(value)))
            {
                bytes[at++] = b;
            }
            batch.length = at;
            return;
        }
        long v = value;
        if (v < 0)
        {
            bytes[at++] = '-';
            v = -v;
        }
        final byte[] scratch = this.scratch;
        int n = 0;
        do
        {
            scratch[n++] = (byte)('0' + (v % 10));
            v /= 10;
        }
        while (v != 0);
        while (n > 0)
        {
            bytes[at++] = scratch[--n];
        }
        batch.length = at;
    }

    private static void put(final Batch batch, final byte[] constant)
    {
        System.arraycopy(constant, 0, batch.bytes, batch.length, constant.length);
        batch.length += constant.length;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
