package io.metersim.core;

import java.io.IOException;

/**
 * Where a {@link TickLoop}'s collections go: a file, a VTN, a time-series database, a dashboard, a test.
 * <p>
 * Threads and order of calls, for one run:
 * <ol>
 * <li>{@link #open(int)} once, on the loop thread, before the first tick.</li>
 * <li>{@link #onCollection} once per VEN per tick, on the thread that collected it: worker {@code 0} is the loop
 * thread, workers {@code 1 .. threads - 1} are the loop's own threads. Calls for different workers run
 * concurrently; calls for one worker never do, and a worker's VENs arrive in registry order. The buffer is reused
 * as soon as the call returns: copy what must outlive it. A sink that must hand readings to another thread does so
 * here, and applies backpressure by blocking here (which slows the tick, never loses readings) or by dropping and
 * counting what it drops.</li>
 * <li>{@link #onTickEnd} once per tick on the loop thread, after every VEN of the tick was collected and handed to
 * every sink, before the cursor advances. Happens-after every {@code onCollection} call of the tick.</li>
 * <li>{@link #flush()} then {@link #close()} once, on the loop thread, when the run stops for any reason (tick
 * limit, {@link TickLoop#stop()}, a failure), also for a sink that failed earlier.</li>
 * </ol>
 * A sink that throws has failed: under {@link TickLoop.SinkPolicy#STOP_RUN} (the default) the run finishes the
 * current tick and stops with the failure; under {@link TickLoop.SinkPolicy#ISOLATE} the sink gets no further
 * collections or tick ends, the run goes on and its summary names the failure. No failure is ever ignored.
 * <p>
 * Only {@link #onCollection} and {@link #onTickEnd} run on the hot path: they should allocate nothing.
 */
public interface CollectionSink
{
    /**
     * @return a short name for summaries and error messages, e.g. {@code jsonl} or {@code vtn}.
     */
    String name();

    /**
     * Called once before the first tick, on the loop thread.
     *
     * @param threads how many workers will call {@link #onCollection}; worker indexes are {@code 0 .. threads - 1}.
     * @throws IOException when the sink cannot start; the run does not start.
     */
    default void open(final int threads) throws IOException
    {
    }

    /**
     * One VEN's collection at the tick's position.
     *
     * @param worker       the collecting worker, {@code 0 .. threads - 1}; state kept per worker needs no lock.
     * @param collected    the VEN's readings; valid only during this call.
     * @param collectNanos how long the collection itself took, in nanoseconds.
     * @throws IOException when the readings cannot be delivered.
     */
    default void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        throws IOException
    {
    }

    /**
     * The tick is complete: every VEN was collected and handed to every sink.
     *
     * @param tick the tick's totals; a view reused for the next tick.
     * @throws IOException when buffered output cannot be written.
     */
    default void onTickEnd(final TickTotals tick) throws IOException
    {
    }

    /**
     * Delivers what is buffered; called once when the run stops, before {@link #close()}.
     *
     * @throws IOException when buffered output cannot be written.
     */
    default void flush() throws IOException
    {
    }

    /**
     * Releases what the sink holds; called once when the run stops, after {@link #flush()}.
     *
     * @throws IOException when the sink cannot finish cleanly.
     */
    default void close() throws IOException
    {
    }

    /**
     * What the sink delivered, retried, dropped and failed to deliver. Sinks that deliver outside the process must
     * override this; the default is for in-process consumers, which deliver nothing anywhere.
     *
     * @return the counts now; called from the loop thread, at the end of the run.
     */
    default SinkCounts counts()
    {
        return SinkCounts.none(name());
    }
}
