package io.metersim.influx;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A reusable gzip encoder (RFC 1952: header, raw deflate, CRC-32 and size trailer) over one {@link Deflater} and one
 * growing output array; one per sender thread.
 */
final class Gzip
{
    private static final byte[] HEADER = {0x1f, (byte)0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte)0xff};
    private static final int TRAILER = 8;

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] out = new byte[1 << 16];
    private int length;

    Gzip(final int level)
    {
        this.deflater = new Deflater(level, true);
    }

    /**
     * Compresses {@code in[from, from + count)}; the result is {@link #bytes()}{@code [0, }{@link #length()}{@code )}
     * until the next call.
     */
    void compress(final byte[] in, final int from, final int count)
    {
        deflater.reset();
        crc.reset();
        crc.update(in, from, count);
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int at = HEADER.length;
        deflater.setInput(in, from, count);
        deflater.finish();
        while (!deflater.finished())
        {
            if (at == out.length)
            {
                out = Arrays.copyOf(out, out.length * 2);
            }
            at += deflater.deflate(out, at, out.length - at);
        }
        if (at + TRAILER > out.length)
        {
            out = Arrays.copyOf(out, at + TRAILER);
        }
        at = littleEndian(out, at, (int)crc.getValue());
        length = littleEndian(out, at, count);
    }

    byte[] bytes()
    {
        return out;
    }

    int length()
    {
        return length;
    }

    void end()
    {
        deflater.end();
    }

    private static int littleEndian(final byte[] out, final int at, final int value)
    {
        out[at] = (byte)value;
        out[at + 1] = (byte)(value >>> 8);
        out[at + 2] = (byte)(value >>> 16);
        out[at + 3] = (byte)(value >>> 24);
        return at + 4;
    }
}
