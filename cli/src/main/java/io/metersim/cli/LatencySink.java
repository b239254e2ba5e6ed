package io.metersim.cli;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Every VEN collection's latency, one histogram per worker (no lock), merged when the run ends.
 */
final class LatencySink implements CollectionSink
{
    private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(1);

    private Histogram[] perWorker = new Histogram[0];

    @Override
    public String name()
    {
        return "latency";
    }

    @Override
    public void open(final int threads)
    {
        perWorker = new Histogram[threads];
        for (int w = 0; w < threads; w++)
        {
            perWorker[w] = new Histogram(MAX_NANOS, 3);
        }
    }

    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
    {
        perWorker[worker].recordValue(Math.min(collectNanos, MAX_NANOS));
    }

    /**
     * @return every worker's latencies in nanoseconds; call after the run.
     */
    Histogram merged()
    {
        final Histogram all = new Histogram(MAX_NANOS, 3);
        for (final Histogram histogram : perWorker)
        {
            all.add(histogram);
        }
        return all;
    }
}
