package io.metersim.flink;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenRangeEnumeratorTest
{
    @Test
    void shouldCutContiguousRangesOfEqualSizeCoveringEveryVen()
    {
        final List<VenRangeSplit> splits = VenRangeEnumerator.cut(10, 8);
        assertEquals(8, splits.size());
        int next = 0;
        for (final VenRangeSplit split : splits)
        {
            assertEquals(next, split.from());
            assertTrue(split.size() == 1 || split.size() == 2, split::toString);
            assertEquals(0L, split.tick());
            assertEquals(split.from(), split.ven());
            next = split.to();
        }
        assertEquals(10, next);
        // floor(10 * s / 8): 0, 1, 2, 3, 5, 6, 7, 8, 10
        assertEquals(List.of(0, 1, 2, 3, 5, 6, 7, 8), splits.stream().map(VenRangeSplit::from).toList());
    }

    @Test
    void shouldCutFourSplitsPerReaderButNeverMoreThanVens()
    {
        assertEquals(8, config(100, 0).splitCount(2));
        assertEquals(4, config(100, 0).splitCount(1));
        assertEquals(3, config(3, 0).splitCount(2));
        assertEquals(5, config(100, 5).splitCount(2));
    }

    @Test
    void shouldWaitForEveryReaderThenShareTheVensEvenly() throws Exception
    {
        try (MockSplitEnumeratorContext<VenRangeSplit> context = new MockSplitEnumeratorContext<>(2))
        {
            final VenRangeEnumerator enumerator = new VenRangeEnumerator(context, VenRangeEnumerator.cut(16, 8));
            enumerator.start();
            register(context, enumerator, 0);
            assertTrue(context.getSplitsAssignmentSequence().isEmpty(), "no split before every reader is there");
            register(context, enumerator, 1);

            final Map<Integer, List<VenRangeSplit>> assigned = merged(context.getSplitsAssignmentSequence());
            assertEquals(4, assigned.get(0).size());
            assertEquals(4, assigned.get(1).size());
            assertEquals(8, vens(assigned.get(0)));
            assertEquals(8, vens(assigned.get(1)));
            assertTrue(context.hasNoMoreSplits(0));
            assertTrue(context.hasNoMoreSplits(1));
            assertTrue(enumerator.snapshotState(1L).isEmpty());
        }
    }

    @Test
    void shouldGiveSplitsOfAFailedReaderBackWhenItReturns() throws Exception
    {
        try (MockSplitEnumeratorContext<VenRangeSplit> context = new MockSplitEnumeratorContext<>(2))
        {
            final VenRangeEnumerator enumerator = new VenRangeEnumerator(context, VenRangeEnumerator.cut(16, 8));
            register(context, enumerator, 0);
            register(context, enumerator, 1);
            final List<VenRangeSplit> lost = merged(context.getSplitsAssignmentSequence()).get(1);
            final int before = context.getSplitsAssignmentSequence().size();

            context.unregisterReader(1);
            enumerator.addSplitsBack(lost, 1);
            assertEquals(lost, enumerator.snapshotState(2L), "pending until a reader registers again");
            assertEquals(before, context.getSplitsAssignmentSequence().size());

            register(context, enumerator, 1);
            final SplitsAssignment<VenRangeSplit> again = context.getSplitsAssignmentSequence().get(before);
            assertEquals(Map.of(1, lost), again.assignment(), "the least loaded reader, the one that lost them");
            assertTrue(enumerator.snapshotState(3L).isEmpty());
        }
    }

    @Test
    void shouldRestorePendingSplitsFromItsCheckpoint() throws Exception
    {
        final List<VenRangeSplit> pending = List.of(new VenRangeSplit(0, 4, 7L, 2, 1_000L),
            new VenRangeSplit(4, 9, 6L, 4, Long.MAX_VALUE));
        final PendingSplitsSerializer serializer = new PendingSplitsSerializer();
        final List<VenRangeSplit> read = serializer.deserialize(serializer.getVersion(), serializer.serialize(pending));
        assertEquals(pending, read);
        try (MockSplitEnumeratorContext<VenRangeSplit> context = new MockSplitEnumeratorContext<>(1))
        {
            final VenRangeEnumerator enumerator = new VenRangeEnumerator(context, read);
            register(context, enumerator, 0);
            assertEquals(Map.of(0, pending), merged(context.getSplitsAssignmentSequence()));
        }
    }

    @Test
    void shouldRoundTripASplitAndRefuseACorruptOne() throws IOException
    {
        final VenRangeSplit split = new VenRangeSplit(3, 9, 1234567890123L, 5, 1_736_928_000_000L);
        final byte[] bytes = VenRangeSplitSerializer.INSTANCE.serialize(split);
        assertEquals(28, bytes.length);
        assertEquals(split, VenRangeSplitSerializer.INSTANCE.deserialize(1, bytes));
        assertEquals("vens-3-9", split.splitId());

        bytes[19] = 10; // ven = 10, past the range's end
        final IOException ex = assertThrows(IOException.class,
            () -> VenRangeSplitSerializer.INSTANCE.deserialize(1, bytes));
        assertEquals("corrupt split [from=3 to=9 tick=1234567890123 ven=10]", ex.getMessage());
        assertThrows(IOException.class, () -> VenRangeSplitSerializer.INSTANCE.deserialize(2, bytes));
        assertFalse(new String(bytes).isEmpty());
    }

    private static ReplayConfig config(final int vens, final int splits)
    {
        return new ReplayConfig("d", null, vens, 1, 42L, io.metersim.core.TimeMode.RAW, List.of(), vens, 1L, 0L,
            splits);
    }

    private static void register(
        final MockSplitEnumeratorContext<VenRangeSplit> context, final VenRangeEnumerator enumerator, final int id)
    {
        context.registerReader(new ReaderInfo(id, "localhost"));
        enumerator.addReader(id);
    }

    private static Map<Integer, List<VenRangeSplit>> merged(final List<SplitsAssignment<VenRangeSplit>> sequence)
    {
        final Map<Integer, List<VenRangeSplit>> merged = new java.util.TreeMap<>();
        for (final SplitsAssignment<VenRangeSplit> assignment : sequence)
        {
            assignment.assignment().forEach((reader, splits) ->
                merged.computeIfAbsent(reader, r -> new ArrayList<>()).addAll(splits));
        }
        return merged;
    }

    private static int vens(final List<VenRangeSplit> splits)
    {
        return splits.stream().mapToInt(VenRangeSplit::size).sum();
    }
}
