package io.metersim.baseline;

/**
 * A regular series of mean power in kW: position {@code p} covers {@code [startMillis + p x intervalMillis,
 * startMillis + (p + 1) x intervalMillis)}. A NaN value is a missing reading (the day holding it is not used).
 */
public interface LoadSeries
{
    /**
     * @return the start of position 0, epoch milliseconds.
     */
    long startMillis();

    /**
     * @return the length of one interval in milliseconds, above 0.
     */
    long intervalMillis();

    /**
     * @return how many positions the series holds.
     */
    long length();

    /**
     * Reads the kW at the given positions. Allocates nothing.
     *
     * @param positions positions, each 0 to {@link #length()} - 1.
     * @param count     how many of {@code positions} to read, from index 0.
     * @param into      receives the kW of {@code positions[i]} at {@code into[i]}.
     */
    void gatherKw(long[] positions, int count, double[] into);
}
