package io.metersim.openadr;

import io.metersim.core.MetersimException;

import java.net.URI;
import java.time.Duration;

/**
 * How a {@link VtnReporter} reaches its VTN, what its reports carry and how it copes with a slow or failing VTN.
 *
 * @param vtn             the API root, e.g. {@code http://127.0.0.1:8081/openadr3/3.0.1}.
 * @param tokenUrl        the OAuth2 token endpoint; null means {@code <vtn>/auth/token}.
 * @param clientId        OAuth2 client id.
 * @param clientSecret    OAuth2 client secret; never logged.
 * @param programId       the program reports belong to; empty means discover it ({@code GET /programs}).
 * @param eventId         the event reports answer; empty means discover one that asks for USAGE reports.
 * @param interval        the data interval: every interval's duration, and the hours that turn W into kWh.
 * @param ticksPerReport  collections per report and VEN (1 = one report per VEN per tick).
 * @param usage           report {@code USAGE} in {@code KWH} per interval.
 * @param demand          report {@code DEMAND} in {@code KW} (mean over the interval).
 * @param outboxCapacity  reports waiting to be sent before {@code submit} blocks or drops.
 * @param dropWhenFull    drop (and count) a report when the outbox is full instead of blocking the caller.
 * @param maxInFlight     requests in flight at most (sender threads).
 * @param connectTimeout  TCP connect timeout.
 * @param requestTimeout  time allowed for one request's answer.
 * @param maxAttempts     attempts per request at most, the first included.
 * @param backoffBase     first retry delay before jitter; doubles per retry.
 * @param backoffMax      cap of the retry delay and of an honoured {@code Retry-After}.
 * @param flushDeadline   how long {@code close} waits for pending reports.
 * @param seed            seed of the retry jitter.
 */
public record ReporterOptions(
    URI vtn,
    URI tokenUrl,
    String clientId,
    String clientSecret,
    String programId,
    String eventId,
    Duration interval,
    int ticksPerReport,
    boolean usage,
    boolean demand,
    int outboxCapacity,
    boolean dropWhenFull,
    int maxInFlight,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Duration flushDeadline,
    long seed)
{
    /**
     * @throws MetersimException when a value is missing or out of range.
     */
    public ReporterOptions
    {
        check(null != vtn && null != vtn.getScheme() && null != vtn.getHost(), "vtn", vtn);
        check(null != clientId && !clientId.isEmpty(), "clientId", clientId);
        check(null != clientSecret && !clientSecret.isEmpty(), "clientSecret", "<empty>");
        check(null != interval && null != connectTimeout && null != requestTimeout && null != backoffBase
            && null != backoffMax && null != flushDeadline, "durations", "missing");
        programId = null == programId ? "" : programId;
        eventId = null == eventId ? "" : eventId;
        check(programId.isEmpty() || programId.matches("[a-zA-Z0-9_-]{1,128}"), "programId", programId);
        check(eventId.isEmpty() || eventId.matches("[a-zA-Z0-9_-]{1,128}"), "eventId", eventId);
        check(!interval.isNegative() && !interval.isZero(), "interval", interval);
        check(ticksPerReport > 0, "ticksPerReport", ticksPerReport);
        check(usage || demand, "payloads", "none");
        check(outboxCapacity > 0, "outboxCapacity", outboxCapacity);
        check(maxInFlight > 0, "maxInFlight", maxInFlight);
        check(maxAttempts > 0, "maxAttempts", maxAttempts);
        check(!backoffBase.isNegative() && backoffMax.compareTo(backoffBase) >= 0, "backoff",
            backoffBase + ".." + backoffMax);
        check(!flushDeadline.isNegative(), "flushDeadline", flushDeadline);
        if (vtn.toString().endsWith("/"))
        {
            vtn = URI.create(vtn.toString().replaceAll("/+$", ""));
        }
        if (null == tokenUrl)
        {
            tokenUrl = URI.create(vtn + "/auth/token");
        }
    }

    /**
     * @param vtn          the API root.
     * @param clientId     OAuth2 client id.
     * @param clientSecret OAuth2 client secret.
     * @return discovered program and event, PT1H intervals, USAGE only, one report per VEN per tick, outbox of 1024
     *     blocking when full, 8 requests in flight, 5 s connect / 30 s request timeouts, 5 attempts with backoff
     *     100 ms doubling to 10 s, 30 s flush deadline.
     */
    public static ReporterOptions defaults(final URI vtn, final String clientId, final String clientSecret)
    {
        return new ReporterOptions(vtn, null, clientId, clientSecret, "", "", Duration.ofHours(1), 1, true, false,
            1024, false, 8, Duration.ofSeconds(5), Duration.ofSeconds(30), 5, Duration.ofMillis(100),
            Duration.ofSeconds(10), Duration.ofSeconds(30), 1L);
    }

    /**
     * @param newProgramId the program; empty to discover.
     * @param newEventId   the event; empty to discover.
     * @return a copy reporting to this program and event.
     */
    public ReporterOptions withProgram(final String newProgramId, final String newEventId)
    {
        return new ReporterOptions(vtn, tokenUrl, clientId, clientSecret, newProgramId, newEventId, interval,
            ticksPerReport, usage, demand, outboxCapacity, dropWhenFull, maxInFlight, connectTimeout, requestTimeout,
            maxAttempts, backoffBase, backoffMax, flushDeadline, seed);
    }

    /**
     * @param newInterval the data interval.
     * @param newTicks    collections per report.
     * @param newUsage    report USAGE (KWH).
     * @param newDemand   report DEMAND (KW).
     * @return a copy writing reports this way.
     */
    public ReporterOptions withReports(
        final Duration newInterval, final int newTicks, final boolean newUsage, final boolean newDemand)
    {
        return new ReporterOptions(vtn, tokenUrl, clientId, clientSecret, programId, eventId, newInterval, newTicks,
            newUsage, newDemand, outboxCapacity, dropWhenFull, maxInFlight, connectTimeout, requestTimeout,
            maxAttempts, backoffBase, backoffMax, flushDeadline, seed);
    }

    /**
     * @param newCapacity     outbox capacity.
     * @param newDropWhenFull drop instead of blocking when full.
     * @param newMaxInFlight  requests in flight at most.
     * @return a copy with this outbox.
     */
    public ReporterOptions withOutbox(final int newCapacity, final boolean newDropWhenFull, final int newMaxInFlight)
    {
        return new ReporterOptions(vtn, tokenUrl, clientId, clientSecret, programId, eventId, interval,
            ticksPerReport, usage, demand, newCapacity, newDropWhenFull, newMaxInFlight, connectTimeout,
            requestTimeout, maxAttempts, backoffBase, backoffMax, flushDeadline, seed);
    }

    /**
     * @param newMaxAttempts attempts per request.
     * @param newBase        first retry delay.
     * @param newMax         delay cap.
     * @param newSeed        jitter seed.
     * @return a copy with these retries.
     */
    public ReporterOptions withRetries(
        final int newMaxAttempts, final Duration newBase, final Duration newMax, final long newSeed)
    {
        return new ReporterOptions(vtn, tokenUrl, clientId, clientSecret, programId, eventId, interval,
            ticksPerReport, usage, demand, outboxCapacity, dropWhenFull, maxInFlight, connectTimeout, requestTimeout,
            newMaxAttempts, newBase, newMax, flushDeadline, newSeed);
    }

    /**
     * @param newConnect  connect timeout.
     * @param newRequest  request timeout.
     * @param newDeadline flush deadline of {@code close}.
     * @return a copy with these time limits.
     */
    public ReporterOptions withTimeouts(
        final Duration newConnect, final Duration newRequest, final Duration newDeadline)
    {
        return new ReporterOptions(vtn, tokenUrl, clientId, clientSecret, programId, eventId, interval,
            ticksPerReport, usage, demand, outboxCapacity, dropWhenFull, maxInFlight, newConnect, newRequest,
            maxAttempts, backoffBase, backoffMax, newDeadline, seed);
    }

    /**
     * @return a one-line description without the secret, for logs.
     */
    @Override
    public String toString()
    {
        return "ReporterOptions[vtn=" + vtn + " tokenUrl=" + tokenUrl + " clientId=" + clientId + " programId="
            + programId + " eventId=" + eventId + " interval=" + interval + " ticksPerReport=" + ticksPerReport
            + " usage=" + usage + " demand=" + demand + " outboxCapacity=" + outboxCapacity + " dropWhenFull="
            + dropWhenFull + " maxInFlight=" + maxInFlight + " maxAttempts=" + maxAttempts + "]";
    }

    private static void check(final boolean ok, final String name, final Object value)
    {
        if (!ok)
        {
            throw new MetersimException("reporter option out of range [" + name + "=" + value + "]");
        }
    }
}
