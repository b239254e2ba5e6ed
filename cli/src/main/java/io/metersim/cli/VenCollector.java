package io.metersim.cli;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.MeterSimulator;
import io.metersim.openadr.VtnReporter;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Collects a fixed slice of the selected VENs with one reused buffer, recording each collection's latency and the
 * tick's totals. Confined to one thread; allocates nothing per tick.
 */
final class VenCollector
{
    private static final long MAX_LATENCY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final MeterSimulator simulator;
    private final int[] handles;
    private final int from;
    private final int to;
    private final CollectionBuffer buffer;
    private final RecordWriter writer;
    private final VtnReporter reporter;
    private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);

    private long resources;
    private long readings;
    private long missing;
    private double watts;
    private int index;
    private long firstTimestampMillis;
    private boolean hasTimestamp;

    VenCollector(
        final MeterSimulator simulator,
        final int[] handles,
        final int from,
        final int to,
        final RecordWriter writer,
        final VtnReporter reporter)
    {
        this.simulator = simulator;
        this.handles = handles;
        this.from = from;
        this.to = to;
        this.buffer = simulator.newBuffer();
        this.writer = writer;
        this.reporter = reporter;
    }

    /**
     * Collects every VEN of the slice at one position and writes it out.
     *
     * @param position the cursor snapshot every VEN of the tick is collected at.
     * @throws IOException when the output cannot be written.
     */
    void collect(final long position) throws IOException
    {
        final MeterSimulator simulator = this.simulator;
        final CollectionBuffer buffer = this.buffer;
        final RecordWriter writer = this.writer;
        final VtnReporter reporter = this.reporter;
        final Histogram latency = this.latency;
        long resources = 0;
        long readings = 0;
        long missing = 0;
        double watts = 0.0;
        int index = -1;
        boolean hasTimestamp = false;
        long firstTimestampMillis = 0;
        // Totals stay in locals until the slice is done: collectors of other threads sit next to this one in memory.
        for (int v = from; v < to; v++)
        {
            final long start = System.nanoTime();
            simulator.collectAt(handles[v], position, buffer);
            latency.recordValue(Math.min(System.nanoTime() - start, MAX_LATENCY_NANOS));
            resources += buffer.resourceCount();
            readings += buffer.readingTotal();
            missing += buffer.missingCount();
            watts += buffer.totalWatts();
            index = buffer.index();
            if (!hasTimestamp && buffer.readingTotal() > 0)
            {
                firstTimestampMillis = buffer.timestampMillis(0);
                hasTimestamp = true;
            }
            if (null != writer)
            {
                synchronized (writer)
                {
                    writer.write(buffer);
                }
            }
            if (null != reporter)
            {
                reporter.submit(buffer.ven(), buffer);
            }
        }
        this.resources = resources;
        this.readings = readings;
        this.missing = missing;
        this.watts = watts;
        this.index = index;
        this.hasTimestamp = hasTimestamp;
        this.firstTimestampMillis = firstTimestampMillis;
    }

    int venCount()
    {
        return to - from;
    }

    long resources()
    {
        return resources;
    }

    long readings()
    {
        return readings;
    }

    long missing()
    {
        return missing;
    }

    double watts()
    {
        return watts;
    }

    int index()
    {
        return index;
    }

    boolean hasTimestamp()
    {
        return hasTimestamp;
    }

    long firstTimestampMillis()
    {
        return firstTimestampMillis;
    }

    Histogram latency()
    {
        return latency;
    }
}
