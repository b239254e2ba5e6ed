package io.metersim.core;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) as stateless
 * functions: the generator's state after {@code n} steps from {@code seed} is {@code seed + n * GOLDEN_GAMMA}, and
 * each output is that state run through {@link #mix(long)}.
 * <p>
 * The finaliser is the one of {@code java.util.SplittableRandom.mix64} and Vigna's reference {@code splitmix64.c}
 * (David Stafford's "Mix13" constants), not the MurmurHash3 finaliser printed in the paper; seed 0 gives
 * {@code 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, ...}. Every seeded hash in metersim (meter
 * assignment, generated data streams, fault draws) uses this class, so changing it changes their results.
 */
public final class SplitMix64
{
    /** The increment between states: 2^64 divided by the golden ratio, made odd. */
    public static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private SplitMix64()
    {
    }

    /**
     * The finaliser alone: a bijection on 64-bit values in which every input bit affects every output bit.
     *
     * @param value any value.
     * @return the mixed value.
     */
    public static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The {@code index}-th output of a generator seeded with {@code seed}, without stepping through the ones before.
     *
     * @param seed  the generator's initial state.
     * @param index which output, 1 for the first; any value, as the state wraps modulo 2^64.
     * @return {@code mix(seed + index * GOLDEN_GAMMA)}.
     */
    public static long output(final long seed, final long index)
    {
        return mix(seed + index * GOLDEN_GAMMA);
    }
}
