package io.metersim.cli;

import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.SinkCounts;
import io.metersim.dashboard.DashboardSink;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;

/**
 * {@code run}'s live dashboard: {@code --dashboard [PORT]} serves a page on 127.0.0.1 that follows the run tick by
 * tick (8088 without a value, 0 for any free port). The address goes to stderr, never into the records. The page
 * shows the counts of the sinks handed to {@link #watch}.
 */
final class DashboardOptions implements SinkOption
{
    @Option(names = "--dashboard", paramLabel = "PORT", arity = "0..1",
        fallbackValue = "" + DashboardSink.Options.DEFAULT_PORT,
        description = "Serve a live dashboard of the run on http://127.0.0.1:PORT/ (PORT "
            + DashboardSink.Options.DEFAULT_PORT + " when omitted, 0 for any free port).")
    Integer port;

    @Option(names = "--dashboard-vens", paramLabel = "N", defaultValue = "" + DashboardSink.Options.DEFAULT_MAX_VENS,
        description = "VENs the dashboard shows one by one; the rest are summed (default: ${DEFAULT-VALUE}).")
    int maxVens;

    private final List<CollectionSink> watched = new CopyOnWriteArrayList<>();
    private volatile LongFunction<String> activeEvent;
    private volatile DashboardSink created;

    /**
     * @return whether {@code --dashboard} asks for the dashboard.
     */
    boolean enabled()
    {
        return null != port;
    }

    /**
     * Adds sinks whose counts the page shows, before or during the run; nulls and the dashboard itself are ignored.
     *
     * @param sinks the run's other sinks.
     */
    void watch(final CollectionSink... sinks)
    {
        for (final CollectionSink sink : sinks)
        {
            if (null != sink && !(sink instanceof AnnouncedSink))
            {
                watched.add(sink);
            }
        }
    }

    /**
     * The demand-response hook: what the page shows as the active event, asked at every update on the dashboard's
     * thread. Before or after {@link #sink}; without a dashboard it is kept and ignored.
     *
     * @param source describes the active event, null or blank for none.
     */
    void eventSource(final LongFunction<String> source)
    {
        activeEvent = source;
        final DashboardSink dashboard = created;
        if (null != dashboard)
        {
            dashboard.eventSource(source);
        }
    }

    @Override
    public CollectionSink sink(final MeterSimulator simulator, final CliContext context)
    {
        if (!enabled())
        {
            return null;
        }
        Ranges.atLeast("--dashboard", port, 0);
        Ranges.atMost("--dashboard", port, 65_535);
        Ranges.atLeast("--dashboard-vens", maxVens, 1);
        Ranges.atMost("--dashboard-vens", maxVens, 1_000);
        try
        {
            final DashboardSink.Options options = new DashboardSink.Options(port,
                DashboardSink.Options.DEFAULT_HISTORY, maxVens);
            final DashboardSink dashboard = DashboardSink.create(simulator, options, this::watchedCounts);
            dashboard.eventSource(activeEvent);
            created = dashboard;
            return new AnnouncedSink(dashboard,
                () -> context.err().println("metersim: dashboard at " + dashboard.url() + " (Ctrl-C ends the run)"),
                () -> { });
        }
        catch (final MetersimException ex)
        {
            throw new UsageException(ex.getMessage());
        }
    }

    /**
     * @return the watched sinks' counts now; on the dashboard's own thread.
     */
    private List<SinkCounts> watchedCounts()
    {
        final List<SinkCounts> counts = new ArrayList<>(watched.size());
        for (final CollectionSink sink : watched)
        {
            counts.add(sink.counts());
        }
        return counts;
    }
}
