package io.metersim.flink;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.List;

/**
 * The enumerator's checkpoint: the splits no reader holds yet.
 */
final class PendingSplitsSerializer implements SimpleVersionedSerializer<List<VenRangeSplit>>
{
    @Override
    public int getVersion()
    {
        return VenRangeSplitSerializer.INSTANCE.getVersion();
    }

    @Override
    public byte[] serialize(final List<VenRangeSplit> splits) throws IOException
    {
        return VenRangeSplitSerializer.INSTANCE.serializeList(splits);
    }

    @Override
    public List<VenRangeSplit> deserialize(final int version, final byte[] serialized) throws IOException
    {
        return VenRangeSplitSerializer.INSTANCE.deserializeList(version, serialized);
    }
}
