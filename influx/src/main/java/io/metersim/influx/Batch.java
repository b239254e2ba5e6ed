package io.metersim.influx;

import java.util.Arrays;

/**
 * A batch of line protocol: newline-terminated lines in a reusable, growable byte array. Filled by one collecting
 * worker, then handed to a sender through the queue, then returned to the free pool; never shared while in use.
 */
final class Batch
{
    byte[] bytes;
    int length;
    int lines;
    long firstLineNanos;

    Batch(final int capacity)
    {
        this.bytes = new byte[capacity];
    }

    /**
     * Makes room for {@code extra} more bytes; grows (allocates) only when a line does not fit.
     */
    void ensure(final int extra)
    {
        if (length + extra > bytes.length)
        {
            growSlowPath(length + extra);
        }
    }

    private void growSlowPath(final int needed)
    {
        bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }

    void reset()
    {
        length = 0;
        lines = 0;
        firstLineNanos = 0;
    }
}
