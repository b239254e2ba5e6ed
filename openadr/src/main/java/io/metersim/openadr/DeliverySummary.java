package io.metersim.openadr;

import java.util.List;

/**
 * What a {@link VtnReporter} delivered when it closed, and exactly what it did not: one line per failed, dropped or
 * abandoned report (the first {@value #MAX_LINES}; the counts in {@link #statistics()} are always complete).
 *
 * @param statistics  the final counters.
 * @param undelivered one line per undelivered report: VEN, first collection and reason.
 */
public record DeliverySummary(ReporterStatistics statistics, List<String> undelivered)
{
    /** Undelivered reports listed by line at most. */
    public static final int MAX_LINES = 1000;

    /**
     * @param statistics  the final counters.
     * @param undelivered one line per undelivered report; copied.
     */
    public DeliverySummary
    {
        undelivered = List.copyOf(undelivered);
    }

    /**
     * @return true when every built report was accepted.
     */
    public boolean complete()
    {
        return statistics.sent() == statistics.submitted();
    }

    @Override
    public String toString()
    {
        final ReporterStatistics s = statistics;
        final StringBuilder text = new StringBuilder()
            .append("delivered ").append(s.sent()).append(" of ").append(s.submitted())
            .append(" reports; not delivered: ")
            .append(s.failed()).append(" failed, ").append(s.dropped()).append(" dropped, ").append(s.abandoned())
            .append(" abandoned at the flush deadline");
        for (final String line : undelivered)
        {
            text.append(System.lineSeparator()).append("  ").append(line);
        }
        final long unlisted = s.failed() + s.dropped() + s.abandoned() - undelivered.size();
        if (unlisted > 0)
        {
            text.append(System.lineSeparator()).append("  ... and ").append(unlisted).append(" more");
        }
        return text.toString();
    }
}
