package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * Seeded multiplicative noise with memory: a log-normal factor of mean 1 driven by an AR(1) process, so a busy hour
 * tends to be followed by another.
 */
final class Wobble
{
    private final SplittableRandom random;
    private final double sigma;
    private final double persistence;
    private final double innovation;
    private final double bias;
    private double state;

    /**
     * @param random      the stream; advanced by one Gaussian per {@link #next()}.
     * @param sigma       standard deviation of the log factor.
     * @param persistence AR(1) coefficient, 0 (independent) to below 1.
     */
    Wobble(final SplittableRandom random, final double sigma, final double persistence)
    {
        this.random = random;
        this.sigma = sigma;
        this.persistence = persistence;
        this.innovation = Math.sqrt(1.0 - persistence * persistence);
        this.bias = sigma * sigma / 2.0;
        this.state = random.nextGaussian();
    }

    double next()
    {
        final double factor = Math.exp(sigma * state - bias);
        state = persistence * state + innovation * random.nextGaussian();
        return factor;
    }
}
