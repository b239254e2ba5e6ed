package io.metersim.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.metersim.core.CollectionBuffer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON record of one resource at one tick, as {@code metersim run --format jsonl} writes it and the Kafka sink
 * sends it: {@code {"ven":…,"resource_id":…,"meter_point_id":…,"index":…,"timestamp":<epoch ms or null>,
 * "power_w":{"load_0":…,…},"total_w":…}} followed by a newline. Missing readings are absent from {@code power_w}.
 * One writer per thread, over a stream of the caller's; not thread-safe.
 */
public final class JsonRecordWriter
{
    private final JsonGenerator generator;
    private final char[] digits = new char[ShortestDouble.MAX_CHARS];

    /**
     * @param out where the records go; never closed by this writer.
     * @throws IOException when the generator cannot be created.
     */
    public JsonRecordWriter(final OutputStream out) throws IOException
    {
        final JsonFactory factory = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
        this.generator = factory.createGenerator(out);
        // every line ends with a newline (JSON Lines), so files concatenate and count lines right
        this.generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    /**
     * Writes one record per resource of the collection.
     *
     * @param collected one VEN's collection.
     * @return the records written.
     * @throws IOException when the stream cannot be written.
     */
    public int write(final CollectionBuffer collected) throws IOException
    {
        for (int r = 0, resources = collected.resourceCount(); r < resources; r++)
        {
            write(collected, r);
        }
        return collected.resourceCount();
    }

    /**
     * Writes the record of one resource.
     *
     * @param collected one VEN's collection.
     * @param r         a resource, 0 to {@code collected.resourceCount() - 1}.
     * @throws IOException when the stream cannot be written.
     */
    public void write(final CollectionBuffer collected, final int r) throws IOException
    {
        writeObject(collected, r);
        generator.writeRaw('\n');
    }

    /**
     * Writes the record of one resource as one JSON object without the trailing newline: a Kafka record's value.
     * Call {@link #flush()} to push it into the stream.
     *
     * @param collected one VEN's collection.
     * @param r         a resource, 0 to {@code collected.resourceCount() - 1}.
     * @throws IOException when the stream cannot be written.
     */
    public void writeObject(final CollectionBuffer collected, final int r) throws IOException
    {
        final JsonGenerator json = generator;
        final int offset = collected.readingOffset(r);
        final int end = offset + collected.readingCount(r);
        json.writeStartObject();
        json.writeStringField("ven", collected.ven());
        json.writeStringField("resource_id", collected.resourceId(r));
        json.writeStringField("meter_point_id", collected.meterPointId(r));
        json.writeNumberField("index", collected.index());
        json.writeFieldName("timestamp");
        if (end > offset)
        {
            json.writeNumber(collected.timestampMillis(offset));
        }
        else
        {
            json.writeNull();
        }
        json.writeObjectFieldStart("power_w");
        for (int i = offset; i < end; i++)
        {
            json.writeFieldName(collected.loadId(i));
            writeDouble(collected.powerW(i));
        }
        json.writeEndObject();
        json.writeFieldName("total_w");
        writeDouble(collected.resourceTotalWatts(r));
        json.writeEndObject();
    }

    /** The shortest round-trip text, written without the String that Jackson's own double writers make. */
    private void writeDouble(final double value) throws IOException
    {
        if (Double.isFinite(value))
        {
            generator.writeNumber(digits, 0, ShortestDouble.write(value, digits));
        }
        else
        {
            generator.writeNumber(value);
        }
    }

    /**
     * @return bytes written since the last {@link #flush()} that the generator still holds: the stream's size plus
     *         this is where the next record starts, without flushing after every record.
     */
    public int buffered()
    {
        return Math.max(0, generator.getOutputBuffered());
    }

    /**
     * Pushes what the generator buffers into the stream.
     *
     * @throws IOException when the stream cannot be written.
     */
    public void flush() throws IOException
    {
        generator.flush();
    }
}
