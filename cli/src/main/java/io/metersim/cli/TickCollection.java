package io.metersim.cli;

import io.metersim.core.MeterSimulator;
import io.metersim.openadr.VtnReporter;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * One tick's collection of every selected VEN at one position, split over a fixed set of threads that meet at two
 * barriers per tick. With one thread the caller collects itself.
 */
final class TickCollection implements AutoCloseable
{
    private final VenCollector[] collectors;
    private final Thread[] workers;
    private final CyclicBarrier start;
    private final CyclicBarrier done;
    private volatile long position;
    private volatile boolean closing;
    private volatile Throwable failure;

    TickCollection(
        final MeterSimulator simulator,
        final int[] handles,
        final int threads,
        final RecordWriter writer,
        final VtnReporter reporter)
    {
        final int slices = Math.max(1, Math.min(threads, handles.length));
        collectors = new VenCollector[slices];
        for (int t = 0; t < slices; t++)
        {
            final int from = (int)((long)handles.length * t / slices);
            final int to = (int)((long)handles.length * (t + 1) / slices);
            collectors[t] = new VenCollector(simulator, handles, from, to, writer, reporter);
        }
        if (slices == 1)
        {
            workers = new Thread[0];
            start = null;
            done = null;
            return;
        }
        start = new CyclicBarrier(slices + 1);
        done = new CyclicBarrier(slices + 1);
        workers = new Thread[slices];
        for (int t = 0; t < slices; t++)
        {
            final VenCollector collector = collectors[t];
            workers[t] = new Thread(() -> work(collector), "metersim-collect-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }
    }

    /**
     * Collects every selected VEN at one position; returns when all are collected and written.
     *
     * @param position the cursor snapshot.
     * @throws IOException when the output cannot be written.
     */
    void collect(final long position) throws IOException
    {
        if (workers.length == 0)
        {
            collectors[0].collect(position);
            return;
        }
        this.position = position;
        await(start);
        await(done);
        final Throwable failed = failure;
        if (null != failed)
        {
            if (failed instanceof IOException)
            {
                throw (IOException)failed;
            }
            if (failed instanceof RuntimeException)
            {
                throw (RuntimeException)failed;
            }
            throw (Error)failed;
        }
    }

    VenCollector[] collectors()
    {
        return collectors;
    }

    /**
     * @return every collection's latency over all threads, in nanoseconds.
     */
    Histogram latency()
    {
        final Histogram all = collectors[0].latency().copy();
        for (int t = 1; t < collectors.length; t++)
        {
            all.add(collectors[t].latency());
        }
        return all;
    }

    @Override
    public void close()
    {
        if (workers.length > 0 && !closing)
        {
            closing = true;
            start.reset();
            for (final Thread worker : workers)
            {
                worker.interrupt();
            }
        }
    }

    private void work(final VenCollector collector)
    {
        try
        {
            while (true)
            {
                start.await();
                if (closing)
                {
                    return;
                }
                try
                {
                    collector.collect(position);
                }
                catch (final IOException | RuntimeException | Error ex)
                {
                    failure = ex;
                }
                done.await();
            }
        }
        catch (final InterruptedException | BrokenBarrierException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(final CyclicBarrier barrier)
    {
        try
        {
            barrier.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("collection interrupted"));
        }
        catch (final BrokenBarrierException ex)
        {
            throw new IllegalStateException("a collection thread stopped", ex);
        }
    }
}
