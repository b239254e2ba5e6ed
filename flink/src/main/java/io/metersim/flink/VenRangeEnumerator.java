package io.metersim.flink;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands the VEN ranges to the readers: once every reader has registered, each pending split goes to the reader that
 * holds the fewest VENs (the lowest subtask among equals), so a fresh job gives every reader the same share. Splits a
 * failed reader gives back wait for a reader to register again and go to the least loaded one. Every reader is told
 * that no more splits will come once none are pending; a reader restored from a checkpoint brings its own splits.
 */
final class VenRangeEnumerator implements SplitEnumerator<VenRangeSplit, List<VenRangeSplit>>
{
    private final SplitEnumeratorContext<VenRangeSplit> context;
    private final List<VenRangeSplit> pending;
    private final Map<Integer, Long> heldVens = new HashMap<>();
    private final Set<Integer> signalled = new HashSet<>();

    VenRangeEnumerator(final SplitEnumeratorContext<VenRangeSplit> context, final List<VenRangeSplit> pending)
    {
        this.context = context;
        this.pending = new ArrayList<>(pending);
    }

    /**
     * @param venCount the VENs replayed.
     * @param count    how many ranges to cut.
     * @return {@code count} contiguous ranges of equal size (within one VEN), in order, at tick 0.
     */
    static List<VenRangeSplit> cut(final int venCount, final int count)
    {
        final List<VenRangeSplit> splits = new ArrayList<>(count);
        for (int s = 0; s < count; s++)
        {
            final int from = (int)((long)venCount * s / count);
            final int to = (int)((long)venCount * (s + 1) / count);
            if (to > from)
            {
                splits.add(VenRangeSplit.start(from, to));
            }
        }
        return splits;
    }

    @Override
    public void start()
    {
        // nothing to discover: every split exists from the start
    }

    @Override
    public void handleSplitRequest(final int subtask, final String requesterHostname)
    {
        // splits are pushed when readers register; a request changes nothing
    }

    @Override
    public void addSplitsBack(final List<VenRangeSplit> splits, final int subtask)
    {
        pending.addAll(splits);
        long vens = 0;
        for (final VenRangeSplit split : splits)
        {
            vens += split.size();
        }
        heldVens.merge(subtask, -vens, Long::sum);
        signalled.remove(subtask);
        assignPending();
    }

    @Override
    public void addReader(final int subtask)
    {
        heldVens.putIfAbsent(subtask, 0L);
        signalled.remove(subtask);
        assignPending();
    }

    @Override
    public List<VenRangeSplit> snapshotState(final long checkpointId)
    {
        return new ArrayList<>(pending);
    }

    @Override
    public void close()
    {
        // holds no resources
    }

    private void assignPending()
    {
        final Set<Integer> readers = context.registeredReaders().keySet();
        if (readers.size() < context.currentParallelism())
        {
            return;
        }
        final Map<Integer, List<VenRangeSplit>> assignment = new HashMap<>();
        for (final VenRangeSplit split : pending)
        {
            final int reader = leastLoaded(readers);
            assignment.computeIfAbsent(reader, r -> new ArrayList<>()).add(split);
            heldVens.merge(reader, (long)split.size(), Long::sum);
        }
        pending.clear();
        if (!assignment.isEmpty())
        {
            context.assignSplits(new SplitsAssignment<>(assignment));
        }
        for (final int reader : readers)
        {
            if (signalled.add(reader))
            {
                context.signalNoMoreSplits(reader);
            }
        }
    }

    private int leastLoaded(final Set<Integer> readers)
    {
        int best = -1;
        long bestVens = Long.MAX_VALUE;
        for (final int reader : readers)
        {
            final long vens = heldVens.getOrDefault(reader, 0L);
            if (vens < bestVens || (vens == bestVens && reader < best))
            {
                best = reader;
                bestVens = vens;
            }
        }
        return best;
    }
}
