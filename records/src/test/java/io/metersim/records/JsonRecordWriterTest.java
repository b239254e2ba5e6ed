package io.metersim.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.metersim.core.CollectionBuffer;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.SimulatorOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRecordWriterTest
{
    private static final int METERS = 4;
    private static final int ROWS = 50;
    private static final long FIRST_MILLIS = 1_736_928_000_000L;

    @Test
    void shouldWriteWhatJacksonsOwnGeneratorWritesForTheSameRecord() throws IOException
    {
        final MeterSimulator simulator = simulator();
        final CollectionBuffer buffer = simulator.newBuffer();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final JsonRecordWriter writer = new JsonRecordWriter(written);
        final StringBuilder expected = new StringBuilder();
        for (int row = 0; row < ROWS; row++)
        {
            simulator.collectAt(0, row, buffer);
            writer.write(buffer);
            for (int r = 0; r < buffer.resourceCount(); r++)
            {
                expected.append(reference(buffer, r)).append('\n');
            }
        }
        writer.flush();

        assertEquals(expected.toString(), written.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAllocateNothingPerRecord() throws IOException
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final MeterSimulator simulator = simulator();
        final CollectionBuffer buffer = simulator.collectAt(0, 7, simulator.newBuffer());
        final JsonRecordWriter writer = new JsonRecordWriter(OutputStream.nullOutputStream());
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++)
        {
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 20_000; i++)
            {
                writer.write(buffer);
            }
            writer.flush();
            least = Math.min(least, threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
        }

        assertEquals(0L, least, "fewest bytes allocated writing 20,000 collections of " + METERS + " records");
    }

    /** The record as Jackson's generator writes it with its own double writer: the independent reference. */
    private static String reference(final CollectionBuffer collected, final int r) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out))
        {
            final int offset = collected.readingOffset(r);
            json.writeStartObject();
            json.writeStringField("ven", collected.ven());
            json.writeStringField("resource_id", collected.resourceId(r));
            json.writeStringField("meter_point_id", collected.meterPointId(r));
            json.writeNumberField("index", collected.index());
            json.writeNumberField("timestamp", collected.timestampMillis(offset));
            json.writeObjectFieldStart("power_w");
            for (int i = offset; i < offset + collected.readingCount(r); i++)
            {
                json.writeFieldName(collected.loadId(i));
                json.writeRawValue(com.fasterxml.jackson.core.io.NumberOutput.toString(collected.powerW(i), true));
            }
            json.writeEndObject();
            json.writeFieldName("total_w");
            json.writeRawValue(com.fasterxml.jackson.core.io.NumberOutput.toString(
                collected.resourceTotalWatts(r), true));
            json.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One VEN with {@link #METERS} resources of 6 loads; random watts of every magnitude, "Å" and a quote in ids. */
    private static MeterSimulator simulator()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final LoadDataBuilder builder = LoadData.builder("records-test");
        final long[] millis = new long[ROWS];
        for (int t = 0; t < ROWS; t++)
        {
            millis[t] = FIRST_MILLIS + 3_600_000L * t;
        }
        final List<ResourceSpec> resources = new ArrayList<>();
        for (int m = 1; m <= METERS; m++)
        {
            final int meter = builder.addMeter(Integer.toString(m), null, "/meters/meter_" + m);
            for (int k = 0; k < 6; k++)
            {
                final double[] watts = new double[ROWS];
                for (int t = 0; t < ROWS; t++)
                {
                    watts[t] = random.nextDouble() * Math.pow(10, random.nextInt(-3, 8));
                }
                builder.addSeries(meter, k, "/meters/meter_" + m + "/load_" + k + "/power", millis, watts);
            }
            resources.add(new ResourceSpec("Århus \"1\"", "R" + m, "Resource " + m, ResourceStatus.APPROVED,
                Integer.toString(m), ""));
        }
        return MeterSimulator.create(builder.build(), Registry.of(resources), SimulatorOptions.defaults());
    }
}
