package io.metersim.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's run: tick after tick, every selected VEN collected at one position, handed to the sinks, then the
 * cursor advanced. The VENs are split into equal contiguous slices, one per worker; worker 0 is the thread that
 * calls {@link #run()}, the others are threads the loop starts and ends. A tick allocates nothing, with any number
 * of threads: work is handed to the workers through a round counter (release store, acquire load) and
 * {@link LockSupport#unpark}, and every buffer is reused.
 * <pre>{@code
 * RunSummary run = TickLoop.builder(simulator).ticks(100).threads(2).sink(mySink).build().run();
 * }</pre>
 * {@link #run()} paces the ticks itself; a caller with its own schedule drives them with {@link #start()},
 * {@link #tick()} and {@link #finish()}, which run exactly the same tick.
 * A tick: take up new demand-response events ({@link DemandResponse#takeUpEvents()}, when the loop has a
 * {@link Builder#response response}); read {@link MeterSimulator#position()} once; collect every VEN at it, apply
 * the response to it and call {@link CollectionSink#onCollection} for each; call {@link CollectionSink#onTickEnd}
 * on the loop thread; {@link MeterSimulator#increaseTime()}; wait for the next tick's wall-clock deadline (fixed
 * rate, no drift). The run stops after the tick limit, after {@link #stop()}, or after a sink failure under {@link SinkPolicy#STOP_RUN}; the
 * tick in progress always completes, and every sink is flushed and closed, in that order, before {@link #run()}
 * returns its summary.
 */
public final class TickLoop
{
    /** What a sink's failure does to the run. */
    public enum SinkPolicy
    {
        /** The run finishes the current tick and stops with the failure (the default). */
        STOP_RUN,
        /** The sink gets no further calls; the run goes on and its summary reports the failure. */
        ISOLATE
    }

    private static final int SPINS_BEFORE_PARK = 20_000;
    private static final long MAX_PARK_NANOS = 50_000_000L;

    private final MeterSimulator simulator;
    private final int[] handles;
    private final long ticks;
    private final long intervalNanos;
    private final SinkSlot[] slots;
    private final TickWorker[] workers;
    private final TickTotals totals;
    private final DemandResponse response;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean stopRequested;
    private volatile Thread loopThread;
    private volatile Throwable loopFailure;
    private volatile SinkSlot stoppingSlot;

    // hand-off to the helper workers: position is written before the release store of requestedRound
    private long roundPosition;
    private volatile long requestedRound;
    private final long[] completedRounds;
    private volatile boolean closing;
    private Thread[] helpers = new Thread[0];

    // the run's totals, confined to the loop thread
    private long wallStart;
    private long ticksDone;
    private long readings;
    private long missing;
    private long maxResources;
    private long busyNanos;
    private boolean finished;

    private TickLoop(final Builder builder)
    {
        this.simulator = builder.simulator;
        this.handles = builder.handles();
        this.ticks = builder.ticks;
        this.intervalNanos = builder.interval.toNanos();
        this.slots = builder.slots.toArray(new SinkSlot[0]);
        this.response = builder.response;
        final int count = Math.max(1, Math.min(builder.threads, handles.length));
        this.workers = new TickWorker[count];
        for (int w = 0; w < count; w++)
        {
            final int from = (int)((long)handles.length * w / count);
            final int to = (int)((long)handles.length * (w + 1) / count);
            workers[w] = new TickWorker(w, simulator, handles, from, to, slots, response, this);
        }
        this.totals = new TickTotals(workers[0].loadWatts.length);
        // one padded slot per helper: each is written by its own worker once per tick
        this.completedRounds = new long[(count + 1) * PaddedRounds.STRIDE];
    }

    /**
     * @param simulator the simulator to run; its cursor is shared with anyone else holding it.
     * @return a builder: every VEN, 1 thread, as fast as possible, until stopped, no sinks.
     */
    public static Builder builder(final MeterSimulator simulator)
    {
        if (null == simulator)
        {
            throw new MetersimException("missing simulator [argument=simulator]");
        }
        return new Builder(simulator);
    }

    /**
     * @return the workers the run uses: the requested threads, at most one per VEN, at least 1.
     */
    public int threads()
    {
        return workers.length;
    }

    /**
     * Runs the loop on the calling thread until the tick limit, {@link #stop()} or a failure: {@link #start()},
     * then {@link #tick()} paced to the interval, then {@link #finish()}. Once per loop.
     *
     * @return what the run did.
     * @throws MetersimException when the loop already ran, or a sink cannot be opened (naming it; the sinks
     *                           opened before it are closed again).
     */
    public RunSummary run()
    {
        start();
        try
        {
            while (tick())
            {
                pace(wallStart, ticksDone);
            }
        }
        finally
        {
            stopHelpers();
        }
        return finish();
    }

    /**
     * Opens every sink and starts the helper workers, for a caller that drives the ticks itself with
     * {@link #tick()} (a benchmark, a stream source). The calling thread becomes the loop thread: {@link #tick()}
     * and {@link #finish()} must be called from it. Once per loop.
     *
     * @throws MetersimException when the loop already started, or a sink cannot be opened.
     */
    public void start()
    {
        if (!started.compareAndSet(false, true))
        {
            throw new MetersimException("a tick loop runs once [vens=" + handles.length + "]");
        }
        loopThread = Thread.currentThread();
        openSinks();
        startHelpers();
        wallStart = System.nanoTime();
    }

    /**
     * Runs one tick now, without pacing: collect every VEN at the position, end the tick, advance the cursor.
     * Allocates nothing. Call from the thread that called {@link #start()}.
     *
     * @return whether another tick may follow: false once the tick limit is reached, a stop was asked for or a
     *         failure stopped the run (then this call ran no tick, or completed the one in progress).
     */
    public boolean tick()
    {
        if (mustStop())
        {
            return false;
        }
        try
        {
            final long tickStart = System.nanoTime();
            runTick(ticksDone, tickStart);
            busyNanos += System.nanoTime() - tickStart;
            readings += totals.readings();
            missing += totals.missing();
            maxResources = Math.max(maxResources, totals.resources());
            ticksDone++;
            simulator.increaseTime();
        }
        catch (final RuntimeException | Error ex)
        {
            loopFailure = ex;
            stopRequested = true;
        }
        return !mustStop();
    }

    /**
     * Stops the helper workers, flushes and closes every sink, and summarises the run. Call once, from the thread
     * that called {@link #start()}.
     *
     * @return what the run did.
     */
    public RunSummary finish()
    {
        if (null == loopThread || finished)
        {
            throw new MetersimException("finish() follows start(), once [started=" + (null != loopThread) + "]");
        }
        finished = true;
        stopHelpers();
        finishSinks();
        return summary(System.nanoTime() - wallStart);
    }

    private boolean mustStop()
    {
        return stopRequested || (0 != ticks && ticksDone >= ticks);
    }

    /**
     * Asks the run to stop after the current tick; returns at once. Safe from any thread, e.g. a shutdown hook.
     */
    public void stop()
    {
        stopRequested = true;
        final Thread thread = loopThread;
        if (null != thread)
        {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Records a sink's failure; under {@link SinkPolicy#STOP_RUN} the run stops after the current tick.
     */
    void sinkFailed(final SinkSlot slot, final Throwable cause)
    {
        if (slot.fail(cause) && slot.policy == SinkPolicy.STOP_RUN)
        {
            if (null == stoppingSlot)
            {
                stoppingSlot = slot;
            }
            stopRequested = true;
        }
    }

    private void runTick(final long tick, final long tickStart)
    {
        if (null != response)
        {
            response.takeUpEvents();
        }
        final long position = simulator.position();
        final TickWorker[] workers = this.workers;
        final int helperCount = workers.length - 1;
        long round = 0;
        if (helperCount > 0)
        {
            round = requestedRound + 1;
            roundPosition = position;
            requestedRound = round;
            for (final Thread helper : helpers)
            {
                LockSupport.unpark(helper);
            }
        }
        workers[0].collectSlice(position);
        for (int w = 1; w <= helperCount; w++)
        {
            awaitCompleted(w, round);
        }
        final TickTotals totals = this.totals;
        totals.begin(tick, position, handles.length);
        for (final TickWorker worker : workers)
        {
            totals.add(worker);
        }
        totals.end(System.nanoTime() - tickStart);
        for (final SinkSlot slot : slots)
        {
            tickEnd(slot, totals);
        }
    }

    private void tickEnd(final SinkSlot slot, final TickTotals totals)
    {
        if (slot.liveAcquire())
        {
            try
            {
                slot.sink.onTickEnd(totals);
            }
            catch (final Exception | Error ex)
            {
                sinkFailed(slot, ex);
            }
        }
    }

    private void awaitCompleted(final int worker, final long round)
    {
        int spins = 0;
        while (PaddedRounds.getAcquire(completedRounds, worker) != round)
        {
            if (null != loopFailure)
            {
                throw new MetersimException("a collecting thread failed [worker=" + worker + "]", loopFailure);
            }
            if (++spins < SPINS_BEFORE_PARK)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }
    }

    private void helperLoop(final TickWorker worker)
    {
        long seen = 0;
        try
        {
            while (true)
            {
                final long round = awaitRound(seen);
                if (round < 0)
                {
                    return;
                }
                seen = round;
                worker.collectSlice(roundPosition);
                PaddedRounds.setRelease(completedRounds, worker.index, round);
            }
        }
        catch (final RuntimeException | Error ex)
        {
            loopFailure = ex;
        }
    }

    private long awaitRound(final long seen)
    {
        int spins = 0;
        while (true)
        {
            if (closing)
            {
                return -1;
            }
            final long round = requestedRound;
            if (round != seen)
            {
                return round;
            }
            if (++spins < SPINS_BEFORE_PARK)
            {
                Thread.onSpinWait();
            }
            else
            {
                LockSupport.park(this);
            }
        }
    }

    private void pace(final long wallStart, final long ticksDone)
    {
        if (0 == intervalNanos)
        {
            return;
        }
        final long deadline = wallStart + intervalNanos * ticksDone;
        for (long remaining = deadline - System.nanoTime(); remaining > 0 && !stopRequested;
            remaining = deadline - System.nanoTime())
        {
            LockSupport.parkNanos(this, Math.min(remaining, MAX_PARK_NANOS));
        }
    }

    private void openSinks()
    {
        for (int s = 0; s < slots.length; s++)
        {
            try
            {
                slots[s].sink.open(workers.length);
            }
            catch (final Exception | Error ex)
            {
                for (int opened = s - 1; opened >= 0; opened--)
                {
                    closeQuietly(slots[opened].sink, ex);
                }
                throw new MetersimException("sink cannot start: " + ex.getMessage() + " [sink="
                    + slots[s].sink.name() + "]", ex);
            }
        }
    }

    private void finishSinks()
    {
        for (final SinkSlot slot : slots)
        {
            try
            {
                slot.sink.flush();
            }
            catch (final Exception | Error ex)
            {
                sinkFailed(slot, ex);
            }
            try
            {
                slot.sink.close();
            }
            catch (final Exception | Error ex)
            {
                sinkFailed(slot, ex);
            }
        }
    }

    private static void closeQuietly(final CollectionSink sink, final Throwable cause)
    {
        try
        {
            sink.close();
        }
        catch (final Exception | Error ex)
        {
            cause.addSuppressed(ex);
        }
    }

    private void startHelpers()
    {
        helpers = new Thread[workers.length - 1];
        for (int w = 1; w < workers.length; w++)
        {
            final TickWorker worker = workers[w];
            final Thread helper = new Thread(() -> helperLoop(worker), "metersim-tick-" + w);
            helper.setDaemon(true);
            helpers[w - 1] = helper;
            helper.start();
        }
    }

    private void stopHelpers()
    {
        if (closing)
        {
            return;
        }
        closing = true;
        for (final Thread helper : helpers)
        {
            LockSupport.unpark(helper);
        }
        for (final Thread helper : helpers)
        {
            try
            {
                helper.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private RunSummary summary(final long wallNanos)
    {
        final List<SinkCounts> counts = new ArrayList<>(slots.length);
        final Map<String, Throwable> failures = new LinkedHashMap<>();
        for (final SinkSlot slot : slots)
        {
            counts.add(slot.sink.counts());
            final Throwable failure = slot.failureAcquire();
            if (null != failure)
            {
                failures.put(slot.sink.name(), failure);
            }
        }
        final SinkSlot stopping = stoppingSlot;
        final RunSummary.Outcome outcome = null != loopFailure || null != stopping ? RunSummary.Outcome.FAILED
            : ticks != 0 && ticksDone == ticks ? RunSummary.Outcome.COMPLETED : RunSummary.Outcome.STOPPED;
        final Throwable failure = null != loopFailure ? loopFailure
            : null != stopping ? stopping.failureAcquire() : null;
        return new RunSummary(outcome, null == stopping ? null : stopping.sink.name(), failure, ticksDone,
            handles.length, maxResources, readings, missing, workers.length, busyNanos, wallNanos, counts, failures);
    }

    /**
     * Per-worker round counters, one cache line apart, so a worker publishing its round does not slow the others.
     */
    private static final class PaddedRounds
    {
        static final int STRIDE = 16;
        private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(long[].class);

        private PaddedRounds()
        {
        }

        static long getAcquire(final long[] rounds, final int worker)
        {
            return (long)LONGS.getAcquire(rounds, (worker + 1) * STRIDE);
        }

        static void setRelease(final long[] rounds, final int worker, final long round)
        {
            LONGS.setRelease(rounds, (worker + 1) * STRIDE, round);
        }
    }

    /**
     * How a loop runs; {@link #build()} checks the values.
     */
    public static final class Builder
    {
        private final MeterSimulator simulator;
        private final List<SinkSlot> slots = new ArrayList<>();
        private int[] venHandles;
        private DemandResponse response;
        private int threads = 1;
        private long ticks;
        private Duration interval = Duration.ZERO;

        private Builder(final MeterSimulator simulator)
        {
            this.simulator = simulator;
        }

        /**
         * @param handles the VENs to collect each tick, in the order sinks see them per worker (default: all).
         * @return this builder.
         */
        public Builder vens(final int... handles)
        {
            for (final int handle : handles)
            {
                simulator.venName(handle);
            }
            this.venHandles = handles.clone();
            return this;
        }

        /**
         * @param names the VENs to collect each tick, by name.
         * @return this builder.
         * @throws UnknownVenException naming an unknown VEN.
         */
        public Builder vens(final List<String> names)
        {
            final int[] resolved = new int[names.size()];
            for (int v = 0; v < resolved.length; v++)
            {
                resolved[v] = simulator.venHandle(names.get(v));
            }
            this.venHandles = resolved;
            return this;
        }

        /**
         * @param threads workers that split the VENs of each tick, 1 or more; capped at one per VEN.
         * @return this builder.
         */
        public Builder threads(final int threads)
        {
            if (threads < 1)
            {
                throw new MetersimException("threads must be at least 1 [threads=" + threads + "]");
            }
            this.threads = threads;
            return this;
        }

        /**
         * @param ticks ticks to run, 1 or more; see {@link #untilStopped()} for no limit.
         * @return this builder.
         */
        public Builder ticks(final long ticks)
        {
            if (ticks < 1)
            {
                throw new MetersimException("ticks must be at least 1; use untilStopped() for no limit [ticks="
                    + ticks + "]");
            }
            this.ticks = ticks;
            return this;
        }

        /**
         * Runs until {@link TickLoop#stop()} or a failure (the default).
         *
         * @return this builder.
         */
        public Builder untilStopped()
        {
            this.ticks = 0;
            return this;
        }

        /**
         * @param interval wall-clock time per tick; {@link Duration#ZERO} runs as fast as possible (the default).
         * @return this builder.
         */
        public Builder interval(final Duration interval)
        {
            if (null == interval || interval.isNegative())
            {
                throw new MetersimException("interval must not be negative [interval=" + interval + "]");
            }
            this.interval = interval;
            return this;
        }

        /**
         * @param sink a sink that stops the run when it fails.
         * @return this builder.
         */
        public Builder sink(final CollectionSink sink)
        {
            return sink(sink, SinkPolicy.STOP_RUN);
        }

        /**
         * @param sink   a sink.
         * @param policy what its failure does to the run.
         * @return this builder.
         */
        public Builder sink(final CollectionSink sink, final SinkPolicy policy)
        {
            if (null == sink || null == policy)
            {
                throw new MetersimException("missing sink or policy [sink=" + (null != sink) + " policy="
                    + policy + "]");
            }
            slots.add(new SinkSlot(sink, policy));
            return this;
        }

        /**
         * @param response the demand-response stage: applied on the collecting worker to every collection, after
         *                 it is collected and before any sink sees it; its new events are taken up at the start of
         *                 each tick. Null for none (the default).
         * @return this builder.
         * @throws MetersimException when the response was made for another simulator.
         */
        public Builder response(final DemandResponse response)
        {
            if (null != response && !response.belongsTo(simulator))
            {
                throw new MetersimException("the response belongs to another simulator [argument=response]");
            }
            this.response = response;
            return this;
        }

        /**
         * @return the loop, ready to {@link TickLoop#run()}.
         */
        public TickLoop build()
        {
            return new TickLoop(this);
        }

        private int[] handles()
        {
            if (null != venHandles)
            {
                return venHandles.clone();
            }
            final int[] all = new int[simulator.venNames().size()];
            for (int v = 0; v < all.length; v++)
            {
                all[v] = v;
            }
            return all;
        }
    }
}
