package io.metersim.records;

import com.fasterxml.jackson.core.io.NumberOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares every output with Jackson's own Schubfach writer ({@code NumberOutput.toString(d, true)}), an independent
 * implementation of the same specification, and checks that it reads back to the same double.
 */
class ShortestDoubleTest
{
    /** Written from {@link #START}, so that an offset is honoured and nothing before it is touched. */
    private static final int START = 3;

    private final byte[] bytes = new byte[START + ShortestDouble.MAX_BYTES];

    @Test
    void shouldWriteKnownValuesAsDoubleToStringSpecifies()
    {
        assertWrites("0.0", 0.0);
        assertWrites("-0.0", -0.0);
        assertWrites("1.0", 1.0);
        assertWrites("100.0", 100.0);
        assertWrites("0.001", 0.001);
        assertWrites("1.0E-4", 0.0001);
        assertWrites("9999999.0", 9_999_999.0);
        assertWrites("1.0E7", 1.0E7);
        assertWrites("1.2345678E7", 12_345_678.0);
        assertWrites("0.1", 0.1);
        assertWrites("0.30000000000000004", 0.1 + 0.2);
        assertWrites("106.80660530372813", 106.80660530372813);
        assertWrites("4.9E-324", Double.MIN_VALUE);
        assertWrites("2.2250738585072014E-308", Double.MIN_NORMAL);
        assertWrites("-2.2250738585072014E-308", -Double.MIN_NORMAL);
        assertWrites("1.7976931348623157E308", Double.MAX_VALUE);
        // JDK 17's Double.toString gives 2.0E-3 as "0.0020" and 1.0E23 as "1.0000000000000001E23"; the shortest is:
        assertWrites("0.002", 2.0E-3);
        assertWrites("1.0E23", 1.0E23);
    }

    @Test
    void shouldAgreeWithJacksonOnRandomBitPatterns()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 500_000; i++)
        {
            final double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value))
            {
                assertAgrees(value);
            }
        }
    }

    @Test
    void shouldAgreeWithJacksonOnMeterLikeValues()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500_000; i++)
        {
            final double watts = random.nextDouble() * Math.pow(10, random.nextInt(-4, 9));
            assertAgrees(watts);
            assertAgrees(Math.rint(watts));
            assertAgrees(Math.rint(watts * 1000) / 1000);
        }
    }

    @Test
    void shouldAgreeWithJacksonAtPowersOfTwoAndTenAndSubnormals()
    {
        for (int e = -1074; e <= 1023; e++)
        {
            final double power = Math.scalb(1.0, e);
            assertAgrees(power);
            assertAgrees(Math.nextUp(power));
            assertAgrees(Math.nextDown(power));
        }
        for (int e = -323; e <= 308; e++)
        {
            final double power = Double.parseDouble("1e" + e);
            assertAgrees(power);
            assertAgrees(Math.nextUp(power));
            assertAgrees(Math.nextDown(power));
        }
        for (long bits = 1; bits < 10_000; bits++)
        {
            assertAgrees(Double.longBitsToDouble(bits));
        }
    }

    @Test
    void shouldAgreeWithJacksonOnWholeNumbersAndShortDecimals()
    {
        for (int i = -1000; i <= 200_000; i++)
        {
            assertAgrees(i);
            assertAgrees(i / 10.0);
            assertAgrees(i / 1000.0);
        }
    }

    private String written(final double value)
    {
        bytes[START - 1] = '#';
        final int end = ShortestDouble.write(value, bytes, START);
        assertEquals('#', bytes[START - 1], "byte before the start");
        return new String(bytes, START, end - START, StandardCharsets.US_ASCII);
    }

    private void assertAgrees(final double value)
    {
        final String written = written(value);
        assertEquals(NumberOutput.toString(value, true), written, () -> "bits=" + Double.doubleToRawLongBits(value));
        assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(Double.parseDouble(written)),
            written);
    }

    private void assertWrites(final String expected, final double value)
    {
        assertEquals(expected, written(value));
        assertAgrees(value);
    }
}
