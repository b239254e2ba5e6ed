package io.metersim.h5;

import io.jhdf.storage.HdfFileChannel;

import java.nio.ByteBuffer;

/**
 * Wraps the channel jhdf writes one dataset through and gathers its sequential writes (one per 16-byte row of a
 * (N, 2) array) into one buffer, written with one call when jhdf moves elsewhere or the buffer fills. Positional
 * writes and repositioning flush first, so the bytes land exactly where jhdf put them.
 */
final class CoalescingChannel extends HdfFileChannel
{
    private static final int CAPACITY = 1 << 20;

    private final HdfFileChannel target;
    private final ByteBuffer pending;
    private long pendingStart = -1;

    /**
     * @param target  the file's channel.
     * @param maxSize the most bytes the dataset will write, to size the buffer.
     */
    CoalescingChannel(final HdfFileChannel target, final long maxSize)
    {
        super(target.getFileChannel(), target.getSuperblock());
        this.target = target;
        this.pending = ByteBuffer.allocate((int)Math.max(1, Math.min(CAPACITY, maxSize)));
    }

    @Override
    public void position(final long address)
    {
        flush();
        target.position(address);
        pendingStart = address;
    }

    @Override
    public int write(final ByteBuffer buffer)
    {
        if (pendingStart < 0 || buffer.remaining() > pending.capacity())
        {
            flush();
            final int written = target.write(buffer);
            pendingStart = pendingStart < 0 ? -1 : pendingStart + written;
            return written;
        }
        if (buffer.remaining() > pending.remaining())
        {
            flush();
        }
        final int length = buffer.remaining();
        pending.put(buffer);
        return length;
    }

    @Override
    public int write(final ByteBuffer buffer, final long position)
    {
        flush();
        return target.write(buffer, position);
    }

    /**
     * Writes what is gathered and leaves the channel positioned after it, as unbuffered writes would.
     */
    void flush()
    {
        if (0 == pending.position())
        {
            return;
        }
        pending.flip();
        long address = pendingStart;
        while (pending.hasRemaining())
        {
            address += target.write(pending, address);
        }
        target.position(address);
        pending.clear();
        pendingStart = address;
    }
}
