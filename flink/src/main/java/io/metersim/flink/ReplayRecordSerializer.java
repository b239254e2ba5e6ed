package io.metersim.flink;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

/**
 * Flink's serializer of {@link ReplayRecord}: three strings, the tick, the row, the timestamp, the watts of each
 * load and the total, in that order; no class names, no reflection. The source moves one record per reader from
 * resource to resource (see {@link ReplayRecord}), so a copy is a deep copy, a record of its own: Flink copies with
 * it between chained operators when object reuse is off, and such a copy never changes when the source moves the
 * original on.
 */
public final class ReplayRecordSerializer extends TypeSerializer<ReplayRecord>
{
    /** The one instance; the serializer has no state. */
    public static final ReplayRecordSerializer INSTANCE = new ReplayRecordSerializer();

    private static final long serialVersionUID = 1L;

    private ReplayRecordSerializer()
    {
    }

    @Override
    public boolean isImmutableType()
    {
        return false;
    }

    @Override
    public TypeSerializer<ReplayRecord> duplicate()
    {
        return this;
    }

    @Override
    public ReplayRecord createInstance()
    {
        return ReplayRecord.reusable();
    }

    @Override
    public ReplayRecord copy(final ReplayRecord from)
    {
        return from.copy();
    }

    @Override
    public ReplayRecord copy(final ReplayRecord from, final ReplayRecord reuse)
    {
        return null == reuse || reuse == from ? from.copy() : reuse.set(from);
    }

    @Override
    public int getLength()
    {
        return -1;
    }

    @Override
    public void serialize(final ReplayRecord record, final DataOutputView target) throws IOException
    {
        StringValue.writeString(record.ven(), target);
        StringValue.writeString(record.resourceId(), target);
        StringValue.writeString(record.meterPointId(), target);
        target.writeLong(record.tick());
        target.writeInt(record.index());
        target.writeLong(record.timestampMillis());
        final double[] watts = record.wattsArray();
        target.writeInt(watts.length);
        for (final double w : watts)
        {
            target.writeDouble(w);
        }
        target.writeDouble(record.totalWatts());
    }

    @Override
    public ReplayRecord deserialize(final DataInputView source) throws IOException
    {
        final String ven = StringValue.readString(source);
        final String resourceId = StringValue.readString(source);
        final String meterPointId = StringValue.readString(source);
        final long tick = source.readLong();
        final int index = source.readInt();
        final long timestamp = source.readLong();
        final int loads = source.readInt();
        if (loads < 0 || loads > ReplayRecordTypeInfo.MAX_LOADS)
        {
            throw new IOException("corrupt record: load count out of range [loads=" + loads + " max="
                + ReplayRecordTypeInfo.MAX_LOADS + " ven=" + ven + " resource_id=" + resourceId + "]");
        }
        final double[] watts = new double[loads];
        for (int k = 0; k < loads; k++)
        {
            watts[k] = source.readDouble();
        }
        return ReplayRecord.owning(ven, resourceId, meterPointId, tick, index, timestamp, watts, source.readDouble());
    }

    @Override
    public ReplayRecord deserialize(final ReplayRecord reuse, final DataInputView source) throws IOException
    {
        return deserialize(source);
    }

    @Override
    public void copy(final DataInputView source, final DataOutputView target) throws IOException
    {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof ReplayRecordSerializer;
    }

    @Override
    public int hashCode()
    {
        return ReplayRecordSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<ReplayRecord> snapshotConfiguration()
    {
        return new Snapshot();
    }

    private Object readResolve()
    {
        return INSTANCE;
    }

    /**
     * The serializer's snapshot in checkpoints and savepoints: it has no configuration, so any snapshot restores
     * {@link #INSTANCE}.
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ReplayRecord>
    {
        /**
         * Called by Flink when it reads a checkpoint.
         */
        public Snapshot()
        {
            super(() -> INSTANCE);
        }
    }
}
