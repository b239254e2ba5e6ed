package io.metersim.flink;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.metersim.core.MetersimException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A record as the JSON object {@code metersim run --format jsonl} writes for the same resource and tick:
 * {@code {"ven","resource_id","meter_point_id","index","timestamp" (or null),"power_w":{"load_k":…},"total_w"}},
 * missing readings absent from {@code power_w}.
 */
final class RecordJson
{
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private RecordJson()
    {
    }

    /**
     * @param record a record.
     * @return its JSON object in UTF-8.
     */
    static byte[] bytes(final ReplayRecord record)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8))
        {
            json.writeStartObject();
            json.writeStringField("ven", record.ven());
            json.writeStringField("resource_id", record.resourceId());
            json.writeStringField("meter_point_id", record.meterPointId());
            json.writeNumberField("index", record.index());
            json.writeFieldName("timestamp");
            if (record.hasTimestamp())
            {
                json.writeNumber(record.timestampMillis());
            }
            else
            {
                json.writeNull();
            }
            json.writeObjectFieldStart("power_w");
            for (int k = 0; k < record.loadCount(); k++)
            {
                if (!Double.isNaN(record.watts(k)))
                {
                    json.writeNumberField("load_" + k, record.watts(k));
                }
            }
            json.writeEndObject();
            json.writeNumberField("total_w", record.totalWatts());
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new MetersimException("cannot format a record [ven=" + record.ven() + " resource_id="
                + record.resourceId() + "]", ex);
        }
        return out.toByteArray();
    }

    /**
     * @param record a record.
     * @return its JSON object as text, one line.
     */
    static String text(final ReplayRecord record)
    {
        return new String(bytes(record), StandardCharsets.UTF_8);
    }
}
