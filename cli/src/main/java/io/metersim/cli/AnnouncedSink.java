package io.metersim.cli;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickTotals;

import java.io.IOException;

/**
 * A sink as the command shows it: it tells the user on stderr where the sink went once it opened (a URL, a database),
 * and what it has to say when it closed; every call is passed on.
 */
final class AnnouncedSink implements CollectionSink
{
    private final CollectionSink sink;
    private final Runnable opened;
    private final Runnable closed;

    /**
     * @param sink   the sink.
     * @param opened runs after {@code sink.open} succeeded.
     * @param closed runs after {@code sink.close}, also when it threw.
     */
    AnnouncedSink(final CollectionSink sink, final Runnable opened, final Runnable closed)
    {
        this.sink = sink;
        this.opened = opened;
        this.closed = closed;
    }

    @Override
    public String name()
    {
        return sink.name();
    }

    @Override
    public void open(final int threads) throws IOException
    {
        sink.open(threads);
        opened.run();
    }

    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        throws IOException
    {
        sink.onCollection(worker, collected, collectNanos);
    }

    @Override
    public void onTickEnd(final TickTotals tick) throws IOException
    {
        sink.onTickEnd(tick);
    }

    @Override
    public void flush() throws IOException
    {
        sink.flush();
    }

    @Override
    public void close() throws IOException
    {
        try
        {
            sink.close();
        }
        finally
        {
            closed.run();
        }
    }

    @Override
    public SinkCounts counts()
    {
        return sink.counts();
    }
}
