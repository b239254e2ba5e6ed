package io.metersim.records;

import com.fasterxml.jackson.core.io.NumberOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every value written through the table of recent values, hit, missed, evicted or bypassed, must be the text
 * Jackson's own Schubfach writer gives ({@code NumberOutput.toString(d, true)}, the independent reference).
 */
class RecentDoublesTest
{
    private final RecentDoubles recent = new RecentDoubles();
    private final byte[] out = new byte[64];

    @Test
    void shouldWriteRepeatedValuesAsJacksonDoes()
    {
        final SplittableRandom random = new SplittableRandom(17);
        final double[] meters = new double[900];
        for (int i = 0; i < meters.length; i++)
        {
            meters[i] = random.nextDouble() * Math.pow(10, random.nextInt(-3, 9));
        }
        // mostly repeats (hits), with colliding and evicting slots: more values than slots
        for (int i = 0; i < 300_000; i++)
        {
            assertAgrees(meters[random.nextInt(meters.length)]);
            if (0 == i % 7)
            {
                assertAgrees(random.nextDouble() * 1e4);
            }
        }
    }

    @Test
    void shouldWriteEveryValueRightAcrossBypassedWindows()
    {
        final SplittableRandom random = new SplittableRandom(19);
        // distinct values: the table is judged useless and bypassed; then repeats again, then negatives and zeros
        for (int i = 0; i < RecentDoubles.BYPASS + 4 * RecentDoubles.TRIAL; i++)
        {
            assertAgrees(Double.longBitsToDouble(random.nextLong() >>> 2));
        }
        for (int i = 0; i < 4 * RecentDoubles.TRIAL; i++)
        {
            assertAgrees(i % 10 * 1.5);
            assertAgrees(-(i % 13) / 7.0);
            assertAgrees(0 == i % 2 ? 0.0 : -0.0);
        }
    }

    private void assertAgrees(final double value)
    {
        out[1] = '#';
        final int end = recent.write(value, out, 2);
        assertEquals('#', out[1], "byte before the start");
        assertEquals(NumberOutput.toString(value, true), new String(out, 2, end - 2, StandardCharsets.US_ASCII),
            () -> "bits=" + Double.doubleToRawLongBits(value));
    }
}
