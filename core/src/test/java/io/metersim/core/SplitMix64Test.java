package io.metersim.core;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SplitMix64Test
{
    /** The first outputs of Vigna's reference splitmix64.c seeded with 0. */
    private static final long[] SEED_ZERO = {
        0xE220A8397B1DCDAFL, 0x6E789E6AA1B965F4L, 0x06C45D188009454FL, 0xF88BB8A8724C81ECL, 0x1B39896A51A8749BL};

    @Test
    void shouldMatchThePublishedOutputsForSeedZero()
    {
        for (int i = 0; i < SEED_ZERO.length; i++)
        {
            assertEquals(SEED_ZERO[i], SplitMix64.output(0L, i + 1), "output " + (i + 1));
            assertEquals(SEED_ZERO[i], SplitMix64.mix((i + 1) * SplitMix64.GOLDEN_GAMMA), "state " + (i + 1));
        }
    }

    @Test
    void shouldMatchTheJdksSplittableRandomWhateverTheSeed()
    {
        for (final long seed : new long[] {0L, 1L, -1L, 42L, Long.MIN_VALUE, Long.MAX_VALUE, 0x123456789ABCDEF0L})
        {
            final SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 1; i <= 100; i++)
            {
                assertEquals(jdk.nextLong(), SplitMix64.output(seed, i), "seed=" + seed + " output=" + i);
            }
        }
    }

    @Test
    void shouldKeepTheGoldenGammaAndFinaliserConstants()
    {
        assertEquals(0x9E3779B97F4A7C15L, SplitMix64.GOLDEN_GAMMA);
        assertEquals(0L, SplitMix64.mix(0L));
        assertEquals(0x6E789E6AA1B965F4L, SplitMix64.output(SplitMix64.GOLDEN_GAMMA, 1));
    }

    @Test
    void shouldWrapTheStateForNegativeAndLargeIndices()
    {
        assertEquals(SplitMix64.mix(42L - 0x1D5L * SplitMix64.GOLDEN_GAMMA), SplitMix64.output(42L, -0x1D5L));
        assertEquals(SplitMix64.mix(7L), SplitMix64.output(7L, 0L));
        assertEquals(SplitMix64.output(0L, 1L), SplitMix64.output(0L, 1L + (1L << 62) * 4));
    }
}
