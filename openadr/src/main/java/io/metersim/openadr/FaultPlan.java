package io.metersim.openadr;

import io.metersim.core.SplitMix64;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which requests a {@link TestVtn} fails. A decision depends only on the seed, the request's identity
 * (method, path, query, body) and how often that identical request was seen before, never on arrival order.
 */
final class FaultPlan
{
    /** What the stub does with one request. */
    enum Fault
    {
        /** Serve it. */
        NONE,
        /** Answer 503. */
        SERVER_ERROR,
        /** Answer 429 with {@code Retry-After}. */
        TOO_MANY_REQUESTS
    }

    private final long seed;
    private final double serverErrorRate;
    private final double tooManyRequestsRate;
    private final int maxFaultsPerRequest;
    private final Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger tooManyRequests = new AtomicInteger();

    FaultPlan(final TestVtnOptions options)
    {
        this.seed = options.seed();
        this.serverErrorRate = options.serverErrorRate();
        this.tooManyRequestsRate = options.tooManyRequestsRate();
        this.maxFaultsPerRequest = options.maxFaultsPerRequest();
    }

    /**
     * @param method the HTTP method.
     * @param target path and query.
     * @param body   the request body.
     * @return the fault to inject, counted.
     */
    Fault decide(final String method, final String target, final byte[] body)
    {
        if (serverErrorRate == 0.0 && tooManyRequestsRate == 0.0)
        {
            return Fault.NONE;
        }
        final long identity = 31L * (31L * method.hashCode() + target.hashCode()) + Arrays.hashCode(body);
        final int attempt = seen.computeIfAbsent(identity, key -> new AtomicInteger()).getAndIncrement();
        if (attempt >= maxFaultsPerRequest)
        {
            return Fault.NONE;
        }
        final double draw = new SplittableRandom(seed ^ identity * SplitMix64.GOLDEN_GAMMA ^ attempt).nextDouble();
        if (draw < serverErrorRate)
        {
            serverErrors.incrementAndGet();
            return Fault.SERVER_ERROR;
        }
        if (draw < serverErrorRate + tooManyRequestsRate)
        {
            tooManyRequests.incrementAndGet();
            return Fault.TOO_MANY_REQUESTS;
        }
        return Fault.NONE;
    }

    int serverErrors()
    {
        return serverErrors.get();
    }

    int tooManyRequests()
    {
        return tooManyRequests.get();
    }
}
