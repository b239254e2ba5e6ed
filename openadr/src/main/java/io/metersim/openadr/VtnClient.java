package io.metersim.openadr;

import io.metersim.core.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP to the VTN with one shared {@link HttpClient} (keep-alive connections, HTTP/1.1), bearer tokens from a
 * {@link TokenSource}, and the retry rules: 5xx, 429 and I/O errors are retried with exponential backoff and jitter
 * (a 429's {@code Retry-After} is honoured), a 401 refreshes the token once, other answers are final. Thread-safe.
 */
final class VtnClient
{
    /** The final answer to one request, after retries. */
    record Answer(int status, String body, int attempts, String failure, String retryAfter)
    {
        boolean ok()
        {
            return status >= 200 && status < 300;
        }

        /** @return the body, or the I/O failure and the attempts made when no answer came. */
        String detail()
        {
            return status < 0 ? failure + " after " + attempts + " attempts" : body;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(VtnClient.class);
    private static final String JSON = "application/json";

    private final ReporterOptions options;
    private final HttpClient http;
    private final TokenSource tokens;
    private final Random jitter;
    private final LongAdder retries = new LongAdder();
    private final LongAdder tokenRefreshes = new LongAdder();

    VtnClient(final ReporterOptions options)
    {
        this.options = options;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.connectTimeout())
            .build();
        this.tokens = new TokenSource(this, options);
        this.jitter = new Random(options.seed());
    }

    /**
     * Sends an authorised JSON request to {@code <vtn><path>} with retries.
     *
     * @param method GET or POST.
     * @param path   path and query below the API root, e.g. {@code /vens?venName=Herning}.
     * @param body   JSON body, or null for none.
     * @return the final answer.
     * @throws InterruptedException when interrupted while sending or waiting to retry.
     */
    Answer send(final String method, final String path, final byte[] body) throws InterruptedException
    {
        final URI uri = URI.create(options.vtn() + path);
        boolean refreshed = false;
        int attempt = 0;
        while (true)
        {
            attempt++;
            final String token = tokens.token();
            final HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", JSON);
            if (null != body)
            {
                request.header("Content-Type", JSON);
            }
            final Answer answer = once(request.method(method, null == body
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build(), attempt);
            if (answer.status() == 401 && !refreshed)
            {
                refreshed = true;
                attempt--;
                tokenRefreshes.increment();
                tokens.invalidate(token);
                continue;
            }
            if (!retryable(answer) || attempt >= options.maxAttempts())
            {
                return answer;
            }
            retries.increment();
            LOG.debug("retrying {} {} after status {} (attempt {})", method, uri, answer.status(), attempt);
            TimeUnit.MILLISECONDS.sleep(delayMillis(answer, attempt));
        }
    }

    /**
     * Fetches a token now, so that wrong credentials fail at once.
     *
     * @throws VtnException when the token endpoint refuses.
     */
    void checkCredentials() throws InterruptedException
    {
        tokens.token();
    }

    /**
     * Posts a form without a bearer token (the token endpoint), with the same retry rules but no 401 refresh.
     */
    Answer postForm(final URI uri, final String form) throws InterruptedException
    {
        int attempt = 0;
        while (true)
        {
            attempt++;
            final Answer answer = once(HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), attempt);
            if (!retryable(answer) || attempt >= options.maxAttempts())
            {
                return answer;
            }
            retries.increment();
            TimeUnit.MILLISECONDS.sleep(delayMillis(answer, attempt));
        }
    }

    /**
     * @return retries so far (attempts after the first, 401 refreshes not included).
     */
    long retries()
    {
        return retries.sum();
    }

    /**
     * @return token refreshes caused by a 401 so far.
     */
    long tokenRefreshes()
    {
        return tokenRefreshes.sum();
    }

    /**
     * @return tokens fetched so far.
     */
    long tokensFetched()
    {
        return tokens.fetched();
    }

    static String formValue(final String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer once(final HttpRequest request, final int attempt) throws InterruptedException
    {
        try
        {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            final String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            return new Answer(response.statusCode(), response.body(), attempt, "", retryAfter);
        }
        catch (final IOException ex)
        {
            return new Answer(-1, "", attempt, describe(ex, request.uri()), null);
        }
    }

    /**
     * Names an I/O failure. JDK 17's client reports a refused connection as a {@code ConnectException} without a
     * message (its own second connect attempt fails on the closed channel), so "ConnectException: null" would not
     * say what failed: a connect failure names the address instead. Never a Java exception name.
     *
     * @param ex  the failure.
     * @param uri the request's URI.
     * @return e.g. {@code cannot connect to 127.0.0.1:8081}.
     */
    static String describe(final IOException ex, final URI uri)
    {
        final String message = firstMessage(ex);
        if (ex instanceof ConnectException)
        {
            final boolean https = "https".equalsIgnoreCase(uri.getScheme());
            final int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
            return "cannot connect to " + uri.getHost() + ":" + port
                + (null == message ? "" : " (" + message.toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return Failures.describe(ex);
    }

    /**
     * @return the first message along the cause chain, or null when there is none.
     */
    private static String firstMessage(final Throwable failure)
    {
        for (Throwable cause = failure; null != cause; cause = cause.getCause())
        {
            if (null != cause.getMessage() && !cause.getMessage().isBlank())
            {
                return cause.getMessage();
            }
        }
        return null;
    }

    private static boolean retryable(final Answer answer)
    {
        return answer.status() < 0 || answer.status() == 429 || answer.status() >= 500;
    }

    /**
     * Exponential backoff with "equal jitter" (half fixed, half random), or the 429's {@code Retry-After}; both
     * capped at {@code backoffMax}.
     */
    private long delayMillis(final Answer answer, final int attempt)
    {
        final long cap = options.backoffMax().toMillis();
        if (answer.status() == 429 && null != answer.retryAfter())
        {
            final long retryAfter = retryAfterMillis(answer.retryAfter());
            if (retryAfter >= 0)
            {
                return Math.min(cap, retryAfter);
            }
        }
        final long exponential = Math.min(cap, options.backoffBase().toMillis() << Math.min(attempt - 1, 30));
        final long half = exponential / 2;
        final long random;
        synchronized (jitter)
        {
            random = half > 0 ? (long)(jitter.nextDouble() * (exponential - half + 1)) : 0;
        }
        return half + random;
    }

    /**
     * @return the delay a {@code Retry-After} asks for (delta-seconds or HTTP-date), or -1 when unreadable.
     */
    static long retryAfterMillis(final String value)
    {
        try
        {
            return Math.max(0, Long.parseLong(value.trim()) * 1000L);
        }
        catch (final NumberFormatException notSeconds)
        {
            try
            {
                final ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis());
            }
            catch (final RuntimeException notDate)
            {
                return -1;
            }
        }
    }
}
