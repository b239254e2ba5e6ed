package io.metersim.influx;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MetersimException;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickTotals;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes every collection to InfluxDB as line protocol: one {@code meter_power} line per resource with readings and
 * one {@code ven_power} line per VEN per tick, at the readings' time in milliseconds:
 * <pre>
 * meter_power,meter_point_id=M,resource_id=R,ven=V load_0=W,...,total_w=W TIMESTAMP_MS
 * ven_power,ven=V load_0=W,...,total_w=W,resources=Ni,missing=Ni TIMESTAMP_MS
 * </pre>
 * (tag keys sorted; fields only for the components with a reading; never NaN). Speaks the 1.x API
 * ({@code POST /write?db=}) or the 2.x/3.x API ({@code POST /api/v2/write}, {@code Authorization: Token}).
 * <p>
 * Each collecting worker writes its lines straight from the {@link CollectionBuffer} into its own batch, taken from a
 * fixed pool of reusable batches; nothing is allocated per reading. A batch of {@code batchLines} lines (or one older
 * than {@code linger} at a tick end) goes into the send queue, where {@code senders} threads gzip it into reusable
 * buffers and post it. When every batch of the pool is queued or in flight, {@link #onCollection} blocks until a
 * sender returns one (backpressure: the tick waits, no line is dropped). Senders retry with exponential backoff on
 * I/O errors, 408, 429 (honouring Retry-After) and 5xx for up to {@code retryFor}; split a batch the server finds too
 * large (413) in halves; and count the lines of a 400 partial write that the server reports as {@code dropped=N},
 * keeping its message in {@link #notes()}. Any other refusal (401, 403, 404) or a retry window that runs out fails
 * the sink: the next call throws, which stops the run.
 * <p>
 * {@link #open} checks the server and the database or bucket (creating a 1.x database on request) before the first
 * tick. {@link #flush()} sends every partial batch and waits for the queue to drain, up to {@code flushDeadline};
 * {@link #close()} stops the senders and counts what is left as failed, so that {@link #counts()} (in lines) holds
 * {@code accepted == delivered + dropped + failed}. The token appears in no message and in no {@code toString()}.
 * <pre>{@code
 * InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(URI.create("http://127.0.0.1:8086"), "metersim"));
 * RunSummary run = TickLoop.builder(simulator).ticks(24).sink(influx).build().run();
 * }</pre>
 */
public final class InfluxSink implements CollectionSink, AutoCloseable
{
    private static final int BYTES_PER_LINE = 192;
    private static final int MAX_INITIAL_BATCH_BYTES = 4 << 20;
    private static final long WAIT_NANOS = 200_000;

    private final Options options;
    private final InfluxClient client;
    private final Delivery delivery;
    private final LongAdder backpressureWaits = new LongAdder();
    private ArrayBlockingQueue<Batch> free;
    private LineWriter[] writers = new LineWriter[0];
    /** Each worker's batch being filled, or null; a worker's slot is touched by it, or by the loop at a tick end. */
    private Batch[] current = new Batch[0];
    private boolean started;
    private boolean closed;

    private InfluxSink(final Options options)
    {
        this.options = options;
        this.client = new InfluxClient(options);
        this.delivery = new Delivery(options, client);
    }

    /**
     * @param options where to write and how.
     * @return a sink, not yet connected: {@link #open} checks the server.
     */
    public static InfluxSink create(final Options options)
    {
        if (null == options)
        {
            throw new MetersimException("missing options [argument=options]");
        }
        return new InfluxSink(options);
    }

    /**
     * @return the options the sink writes with.
     */
    public Options options()
    {
        return options;
    }

    @Override
    public String name()
    {
        return "influx";
    }

    /**
     * Checks that the server answers and the database or bucket exists (creating the database when asked), then
     * starts the senders.
     *
     * @throws IOException never; failures are {@code InfluxException}s naming the server and the target.
     */
    @Override
    public void open(final int threads) throws IOException
    {
        try
        {
            client.checkTarget();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new InfluxException("interrupted while checking the server " + client.context(), ex);
        }
        final int pool = options.queueBatches() + threads + options.senders();
        final int capacity = (int)Math.min(MAX_INITIAL_BATCH_BYTES, (long)options.batchLines() * BYTES_PER_LINE);
        free = new ArrayBlockingQueue<>(pool);
        for (int b = 0; b < pool; b++)
        {
            free.add(new Batch(capacity));
        }
        writers = new LineWriter[threads];
        current = new Batch[threads];
        for (int w = 0; w < threads; w++)
        {
            writers[w] = new LineWriter();
        }
        delivery.start(new ArrayBlockingQueue<>(pool), free);
        started = true;
    }

    /**
     * Writes the collection's lines into the worker's batch; queues the batch when it is full, blocking while every
     * batch of the pool is queued or in flight.
     *
     * @throws InfluxException when the sink failed (a refusal, the retry window ran out) or was interrupted.
     */
    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
    {
        if (null != delivery.fatal())
        {
            throw failedSlowPath();
        }
        final LineWriter writer = writers[worker];
        final int batchLines = options.batchLines();
        Batch batch = current[worker];
        final int resources = collected.resourceCount();
        for (int r = 0; r < resources; r++)
        {
            if (0 != collected.readingCount(r))
            {
                if (null == batch)
                {
                    batch = takeFree(worker);
                }
                writer.meterLine(batch, collected, r);
                if (batch.lines >= batchLines)
                {
                    delivery.ship(batch);
                    current[worker] = null;
                    batch = null;
                }
            }
        }
        if (0 != collected.readingTotal())
        {
            if (null == batch)
            {
                batch = takeFree(worker);
            }
            writer.venLine(batch, collected);
            if (batch.lines >= batchLines)
            {
                delivery.ship(batch);
                current[worker] = null;
            }
        }
    }

    /**
     * Queues every worker's batch that has waited {@code linger} or longer since its first line (every batch when
     * linger is zero). The workers are idle here: the tick end happens-after every collection of the tick.
     */
    @Override
    public void onTickEnd(final TickTotals tick)
    {
        if (null != delivery.fatal())
        {
            throw failedSlowPath();
        }
        final long lingerNanos = options.linger().toNanos();
        final long now = System.nanoTime();
        final Batch[] current = this.current;
        for (int w = 0; w < current.length; w++)
        {
            final Batch batch = current[w];
            if (null != batch && batch.lines > 0 && now - batch.firstLineNanos >= lingerNanos)
            {
                delivery.ship(batch);
                current[w] = null;
            }
        }
    }

    /**
     * Queues every partial batch and waits until the senders have delivered, dropped or failed everything, up to
     * the flush deadline.
     */
    @Override
    public void flush()
    {
        if (!started)
        {
            return;
        }
        shipPartialBatches(false);
        delivery.awaitDrained(System.nanoTime() + options.flushDeadline().toNanos());
    }

    /**
     * Stops the senders (interrupting a send still running after {@link #flush()}'s deadline) and counts every line
     * still queued as failed. Idempotent.
     *
     * @throws InfluxException naming how many lines were not delivered, when any failed.
     */
    @Override
    public void close()
    {
        if (closed || !started)
        {
            closed = true;
            return;
        }
        closed = true;
        shipPartialBatches(true);
        delivery.stop();
        final SinkCounts counts = delivery.counts(name());
        if (counts.failed() > 0)
        {
            throw new InfluxException(counts.failed() + " of " + counts.accepted() + " lines not delivered: "
                + delivery.firstNote() + " " + client.context());
        }
    }

    /**
     * @return in lines: accepted into batches, delivered, extra attempts, dropped by the server (partial writes),
     *         failed (refused, retries exhausted, left at the flush deadline).
     */
    @Override
    public SinkCounts counts()
    {
        return delivery.counts(name());
    }

    /**
     * @return what the server dropped or refused and what was not delivered, with the server's messages: at most
     *         20 lines, then one line counting the rest.
     */
    public List<String> notes()
    {
        return delivery.notes();
    }

    /**
     * @return how often a worker found every batch in use and waited for a sender (backpressure).
     */
    long backpressureWaits()
    {
        return backpressureWaits.sum();
    }

    /**
     * @return how often a batch was split because the server found it too large (413).
     */
    long splits()
    {
        return delivery.splits();
    }

    /**
     * Queues every worker's partial batch; {@code closing}: after the senders' flush, so count them as unsent.
     */
    private void shipPartialBatches(final boolean closing)
    {
        final Batch[] current = this.current;
        for (int w = 0; w < current.length; w++)
        {
            final Batch batch = current[w];
            if (null != batch)
            {
                current[w] = null;
                if (batch.lines > 0 && !closing)
                {
                    delivery.ship(batch);
                }
                else
                {
                    if (batch.lines > 0)
                    {
                        delivery.unsent(batch.lines);
                    }
                    batch.reset();
                    free.add(batch);
                }
            }
        }
    }

    private Batch takeFree(final int worker)
    {
        Batch batch = free.poll();
        if (null == batch)
        {
            batch = takeFreeSlowPath();
        }
        current[worker] = batch;
        return batch;
    }

    /**
     * Every batch is queued or in flight: waits for a sender to return one, polling with parkNanos rather than a
     * timed queue wait, so that waiting allocates nothing either.
     */
    private Batch takeFreeSlowPath()
    {
        backpressureWaits.increment();
        while (true)
        {
            LockSupport.parkNanos(this, WAIT_NANOS);
            final Batch batch = free.poll();
            if (null != batch)
            {
                return batch;
            }
            if (null != delivery.fatal())
            {
                throw failedSlowPath();
            }
            if (Thread.interrupted())
            {
                Thread.currentThread().interrupt();
                throw new InfluxException("interrupted while every batch was queued " + client.context());
            }
        }
    }

    private InfluxException failedSlowPath()
    {
        final InfluxException cause = delivery.fatal();
        return new InfluxException(cause.getMessage(), cause);
    }

    /**
     * Where and how the sink writes. Exactly one target: a 1.x {@code database}, or a 2.x/3.x {@code org} and
     * {@code bucket}.
     *
     * @param url            the server's root, e.g. {@code http://127.0.0.1:8086}.
     * @param database       the 1.x database, or {@code ""} for the 2.x/3.x API.
     * @param org            the 2.x/3.x organisation, or {@code ""}.
     * @param bucket         the 2.x/3.x bucket, or {@code ""}.
     * @param token          sent as {@code Authorization: Token}, or {@code ""}; never printed.
     * @param createDatabase create a missing 1.x database in {@link InfluxSink#open}.
     * @param batchLines     lines per batch, 1 to 1,000,000 (default 5,000).
     * @param queueBatches   batches that may wait for a sender before collections block, 1 or more (default 8).
     * @param senders        sender threads, 1 to 64 (default 2).
     * @param gzip           gzip the bodies (default true).
     * @param retryFor       how long one batch is retried on I/O errors, 408, 429 and 5xx (default 60 s).
     * @param requestTimeout the timeout of one request (default 30 s).
     * @param linger         a partial batch older than this is sent at a tick end (default 1 s).
     * @param flushDeadline  how long {@link InfluxSink#flush()} waits for the queue to drain (default 30 s).
     */
    public record Options(
        URI url,
        String database,
        String org,
        String bucket,
        String token,
        boolean createDatabase,
        int batchLines,
        int queueBatches,
        int senders,
        boolean gzip,
        Duration retryFor,
        Duration requestTimeout,
        Duration linger,
        Duration flushDeadline)
    {
        /** Lines per batch, as InfluxDB recommends. */
        public static final int DEFAULT_BATCH_LINES = 5_000;
        /** Batches waiting for a sender before the collections block. */
        public static final int DEFAULT_QUEUE_BATCHES = 8;
        /** Sender threads. */
        public static final int DEFAULT_SENDERS = 2;
        /** How long one batch is retried. */
        public static final Duration DEFAULT_RETRY_FOR = Duration.ofSeconds(60);

        /**
         * Checks every value.
         *
         * @throws MetersimException naming the value out of range.
         */
        public Options
        {
            database = null == database ? "" : database;
            org = null == org ? "" : org;
            bucket = null == bucket ? "" : bucket;
            token = null == token ? "" : token;
            if (null == url || null == url.getScheme() || null == url.getHost()
                || !url.getScheme().toLowerCase(Locale.ROOT).matches("https?"))
            {
                throw new MetersimException("InfluxDB URL must be http(s)://host[:port] [influx=" + url + "]");
            }
            if (database.isEmpty() == (org.isEmpty() || bucket.isEmpty())
                || (!database.isEmpty() && !(org.isEmpty() && bucket.isEmpty())))
            {
                throw new MetersimException("give a database (1.x) or an org and a bucket (2.x/3.x) [influx=" + url
                    + " db=" + database + " org=" + org + " bucket=" + bucket + "]");
            }
            range("batchLines", batchLines, 1, 1_000_000);
            range("queueBatches", queueBatches, 1, 100_000);
            range("senders", senders, 1, 64);
            positive("retryFor", retryFor, true);
            positive("requestTimeout", requestTimeout, false);
            positive("linger", linger, true);
            positive("flushDeadline", flushDeadline, true);
        }

        /**
         * @param url      the server's root.
         * @param database the 1.x database.
         * @return the defaults for the 1.x API ({@code POST /write}).
         */
        public static Options v1(final URI url, final String database)
        {
            return new Options(url, database, "", "", "", false, DEFAULT_BATCH_LINES, DEFAULT_QUEUE_BATCHES,
                DEFAULT_SENDERS, true, DEFAULT_RETRY_FOR, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        }

        /**
         * @param url    the server's root.
         * @param org    the organisation.
         * @param bucket the bucket.
         * @param token  the API token.
         * @return the defaults for the 2.x/3.x API ({@code POST /api/v2/write}).
         */
        public static Options v2(final URI url, final String org, final String bucket, final String token)
        {
            return new Options(url, "", org, bucket, token, false, DEFAULT_BATCH_LINES, DEFAULT_QUEUE_BATCHES,
                DEFAULT_SENDERS, true, DEFAULT_RETRY_FOR, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        }

        /**
         * @return whether the target is a 1.x database.
         */
        public boolean isV1()
        {
            return !database.isEmpty();
        }

        /**
         * @param create create a missing 1.x database.
         * @return a copy.
         */
        public Options withCreateDatabase(final boolean create)
        {
            return new Options(url, database, org, bucket, token, create, batchLines, queueBatches, senders, gzip,
                retryFor, requestTimeout, linger, flushDeadline);
        }

        /**
         * @param lines   lines per batch.
         * @param batches batches that may wait for a sender.
         * @param threads sender threads.
         * @return a copy.
         */
        public Options withBatching(final int lines, final int batches, final int threads)
        {
            return new Options(url, database, org, bucket, token, createDatabase, lines, batches, threads, gzip,
                retryFor, requestTimeout, linger, flushDeadline);
        }

        /**
         * @param compress gzip the bodies.
         * @return a copy.
         */
        public Options withGzip(final boolean compress)
        {
            return new Options(url, database, org, bucket, token, createDatabase, batchLines, queueBatches, senders,
                compress, retryFor, requestTimeout, linger, flushDeadline);
        }

        /**
         * @param retry    how long one batch is retried.
         * @param lingered a partial batch older than this is sent at a tick end.
         * @param deadline how long the flush waits.
         * @return a copy.
         */
        public Options withTiming(final Duration retry, final Duration lingered, final Duration deadline)
        {
            return new Options(url, database, org, bucket, token, createDatabase, batchLines, queueBatches, senders,
                gzip, retry, requestTimeout, lingered, deadline);
        }

        /**
         * @return the options without the token's value.
         */
        @Override
        public String toString()
        {
            return "Options[url=" + url + " database=" + database + " org=" + org + " bucket=" + bucket + " token="
                + (token.isEmpty() ? "none" : "***") + " createDatabase=" + createDatabase + " batchLines="
                + batchLines + " queueBatches=" + queueBatches + " senders=" + senders + " gzip=" + gzip
                + " retryFor=" + retryFor + " requestTimeout=" + requestTimeout + " linger=" + linger
                + " flushDeadline=" + flushDeadline + "]";
        }

        private static void range(final String name, final int value, final int min, final int max)
        {
            if (value < min || value > max)
            {
                throw new MetersimException(name + " must be " + min + " to " + max + " [" + name + "=" + value
                    + "]");
            }
        }

        private static void positive(final String name, final Duration value, final boolean zeroAllowed)
        {
            if (null == value || value.isNegative() || (!zeroAllowed && value.isZero()))
            {
                throw new MetersimException(name + " must be " + (zeroAllowed ? "0 or more" : "positive") + " ["
                    + name + "=" + value + "]");
            }
        }
    }
}
