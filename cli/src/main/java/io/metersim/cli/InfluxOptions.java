package io.metersim.cli;

import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.influx.InfluxSink;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;

/**
 * {@code run}'s InfluxDB options: where every collection is also written as line protocol (the 1.x API with a
 * database, the 2.x/3.x API with an org, a bucket and a token). Like every option they also come from
 * {@code config/metersim.properties} or {@code METERSIM_INFLUX_*}; the token preferably from
 * {@code METERSIM_INFLUX_TOKEN}, and it is never printed.
 */
final class InfluxOptions implements SinkOption
{
    @Option(names = "--influx", paramLabel = "URL", description = "Also write every collection to this InfluxDB, "
        + "e.g. http://127.0.0.1:8086; with --influx-db, or --influx-org and --influx-bucket.")
    URI influx;

    @Option(names = "--influx-db", paramLabel = "DB", description = "InfluxDB 1.x database (POST /write).")
    String database;

    @Option(names = "--influx-org", paramLabel = "ORG",
        description = "InfluxDB 2.x/3.x organisation (POST /api/v2/write), with --influx-bucket.")
    String org;

    @Option(names = "--influx-bucket", paramLabel = "BUCKET", description = "InfluxDB 2.x/3.x bucket.")
    String bucket;

    @Option(names = "--influx-token", paramLabel = "TOKEN", showDefaultValue = Visibility.NEVER,
        description = "API token (Authorization: Token); prefer METERSIM_INFLUX_TOKEN.")
    String token;

    @Option(names = "--influx-create-db", description = "Create the 1.x database when it does not exist.")
    boolean createDatabase;

    @Option(names = "--influx-batch", paramLabel = "LINES", defaultValue = "5000",
        description = "Lines per request (default: ${DEFAULT-VALUE}).")
    int batchLines;

    @Option(names = "--influx-queue", paramLabel = "BATCHES", defaultValue = "8",
        description = "Batches waiting for a sender before the ticks wait (default: ${DEFAULT-VALUE}).")
    int queueBatches;

    @Option(names = "--influx-senders", paramLabel = "N", defaultValue = "2",
        description = "Concurrent requests (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--influx-retry-for", paramLabel = "DURATION", defaultValue = "PT60S",
        converter = DurationConverter.class,
        description = "How long one batch is retried while the server is unreachable or busy "
            + "(default: ${DEFAULT-VALUE}).")
    Duration retryFor;

    /**
     * @return whether the run writes to InfluxDB; then {@code --time-mode auto} should mean continuous.
     */
    boolean enabled()
    {
        return null != influx;
    }

    @Override
    public CollectionSink sink(final MeterSimulator simulator, final CliContext context)
    {
        if (!enabled())
        {
            return null;
        }
        final InfluxSink sink = InfluxSink.create(options());
        return new AnnouncedSink(sink, () ->
        {
            final InfluxSink.Options o = sink.options();
            context.err().println("metersim: writing to InfluxDB at " + o.url() + " (" + (o.isV1()
                ? "database " + o.database() : "org " + o.org() + ", bucket " + o.bucket()) + ", " + o.batchLines()
                + " lines per batch)");
        }, () ->
        {
            for (final String note : sink.notes())
            {
                context.err().println("metersim: influx: " + note);
            }
        });
    }

    /**
     * @return the sink's options from the flags over the influx module's defaults.
     * @throws UsageException when the target is missing, doubled or a value is out of range.
     */
    InfluxSink.Options options()
    {
        final boolean v1 = !empty(database);
        if (v1 == (!empty(org) || !empty(bucket)))
        {
            throw new UsageException("--influx needs --influx-db DB (InfluxDB 1.x) or --influx-org ORG and "
                + "--influx-bucket BUCKET (2.x/3.x), not both [influx=" + influx + "]");
        }
        if (!v1 && (empty(org) || empty(bucket)))
        {
            throw new UsageException("--influx-org and --influx-bucket go together [influx=" + influx + " org="
                + org + " bucket=" + bucket + "]");
        }
        Ranges.atLeast("--influx-batch", batchLines, 1);
        Ranges.atMost("--influx-batch", batchLines, 1_000_000);
        Ranges.atLeast("--influx-queue", queueBatches, 1);
        Ranges.atLeast("--influx-senders", senders, 1);
        Ranges.atMost("--influx-senders", senders, 64);
        try
        {
            final InfluxSink.Options defaults = v1 ? InfluxSink.Options.v1(influx, database.trim())
                : InfluxSink.Options.v2(influx, org.trim(), bucket.trim(), null == token ? "" : token.trim());
            final InfluxSink.Options withToken = v1 && !empty(token) ? new InfluxSink.Options(defaults.url(),
                defaults.database(), "", "", token.trim(), false, defaults.batchLines(), defaults.queueBatches(),
                defaults.senders(), defaults.gzip(), defaults.retryFor(), defaults.requestTimeout(),
                defaults.linger(), defaults.flushDeadline()) : defaults;
            return withToken.withCreateDatabase(createDatabase).withBatching(batchLines, queueBatches, senders)
                .withTiming(retryFor, defaults.linger(), defaults.flushDeadline());
        }
        catch (final MetersimException ex)
        {
            throw new UsageException(ex.getMessage());
        }
    }

    private static boolean empty(final String value)
    {
        return null == value || value.isBlank();
    }
}
