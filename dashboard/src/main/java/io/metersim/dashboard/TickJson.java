package io.metersim.dashboard;

import io.metersim.core.SinkCounts;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.List;

/**
 * The JSON object the page receives per tick: the fleet's and the first VENs' power in kW, the components, the
 * tick rate, the VEN collection latency, every sink's counts and the active DR event. Aggregates only, never
 * readings; VENs beyond the first {@code maxVens} are summed into {@code otherKw}.
 */
final class TickJson
{
    private TickJson()
    {
    }

    /**
     * What the publisher derives per message besides the snapshot.
     *
     * @param tickRate  ticks per second over the last updates, NaN before there are two.
     * @param latency   this tick's VEN collection times in nanoseconds.
     * @param sinks     every sink's counts, this dashboard's included.
     * @param event     the active DR event, {@code none} when there is none.
     */
    record Derived(double tickRate, Histogram latency, List<SinkCounts> sinks, String event)
    {
    }

    static void write(
        final StringBuilder out,
        final Snapshot s,
        final List<String> venNames,
        final String[] loadIds,
        final int maxVens,
        final Derived derived)
    {
        out.append('{');
        JsonText.name(out, "tick").append(s.tick);
        JsonText.name(out.append(','), "index").append(s.index);
        JsonText.name(out.append(','), "timestamp").append(s.hasTimestamp ? s.timestampMillis : 0);
        JsonText.string(JsonText.name(out.append(','), "time"),
            s.hasTimestamp ? Instant.ofEpochMilli(s.timestampMillis).toString() : null);
        JsonText.name(out.append(','), "vens").append(s.venCount);
        JsonText.name(out.append(','), "resources").append(s.resources);
        JsonText.name(out.append(','), "readings").append(s.readings);
        JsonText.name(out.append(','), "missing").append(s.missing);
        JsonText.number(JsonText.name(out.append(','), "totalKw"), s.totalWatts / 1000.0);
        JsonText.number(JsonText.name(out.append(','), "collectMs"), s.collectNanos / 1e6);
        writeLoads(out, s, loadIds);
        writeVens(out, s, venNames, maxVens);
        JsonText.number(JsonText.name(out.append(','), "tickRate"), derived.tickRate());
        writeLatency(out, derived.latency());
        writeSinks(out, derived.sinks());
        JsonText.string(JsonText.name(out.append(','), "event"), derived.event());
        out.append('}');
    }

    private static void writeLoads(final StringBuilder out, final Snapshot s, final String[] loadIds)
    {
        JsonText.name(out.append(','), "loadIds").append('[');
        for (int k = 0; k < loadIds.length; k++)
        {
            JsonText.string(0 == k ? out : out.append(','), loadIds[k]);
        }
        JsonText.name(out.append("],"), "loadKw").append('[');
        for (int k = 0; k < loadIds.length; k++)
        {
            JsonText.number(0 == k ? out : out.append(','), s.loadWatts[k] / 1000.0);
        }
        out.append(']');
    }

    private static void writeVens(
        final StringBuilder out, final Snapshot s, final List<String> venNames, final int maxVens)
    {
        final int shown = Math.min(maxVens, s.venCount);
        JsonText.name(out.append(','), "venNames").append('[');
        for (int v = 0; v < shown; v++)
        {
            JsonText.string(0 == v ? out : out.append(','), venNames.get(s.venHandle[v]));
        }
        JsonText.name(out.append("],"), "venKw").append('[');
        for (int v = 0; v < shown; v++)
        {
            JsonText.number(0 == v ? out : out.append(','), s.venWatts[v] / 1000.0);
        }
        JsonText.name(out.append("],"), "venResources").append('[');
        for (int v = 0; v < shown; v++)
        {
            (0 == v ? out : out.append(',')).append(s.venResources[v]);
        }
        JsonText.name(out.append("],"), "venLatencyUs").append('[');
        for (int v = 0; v < shown; v++)
        {
            JsonText.number(0 == v ? out : out.append(','), s.venNanos[v] / 1000.0);
        }
        double otherWatts = 0.0;
        for (int v = shown; v < s.venCount; v++)
        {
            otherWatts += s.venWatts[v];
        }
        JsonText.name(out.append("],"), "otherVens").append(s.venCount - shown);
        JsonText.number(JsonText.name(out.append(','), "otherKw"), otherWatts / 1000.0);
    }

    private static void writeLatency(final StringBuilder out, final Histogram latency)
    {
        final boolean any = latency.getTotalCount() > 0;
        JsonText.name(out.append(','), "latencyUs").append('{');
        JsonText.number(JsonText.name(out, "p50"), any ? latency.getValueAtPercentile(50) / 1000.0 : Double.NaN);
        JsonText.number(JsonText.name(out.append(','), "p99"),
            any ? latency.getValueAtPercentile(99) / 1000.0 : Double.NaN);
        JsonText.number(JsonText.name(out.append(','), "max"), any ? latency.getMaxValue() / 1000.0 : Double.NaN);
        out.append('}');
    }

    private static void writeSinks(final StringBuilder out, final List<SinkCounts> sinks)
    {
        JsonText.name(out.append(','), "sinks").append('[');
        for (int i = 0; i < sinks.size(); i++)
        {
            final SinkCounts c = sinks.get(i);
            out.append(0 == i ? "{" : ",{");
            JsonText.string(JsonText.name(out, "sink"), c.sink());
            JsonText.string(JsonText.name(out.append(','), "unit"), c.unit());
            JsonText.name(out.append(','), "accepted").append(c.accepted());
            JsonText.name(out.append(','), "delivered").append(c.delivered());
            JsonText.name(out.append(','), "retried").append(c.retried());
            JsonText.name(out.append(','), "dropped").append(c.dropped());
            JsonText.name(out.append(','), "failed").append(c.failed());
            out.append('}');
        }
        out.append(']');
    }
}
