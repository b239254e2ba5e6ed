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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    private static final int ALLOCATION_METERS = 40;
    private static final long FIRST_MILLIS = 1_736_928_000_000L;
    /** Resource ids that need every kind of escape: backslash, tab, a control char, 3-byte UTF-8, a surrogate pair. */
    private static final String[] ID_TEXT = {"R1", "R\\2\tx", "R3\u0001€", "R4\uD83D\uDE00/"};

    @ParameterizedTest(name = "prefix pool of {0} bytes")
    @ValueSource(ints = {Prefixes.MAX_POOL_BYTES, 300, 0})
    void shouldWriteWhatJacksonsOwnGeneratorWritesForTheSameRecord(final int poolBytes) throws IOException
    {
        final MeterSimulator simulator = simulator();
        final CollectionBuffer buffer = simulator.newBuffer();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final JsonRecordWriter writer = new JsonRecordWriter(written, poolBytes);
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

        assertTrue(expected.indexOf("\"timestamp\":null,\"power_w\":{}") > 0, "a record without readings is covered");
        assertEquals(expected.toString(), written.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "prefix pool of {0} bytes")
    @ValueSource(ints = {Prefixes.MAX_POOL_BYTES, 0})
    void shouldAllocateNothingPerRecord(final int poolBytes) throws IOException
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        // 40 meters x 50 rows x 7 values, more than the table of recent doubles holds: converted and copied values
        final MeterSimulator simulator = simulator(ALLOCATION_METERS);
        // every row once per pass: new values (converted), repeated ones (copied), kept or re-escaped prefixes
        final CollectionBuffer[] rows = new CollectionBuffer[ROWS];
        for (int row = 0; row < ROWS; row++)
        {
            rows[row] = simulator.collectAt(0, row, simulator.newBuffer());
        }
        final JsonRecordWriter writer = new JsonRecordWriter(OutputStream.nullOutputStream(), poolBytes);
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++)
        {
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 40; i++)
            {
                for (final CollectionBuffer row : rows)
                {
                    writer.write(row);
                }
            }
            writer.flush();
            least = Math.min(least, threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
        }

        assertEquals(0L, least, "fewest bytes allocated writing 2,000 collections of " + ALLOCATION_METERS
            + " records");
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
            if (collected.readingCount(r) > 0)
            {
                json.writeNumberField("timestamp", collected.timestampMillis(offset));
            }
            else
            {
                json.writeNullField("timestamp");
            }
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

    /** One VEN with {@link #METERS} resources of 6 loads; random watts of every magnitude, escapes in the ids. */
    private static MeterSimulator simulator()
    {
        return simulator(METERS);
    }

    /** One VEN with one resource per meter; the first four have the ids of {@link #ID_TEXT}. */
    private static MeterSimulator simulator(final int meters)
    {
        final SplittableRandom random = new SplittableRandom(11);
        final LoadDataBuilder builder = LoadData.builder("records-test");
        final long[] millis = new long[ROWS];
        for (int t = 0; t < ROWS; t++)
        {
            millis[t] = FIRST_MILLIS + 3_600_000L * t;
        }
        final List<ResourceSpec> resources = new ArrayList<>();
        for (int m = 1; m <= meters; m++)
        {
            final int meter = builder.addMeter(Integer.toString(m), null, "/meters/meter_" + m);
            for (int k = 0; k < 6; k++)
            {
                final double[] watts = new double[ROWS];
                for (int t = 0; t < ROWS; t++)
                {
                    watts[t] = random.nextDouble() * Math.pow(10, random.nextInt(-3, 8));
                    // missing readings (NaN in the source): one load now and then, and every load of meter 4 at
                    // the last rows (a record without readings: "timestamp":null, "power_w":{})
                    if (2 == m && 3 == k && 0 == t % 2 || 4 == m && t >= ROWS - 5)
                    {
                        watts[t] = Double.NaN;
                    }
                }
                builder.addSeries(meter, k, "/meters/meter_" + m + "/load_" + k + "/power", millis, watts);
            }
            resources.add(new ResourceSpec("Århus \"1\"", m <= ID_TEXT.length ? ID_TEXT[m - 1] : "R" + m,
                "Resource " + m, ResourceStatus.APPROVED,
                Integer.toString(m), ""));
        }
        return MeterSimulator.create(builder.build(), Registry.of(resources), SimulatorOptions.defaults());
    }
}
