package io.metersim.openadr;

import io.metersim.core.MetersimException;

/**
 * How a {@link TestVtn} listens, whom it accepts and which faults it injects. Every fault is decided from
 * {@code seed} and the request itself (method, path, body and how often that request was seen), so a run injects the
 * same faults whatever the order in which concurrent requests arrive.
 *
 * @param port                 TCP port on 127.0.0.1; 0 picks a free one.
 * @param basePath             path prefix of the API, e.g. {@code /openadr3/3.0.1}.
 * @param clientId             the OAuth2 client id it accepts.
 * @param clientSecret         the OAuth2 client secret it accepts.
 * @param tokenLifetimeSeconds the {@code expires_in} of issued tokens; a token is refused after it.
 * @param tokenRequestLimit    a token is refused with 401 after this many requests; 0 = no limit.
 * @param validate             check every request body against the specification's schemas (400 on violation).
 * @param keepReports          keep every accepted report body (for tests); false keeps only counts.
 * @param seed                 seed of the fault decisions.
 * @param serverErrorRate      share of API requests answered 503, 0 to 1.
 * @param tooManyRequestsRate  share of API requests answered 429 with {@code Retry-After}, 0 to 1.
 * @param retryAfterSeconds    the {@code Retry-After} of a 429.
 * @param latencyMillis        delay added to every report ({@code POST /reports}).
 * @param maxFaultsPerRequest  the same request is faulted at most this often, so that bounded retries succeed.
 * @param threads              server worker threads.
 */
public record TestVtnOptions(
    int port,
    String basePath,
    String clientId,
    String clientSecret,
    long tokenLifetimeSeconds,
    int tokenRequestLimit,
    boolean validate,
    boolean keepReports,
    long seed,
    double serverErrorRate,
    double tooManyRequestsRate,
    int retryAfterSeconds,
    long latencyMillis,
    int maxFaultsPerRequest,
    int threads)
{
    /** The API prefix of the OpenADR 3.0.1 default server. */
    public static final String DEFAULT_BASE_PATH = "/openadr3/3.0.1";
    /** The client id a default stub accepts. */
    public static final String DEFAULT_CLIENT_ID = "metersim";
    /** The client secret a default stub accepts. */
    public static final String DEFAULT_CLIENT_SECRET = "metersim-secret";
    /**
     * The business-logic client every stub also accepts: its tokens may hold {@code write_events}, which the VEN
     * client's never do, so that a demand-response platform (or a test) can publish events with it.
     */
    public static final String BL_CLIENT_ID = "metersim-bl";
    /** The secret of {@link #BL_CLIENT_ID}. */
    public static final String BL_CLIENT_SECRET = "metersim-bl-secret";

    /**
     * @throws MetersimException when a value is out of range.
     */
    public TestVtnOptions
    {
        check(port >= 0 && port <= 65535, "port", port);
        check(null != basePath && (basePath.isEmpty() || basePath.startsWith("/") && !basePath.endsWith("/")),
            "basePath", basePath);
        check(null != clientId && !clientId.isEmpty(), "clientId", clientId);
        check(null != clientSecret && !clientSecret.isEmpty(), "clientSecret", "<empty>");
        check(tokenLifetimeSeconds > 0, "tokenLifetimeSeconds", tokenLifetimeSeconds);
        check(tokenRequestLimit >= 0, "tokenRequestLimit", tokenRequestLimit);
        check(serverErrorRate >= 0.0 && serverErrorRate <= 1.0, "serverErrorRate", serverErrorRate);
        check(tooManyRequestsRate >= 0.0 && tooManyRequestsRate <= 1.0, "tooManyRequestsRate", tooManyRequestsRate);
        check(retryAfterSeconds >= 0, "retryAfterSeconds", retryAfterSeconds);
        check(latencyMillis >= 0, "latencyMillis", latencyMillis);
        check(maxFaultsPerRequest >= 0, "maxFaultsPerRequest", maxFaultsPerRequest);
        check(threads > 0, "threads", threads);
    }

    /**
     * @return port 8081, {@link #DEFAULT_BASE_PATH}, the default credentials, 1 h tokens, validation on, reports kept,
     *     no faults, 4 threads.
     */
    public static TestVtnOptions defaults()
    {
        return new TestVtnOptions(8081, DEFAULT_BASE_PATH, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, 3600, 0,
            true, true, 1L, 0.0, 0.0, 1, 0L, 2, 4);
    }

    /**
     * @param newPort TCP port; 0 picks a free one.
     * @return a copy listening on {@code newPort}.
     */
    public TestVtnOptions withPort(final int newPort)
    {
        return new TestVtnOptions(newPort, basePath, clientId, clientSecret, tokenLifetimeSeconds, tokenRequestLimit,
            validate, keepReports, seed, serverErrorRate, tooManyRequestsRate, retryAfterSeconds, latencyMillis,
            maxFaultsPerRequest, threads);
    }

    /**
     * @param newBasePath path prefix of the API: empty for the root, else starting and not ending with {@code /}.
     * @return a copy serving the API under {@code newBasePath}.
     */
    public TestVtnOptions withBasePath(final String newBasePath)
    {
        return new TestVtnOptions(port, newBasePath, clientId, clientSecret, tokenLifetimeSeconds, tokenRequestLimit,
            validate, keepReports, seed, serverErrorRate, tooManyRequestsRate, retryAfterSeconds, latencyMillis,
            maxFaultsPerRequest, threads);
    }

    /**
     * @param newLifetimeSeconds the {@code expires_in} of issued tokens.
     * @param newRequestLimit    requests a token serves before 401; 0 = no limit.
     * @return a copy with these token rules.
     */
    public TestVtnOptions withTokens(final long newLifetimeSeconds, final int newRequestLimit)
    {
        return new TestVtnOptions(port, basePath, clientId, clientSecret, newLifetimeSeconds, newRequestLimit,
            validate, keepReports, seed, serverErrorRate, tooManyRequestsRate, retryAfterSeconds, latencyMillis,
            maxFaultsPerRequest, threads);
    }

    /**
     * @param newValidate    check request bodies against the schemas.
     * @param newKeepReports keep accepted report bodies.
     * @return a copy with these checks.
     */
    public TestVtnOptions withChecks(final boolean newValidate, final boolean newKeepReports)
    {
        return new TestVtnOptions(port, basePath, clientId, clientSecret, tokenLifetimeSeconds, tokenRequestLimit,
            newValidate, newKeepReports, seed, serverErrorRate, tooManyRequestsRate, retryAfterSeconds,
            latencyMillis, maxFaultsPerRequest, threads);
    }

    /**
     * @param newSeed           seed of the fault decisions.
     * @param newServerErrors   share of requests answered 503.
     * @param newTooMany        share of requests answered 429.
     * @param newRetryAfter     the {@code Retry-After} seconds of a 429.
     * @param newMaxFaults      faults at most per identical request.
     * @return a copy injecting these faults.
     */
    public TestVtnOptions withFaults(
        final long newSeed,
        final double newServerErrors,
        final double newTooMany,
        final int newRetryAfter,
        final int newMaxFaults)
    {
        return new TestVtnOptions(port, basePath, clientId, clientSecret, tokenLifetimeSeconds, tokenRequestLimit,
            validate, keepReports, newSeed, newServerErrors, newTooMany, newRetryAfter, latencyMillis, newMaxFaults,
            threads);
    }

    /**
     * @param newLatencyMillis delay added to every report ({@code POST /reports}).
     * @param newThreads       server worker threads.
     * @return a copy with this latency and thread count.
     */
    public TestVtnOptions withServing(final long newLatencyMillis, final int newThreads)
    {
        return new TestVtnOptions(port, basePath, clientId, clientSecret, tokenLifetimeSeconds, tokenRequestLimit,
            validate, keepReports, seed, serverErrorRate, tooManyRequestsRate, retryAfterSeconds, newLatencyMillis,
            maxFaultsPerRequest, newThreads);
    }

    private static void check(final boolean ok, final String name, final Object value)
    {
        if (!ok)
        {
            throw new MetersimException("test VTN option out of range [" + name + "=" + value + "]");
        }
    }
}
