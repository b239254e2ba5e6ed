package io.metersim.flink;

import io.metersim.core.Registry;
import io.metersim.core.TimeMode;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader alone, driven as Flink's task thread drives it: what it emits, its checkpointed position, and that it
 * allocates nothing per record.
 */
class VenRangeReaderTest
{
    /** Flink's immutable {@code Watermark}, one per range and tick: a header and a long. */
    private static final long BYTES_PER_WATERMARK = 24;
    /** Windows measured; the JVM occasionally charges a few bytes to a running thread, so the least counts. */
    private static final int WINDOWS = 5;

    @Test
    void shouldGoOnFromASnapshotTakenMidTickExactly()
    {
        final ReplayConfig config = config(12, 0);
        final List<ReplayRecord> whole = new ArrayList<>();
        try (VenRangeReader reader = new VenRangeReader(config))
        {
            reader.addSplits(VenRangeEnumerator.cut(config.venCount(), 3));
            reader.notifyNoMoreSplits();
            drain(reader, new Output(whole), Integer.MAX_VALUE);
        }

        final List<ReplayRecord> parts = new ArrayList<>();
        final List<VenRangeSplit> snapshot;
        try (VenRangeReader first = new VenRangeReader(config))
        {
            first.addSplits(VenRangeEnumerator.cut(config.venCount(), 3));
            first.notifyNoMoreSplits();
            drain(first, new Output(parts), 17);
            snapshot = first.snapshotState(1L);
        }
        assertTrue(snapshot.stream().anyMatch(s -> s.ven() != s.from()), "a snapshot in the middle of a tick");
        try (VenRangeReader second = new VenRangeReader(config))
        {
            second.addSplits(snapshot);
            second.notifyNoMoreSplits();
            drain(second, new Output(parts), Integer.MAX_VALUE);
        }

        final List<ReplayRecord> expected = TestData.tickLoop(Registry.synthetic(7, 3), TimeMode.CONTINUOUS,
            List.of(), 12);
        assertEquals(expected, TestData.sorted(whole));
        assertEquals(expected, TestData.sorted(parts));
        assertEquals(0, SharedSimulators.references(config));
    }

    @Test
    void shouldEmitOneWatermarkPerRangePerTick()
    {
        final ReplayConfig config = config(5, 0);
        final Output output = new Output(new ArrayList<>());
        try (VenRangeReader reader = new VenRangeReader(config))
        {
            reader.addSplits(VenRangeEnumerator.cut(config.venCount(), 2));
            reader.notifyNoMoreSplits();
            assertEquals(InputStatus.END_OF_INPUT, drain(reader, output, Integer.MAX_VALUE));
        }
        assertEquals(2 * 5, output.watermarks.size());
        final long first = output.records.get(0).timestampMillis();
        for (int tick = 0; tick < 5; tick++)
        {
            // both ranges finish tick t before either starts t + 1; the watermark is the tick's timestamp
            assertEquals(first + tick * 3_600_000L, output.watermarks.get(2 * tick));
            assertEquals(first + tick * 3_600_000L, output.watermarks.get(2 * tick + 1));
        }
        assertEquals(List.of("vens-0-3", "vens-3-7"), output.released);
    }

    @Test
    void shouldEmitOneRecordInstanceRefilledForEveryResource()
    {
        final ReplayConfig config = config(3, 0);
        final Output output = new Output(new ArrayList<>());
        try (VenRangeReader reader = new VenRangeReader(config))
        {
            reader.addSplits(VenRangeEnumerator.cut(config.venCount(), 2));
            reader.notifyNoMoreSplits();
            drain(reader, output, Integer.MAX_VALUE);
        }
        assertEquals(7 * 3 * 3, output.count);
        assertEquals(1, output.instances.size(), "one reused instance for every record of the reader");
        assertEquals(TestData.tickLoop(Registry.synthetic(7, 3), TimeMode.CONTINUOUS, List.of(), 3),
            TestData.sorted(output.records), "the copies taken while each record was current");
    }

    @Test
    void shouldAllocateNothingPerRecord()
    {
        final ReplayConfig config = new ReplayConfig(TestData.data().toString(), null, 50, 40, 42L,
            TimeMode.CONTINUOUS, List.of(), 50, 0L, 0L, 0);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Output discard = new Output(null);
        try (VenRangeReader reader = new VenRangeReader(config))
        {
            reader.addSplits(VenRangeEnumerator.cut(config.venCount(), 4));
            drain(reader, discard, 20_000);
            long least = Long.MAX_VALUE;
            for (int w = 0; w < WINDOWS; w++)
            {
                final long records = discard.count;
                final long watermarks = discard.watermarkCount;
                final long before = threads.getCurrentThreadAllocatedBytes();
                drain(reader, discard, 10_000);
                final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertEquals(10_000L * 40, discard.count - records);
                final long ticksEnded = discard.watermarkCount - watermarks;
                assertEquals(10_000 / 50 * 4, ticksEnded, "one watermark per range per tick");
                least = Math.min(least, allocated - ticksEnded * BYTES_PER_WATERMARK);
            }
            // one allocation of 16 bytes per record would be 6.4 MB per window
            assertTrue(least <= 0, least + " bytes allocated per 400,000 records beyond the watermarks");
        }
    }

    private static ReplayConfig config(final long ticks, final long intervalNanos)
    {
        return new ReplayConfig(TestData.data().toString(), null, 7, 3, 42L, TimeMode.CONTINUOUS, List.of(), 7,
            ticks, intervalNanos, 0);
    }

    private static InputStatus drain(final VenRangeReader reader, final Output output, final int polls)
    {
        InputStatus status = InputStatus.MORE_AVAILABLE;
        for (int i = 0; i < polls && InputStatus.MORE_AVAILABLE == status; i++)
        {
            status = reader.pollNext(output);
        }
        return status;
    }

    /**
     * Keeps what the reader emits (or only counts it), as one output for the reader and every split.
     */
    private static final class Output implements ReaderOutput<ReplayRecord>, SourceOutput<ReplayRecord>
    {
        final List<ReplayRecord> records;
        final Set<ReplayRecord> instances = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<Long> watermarks = new ArrayList<>();
        final List<String> released = new ArrayList<>();
        long count;
        long watermarkCount;

        Output(final List<ReplayRecord> records)
        {
            this.records = records;
        }

        @Override
        public void collect(final ReplayRecord record)
        {
            count++;
            if (null != records)
            {
                // the record is the reader's, refilled for the next one: keep a copy, as its contract says
                records.add(record.copy());
                instances.add(record);
            }
        }

        @Override
        public void collect(final ReplayRecord record, final long timestamp)
        {
            assertEquals(record.timestampMillis(), timestamp);
            collect(record);
        }

        @Override
        public void emitWatermark(final Watermark watermark)
        {
            watermarkCount++;
            if (null != records)
            {
                watermarks.add(watermark.getTimestamp());
            }
        }

        @Override
        public void markIdle()
        {
        }

        @Override
        public void markActive()
        {
        }

        @Override
        public SourceOutput<ReplayRecord> createOutputForSplit(final String splitId)
        {
            return this;
        }

        @Override
        public void releaseOutputForSplit(final String splitId)
        {
            released.add(splitId);
        }
    }
}
