package io.metersim.records;

import java.math.BigInteger;

/**
 * Writes a finite double as the shortest decimal that reads back to the same double, in the text
 * {@code Double.toString} gives on JDK 19 and later and Jackson's fast double writer gives on any JDK (for example
 * {@code 106.80660530372813}, {@code 0.0}, {@code 1.0E7}, {@code 4.9E-324}), into a char array of the caller's,
 * allocating nothing.
 * <p>
 * The digits come from the Schubfach algorithm (R. Giulietti, "The Schubfach way to render doubles", 2020-2021):
 * of the decimals in the rounding interval of the double, the shortest, and of those the closest. Its table of
 * 126-bit powers of ten is computed here, once, with {@link BigInteger}.
 */
final class ShortestDouble
{
    /** The most chars a double takes: {@code -2.2250738585072014E-308}. */
    static final int MAX_CHARS = 24;

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
    /** The pairs g1(k), g0(k): g = g1 2^63 + g0 = floor(10^-k 2^-r) + 1, r = flog2pow10(-k) - 125. */
    private static final long[] G = powersOfTen();

    private ShortestDouble()
    {
    }

    /**
     * @param value a finite double.
     * @param out   where the chars go, at least {@link #MAX_CHARS} long.
     * @return how many chars were written from index 0.
     */
    static int write(final double value, final char[] out)
    {
        final long bits = Double.doubleToRawLongBits(value);
        final long t = bits & T_MASK;
        final int bq = (int)(bits >>> (P - 1)) & BQ_MASK;
        int at = 0;
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
                    return chars(f, 0, out, at);
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
    private static int decimal(final int q, final long c, final int dk, final char[] out, final int at)
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
                return chars(upin ? sp10 : tp10, k, out, at);
            }
        }
        final long t = s + 1;
        final boolean uin = vbl + odd <= s << 2;
        final boolean win = (t << 2) + odd <= vbr;
        if (uin != win)
        {
            return chars(uin ? s : t, k + dk, out, at);
        }
        final long cmp = vb - ((s + t) << 1);
        return chars(cmp < 0 || (0 == cmp && 0 == (s & 1)) ? s : t, k + dk, out, at);
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
    private static int chars(final long digits, final int exponent, final char[] out, final int start)
    {
        long f = digits;
        int e = exponent;
        while (f >= 10 && 0 == f % 10)
        {
            f /= 10;
            e++;
        }
        final int n = digitCount(f);
        final int scientific = e + n - 1;
        int at = start;
        if (scientific >= 0 && scientific < 7)
        {
            at = digitsOf(f, n, out, at);
            if (e >= 0)
            {
                for (int z = 0; z < e; z++)
                {
                    out[at++] = '0';
                }
                out[at++] = '.';
                out[at++] = '0';
                return at;
            }
            // move the last -e digits behind a point
            final int point = at + e;
            System.arraycopy(out, point, out, point + 1, -e);
            out[point] = '.';
            return at + 1;
        }
        if (scientific < 0 && scientific >= -3)
        {
            out[at++] = '0';
            out[at++] = '.';
            for (int z = -1; z > scientific; z--)
            {
                out[at++] = '0';
            }
            return digitsOf(f, n, out, at);
        }
        at = digitsOf(f, n, out, at);
        // d.ddd: a point after the first digit, ".0" for a single digit
        System.arraycopy(out, start + 1, out, start + 2, n - 1);
        out[start + 1] = '.';
        at++;
        if (1 == n)
        {
            out[at++] = '0';
        }
        out[at++] = 'E';
        int power = scientific;
        if (power < 0)
        {
            out[at++] = '-';
            power = -power;
        }
        return digitsOf(power, digitCount(power), out, at);
    }

    private static int digitsOf(final long value, final int count, final char[] out, final int at)
    {
        long rest = value;
        for (int i = at + count - 1; i >= at; i--)
        {
            out[i] = (char)('0' + rest % 10);
            rest /= 10;
        }
        return at + count;
    }

    private static int digitCount(final long value)
    {
        int count = 1;
        for (long rest = value; rest >= 10; rest /= 10)
        {
            count++;
        }
        return count;
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
