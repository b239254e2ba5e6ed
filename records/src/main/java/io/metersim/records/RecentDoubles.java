package io.metersim.records;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The text of recently written doubles, so that a value written again is copied rather than converted: a replay
 * reads the same meter series for many resources (the synthetic fleet of 120,000 resources reads 153 meters), so
 * most values of a tick repeat. Direct-mapped by the double's bits, {@link #SLOTS} slots in flat arrays: a miss
 * converts with {@link ShortestDouble} and replaces the slot, a hit copies the slot's
 * {@link ShortestDouble#MAX_BYTES} bytes as three longs. When fewer than a quarter of a window's values hit (every
 * resource reads a meter of its own), the table is bypassed for a while, then tried again. The bytes are the same
 * either way; nothing is allocated after construction. One per writer (per thread).
 */
final class RecentDoubles
{
    /** Slots, a power of two: more than the distinct values of a tick of the example data (153 meters x 7). */
    static final int SLOTS = 1 << 12;
    /** Values per trial window. */
    static final int TRIAL = 1 << 12;
    /** Values written without the table after a trial with too few hits. */
    static final int BYPASS = 1 << 18;

    private static final int SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SLOTS);
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final int WIDTH = ShortestDouble.MAX_BYTES;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] bits = new long[SLOTS];
    private final byte[] lengths = new byte[SLOTS];
    private final byte[] text = new byte[SLOTS * WIDTH];
    private int window = TRIAL;
    private int hits;
    private boolean bypass;

    /**
     * Writes a finite double as {@link ShortestDouble} does.
     *
     * @param value a finite double.
     * @param out   where the bytes go; {@link ShortestDouble#MAX_BYTES} bytes from {@code at} may be overwritten.
     * @param at    the first byte to write.
     * @return the index after the last byte written.
     */
    int write(final double value, final byte[] out, final int at)
    {
        if (bypass)
        {
            return bypassed(value, out, at);
        }
        final long key = Double.doubleToRawLongBits(value);
        final int slot = (int)((key * GOLDEN) >>> SHIFT);
        final int length = lengths[slot];
        final int end;
        final int from = slot * WIDTH;
        if (0 != length && bits[slot] == key)
        {
            copy(text, from, out, at);
            end = at + length;
            hits++;
        }
        else
        {
            end = ShortestDouble.write(value, out, at);
            bits[slot] = key;
            lengths[slot] = (byte)(end - at);
            copy(out, at, text, from);
        }
        if (0 == --window)
        {
            judge();
        }
        return end;
    }

    private int bypassed(final double value, final byte[] out, final int at)
    {
        if (0 == --window)
        {
            bypass = false;
            window = TRIAL;
            hits = 0;
        }
        return ShortestDouble.write(value, out, at);
    }

    private void judge()
    {
        bypass = hits < TRIAL / 4;
        window = bypass ? BYPASS : TRIAL;
        hits = 0;
    }

    /** {@link #WIDTH} bytes, as three longs. */
    private static void copy(final byte[] from, final int start, final byte[] to, final int at)
    {
        LONGS.set(to, at, (long)LONGS.get(from, start));
        LONGS.set(to, at + 8, (long)LONGS.get(from, start + 8));
        LONGS.set(to, at + 16, (long)LONGS.get(from, start + 16));
    }
}
