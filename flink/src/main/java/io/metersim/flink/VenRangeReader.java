package io.metersim.flink;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replays the VEN ranges given to it, tick by tick: each call of {@link #pollNext} collects one VEN at its tick's
 * position ({@link MeterSimulator#collectAt}, the collection {@code metersim run} makes) and emits one record per
 * approved resource, pointing the reader's one {@link ReplayRecord} at each in turn (see its contract: nothing is
 * allocated or copied per record); the range whose tick is earliest goes first, so the reader's ranges move
 * together. When a range finishes a tick it emits that range's watermark: the tick's smallest reading timestamp.
 * With an interval, tick {@code t} starts no earlier than {@code t} intervals after the reader's first tick (fixed
 * rate), waiting without blocking the task thread. All methods run on the task's thread; only the pacing timer
 * completes the availability future from another.
 */
final class VenRangeReader implements SourceReader<ReplayRecord, VenRangeSplit>
{
    private final ReplayConfig config;
    private final List<Cursor> cursors = new ArrayList<>();
    private final CollectionBuffer buffer;
    private final ReplayRecord record = ReplayRecord.reusable();
    private final int[] handles;
    private final int cycleLength;
    private MeterSimulator simulator;
    private boolean noMoreSplits;
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    private ScheduledExecutorService timer;
    private long paceOriginNanos;
    private boolean paced;

    /**
     * Loads (or shares) the data here, before the reader registers with the enumerator: a file that cannot be read
     * fails the task before any split is sent to it, so the job's failure names the file, not a lost event.
     */
    VenRangeReader(final ReplayConfig config)
    {
        this.config = config;
        final MeterSimulator shared = SharedSimulators.acquire(config);
        try
        {
            this.handles = resolveHandles(shared, config);
        }
        catch (final RuntimeException ex)
        {
            SharedSimulators.release(config);
            throw ex;
        }
        this.simulator = shared;
        this.buffer = shared.newBuffer();
        this.cycleLength = shared.data().cycleLength();
    }

    @Override
    public void start()
    {
        // everything was prepared when the reader was created
    }

    /**
     * @return the handles of the replayed VENs, by position: the configured list, or every VEN in registry order.
     */
    static int[] resolveHandles(final MeterSimulator simulator, final ReplayConfig config)
    {
        final List<String> names = config.vens().isEmpty() ? simulator.venNames() : config.vens();
        if (names.size() != config.venCount())
        {
            throw new MetersimException("the registry changed since the job was built [vens=" + names.size()
                + " expected=" + config.venCount() + " resources=" + config.resourcesFile() + "]");
        }
        final int[] handles = new int[names.size()];
        for (int v = 0; v < handles.length; v++)
        {
            handles[v] = simulator.venHandle(names.get(v));
        }
        return handles;
    }

    @Override
    public InputStatus pollNext(final ReaderOutput<ReplayRecord> output)
    {
        final Cursor cursor = earliest();
        if (null == cursor)
        {
            if (noMoreSplits)
            {
                return InputStatus.END_OF_INPUT;
            }
            available = new CompletableFuture<>();
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (config.intervalNanos() > 0 && !due(cursor.tick))
        {
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (null == cursor.output)
        {
            cursor.output = output.createOutputForSplit(cursor.splitId);
        }
        emitVen(cursor);
        if (cursor.ven == cursor.to)
        {
            endTick(cursor, output);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void emitVen(final Cursor cursor)
    {
        final long tick = cursor.tick;
        final long position = simulator.positionOf((int)(tick % cycleLength), tick / cycleLength);
        final CollectionBuffer collected = simulator.collectAt(handles[cursor.ven], position, buffer);
        final SourceOutput<ReplayRecord> out = cursor.output;
        final ReplayRecord record = this.record;
        long minTimestamp = cursor.minTimestamp;
        for (int r = 0, resources = collected.resourceCount(); r < resources; r++)
        {
            record.point(collected, r, tick);
            final long timestamp = record.timestampMillis();
            if (ReplayRecord.NO_TIMESTAMP != timestamp)
            {
                minTimestamp = Math.min(minTimestamp, timestamp);
                out.collect(record, timestamp);
            }
            else
            {
                out.collect(record);
            }
        }
        cursor.minTimestamp = minTimestamp;
        cursor.ven++;
    }

    private void endTick(final Cursor cursor, final ReaderOutput<ReplayRecord> output)
    {
        if (Long.MAX_VALUE != cursor.minTimestamp && cursor.minTimestamp > cursor.watermark)
        {
            cursor.watermark = cursor.minTimestamp;
            cursor.output.emitWatermark(new Watermark(cursor.watermark));
        }
        cursor.tick++;
        cursor.ven = cursor.from;
        cursor.minTimestamp = Long.MAX_VALUE;
        if (config.bounded() && cursor.tick >= config.ticks())
        {
            output.releaseOutputForSplit(cursor.splitId);
            cursors.remove(cursor);
        }
    }

    /**
     * @return whether the tick may start now; if not, arranges for {@link #isAvailable()} to complete when it may.
     */
    private boolean due(final long tick)
    {
        final long now = System.nanoTime();
        if (!paced)
        {
            paced = true;
            paceOriginNanos = now - tick * config.intervalNanos();
        }
        final long wait = paceOriginNanos + tick * config.intervalNanos() - now;
        if (wait <= 0)
        {
            return true;
        }
        final CompletableFuture<Void> future = new CompletableFuture<>();
        available = future;
        timer().schedule(() -> future.complete(null), wait, TimeUnit.NANOSECONDS);
        return false;
    }

    private ScheduledExecutorService timer()
    {
        if (null == timer)
        {
            timer = Executors.newSingleThreadScheduledExecutor(runnable ->
            {
                final Thread thread = new Thread(runnable, "metersim-pacing");
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }

    private Cursor earliest()
    {
        final List<Cursor> cursors = this.cursors;
        Cursor best = null;
        for (int c = 0, n = cursors.size(); c < n; c++)
        {
            final Cursor cursor = cursors.get(c);
            if (null == best || cursor.tick < best.tick)
            {
                best = cursor;
            }
        }
        return best;
    }

    @Override
    public List<VenRangeSplit> snapshotState(final long checkpointId)
    {
        final List<VenRangeSplit> state = new ArrayList<>(cursors.size());
        for (final Cursor cursor : cursors)
        {
            state.add(new VenRangeSplit(cursor.from, cursor.to, cursor.tick, cursor.ven, cursor.minTimestamp));
        }
        return state;
    }

    @Override
    public CompletableFuture<Void> isAvailable()
    {
        return available;
    }

    @Override
    public void addSplits(final List<VenRangeSplit> splits)
    {
        for (final VenRangeSplit split : splits)
        {
            if (!config.bounded() || split.tick() < config.ticks())
            {
                cursors.add(new Cursor(split));
            }
        }
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits()
    {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close()
    {
        if (null != timer)
        {
            timer.shutdownNow();
        }
        if (null != simulator)
        {
            simulator = null;
            SharedSimulators.release(config);
        }
    }

    /**
     * Where one range's replay stands; mutable, owned by the task thread.
     */
    private static final class Cursor
    {
        final String splitId;
        final int from;
        final int to;
        long tick;
        int ven;
        long minTimestamp;
        long watermark = Long.MIN_VALUE;
        SourceOutput<ReplayRecord> output;

        Cursor(final VenRangeSplit split)
        {
            this.splitId = split.splitId();
            this.from = split.from();
            this.to = split.to();
            this.tick = split.tick();
            this.ven = split.ven();
            this.minTimestamp = split.minTimestamp();
        }
    }
}
