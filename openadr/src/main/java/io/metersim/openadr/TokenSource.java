package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OAuth2 client-credentials token, fetched on first use and cached until shortly before its {@code expires_in}
 * (or until the VTN answers 401 when it gives none). The secret goes only into the form body; neither it nor the
 * token is ever logged. Thread-safe.
 */
final class TokenSource
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final VtnClient client;
    private final ReporterOptions options;
    private final AtomicLong fetched = new AtomicLong();
    private String token;
    private long expiresAtNanos;

    TokenSource(final VtnClient client, final ReporterOptions options)
    {
        this.client = client;
        this.options = options;
    }

    /**
     * @return a valid bearer token, fetched when none is cached or the cached one is about to expire.
     * @throws VtnException when the token endpoint refuses or does not answer.
     * @throws InterruptedException when interrupted while fetching.
     */
    synchronized String token() throws InterruptedException
    {
        if (null == token || System.nanoTime() - expiresAtNanos >= 0)
        {
            fetch();
        }
        return token;
    }

    /**
     * Forgets the token when it is still the cached one (a 401 answered it), so that the next use fetches anew.
     *
     * @param stale the token the VTN refused.
     */
    synchronized void invalidate(final String stale)
    {
        if (stale.equals(token))
        {
            token = null;
        }
    }

    long fetched()
    {
        return fetched.get();
    }

    private void fetch() throws InterruptedException
    {
        final String form = "grant_type=client_credentials&client_id=" + VtnClient.formValue(options.clientId())
            + "&client_secret=" + VtnClient.formValue(options.clientSecret());
        final String request = "POST " + options.tokenUrl();
        final VtnClient.Answer answer = client.postForm(options.tokenUrl(), form);
        if (!answer.ok())
        {
            throw new VtnException("token request refused", request, answer.status(), answer.detail());
        }
        final JsonNode json;
        try
        {
            json = MAPPER.readTree(answer.body());
        }
        catch (final IOException ex)
        {
            throw new VtnException("token answer is not JSON", request, answer.status(), ex.getMessage());
        }
        final JsonNode accessToken = json.get("access_token");
        if (null == accessToken || !accessToken.isTextual() || accessToken.asText().isEmpty())
        {
            throw new VtnException("token answer has no access_token", request, answer.status(),
                "fields=" + fieldNames(json));
        }
        final long now = System.nanoTime();
        final JsonNode expiresIn = json.get("expires_in");
        // Renew at 90% of the lifetime so that a token does not expire between check and use.
        expiresAtNanos = null != expiresIn && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? now + expiresIn.asLong() * NANOS_PER_SECOND / 10 * 9
            : now + Long.MAX_VALUE / 2;
        token = accessToken.asText();
        fetched.incrementAndGet();
    }

    private static String fieldNames(final JsonNode json)
    {
        final StringBuilder names = new StringBuilder();
        json.fieldNames().forEachRemaining(name -> names.append(names.length() == 0 ? "" : ",").append(name));
        return names.toString();
    }
}
