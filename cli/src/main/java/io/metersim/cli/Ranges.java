package io.metersim.cli;

/**
 * Checks of numeric options, failing with a usage error that names the option and the value.
 */
final class Ranges
{
    static final int MAX_THREADS = 1024;

    private Ranges()
    {
    }

    static void atLeast(final String option, final long value, final long min)
    {
        if (value < min)
        {
            throw new UsageException(option + " must be at least " + min + " [value=" + value + "]");
        }
    }

    static void atMost(final String option, final long value, final long max)
    {
        if (value > max)
        {
            throw new UsageException(option + " must be at most " + max + " [value=" + value + "]");
        }
    }
}
