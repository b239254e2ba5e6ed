package io.metersim.influx;

import io.metersim.core.SinkCounts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

/**
 * The sending half of the sink: the send queue, the sender threads, retries, 413 splits, partial writes and the exact
 * line counts. A batch is counted accepted when queued and then exactly once as delivered, dropped or failed.
 */
final class Delivery
{
    private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");
    private static final int MAX_NOTES = 20;
    private static final long POLL_MILLIS = 50;
    private static final long BACKOFF_BASE_MILLIS = 100;
    private static final long BACKOFF_MAX_MILLIS = 5_000;

    private final InfluxSink.Options options;
    private final InfluxClient client;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder splits = new LongAdder();
    /** Batches queued or being sent. */
    private final AtomicLong inFlight = new AtomicLong();
    private final List<String> notes = new ArrayList<>();
    private final List<Thread> senders = new ArrayList<>();
    private ArrayBlockingQueue<Batch> queue;
    private ArrayBlockingQueue<Batch> free;
    private long noteCount;
    private volatile InfluxException fatal;
    /** Senders end once the queue is empty. */
    private volatile boolean draining;
    /** Senders give up retrying: the flush deadline passed. */
    private volatile boolean stopping;

    Delivery(final InfluxSink.Options options, final InfluxClient client)
    {
        this.options = options;
        this.client = client;
    }

    /**
     * Starts the senders over a queue that can hold every batch of the pool, so that {@link #ship} never waits.
     */
    void start(final ArrayBlockingQueue<Batch> queue, final ArrayBlockingQueue<Batch> free)
    {
        this.queue = queue;
        this.free = free;
        for (int s = 0; s < options.senders(); s++)
        {
            final Thread sender = new Thread(this::sendLoop, "influx-sender-" + s);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    void ship(final Batch batch)
    {
        accepted.add(batch.lines);
        inFlight.incrementAndGet();
        queue.add(batch);
    }

    /**
     * @return the failure that ends the sink (a refusal, an exhausted retry window), or null.
     */
    InfluxException fatal()
    {
        return fatal;
    }

    /**
     * Waits until every queued batch is delivered, dropped or failed, or the deadline passes.
     */
    void awaitDrained(final long deadlineNanos)
    {
        try
        {
            while (inFlight.get() > 0 && System.nanoTime() - deadlineNanos < 0)
            {
                TimeUnit.MILLISECONDS.sleep(2);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the senders, interrupting those still sending, and counts every batch left in the queue as failed.
     */
    void stop()
    {
        draining = true;
        if (inFlight.get() > 0)
        {
            stopping = true;
            for (final Thread sender : senders)
            {
                sender.interrupt();
            }
        }
        for (final Thread sender : senders)
        {
            try
            {
                sender.join(TimeUnit.SECONDS.toMillis(10));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Batch left = queue.poll(); null != left; left = queue.poll())
        {
            failed.add(left.lines);
            note(left.lines + " lines not delivered: still queued at the flush deadline ("
                + options.flushDeadline() + ")");
            inFlight.decrementAndGet();
        }
    }

    /**
     * Counts lines that never reached the queue (a partial batch of a sink closed without its flush) as failed.
     */
    void unsent(final int lines)
    {
        accepted.add(lines);
        failed.add(lines);
        note(lines + " lines not delivered: the sink was closed before they were queued");
    }

    SinkCounts counts(final String name)
    {
        return new SinkCounts(name, "lines", accepted.sum(), delivered.sum(), retried.sum(), dropped.sum(),
            failed.sum());
    }

    long splits()
    {
        return splits.sum();
    }

    List<String> notes()
    {
        synchronized (notes)
        {
            final List<String> copy = new ArrayList<>(notes);
            if (noteCount > notes.size())
            {
                copy.add("... and " + (noteCount - notes.size()) + " more");
            }
            return copy;
        }
    }

    String firstNote()
    {
        synchronized (notes)
        {
            return notes.isEmpty() ? "" : notes.get(0);
        }
    }

    private void sendLoop()
    {
        final Gzip gzip = options.gzip() ? new Gzip(Deflater.BEST_SPEED) : null;
        try
        {
            while (true)
            {
                final Batch batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (null == batch)
                {
                    if (draining)
                    {
                        return;
                    }
                    continue;
                }
                try
                {
                    send(batch.bytes, 0, batch.length, batch.lines, gzip);
                }
                finally
                {
                    batch.reset();
                    free.add(batch);
                    inFlight.decrementAndGet();
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            if (null != gzip)
            {
                gzip.end();
            }
        }
    }

    /**
     * Posts {@code lines} lines, {@code bytes[from, to)}, until they are delivered, dropped or failed, and counts
     * them exactly once, also when interrupted.
     */
    private void send(final byte[] bytes, final int from, final int to, final int lines, final Gzip gzip)
        throws InterruptedException
    {
        long retryUntil = 0;
        for (int attempt = 1; ; attempt++)
        {
            InfluxClient.Answer answer = null;
            IOException io = null;
            try
            {
                answer = post(bytes, from, to, gzip);
            }
            catch (final IOException ex)
            {
                io = ex;
            }
            catch (final InterruptedException ex)
            {
                abandoned(lines);
                throw ex;
            }
            final int status = null == answer ? -1 : answer.status();
            if (204 == status || 200 == status)
            {
                delivered.add(lines);
                return;
            }
            if (413 == status && lines > 1)
            {
                split(bytes, from, to, lines, gzip);
                return;
            }
            if (400 == status)
            {
                partialWrite(answer, lines);
                return;
            }
            final long now = System.nanoTime();
            if (1 == attempt)
            {
                retryUntil = now + options.retryFor().toNanos();
            }
            final boolean retryable = status < 0 || 408 == status || 429 == status || status >= 500;
            if (!retryable || null != fatal || stopping || now - retryUntil >= 0)
            {
                final String detail = null == answer ? InfluxClient.describe(io)
                    : "HTTP " + status + " " + InfluxClient.oneLine(answer.body());
                failed.add(lines);
                final String reason = lines + " lines not delivered after " + attempt + " attempt"
                    + (1 == attempt ? "" : "s") + ": " + detail;
                note(reason);
                if (null == fatal)
                {
                    fatal = new InfluxException("InfluxDB write failed: " + reason + " " + client.context());
                }
                return;
            }
            retried.increment();
            final long delayNanos = TimeUnit.MILLISECONDS.toNanos(
                Math.max(null == answer ? 0 : answer.retryAfterMillis(), backoffMillis(attempt)));
            try
            {
                TimeUnit.NANOSECONDS.sleep(Math.min(delayNanos, Math.max(0, retryUntil - now)));
            }
            catch (final InterruptedException ex)
            {
                abandoned(lines);
                throw ex;
            }
        }
    }

    private InfluxClient.Answer post(final byte[] bytes, final int from, final int to, final Gzip gzip)
        throws IOException, InterruptedException
    {
        if (null == gzip)
        {
            return client.write(bytes, from, to - from, false);
        }
        gzip.compress(bytes, from, to - from);
        return client.write(gzip.bytes(), 0, gzip.length(), true);
    }

    /**
     * 413: sends each half on its own, cut at a line end.
     */
    private void split(final byte[] bytes, final int from, final int to, final int lines, final Gzip gzip)
        throws InterruptedException
    {
        splits.increment();
        int cut = from + (to - from) / 2;
        while (cut < to && '\n' != bytes[cut - 1])
        {
            cut++;
        }
        if (cut >= to)
        {
            cut = from + (to - from) / 2;
            while (cut > from + 1 && '\n' != bytes[cut - 1])
            {
                cut--;
            }
        }
        int first = 0;
        for (int i = from; i < cut; i++)
        {
            if ('\n' == bytes[i])
            {
                first++;
            }
        }
        send(bytes, from, cut, first, gzip);
        send(bytes, cut, to, lines - first, gzip);
    }

    /**
     * 400: a partial write reports how many lines it dropped ({@code dropped=N}) and wrote the others; without that
     * count the server took none of them.
     */
    private void partialWrite(final InfluxClient.Answer answer, final int lines)
    {
        final String message = InfluxClient.oneLine(answer.body());
        final Matcher matcher = DROPPED.matcher(message);
        if (matcher.find())
        {
            final long count = Math.min(lines, Long.parseLong(matcher.group(1)));
            dropped.add(count);
            delivered.add(lines - count);
            note(count + " of " + lines + " lines dropped by the server: " + message);
        }
        else
        {
            failed.add(lines);
            note(lines + " lines refused by the server (HTTP 400): " + message);
        }
    }

    private void abandoned(final int lines)
    {
        failed.add(lines);
        note(lines + " lines not delivered: still being sent at the flush deadline (" + options.flushDeadline()
            + ")");
    }

    private static long backoffMillis(final int attempt)
    {
        final long ceiling = Math.min(BACKOFF_MAX_MILLIS, BACKOFF_BASE_MILLIS << Math.min(attempt - 1, 10));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private void note(final String line)
    {
        synchronized (notes)
        {
            noteCount++;
            if (notes.size() < MAX_NOTES)
            {
                notes.add(line);
            }
        }
    }
}
