package io.metersim.cli;

import io.metersim.core.CollectionBuffer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One CSV row per reading, under a header written once by {@link #writeHeader}: ven,resource_id,meter_point_id,index,timestamp,load_id,power_w.
 */
final class CsvWriter implements RecordWriter
{
    static final String HEADER = "ven,resource_id,meter_point_id,index,timestamp,load_id,power_w";

    private final Writer writer;

    CsvWriter(final OutputStream out) throws IOException
    {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * @param out where the header line goes, once at the start of the output.
     * @throws IOException when it cannot be written.
     */
    static void writeHeader(final OutputStream out) throws IOException
    {
        out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int write(final CollectionBuffer collected) throws IOException
    {
        final Writer out = writer;
        final String ven = field(collected.ven());
        final int index = collected.index();
        for (int r = 0, resources = collected.resourceCount(); r < resources; r++)
        {
            final String resourceId = field(collected.resourceId(r));
            final String meterPointId = field(collected.meterPointId(r));
            final int offset = collected.readingOffset(r);
            for (int i = offset, end = offset + collected.readingCount(r); i < end; i++)
            {
                out.write(ven);
                out.write(',');
                out.write(resourceId);
                out.write(',');
                out.write(meterPointId);
                out.write(',');
                out.write(Integer.toString(index));
                out.write(',');
                out.write(Long.toString(collected.timestampMillis(i)));
                out.write(',');
                out.write(collected.loadId(i));
                out.write(',');
                out.write(Double.toString(collected.powerW(i)));
                out.write('\n');
            }
        }
        return collected.readingTotal();
    }

    @Override
    public void flush() throws IOException
    {
        writer.flush();
    }

    /**
     * @param value a text field.
     * @return the value, quoted when it holds a comma, quote or line break.
     */
    static String field(final String value)
    {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0)
        {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
