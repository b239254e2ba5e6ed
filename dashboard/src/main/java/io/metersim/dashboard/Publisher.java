package io.metersim.dashboard;

import io.metersim.core.SinkCounts;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The dashboard's own thread: takes the latest {@link Snapshot} from the exchange, derives the tick rate and the
 * latency percentiles, samples every sink's counts and the DR event, writes the JSON and posts it to the
 * {@link MessageBoard}. Everything that allocates happens here, never on the loop thread.
 */
final class Publisher implements Runnable
{
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int RATE_WINDOW = 16;

    private final SnapshotExchange exchange;
    private final MessageBoard board;
    private final List<String> venNames;
    private final String[] loadIds;
    private final int maxVens;
    private final Supplier<List<SinkCounts>> counts;
    private final LongFunction<String> event;
    private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    private final long[] rateTicks = new long[RATE_WINDOW];
    private final long[] rateNanos = new long[RATE_WINDOW];
    private final StringBuilder json = new StringBuilder(4096);
    private int rateSamples;
    private volatile long delivered;
    private volatile long failed;
    private volatile boolean running = true;
    private volatile Thread thread;

    Publisher(
        final SnapshotExchange exchange,
        final MessageBoard board,
        final List<String> venNames,
        final String[] loadIds,
        final int maxVens,
        final Supplier<List<SinkCounts>> counts,
        final LongFunction<String> event)
    {
        this.exchange = exchange;
        this.board = board;
        this.venNames = venNames;
        this.loadIds = loadIds;
        this.maxVens = maxVens;
        this.counts = counts;
        this.event = event;
    }

    void start()
    {
        final Thread publisher = new Thread(this, "metersim-dashboard-publisher");
        publisher.setDaemon(true);
        thread = publisher;
        publisher.start();
    }

    @Override
    public void run()
    {
        while (running)
        {
            if (!publishLatest())
            {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        }
        publishLatest();
    }

    /**
     * Wakes the publisher for a new snapshot; any thread, allocation-free.
     */
    void wake()
    {
        final Thread publisher = thread;
        if (null != publisher)
        {
            LockSupport.unpark(publisher);
        }
    }

    /**
     * Waits until every snapshot offered was published, coalesced or failed, or the time is up.
     *
     * @return whether none is pending.
     */
    boolean drain(final long timeoutNanos)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (pending() > 0 && System.nanoTime() - deadline < 0)
        {
            wake();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return pending() <= 0;
    }

    /**
     * Stops the thread after it published what is there, and waits for it.
     */
    void stop() throws InterruptedException
    {
        running = false;
        final Thread publisher = thread;
        if (null != publisher)
        {
            LockSupport.unpark(publisher);
            publisher.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    long pending()
    {
        return exchange.offered() - exchange.coalesced() - delivered - failed;
    }

    long delivered()
    {
        return delivered;
    }

    long failed()
    {
        return failed;
    }

    /**
     * Counts what is still pending as failed; once the thread stopped.
     */
    void failPending()
    {
        final long pending = pending();
        if (pending > 0)
        {
            failed = failed + pending;
        }
    }

    private boolean publishLatest()
    {
        final Snapshot snapshot = exchange.take();
        if (null == snapshot)
        {
            return false;
        }
        try
        {
            board.post(render(snapshot));
            delivered = delivered + 1;
        }
        catch (final RuntimeException ex)
        {
            failed = failed + 1;
        }
        return true;
    }

    /**
     * @return the message for one snapshot; publisher thread only.
     */
    String render(final Snapshot snapshot)
    {
        latency.reset();
        for (int v = 0; v < snapshot.venCount; v++)
        {
            latency.recordValue(Math.max(0, Math.min(snapshot.venNanos[v], MAX_LATENCY_NANOS)));
        }
        final TickJson.Derived derived = new TickJson.Derived(tickRate(snapshot), latency, sampleCounts(),
            activeEvent(snapshot.timestampMillis));
        json.setLength(0);
        TickJson.write(json, snapshot, venNames, loadIds, maxVens, derived);
        return json.toString();
    }

    private double tickRate(final Snapshot snapshot)
    {
        final int slot = rateSamples % RATE_WINDOW;
        rateTicks[slot] = snapshot.tick;
        rateNanos[slot] = snapshot.endNanos;
        rateSamples++;
        if (rateSamples < 2)
        {
            return Double.NaN;
        }
        final int oldest = rateSamples <= RATE_WINDOW ? 0 : rateSamples % RATE_WINDOW;
        final long nanos = snapshot.endNanos - rateNanos[oldest];
        return nanos <= 0 ? Double.NaN : (snapshot.tick - rateTicks[oldest]) * 1e9 / nanos;
    }

    private List<SinkCounts> sampleCounts()
    {
        try
        {
            final List<SinkCounts> sampled = counts.get();
            return null == sampled ? List.of() : sampled;
        }
        catch (final RuntimeException ex)
        {
            // a sink's counts are informative here: the run's own summary reports them exactly at the end
            return List.of();
        }
    }

    private String activeEvent(final long timestampMillis)
    {
        try
        {
            final String active = event.apply(timestampMillis);
            return null == active || active.isBlank() ? "none" : active;
        }
        catch (final RuntimeException ex)
        {
            return "unknown";
        }
    }
}
