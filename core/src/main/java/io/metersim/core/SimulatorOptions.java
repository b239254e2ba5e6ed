package io.metersim.core;

/**
 * How a {@link MeterSimulator} assigns meters and stamps readings.
 *
 * @param assignmentSeed the seed of the reproducible meter assignment: same seed, data and registry, same meters.
 * @param timeMode       which timestamps readings carry after a wrap.
 */
public record SimulatorOptions(long assignmentSeed, TimeMode timeMode)
{
    /** The seed {@link #defaults()} uses. */
    public static final long DEFAULT_SEED = 42L;

    /**
     * @param assignmentSeed the seed of the meter assignment.
     * @param timeMode       which timestamps readings carry after a wrap.
     * @throws MetersimException when the time mode is missing.
     */
    public SimulatorOptions
    {
        if (null == timeMode)
        {
            throw new MetersimException("missing time mode [allowed=RAW, CONTINUOUS]");
        }
    }

    /**
     * @return seed {@value #DEFAULT_SEED} and {@link TimeMode#RAW}, the original simulator's timestamps.
     */
    public static SimulatorOptions defaults()
    {
        return new SimulatorOptions(DEFAULT_SEED, TimeMode.RAW);
    }
}
