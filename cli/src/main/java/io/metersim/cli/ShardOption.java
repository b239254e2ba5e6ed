package io.metersim.cli;

import picocli.CommandLine.Option;

import java.util.Arrays;

/**
 * {@code run --shard I/N}: this process replays shard {@code I} of {@code N}, so that {@code N} plain processes
 * together produce exactly the output of one unsharded run. The rule: the selected VENs (every VEN in registry
 * order, or the {@code --ven} list in its order) are cut into {@code N} contiguous ranges of equal size, as the
 * tick loop slices VENs over its threads; shard {@code I} is the VENs at positions
 * {@code [floor(I × n / N), floor((I + 1) × n / N))} of the {@code n} selected. Every process starts at index 0,
 * so every reading's index and timestamp are those of the unsharded run.
 */
final class ShardOption
{
    /** The most shards a run may be split into. */
    static final int MAX_SHARDS = 1 << 20;

    @Option(names = "--shard", paramLabel = "I/N",
        description = "Replay only shard I of N (0 <= I < N): the I-th of N equal contiguous ranges of the selected "
            + "VENs; N processes with 0/N .. N-1/N together give the unsharded run's records (default: all VENs).")
    String shard;

    private int index;
    private int count = 1;

    /**
     * Parses and checks {@code I/N}; nothing to do without {@code --shard}.
     *
     * @throws UsageException naming the option and the value when it is not {@code I/N} with {@code 0 <= I < N}.
     */
    void validate()
    {
        if (null == shard)
        {
            return;
        }
        final String text = shard.strip();
        final int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1)
        {
            throw new UsageException("--shard must be I/N, such as 0/3 [shard=" + shard + "]");
        }
        final long i = parse(text.substring(0, slash));
        final long n = parse(text.substring(slash + 1));
        if (n < 1 || n > MAX_SHARDS)
        {
            throw new UsageException("--shard I/N needs N from 1 to " + MAX_SHARDS + " [shard=" + shard + "]");
        }
        if (i < 0 || i >= n)
        {
            throw new UsageException("--shard I/N needs 0 <= I < N [shard=" + shard + " I=" + i + " N=" + n + "]");
        }
        this.index = (int)i;
        this.count = (int)n;
    }

    /**
     * @param handles the selected VENs' handles, in selection order.
     * @return this shard's VENs: all of them without {@code --shard}.
     * @throws UsageException when the shard would hold no VEN (more shards than selected VENs).
     */
    int[] select(final int[] handles)
    {
        if (1 == count)
        {
            return handles;
        }
        if (handles.length < count)
        {
            throw new UsageException("--shard " + index + "/" + count + " would replay no VEN: only "
                + handles.length + " VENs are selected; use at most " + handles.length + " shards [shard=" + shard
                + " vens=" + handles.length + "]");
        }
        final int from = (int)((long)handles.length * index / count);
        final int to = (int)((long)handles.length * (index + 1) / count);
        return Arrays.copyOfRange(handles, from, to);
    }

    private long parse(final String part)
    {
        final String digits = part.strip();
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit))
        {
            throw new UsageException("--shard must be I/N with whole numbers, such as 0/3 [shard=" + shard + "]");
        }
        return Long.parseLong(digits);
    }
}
