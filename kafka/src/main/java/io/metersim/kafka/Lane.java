package io.metersim.kafka;

import io.metersim.core.CollectionBuffer;
import io.metersim.records.JsonRecordWriter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One worker's record writer, key cache and tick headers; only that worker touches it, so nothing here is locked.
 */
final class Lane
{
    /** Header with the run's tick number, from 0, in decimal. */
    static final String TICK_HEADER = "metersim.tick";
    /** Header with the data row collected (the JSON's {@code index}), in decimal. */
    static final String INDEX_HEADER = "metersim.index";

    private static final int RECORD_BYTES = 512;

    private final Block block = new Block();
    private int[] ends = new int[64];
    private final JsonRecordWriter writer;
    private byte[][] keys = new byte[16][];
    private long headersTick = -1;
    private int headersIndex = -1;
    private RecordHeaders headers = new RecordHeaders();

    /** Records handed to the producer by this worker; read by the loop thread after the tick. */
    long accepted;
    /** Records whose send threw before the producer took them (no callback follows). */
    long notSent;

    Lane() throws IOException
    {
        this.writer = new JsonRecordWriter(block);
    }

    /**
     * @param collected a VEN's collection.
     * @return its key, the VEN's name in UTF-8, made once per VEN and reused (the producer copies it).
     */
    byte[] key(final CollectionBuffer collected)
    {
        final int handle = collected.venHandle();
        if (handle >= keys.length)
        {
            keys = Arrays.copyOf(keys, Math.max(handle + 1, keys.length * 2));
        }
        byte[] key = keys[handle];
        if (null == key)
        {
            key = collected.ven().getBytes(StandardCharsets.UTF_8);
            keys[handle] = key;
        }
        return key;
    }

    /**
     * @param tick  the run's tick.
     * @param index the data row collected.
     * @return the headers every record of that tick carries, made once per tick and worker (a {@code RecordHeaders},
     *         which each record copies as one array rather than header by header).
     */
    Iterable<Header> headers(final long tick, final int index)
    {
        if (tick != headersTick || index != headersIndex)
        {
            headers = new RecordHeaders(new Header[] {
                new RecordHeader(TICK_HEADER, Long.toString(tick).getBytes(StandardCharsets.US_ASCII)),
                new RecordHeader(INDEX_HEADER, Integer.toString(index).getBytes(StandardCharsets.US_ASCII))});
            headersTick = tick;
            headersIndex = index;
        }
        return headers;
    }

    /**
     * Writes every record of the collection into the lane's block in one go; {@link #value(int)} then cuts one out.
     *
     * @param collected a VEN's collection.
     * @throws IOException never in practice: the writer writes to memory.
     */
    void format(final CollectionBuffer collected) throws IOException
    {
        final int resources = collected.resourceCount();
        if (resources > ends.length)
        {
            ends = new int[Math.max(resources, ends.length * 2)];
        }
        block.reset();
        for (int r = 0; r < resources; r++)
        {
            writer.writeObject(collected, r);
            ends[r] = block.size() + writer.buffered();
        }
        writer.flush();
    }

    /**
     * @param r a resource of the collection last {@link #format formatted}.
     * @return its JSON record, the same object as its {@code --format jsonl} line without the newline.
     */
    byte[] value(final int r)
    {
        return Arrays.copyOfRange(block.bytes(), 0 == r ? 0 : ends[r - 1], ends[r]);
    }

    /**
     * @param collected a VEN's collection.
     * @param r         one of its resources.
     * @return the resource's JSON record alone.
     * @throws IOException never in practice: the writer writes to memory.
     */
    byte[] value(final CollectionBuffer collected, final int r) throws IOException
    {
        block.reset();
        writer.writeObject(collected, r);
        writer.flush();
        return block.toByteArray();
    }

    /** A byte stream whose buffer can be read without a copy. */
    private static final class Block extends ByteArrayOutputStream
    {
        Block()
        {
            super(RECORD_BYTES * 64);
        }

        byte[] bytes()
        {
            return buf;
        }
    }
}
