package io.metersim.cli;

import io.metersim.core.CollectionSink;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickTotals;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * The run's tick lines ({@code --format table}, or beside records on stderr), or a progress bar on a terminal.
 */
final class TickLineSink implements CollectionSink
{
    private static final int BAR_WIDTH = 30;

    private final PrintStream lines;
    private final RunOutput checked;
    private final boolean bar;
    private final long ticks;
    private final String tickFormat;
    private long readings;
    private long written;

    /**
     * @param lines   where the lines go.
     * @param checked the output to flush and check at each tick end when the lines are a data stream, or null.
     * @param bar     true to redraw a progress bar instead of printing lines.
     * @param ticks   the run's length, 0 when it runs until stopped.
     * @param cycle   the data's cycle length, which bounds the index column.
     */
    TickLineSink(final PrintStream lines, final RunOutput checked, final boolean bar, final long ticks,
        final int cycle)
    {
        this.lines = lines;
        this.checked = checked;
        this.bar = bar;
        this.ticks = ticks;
        final int tickWidth = Long.toString(Math.max(ticks, 1)).length();
        final int indexWidth = Integer.toString(Math.max(cycle - 1, 0)).length();
        this.tickFormat = "tick %" + tickWidth + "d" + (ticks > 0 ? "/" + ticks : "") + "  index %" + indexWidth
            + "d  %s  VENs %d  resources %d  readings %d  total %.3f kW%n";
    }

    @Override
    public String name()
    {
        return bar ? "progress" : "table";
    }

    @Override
    public void onTickEnd(final TickTotals tick) throws IOException
    {
        readings += tick.readings();
        if (bar)
        {
            drawBar(tick.tick() + 1);
            return;
        }
        lines.printf(Locale.ROOT, tickFormat, tick.tick() + 1, tick.index(),
            tick.hasTimestamp() ? Instant.ofEpochMilli(tick.timestampMillis()).toString() : "-", tick.vens(),
            tick.resources(), tick.readings(), tick.totalWatts() / 1000.0);
        written++;
        if (null != checked)
        {
            lines.flush();
            checked.flush();
        }
    }

    @Override
    public void flush() throws IOException
    {
        if (bar)
        {
            lines.println();
        }
        lines.flush();
        if (null != checked)
        {
            checked.flush();
        }
    }

    @Override
    public SinkCounts counts()
    {
        return null == checked ? SinkCounts.none(name())
            : SinkCounts.written(name(), "lines", written);
    }

    private void drawBar(final long done)
    {
        if (ticks <= 0)
        {
            lines.printf(Locale.ROOT, "\rtick %d, %d readings", done, readings);
        }
        else
        {
            final int filled = (int)(BAR_WIDTH * done / ticks);
            lines.printf(Locale.ROOT, "\r[%s%s] %d/%d ticks, %d readings", "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), done, ticks, readings);
        }
        lines.flush();
    }
}
