package io.metersim.openadr;

/**
 * Counters of a {@link VtnReporter} at one moment, and the delivery latency of delivered reports (from
 * {@code submit} to the VTN's 2xx, queueing and retries included).
 *
 * @param submitted        reports built (one per VEN per {@code ticksPerReport} collections).
 * @param sent             reports the VTN accepted.
 * @param retriedReports   accepted or failed reports that needed at least one retry.
 * @param retries          retry attempts over all requests (401 token refreshes not included).
 * @param tokenRefreshes   tokens refreshed after a 401.
 * @param failed           reports refused for good (non-retryable answer, or retries exhausted).
 * @param dropped          reports dropped because the outbox was full (drop policy only).
 * @param abandoned        reports still pending at the flush deadline.
 * @param bytesSent        body bytes of accepted reports.
 * @param latencyP50Millis median delivery latency.
 * @param latencyP99Millis 99th percentile delivery latency.
 * @param latencyMaxMillis largest delivery latency.
 */
public record ReporterStatistics(
    long submitted,
    long sent,
    long retriedReports,
    long retries,
    long tokenRefreshes,
    long failed,
    long dropped,
    long abandoned,
    long bytesSent,
    double latencyP50Millis,
    double latencyP99Millis,
    double latencyMaxMillis)
{
    /**
     * @return reports built but neither accepted, failed, dropped nor abandoned yet.
     */
    public long pending()
    {
        return submitted - sent - failed - dropped - abandoned;
    }

    @Override
    public String toString()
    {
        return String.format(java.util.Locale.ROOT,
            "submitted=%d sent=%d failed=%d dropped=%d abandoned=%d pending=%d retriedReports=%d retries=%d "
                + "tokenRefreshes=%d bytesSent=%d latencyMs[p50=%.1f p99=%.1f max=%.1f]",
            submitted, sent, failed, dropped, abandoned, pending(), retriedReports, retries, tokenRefreshes,
            bytesSent, latencyP50Millis, latencyP99Millis, latencyMaxMillis);
    }
}
