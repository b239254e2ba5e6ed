package io.metersim.cli;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickTotals;
import io.metersim.records.JsonRecordWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code --format jsonl|csv}: every VEN's records, formatted on the thread that collected it into that worker's own
 * buffer, then appended to the output as one block, so a VEN's records are always contiguous and formatting runs
 * on every worker at once. With one worker the VENs appear in registry order; with more, in the order their
 * collections finish within the tick. The output is flushed at every tick end, and records count as delivered once
 * a flush has taken them: after a closed pipe or a full disk, the tick's records count as failed.
 */
final class RecordSink implements CollectionSink
{
    private final OutputFormat format;
    private final RunOutput output;
    private final OutputStream stream;
    private Lane[] lanes = new Lane[0];
    private long delivered;
    private long failed;

    RecordSink(final OutputFormat format, final RunOutput output)
    {
        this.format = format;
        this.output = output;
        this.stream = output.stream();
    }

    @Override
    public String name()
    {
        return format.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void open(final int threads) throws IOException
    {
        lanes = new Lane[threads];
        for (int w = 0; w < threads; w++)
        {
            lanes[w] = new Lane(format);
        }
        if (OutputFormat.CSV == format)
        {
            CsvWriter.writeHeader(stream);
        }
    }

    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        throws IOException
    {
        final Lane lane = lanes[worker];
        final int records = lane.writer.write(collected);
        lane.writer.flush();
        lane.accepted += records;
        try
        {
            synchronized (stream)
            {
                lane.block.writeTo(stream);
            }
            lane.written += records;
        }
        catch (final IOException | RuntimeException ex)
        {
            lane.failed += records;
            throw ex;
        }
        finally
        {
            lane.block.reset();
        }
    }

    @Override
    public void onTickEnd(final TickTotals tick) throws IOException
    {
        flush();
    }

    /**
     * Flushes the output; what was written since the last flush counts as delivered once this succeeds, and as
     * failed when it does not (a closed pipe, a full disk).
     */
    @Override
    public void flush() throws IOException
    {
        long unflushed = 0;
        for (final Lane lane : lanes)
        {
            unflushed += lane.written;
            lane.written = 0;
        }
        try
        {
            synchronized (stream)
            {
                output.flush();
            }
            delivered += unflushed;
        }
        catch (final IOException | RuntimeException ex)
        {
            failed += unflushed;
            throw ex;
        }
    }

    @Override
    public SinkCounts counts()
    {
        long accepted = 0;
        long failed = this.failed;
        for (final Lane lane : lanes)
        {
            accepted += lane.accepted;
            failed += lane.failed;
        }
        return new SinkCounts(name(), OutputFormat.CSV == format ? "rows" : "records", accepted, delivered, 0, 0,
            failed);
    }

    /** One worker's reusable block and writer, and what it counted. */
    private static final class Lane
    {
        final ByteArrayOutputStream block = new ByteArrayOutputStream(1 << 16);
        final RecordWriter writer;
        long accepted;
        long written;
        long failed;

        Lane(final OutputFormat format) throws IOException
        {
            this.writer = OutputFormat.CSV == format ? new CsvWriter(block) : new JsonLines(block);
        }
    }

    /** {@code --format jsonl}: the shared JSON record, one line per resource. */
    private static final class JsonLines implements RecordWriter
    {
        private final JsonRecordWriter writer;

        JsonLines(final OutputStream out) throws IOException
        {
            this.writer = new JsonRecordWriter(out);
        }

        @Override
        public int write(final CollectionBuffer collected) throws IOException
        {
            return writer.write(collected);
        }

        @Override
        public void flush() throws IOException
        {
            writer.flush();
        }
    }
}
