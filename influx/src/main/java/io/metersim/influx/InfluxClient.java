package io.metersim.influx;

import io.metersim.core.Failures;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The few InfluxDB HTTP calls the sink makes: {@code /ping}, the database or bucket check, {@code CREATE DATABASE}
 * and the write, over one JDK {@link HttpClient} (HTTP/1.1). The token goes only into the Authorization header.
 */
final class InfluxClient
{
    /** What the server answered a write: the status (-1 when no answer came), its body, and its Retry-After. */
    record Answer(int status, String body, long retryAfterMillis)
    {
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final InfluxSink.Options options;
    private final HttpClient http;
    private final String base;
    private final URI writeUri;

    InfluxClient(final InfluxSink.Options options)
    {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
        final String url = options.url().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.writeUri = URI.create(options.isV1() ? base + "/write?db=" + encode(options.database()) + "&precision=ms"
            : base + "/api/v2/write?org=" + encode(options.org()) + "&bucket=" + encode(options.bucket())
                + "&precision=ms");
    }

    /**
     * @return {@code [influx=URL db=DB]} or {@code [influx=URL org=ORG bucket=BUCKET]}, for messages.
     */
    String context()
    {
        return "[influx=" + options.url() + (options.isV1() ? " db=" + options.database()
            : " org=" + options.org() + " bucket=" + options.bucket()) + "]";
    }

    /**
     * Checks the server answers {@code GET /ping} with 204, then that the database (1.x) or bucket (2.x/3.x) exists,
     * creating the database when asked to.
     *
     * @throws InfluxException naming the server and the target when it is unreachable or the target is missing.
     */
    void checkTarget() throws InterruptedException
    {
        final HttpResponse<String> ping = call(request("/ping").GET().build(), "GET /ping");
        if (204 != ping.statusCode() && 200 != ping.statusCode())
        {
            throw new InfluxException("not an InfluxDB server: GET /ping answered " + ping.statusCode() + " "
                + context());
        }
        final String version = ping.headers().firstValue("X-Influxdb-Version").orElse("");
        if (options.isV1())
        {
            checkDatabase();
        }
        else if (version.matches("v?1\\.[0-7](\\D.*)?"))
        {
            throw new InfluxException("InfluxDB " + version + " at " + options.url() + " has no /api/v2/write "
                + "(1.8 and later have it): give a database instead of an org and a bucket " + context());
        }
        else if (!version.matches("v?1\\..*"))
        {
            checkBucket(); // 1.8 writes to db/rp as a bucket but has no buckets API
        }
    }

    private void checkDatabase() throws InterruptedException
    {
        final HttpResponse<String> show = call(request("/query?q=" + encode("SHOW DATABASES")).GET().build(),
            "SHOW DATABASES");
        refuseUnless(200, show, "SHOW DATABASES");
        if (show.body().contains("[\"" + json(options.database()) + "\"]"))
        {
            return;
        }
        if (!options.createDatabase())
        {
            throw new InfluxException("database " + options.database() + " not found on " + options.url()
                + " (use --influx-create-db) " + context());
        }
        final String q = "q=" + encode("CREATE DATABASE \"" + options.database().replace("\\", "\\\\")
            .replace("\"", "\\\"") + "\"");
        final HttpResponse<String> created = call(request("/query").header("Content-Type",
            "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(q)).build(),
            "CREATE DATABASE");
        refuseUnless(200, created, "CREATE DATABASE");
        if (created.body().contains("\"error\""))
        {
            throw new InfluxException("CREATE DATABASE refused: " + oneLine(created.body()) + " " + context());
        }
    }

    private void checkBucket() throws InterruptedException
    {
        if (options.createDatabase())
        {
            throw new InfluxException("--influx-create-db creates 1.x databases; create the bucket with the influx "
                + "CLI or UI " + context());
        }
        final HttpResponse<String> buckets = call(request("/api/v2/buckets?org=" + encode(options.org()) + "&name="
            + encode(options.bucket())).GET().build(), "GET /api/v2/buckets");
        if (404 == buckets.statusCode() && !buckets.body().toLowerCase(Locale.ROOT).contains("org"))
        {
            return; // a server without the buckets API (InfluxDB 3): the first write names a missing bucket
        }
        refuseUnless(200, buckets, "GET /api/v2/buckets");
        if (!buckets.body().contains("\"name\":\"" + json(options.bucket()) + "\"")
            && !buckets.body().contains("\"name\": \"" + json(options.bucket()) + "\""))
        {
            throw new InfluxException("bucket " + options.bucket() + " not found in org " + options.org() + " on "
                + options.url() + " " + context());
        }
    }

    /**
     * Posts one batch, gzipped when {@code gzip} holds it, with the token when there is one.
     *
     * @throws IOException when no answer came (connection refused or reset, timeout).
     */
    Answer write(final byte[] body, final int from, final int count, final boolean gzipped)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(writeUri).timeout(options.requestTimeout())
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body, from, count));
        if (gzipped)
        {
            builder.header("Content-Encoding", "gzip");
        }
        if (!options.token().isEmpty())
        {
            builder.header("Authorization", "Token " + options.token());
        }
        final HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), retryAfterMillis(response));
    }

    private static long retryAfterMillis(final HttpResponse<String> response)
    {
        final String value = response.headers().firstValue("Retry-After").orElse("");
        try
        {
            return value.isEmpty() ? 0 : Math.max(0, Long.parseLong(value.trim()) * 1000);
        }
        catch (final NumberFormatException ex)
        {
            return 0; // an HTTP date: the backoff decides
        }
    }

    private HttpRequest.Builder request(final String pathAndQuery)
    {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(options.requestTimeout());
        if (!options.token().isEmpty())
        {
            builder.header("Authorization", "Token " + options.token());
        }
        return builder;
    }

    private HttpResponse<String> call(final HttpRequest request, final String what) throws InterruptedException
    {
        try
        {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException ex)
        {
            throw new InfluxException("InfluxDB not reachable at " + options.url() + ": " + describe(ex) + " (" + what
                + ") " + context(), ex);
        }
    }

    private void refuseUnless(final int expected, final HttpResponse<String> response, final String what)
    {
        if (expected != response.statusCode())
        {
            throw new InfluxException(what + " refused: HTTP " + response.statusCode() + " "
                + oneLine(response.body()) + " " + context());
        }
    }

    static String describe(final Throwable ex)
    {
        return Failures.describe(ex);
    }

    static String oneLine(final String body)
    {
        final String text = null == body ? "" : body.strip().replace('\n', ' ').replace('\r', ' ');
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String encode(final String text)
    {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(final String text)
    {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
