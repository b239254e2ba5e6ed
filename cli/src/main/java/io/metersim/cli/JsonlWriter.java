package io.metersim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.metersim.core.CollectionBuffer;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One JSON object per resource per tick: ven, resource_id, meter_point_id, index, timestamp (epoch ms),
 * power_w by load and total_w. Missing readings are absent from power_w.
 */
final class JsonlWriter implements RecordWriter
{
    private final JsonGenerator generator;

    JsonlWriter(final OutputStream out) throws IOException
    {
        final JsonFactory factory = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
        this.generator = factory.createGenerator(out);
        // every line ends with a newline (JSON Lines), so files concatenate and count lines right
        this.generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    @Override
    public int write(final CollectionBuffer collected) throws IOException
    {
        final JsonGenerator json = generator;
        final String ven = collected.ven();
        final int index = collected.index();
        for (int r = 0, resources = collected.resourceCount(); r < resources; r++)
        {
            final int offset = collected.readingOffset(r);
            final int end = offset + collected.readingCount(r);
            json.writeStartObject();
            json.writeStringField("ven", ven);
            json.writeStringField("resource_id", collected.resourceId(r));
            json.writeStringField("meter_point_id", collected.meterPointId(r));
            json.writeNumberField("index", index);
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
                json.writeNumberField(collected.loadId(i), collected.powerW(i));
            }
            json.writeEndObject();
            json.writeNumberField("total_w", collected.resourceTotalWatts(r));
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return collected.resourceCount();
    }

    @Override
    public void flush() throws IOException
    {
        generator.flush();
    }
}
