package io.metersim.dashboard;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickTotals;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A live dashboard of the run, as a sink on the tick loop: a page on 127.0.0.1 with the fleet's and each VEN's
 * power over the last ticks, the stacked load components, the tick rate, the VEN collection latency (p50/p99),
 * every sink's counts and the active DR event, updated every tick over Server-Sent Events. Everything the page
 * needs (uPlot included) is bundled.
 * <p>
 * The loop threads only add numbers into primitive arrays ({@link #onCollection}, per worker) and merge them into
 * a reused snapshot ({@link #onTickEnd}), allocation-free; a publisher thread takes the latest snapshot through a
 * single-slot hand-off, writes the JSON and posts it; each browser's stream is written by its own thread. A slow
 * browser or publisher never slows the run: a snapshot replaced before the publisher took it is coalesced and
 * counted as dropped in {@link #counts()} (unit {@code updates}).
 * <pre>{@code
 * DashboardSink dashboard = DashboardSink.create(simulator, DashboardSink.Options.onPort(0), List::of);
 * TickLoop.builder(simulator).sink(dashboard).interval(Duration.ofMillis(100)).build().run();
 * }</pre>
 */
public final class DashboardSink implements CollectionSink
{
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Options options;
    private final TickAggregator aggregator;
    private final SnapshotExchange exchange;
    private final MessageBoard board;
    private final Publisher publisher;
    private final DashboardServer server;
    private volatile LongFunction<String> eventSource = timestamp -> null;
    private volatile URI url;

    private DashboardSink(
        final MeterSimulator simulator, final Options options, final Supplier<List<SinkCounts>> otherSinks)
    {
        this.options = options;
        final List<String> venNames = List.copyOf(simulator.venNames());
        final int loads = simulator.newBuffer().loadCount();
        final String[] loadIds = new String[loads];
        for (int k = 0; k < loads; k++)
        {
            loadIds[k] = "load_" + k;
        }
        this.aggregator = new TickAggregator(venNames.size(), loads);
        this.exchange = new SnapshotExchange(venNames.size(), loads);
        this.board = new MessageBoard(options.historyTicks());
        this.publisher = new Publisher(exchange, board, venNames, loadIds, options.maxVens(),
            () -> everySink(otherSinks), timestamp -> eventSource.apply(timestamp));
        this.server = new DashboardServer(board);
    }

    /**
     * @param simulator  the simulator the run replays: its VEN names and load components.
     * @param options    port, history and how many VENs the page shows one by one.
     * @param otherSinks the other sinks' counts, sampled on the dashboard's own thread at every update (never on
     *                   the loop thread); e.g. {@code () -> List.of(jsonl.counts(), vtn.counts())}.
     * @return the dashboard, not yet listening: {@link #open} starts it.
     * @throws io.metersim.core.MetersimException when an argument is missing or the page is not on the classpath.
     */
    public static DashboardSink create(
        final MeterSimulator simulator, final Options options, final Supplier<List<SinkCounts>> otherSinks)
    {
        if (null == simulator || null == options || null == otherSinks)
        {
            throw new DashboardException("missing argument [simulator=" + (null != simulator) + " options="
                + options + " otherSinks=" + (null != otherSinks) + "]");
        }
        return new DashboardSink(simulator, options, otherSinks);
    }

    /**
     * The hook for demand-response events: what the page shows as the active event, asked at every update on the
     * dashboard's thread with the tick's reading time (epoch ms); {@code null} or blank shows {@code none}. Safe from
     * any thread, at any time.
     *
     * @param activeEvent describes the event active at a time, e.g. {@code evening peak (SIMPLE 2)}.
     */
    public void eventSource(final LongFunction<String> activeEvent)
    {
        this.eventSource = null == activeEvent ? timestamp -> null : activeEvent;
    }

    /**
     * @return the page's address once {@link #open} ran, else null.
     */
    public URI url()
    {
        return url;
    }

    /**
     * @return the options the dashboard runs with.
     */
    public Options options()
    {
        return options;
    }

    @Override
    public String name()
    {
        return "dashboard";
    }

    /**
     * Starts the publisher and listens on 127.0.0.1.
     *
     * @throws io.metersim.core.MetersimException when the port cannot be had.
     */
    @Override
    public void open(final int threads)
    {
        aggregator.open(threads);
        url = server.start(options.port());
        publisher.start();
    }

    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
    {
        aggregator.onCollection(worker, collected, collectNanos);
    }

    @Override
    public void onTickEnd(final TickTotals tick)
    {
        aggregator.endTick(tick, System.nanoTime(), exchange.back());
        exchange.offer();
        publisher.wake();
    }

    /**
     * Waits, at most 5 s, until the last tick's update is published.
     */
    @Override
    public void flush()
    {
        publisher.drain(DRAIN_NANOS);
    }

    /**
     * Stops the publisher, ends every browser's stream and stops listening; an update never published counts as
     * failed.
     */
    @Override
    public void close()
    {
        try
        {
            publisher.stop();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            publisher.failPending();
            server.stop();
        }
    }

    /**
     * @return updates: accepted one per tick, delivered when published to the page, dropped when coalesced into a
     *         newer one, failed when they could not be written.
     */
    @Override
    public SinkCounts counts()
    {
        final long delivered = publisher.delivered();
        final long failed = publisher.failed();
        final long coalesced = exchange.coalesced();
        return new SinkCounts(name(), "updates", exchange.offered(), delivered, 0, coalesced, failed);
    }

    private List<SinkCounts> everySink(final Supplier<List<SinkCounts>> others)
    {
        final List<SinkCounts> sampled = others.get();
        final List<SinkCounts> all = new ArrayList<>((null == sampled ? 0 : sampled.size()) + 1);
        if (null != sampled)
        {
            all.addAll(sampled);
        }
        all.add(counts());
        return all;
    }

    /**
     * How the dashboard runs.
     *
     * @param port         the port on 127.0.0.1, 0 for any free one.
     * @param historyTicks updates kept for a browser that connects late, and the ticks the charts span.
     * @param maxVens      VENs shown one by one; the others are summed into one line.
     */
    public record Options(int port, int historyTicks, int maxVens)
    {
        /** The port of {@code --dashboard} without a value. */
        public static final int DEFAULT_PORT = 8088;
        /** Updates kept by default: 30 s at 10 ticks per second. */
        public static final int DEFAULT_HISTORY = 300;
        /** VENs shown one by one by default. */
        public static final int DEFAULT_MAX_VENS = 24;

        /**
         * @throws io.metersim.core.MetersimException naming the value out of range.
         */
        public Options
        {
            if (port < 0 || port > 65_535)
            {
                throw new DashboardException("the dashboard port must be 0 (any free port) to 65535 [port=" + port
                    + "]");
            }
            if (historyTicks < 2 || historyTicks > 100_000)
            {
                throw new DashboardException("the dashboard history must be 2 to 100000 ticks [historyTicks="
                    + historyTicks + "]");
            }
            if (maxVens < 1 || maxVens > 1_000)
            {
                throw new DashboardException("the dashboard shows 1 to 1000 VENs one by one [maxVens=" + maxVens
                    + "]");
            }
        }

        /**
         * @param port the port, 0 for any free one.
         * @return the defaults on that port.
         */
        public static Options onPort(final int port)
        {
            return new Options(port, DEFAULT_HISTORY, DEFAULT_MAX_VENS);
        }
    }
}
