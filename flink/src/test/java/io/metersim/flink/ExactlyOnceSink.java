package io.metersim.flink;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A two-phase-commit sink for the tests, committing into this JVM's memory the way Kafka's exactly-once sink commits
 * transactions: each writer stages what it received since the last checkpoint as one batch with a unique id (job,
 * subtask, attempt, sequence); the batch travels in the checkpoint and is committed once the checkpoint completes.
 * Committing a batch again (a restore replaying a committed checkpoint's batches) changes nothing. Records a
 * failed attempt received after its last checkpoint are never committed: the restored source emits them again.
 */
final class ExactlyOnceSink implements Sink<ReplayRecord>, SupportsCommitter<ExactlyOnceSink.Batch>
{
    private static final long serialVersionUID = 1L;
    private static final Map<String, Map<String, List<ReplayRecord>>> STORES = new ConcurrentHashMap<>();

    private final String store;

    ExactlyOnceSink(final String store)
    {
        this.store = store;
        STORES.putIfAbsent(store, new ConcurrentHashMap<>());
    }

    /**
     * @return every committed record of the store, in no particular order.
     */
    static List<ReplayRecord> committed(final String store)
    {
        final List<ReplayRecord> all = new ArrayList<>();
        for (final List<ReplayRecord> batch : STORES.get(store).values())
        {
            all.addAll(batch);
        }
        return all;
    }

    static int committedBatches(final String store)
    {
        return STORES.get(store).size();
    }

    @Override
    public SinkWriter<ReplayRecord> createWriter(final WriterInitContext context)
    {
        return new Writer(context.getJobInfo().getJobId() + "/" + context.getTaskInfo().getIndexOfThisSubtask() + "/"
            + context.getTaskInfo().getAttemptNumber());
    }

    @Override
    public Committer<Batch> createCommitter(final CommitterInitContext context)
    {
        final Map<String, List<ReplayRecord>> target = STORES.get(store);
        return new Committer<>()
        {
            @Override
            public void commit(final Collection<CommitRequest<Batch>> requests)
            {
                for (final CommitRequest<Batch> request : requests)
                {
                    target.putIfAbsent(request.getCommittable().id(), request.getCommittable().records());
                }
            }

            @Override
            public void close()
            {
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Batch> getCommittableSerializer()
    {
        return new BatchSerializer();
    }

    /**
     * One writer's records between two checkpoints.
     */
    record Batch(String id, List<ReplayRecord> records)
    {
    }

    private static final class Writer implements CommittingSinkWriter<ReplayRecord, Batch>
    {
        private final String prefix;
        private List<ReplayRecord> staged = new ArrayList<>();
        private long sequence;

        Writer(final String prefix)
        {
            this.prefix = prefix;
        }

        @Override
        public void write(final ReplayRecord record, final Context context)
        {
            // kept past this call: a copy, since the job may reuse the record (see ReplayRecord)
            staged.add(record.copy());
        }

        @Override
        public void flush(final boolean endOfInput)
        {
        }

        @Override
        public Collection<Batch> prepareCommit()
        {
            if (staged.isEmpty())
            {
                return List.of();
            }
            final Batch batch = new Batch(prefix + "/" + sequence++, staged);
            staged = new ArrayList<>();
            return List.of(batch);
        }

        @Override
        public void close()
        {
        }
    }

    private static final class BatchSerializer implements SimpleVersionedSerializer<Batch>
    {
        @Override
        public int getVersion()
        {
            return 1;
        }

        @Override
        public byte[] serialize(final Batch batch) throws IOException
        {
            final DataOutputSerializer out = new DataOutputSerializer(1024);
            out.writeUTF(batch.id());
            out.writeInt(batch.records().size());
            for (final ReplayRecord record : batch.records())
            {
                ReplayRecordSerializer.INSTANCE.serialize(record, out);
            }
            return out.getCopyOfBuffer();
        }

        @Override
        public Batch deserialize(final int version, final byte[] bytes) throws IOException
        {
            final DataInputDeserializer in = new DataInputDeserializer(bytes);
            final String id = in.readUTF();
            final int count = in.readInt();
            final List<ReplayRecord> records = new ArrayList<>(count);
            for (int i = 0; i < count; i++)
            {
                records.add(ReplayRecordSerializer.INSTANCE.deserialize(in));
            }
            return new Batch(id, records);
        }
    }
}
