package io.metersim.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --sink discard}: drops every record and counts it; each writer adds its count to this JVM's total when it
 * closes, so a job on a local mini-cluster reports the records that really arrived, not a computed figure.
 */
final class CountingDiscardSink implements Sink<ReplayRecord>
{
    private static final long serialVersionUID = 1L;
    private static final AtomicLong DISCARDED = new AtomicLong();

    /**
     * @return records discarded by the writers of this JVM that have closed so far.
     */
    static long discarded()
    {
        return DISCARDED.get();
    }

    @Override
    public SinkWriter<ReplayRecord> createWriter(final WriterInitContext context)
    {
        return new Writer();
    }

    private static final class Writer implements SinkWriter<ReplayRecord>
    {
        private long count;

        @Override
        public void write(final ReplayRecord record, final Context context)
        {
            count++;
        }

        @Override
        public void flush(final boolean endOfInput)
        {
        }

        @Override
        public void close()
        {
            DISCARDED.addAndGet(count);
            count = 0;
        }
    }
}
