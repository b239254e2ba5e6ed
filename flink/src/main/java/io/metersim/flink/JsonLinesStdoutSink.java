package io.metersim.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.PrintStream;

/**
 * {@code --sink print}: each record as one JSON line on the task manager's stdout, nothing before it (Flink's
 * {@code PrintSink} prefixes the subtask), so the local form's output is JSON Lines, the lines of
 * {@code metersim run --format jsonl}. Lines of different writers interleave whole.
 */
final class JsonLinesStdoutSink implements Sink<ReplayRecord>
{
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<ReplayRecord> createWriter(final WriterInitContext context)
    {
        return new Writer(System.out);
    }

    private static final class Writer implements SinkWriter<ReplayRecord>
    {
        private final PrintStream out;

        Writer(final PrintStream out)
        {
            this.out = out;
        }

        @Override
        public void write(final ReplayRecord record, final Context context)
        {
            out.println(RecordJson.text(record));
        }

        @Override
        public void flush(final boolean endOfInput)
        {
            out.flush();
        }

        @Override
        public void close()
        {
            out.flush();
        }
    }
}
