package io.metersim.records;

/**
 * JSON text into a byte array, as Jackson's UTF-8 generator (jackson-core 2.23, default features) writes it: strings
 * quoted, {@code "} and {@code \} escaped with a backslash, control characters as {@code \b \t \n \f \r} or
 * {@code \}{@code u00XX}, surrogates as {@code \}{@code uXXXX} (upper-case hex), everything else in UTF-8; integers
 * in decimal; doubles by {@link ShortestDouble}, and NaN and the infinities as the strings Jackson writes for them.
 * Every method writes from {@code at} and returns the index after the last byte; the caller makes room first.
 */
final class JsonText
{
    /** The most bytes one char takes: {@code \}{@code uXXXX}. */
    static final int MAX_CHAR_BYTES = 6;
    /** The most bytes a number takes: a double, or {@code "-Infinity"} with its quotes. */
    static final int MAX_NUMBER_BYTES = ShortestDouble.MAX_BYTES;

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    private static final byte[] NAN = ascii("\"NaN\"");
    private static final byte[] INFINITY = ascii("\"Infinity\"");
    private static final byte[] MINUS_INFINITY = ascii("\"-Infinity\"");
    /** Per ASCII char: 0 written as it is, a letter for its two-char escape, -1 for {@code \}{@code u00XX}. */
    private static final byte[] ESCAPES = escapes();
    private static final int SURROGATE_FIRST = 0xD800;
    private static final int SURROGATE_LAST = 0xDFFF;

    private JsonText()
    {
    }

    /**
     * @param text a string.
     * @return the most bytes {@link #string} writes for it.
     */
    static int maxStringBytes(final String text)
    {
        return 2 + MAX_CHAR_BYTES * text.length();
    }

    /**
     * Writes the text as a quoted JSON string.
     */
    static int string(final String text, final byte[] out, final int at)
    {
        int i = at;
        out[i++] = '"';
        for (int c = 0, length = text.length(); c < length; c++)
        {
            final char ch = text.charAt(c);
            if (ch < 0x80 && 0 == ESCAPES[ch])
            {
                out[i++] = (byte)ch;
            }
            else
            {
                i = escaped(ch, out, i);
            }
        }
        out[i++] = '"';
        return i;
    }

    private static int escaped(final char ch, final byte[] out, final int at)
    {
        int i = at;
        if (ch < 0x80)
        {
            final byte escape = ESCAPES[ch];
            out[i++] = '\\';
            if (escape > 0)
            {
                out[i++] = escape;
                return i;
            }
            return hex(ch, out, i);
        }
        if (ch < 0x800)
        {
            out[i++] = (byte)(0xC0 | (ch >> 6));
            out[i++] = (byte)(0x80 | (ch & 0x3F));
            return i;
        }
        if (ch >= SURROGATE_FIRST && ch <= SURROGATE_LAST)
        {
            out[i++] = '\\';
            return hex(ch, out, i);
        }
        out[i++] = (byte)(0xE0 | (ch >> 12));
        out[i++] = (byte)(0x80 | ((ch >> 6) & 0x3F));
        out[i++] = (byte)(0x80 | (ch & 0x3F));
        return i;
    }

    private static int hex(final char ch, final byte[] out, final int at)
    {
        out[at] = 'u';
        out[at + 1] = HEX[(ch >> 12) & 0xF];
        out[at + 2] = HEX[(ch >> 8) & 0xF];
        out[at + 3] = HEX[(ch >> 4) & 0xF];
        out[at + 4] = HEX[ch & 0xF];
        return at + 5;
    }

    /**
     * Writes a long in decimal.
     */
    static int number(final long value, final byte[] out, final int at)
    {
        if (value < 0)
        {
            if (Long.MIN_VALUE == value)
            {
                return raw(ascii(Long.toString(value)), out, at);
            }
            out[at] = '-';
            return digits(-value, out, at + 1);
        }
        return digits(value, out, at);
    }

    private static int digits(final long value, final byte[] out, final int at)
    {
        int count = 1;
        for (long rest = value; rest >= 10; rest /= 10)
        {
            count++;
        }
        long rest = value;
        for (int i = at + count - 1; i >= at; i--)
        {
            final long q = rest / 10;
            out[i] = (byte)('0' + (rest - q * 10));
            rest = q;
        }
        return at + count;
    }

    /**
     * Writes a double: the shortest decimal that reads back to it; NaN and the infinities as strings.
     */
    static int number(final double value, final byte[] out, final int at)
    {
        if (Double.isFinite(value))
        {
            return ShortestDouble.write(value, out, at);
        }
        return nonFinite(value, out, at);
    }

    /**
     * Writes a double as {@link #number(double, byte[], int)} does, a recently written value copied from recent.
     */
    static int number(final double value, final RecentDoubles recent, final byte[] out, final int at)
    {
        if (Double.isFinite(value))
        {
            return recent.write(value, out, at);
        }
        return nonFinite(value, out, at);
    }

    private static int nonFinite(final double value, final byte[] out, final int at)
    {
        if (Double.isNaN(value))
        {
            return raw(NAN, out, at);
        }
        return raw(value > 0 ? INFINITY : MINUS_INFINITY, out, at);
    }

    /**
     * Copies bytes as they are.
     */
    static int raw(final byte[] bytes, final byte[] out, final int at)
    {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /**
     * @param text ASCII text.
     * @return its bytes.
     */
    static byte[] ascii(final String text)
    {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] escapes()
    {
        final byte[] escapes = new byte[0x80];
        for (int c = 0; c < 0x20; c++)
        {
            escapes[c] = -1;
        }
        escapes['"'] = '"';
        escapes['\\'] = '\\';
        escapes['\b'] = 'b';
        escapes['\t'] = 't';
        escapes['\n'] = 'n';
        escapes['\f'] = 'f';
        escapes['\r'] = 'r';
        return escapes;
    }
}
