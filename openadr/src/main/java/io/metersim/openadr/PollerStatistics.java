package io.metersim.openadr;

import java.util.Locale;

/**
 * What an {@link EventPoller} did so far.
 *
 * @param polls       event listings asked for (one per VEN and interval, or one per interval when shared).
 * @param pages       pages read ({@code GET /events} requests answered or tried).
 * @param failed      listings that failed (refused, unreachable, not JSON) and timelines that could not be built.
 * @param unreadable  distinct events left out because they cannot be read.
 * @param updates     timelines handed over.
 * @param eventsKnown events in the last timeline.
 * @param lastFailure the last failure, or empty.
 */
public record PollerStatistics(
    long polls,
    long pages,
    long failed,
    long unreadable,
    long updates,
    int eventsKnown,
    String lastFailure)
{
    /**
     * @return e.g. {@code 24 polls (24 pages), 0 failed, 2 events known, 1 timeline update, 0 unreadable}.
     */
    @Override
    public String toString()
    {
        return String.format(Locale.ROOT, "%d polls (%d pages), %d failed, %d events known, %d timeline update%s, "
            + "%d unreadable%s", polls, pages, failed, eventsKnown, updates, updates == 1 ? "" : "s", unreadable,
            lastFailure.isEmpty() ? "" : "; last failure: " + lastFailure);
    }
}
