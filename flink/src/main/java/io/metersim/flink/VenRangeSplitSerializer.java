package io.metersim.flink;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits in checkpoints: five numbers each; lists of them for the enumerator's state.
 */
final class VenRangeSplitSerializer implements SimpleVersionedSerializer<VenRangeSplit>
{
    static final VenRangeSplitSerializer INSTANCE = new VenRangeSplitSerializer();

    private static final int VERSION = 1;
    private static final int SPLIT_BYTES = 4 + 4 + 8 + 4 + 8;

    @Override
    public int getVersion()
    {
        return VERSION;
    }

    @Override
    public byte[] serialize(final VenRangeSplit split) throws IOException
    {
        final DataOutputSerializer out = new DataOutputSerializer(SPLIT_BYTES);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public VenRangeSplit deserialize(final int version, final byte[] serialized) throws IOException
    {
        checkVersion(version);
        return read(new DataInputDeserializer(serialized));
    }

    /**
     * @return the bytes of a list of splits.
     */
    byte[] serializeList(final List<VenRangeSplit> splits) throws IOException
    {
        final DataOutputSerializer out = new DataOutputSerializer(4 + SPLIT_BYTES * splits.size());
        out.writeInt(splits.size());
        for (final VenRangeSplit split : splits)
        {
            write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    /**
     * @return the list {@link #serializeList} wrote.
     */
    List<VenRangeSplit> deserializeList(final int version, final byte[] serialized) throws IOException
    {
        checkVersion(version);
        final DataInputDeserializer in = new DataInputDeserializer(serialized);
        final int count = in.readInt();
        if (count < 0 || (long)count * SPLIT_BYTES > serialized.length)
        {
            throw new IOException("corrupt split list [count=" + count + " bytes=" + serialized.length + "]");
        }
        final List<VenRangeSplit> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            splits.add(read(in));
        }
        return splits;
    }

    private static void write(final VenRangeSplit split, final DataOutputView out) throws IOException
    {
        out.writeInt(split.from());
        out.writeInt(split.to());
        out.writeLong(split.tick());
        out.writeInt(split.ven());
        out.writeLong(split.minTimestamp());
    }

    private static VenRangeSplit read(final DataInputView in) throws IOException
    {
        final int from = in.readInt();
        final int to = in.readInt();
        final long tick = in.readLong();
        final int ven = in.readInt();
        final long minTimestamp = in.readLong();
        if (from < 0 || to <= from || tick < 0 || ven < from || ven >= to)
        {
            throw new IOException("corrupt split [from=" + from + " to=" + to + " tick=" + tick + " ven=" + ven
                + "]");
        }
        return new VenRangeSplit(from, to, tick, ven, minTimestamp);
    }

    private static void checkVersion(final int version) throws IOException
    {
        if (VERSION != version)
        {
            throw new IOException("unknown split serializer version [version=" + version + " known=" + VERSION
                + "]");
        }
    }
}
