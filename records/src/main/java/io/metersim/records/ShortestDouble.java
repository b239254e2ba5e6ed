package io.metersim.records;

import java.math.BigInteger;

/**
 * Writes a finite double as the shortest decimal that reads back to the same double, in the text
 * {@code Double.toString} gives on JDK 19 and later and Jackson's fast double writer gives on any JDK (for example
 * {@code 106.80660530372813}, {@code 0.0}, {@code 1.0E7}, {@code 4.9E-324}), as ASCII bytes into an array of the
 * caller's, allocating nothing.
 * <p>
 * The digits come from the Schubfach algorithm (R. Giulietti, "The Schubfach way to render doubles", 2020-2021):
 * of the decimals in the rounding interval of the double, the shortest, and of those the closest. Its table of
 * 126-bit powers of ten is computed here, once, with {@link BigInteger}.
 */
final class ShortestDouble
{
    /** The most bytes a double takes: {@code -2.2250738585072014E-308}. */
    static final int MAX_BYTES = 24;

    private static final int P = 53;
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << (P - 1);
    private static final int BQ_MASK = 0x7FF;
    private static final long T_MASK = C_MIN - 1;
    private static final long MASK_63 = Long.MAX_VALUE;
    private static final long C_TINY = 3;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    /** floor(2^63 / 10) + 1, times 16: multiplyHigh(s, it) is s / 10 for every s the algorithm divides. */
    private static final long TENTH = 115_292_150_460_684_698L << 4;
    /** "00" to "99": two digits per division. */
    private static final byte[] PAIRS = pairs();
    /** 10^0 to 10^18. */
    private static final long[] POWERS = powers();
    /** The pairs g1(k), g0(k): g = g1 2^63 + g0 = floor(10^-k 2^-r) + 1, r = flog2pow10(-k) - 125. */
    private static final long[] G = powersOfTen();

    private ShortestDouble()
    {
    }

    /**
     * @param value a finite double.
     * @param out   where the bytes go, at least {@link #MAX_BYTES} from {@code start}.
     * @param start the first byte to write.
     * @return the index after the last byte written.
     */
    static int write(final double value, final byte[] out, final int start)
    {
        final long bits = Double.doubleToRawLongBits(value);
        final long t = bits & T_MASK;
        final int bq = (int)(bits >>> (P - 1)) & BQ_MASK;
        int at = start;
        if (bits < 0)
        {
            out[at++] = '-';
        }
        if (0 != bq)
        {
            final int mq = -Q_MIN + 1 - bq;
            final long c = C_MIN | t;
            if (0 < mq && mq < P)
            {
                final long f = c >> mq;
                if (f << mq == c)
                {
                    return bytes(f, 0, out, at);
                }
            }
            return decimal(-mq, c, 0, out, at);
        }
        if (0 != t)
        {
            return t < C_TINY ? decimal(Q_MIN, 10 * t, -1, out, at) : decimal(Q_MIN, t, 0, out, at);
        }
        out[at++] = '0';
        out[at++] = '.';
        out[at++] = '0';
        return at;
    }

    /**
     * The decimal for c 2^q: its digits s and exponent k + dk, value s 10^(k + dk).
     */
    private static int decimal(final int q, final long c, final int dk, final byte[] out, final int at)
    {
        final int odd = (int)c & 1;
        final long cb = c << 2;
        final long cbr = cb + 2;
        final long cbl;
        final int k;
        if (c != C_MIN || q == Q_MIN)
        {
            cbl = cb - 2;
            k = flog10pow2(q);
        }
        else
        {
            // the interval is asymmetric at a power of two: its lower half is half as wide
            cbl = cb - 1;
            k = flog10ThreeQuartersPow2(q);
        }
        final int h = q + flog2pow10(-k) + 2;
        final int index = (k - K_MIN) << 1;
        final long g1 = G[index];
        final long g0 = G[index + 1];
        final long vb = roundToOdd(g1, g0, cb << h);
        final long vbl = roundToOdd(g1, g0, cbl << h);
        final long vbr = roundToOdd(g1, g0, cbr << h);
        final long s = vb >> 2;
        if (s >= 100)
        {
            // one digit shorter, if a multiple of ten lies in the interval
            final long sp10 = 10 * Math.multiplyHigh(s, TENTH);
            final long tp10 = sp10 + 10;
            final boolean upin = vbl + odd <= sp10 << 2;
            final boolean wpin = (tp10 << 2) + odd <= vbr;
            if (upin != wpin)
            {
                return bytes(upin ? sp10 : tp10, k, out, at);
            }
        }
        final long t = s + 1;
        final boolean uin = vbl + odd <= s << 2;
        final boolean win = (t << 2) + odd <= vbr;
        if (uin != win)
        {
            return bytes(uin ? s : t, k + dk, out, at);
        }
        final long cmp = vb - ((s + t) << 1);
        return bytes(cmp < 0 || (0 == cmp && 0 == (s & 1)) ? s : t, k + dk, out, at);
    }

    private static long roundToOdd(final long g1, final long g0, final long cp)
    {
        final long x1 = Math.multiplyHigh(g0, cp);
        final long y0 = g1 * cp;
        final long y1 = Math.multiplyHigh(g1, cp);
        final long z = (y0 >>> 1) + x1;
        final long vbp = y1 + (z >>> 63);
        return vbp | (((z & MASK_63) + MASK_63) >>> 63);
    }

    /**
     * Lays out f 10^e as {@code Double.toString} does: plain from 10^-3 up to 10^7, else d.ddd{@code E}n; at least
     * one digit after the point.
     */
    private static int bytes(final long digits, final int exponent, final byte[] out, final int start)
    {
        long f = digits;
        int e = exponent;
        // at most 17 digits: strip trailing zeros two, then one, at a time
        while (f >= 100 && 0 == f % 100)
        {
            f /= 100;
            e += 2;
        }
        if (f >= 10 && 0 == f % 10)
        {
            f /= 10;
            e++;
        }
        final int n = digitCount(f);
        final int scientific = e + n - 1;
        if (scientific >= 0 && scientific < 7)
        {
            return plain(f, n, e, out, start);
        }
        if (scientific < 0 && scientific >= -3)
        {
            int at = start;
            out[at++] = '0';
            out[at++] = '.';
            for (int z = -1; z > scientific; z--)
            {
                out[at++] = '0';
            }
            return digitsOf(f, n, out, at);
        }
        return scientific(f, n, scientific, out, start);
    }

    /** f 10^e for 1 <= f 10^e < 10^7: the integer digits, a point, the fraction's digits or "0". */
    private static int plain(final long f, final int n, final int e, final byte[] out, final int start)
    {
        if (e >= 0)
        {
            int at = digitsOf(f, n, out, start);
            for (int z = 0; z < e; z++)
            {
                out[at++] = '0';
            }
            out[at++] = '.';
            out[at++] = '0';
            return at;
        }
        // the last -e digits move one place right, behind the point (no division by a variable power of ten)
        final int end = digitsOf(f, n, out, start);
        return point(out, end + e, end);
    }

    /** Moves {@code [point, end)} one place right and puts the decimal point at {@code point}. */
    private static int point(final byte[] out, final int point, final int end)
    {
        for (int i = end; i > point; i--)
        {
            out[i] = out[i - 1];
        }
        out[point] = '.';
        return end + 1;
    }

    /** d.ddd{@code E}n: a point after the first digit, ".0" for a single digit. */
    private static int scientific(final long f, final int n, final int power, final byte[] out, final int start)
    {
        int at;
        if (1 == n)
        {
            out[start] = (byte)('0' + f);
            out[start + 1] = '.';
            out[start + 2] = '0';
            at = start + 3;
        }
        else
        {
            at = point(out, start + 1, digitsOf(f, n, out, start));
        }
        out[at++] = 'E';
        int p = power;
        if (p < 0)
        {
            out[at++] = '-';
            p = -p;
        }
        return digitsOf(p, digitCount(p), out, at);
    }

    /**
     * The {@code count} lowest decimal digits of value, leading zeros included: eight at a time (one long
     * division), each eight as two independent fours and each four as two pairs from a table (int divisions), so
     * the divisions do not wait on each other as a digit-by-digit loop's do.
     */
    private static int digitsOf(final long value, final int count, final byte[] out, final int at)
    {
        long rest = value;
        int i = at + count;
        while (i - at >= 8)
        {
            final long q = rest / 100_000_000L;
            i -= 8;
            eight((int)(rest - q * 100_000_000L), out, i);
            rest = q;
        }
        int small = (int)rest;
        while (i - at >= 2)
        {
            final int q = small / 100;
            final int pair = (small - q * 100) << 1;
            out[--i] = PAIRS[pair + 1];
            out[--i] = PAIRS[pair];
            small = q;
        }
        if (i > at)
        {
            out[at] = (byte)('0' + small);
        }
        return at + count;
    }

    /** Exactly eight digits of v, 0 <= v < 10^8. */
    private static void eight(final int v, final byte[] out, final int at)
    {
        final int high = v / 10_000;
        four(high, out, at);
        four(v - high * 10_000, out, at + 4);
    }

    /** Exactly four digits of v, 0 <= v < 10^4. */
    private static void four(final int v, final byte[] out, final int at)
    {
        final int high = v / 100;
        final int hi = high << 1;
        final int lo = (v - high * 100) << 1;
        out[at] = PAIRS[hi];
        out[at + 1] = PAIRS[hi + 1];
        out[at + 2] = PAIRS[lo];
        out[at + 3] = PAIRS[lo + 1];
    }

    /** Decimal digits of 0 < value < 2^63: log10 from the bit length, corrected by one table look-up. */
    private static int digitCount(final long value)
    {
        final int log10 = (64 - Long.numberOfLeadingZeros(value)) * 1233 >>> 12;
        return Math.max(1, value < POWERS[log10] ? log10 : log10 + 1);
    }

    private static byte[] pairs()
    {
        final byte[] pairs = new byte[200];
        for (int i = 0; i < 100; i++)
        {
            pairs[i << 1] = (byte)('0' + i / 10);
            pairs[(i << 1) + 1] = (byte)('0' + i % 10);
        }
        return pairs;
    }

    private static long[] powers()
    {
        final long[] powers = new long[19];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }

    /** floor(e log10(2)), for |e| <= 5,456,721. */
    static int flog10pow2(final int e)
    {
        return (int)((e * 661_971_961_083L) >> 41);
    }

    /** floor(e log10(2) + log10(3/4)), for |e| <= 5,456,721. */
    static int flog10ThreeQuartersPow2(final int e)
    {
        return (int)((e * 661_971_961_083L - 274_743_187_321L) >> 41);
    }

    /** floor(e log2(10)), for |e| <= 1,838,394. */
    static int flog2pow10(final int e)
    {
        return (int)((e * 913_124_641_741L) >> 38);
    }

    private static long[] powersOfTen()
    {
        final long[] g = new long[(K_MAX - K_MIN + 1) << 1];
        final BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++)
        {
            final int r = flog2pow10(-k) - 125;
            // floor(10^-k 2^-r): a power of ten times a power of two, or a quotient of the two
            BigInteger numerator = BigInteger.ONE;
            BigInteger denominator = BigInteger.ONE;
            if (k <= 0)
            {
                numerator = numerator.multiply(BigInteger.TEN.pow(-k));
            }
            else
            {
                denominator = denominator.multiply(BigInteger.TEN.pow(k));
            }
            if (r <= 0)
            {
                numerator = numerator.shiftLeft(-r);
            }
            else
            {
                denominator = denominator.shiftLeft(r);
            }
            final BigInteger value = numerator.divide(denominator).add(BigInteger.ONE);
            final int index = (k - K_MIN) << 1;
            g[index] = value.shiftRight(63).longValueExact();
            g[index + 1] = value.and(mask63).longValueExact();
        }
        return g;
    }
}
