package io.metersim.flink;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayRecordSerializerTest
{
    private static final List<ReplayRecord> RECORDS = List.of(
        new ReplayRecord("Herning", "h-1", "707057500057158458", 0L, 0, 1_736_928_000_000L,
            new double[] {106.5, 0.0, -3.25, 41.0, 18.9, 125.0}, 288.15),
        new ReplayRecord("Køge \"Syd\"", "k-1\u00e6\u20ac", "", 171L, 3, ReplayRecord.NO_TIMESTAMP,
            new double[] {Double.NaN, Double.NaN}, 0.0),
        new ReplayRecord("x".repeat(70_000), "r", "m", Long.MAX_VALUE, Integer.MAX_VALUE, -1L, new double[0],
            Double.MIN_VALUE));

    @Test
    void shouldRoundTripEveryField() throws IOException
    {
        final DataOutputSerializer out = new DataOutputSerializer(64);
        for (final ReplayRecord record : RECORDS)
        {
            ReplayRecordSerializer.INSTANCE.serialize(record, out);
        }
        final DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (final ReplayRecord record : RECORDS)
        {
            final ReplayRecord read = ReplayRecordSerializer.INSTANCE.deserialize(in);
            assertEquals(record, read);
            assertEquals(record.ven(), read.ven());
            assertEquals(record.loadCount(), read.loadCount());
            for (int k = 0; k < record.loadCount(); k++)
            {
                assertEquals(Double.doubleToRawLongBits(record.watts(k)), Double.doubleToRawLongBits(read.watts(k)));
            }
        }
        assertEquals(0, in.available(), "every byte read back");
    }

    @Test
    void shouldWriteTheDocumentedLayout() throws IOException
    {
        final DataOutputSerializer out = new DataOutputSerializer(64);
        ReplayRecordSerializer.INSTANCE.serialize(RECORDS.get(0), out);
        // StringValue: length + 1 in one byte, then one byte per ASCII char; then 8 + 4 + 8, count 4, 6 x 8, 8
        final int strings = (1 + 7) + (1 + 3) + (1 + 18);
        assertEquals(strings + 8 + 4 + 8 + 4 + 6 * 8 + 8, out.length());
    }

    @Test
    void shouldCopyDeeplySinceTheSourceRefillsItsRecord()
    {
        final ReplayRecordSerializer serializer = ReplayRecordSerializer.INSTANCE;
        assertFalse(serializer.isImmutableType(), "Flink must copy between chained operators without object reuse");
        final ReplayRecord current = serializer.createInstance().set(RECORDS.get(0));
        final ReplayRecord copy = serializer.copy(current);
        final ReplayRecord reused = serializer.createInstance();
        assertSame(reused, serializer.copy(current, reused), "copied into the instance given");
        final ReplayRecord own = current.copy();

        current.set(RECORDS.get(1));

        assertEquals(RECORDS.get(1), current, "refilled, with another load count");
        for (final ReplayRecord kept : List.of(copy, reused, own))
        {
            assertNotSame(current, kept);
            assertEquals(RECORDS.get(0), kept, "a copy keeps its values when the original is refilled");
        }
        assertEquals(106.5, copy.watts(0));
    }

    @Test
    void shouldCopyBetweenViews() throws IOException
    {
        final DataOutputSerializer first = new DataOutputSerializer(64);
        ReplayRecordSerializer.INSTANCE.serialize(RECORDS.get(1), first);
        final DataOutputSerializer second = new DataOutputSerializer(64);
        ReplayRecordSerializer.INSTANCE.copy(new DataInputDeserializer(first.getCopyOfBuffer()), second);
        assertEquals(RECORDS.get(1), ReplayRecordSerializer.INSTANCE.deserialize(
            new DataInputDeserializer(second.getCopyOfBuffer())));
    }

    @Test
    void shouldRestoreTheSerializerFromItsSnapshot() throws IOException
    {
        final TypeSerializerSnapshot<ReplayRecord> snapshot = ReplayRecordSerializer.INSTANCE.snapshotConfiguration();
        final DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        final TypeSerializerSnapshot<ReplayRecord> read = TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertSame(ReplayRecordSerializer.INSTANCE, read.restoreSerializer());
        assertTrue(read.resolveSchemaCompatibility(snapshot).isCompatibleAsIs());
    }

    @Test
    void shouldBeFlinksTypeOfTheRecordClass()
    {
        final TypeInformation<ReplayRecord> type = TypeInformation.of(ReplayRecord.class);
        assertEquals(ReplayRecordTypeInfo.INSTANCE, type);
        final TypeSerializer<ReplayRecord> serializer = type.createSerializer(new SerializerConfigImpl());
        assertSame(ReplayRecordSerializer.INSTANCE, serializer);
        assertNotSame(RECORDS.get(0), serializer.copy(RECORDS.get(0)), "a copy is a record of its own");
        assertEquals(RECORDS.get(0), serializer.copy(RECORDS.get(0)));
    }

    @Test
    void shouldRefuseACorruptLoadCount() throws IOException
    {
        final DataOutputSerializer out = new DataOutputSerializer(64);
        ReplayRecordSerializer.INSTANCE.serialize(RECORDS.get(0), out);
        final byte[] bytes = out.getCopyOfBuffer();
        final int countAt = (1 + 7) + (1 + 3) + (1 + 18) + 8 + 4 + 8;
        bytes[countAt] = (byte)0x7f;
        final IOException ex = assertThrows(IOException.class,
            () -> ReplayRecordSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes)));
        assertTrue(ex.getMessage().startsWith("corrupt record: load count out of range [loads="), ex.getMessage());
        assertTrue(ex.getMessage().endsWith(" max=4096 ven=Herning resource_id=h-1]"), ex.getMessage());
    }
}
