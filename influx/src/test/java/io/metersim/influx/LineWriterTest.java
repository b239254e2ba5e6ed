package io.metersim.influx;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LineWriterTest
{
    /**
     * The line protocol reference's special-character examples (InfluxDB 1.x "Line protocol tutorial"):
     * {@code weather,location=us\,midwest}, {@code temp\=rature=82}, {@code location\ place=us-midwest},
     * {@code wea\,ther,location=...} and {@code wea\ ther,location=...}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "us,midwest|false|us\\,midwest",
        "temp=rature|false|temp\\=rature",
        "location place|false|location\\ place",
        "wea,ther|true|wea\\,ther",
        "wea ther|true|wea\\ ther",
        "a=b|true|a=b",
        "Ærø Å|false|Ærø\\ Å"})
    void shouldEscapeAsTheLineProtocolReferenceDoes(final String raw, final boolean measurement, final String escaped)
    {
        final Batch batch = new Batch(64);
        LineWriter.escaped(batch, raw, measurement);
        assertEquals(escaped, new String(batch.bytes, 0, batch.length, StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteNoNewlineInAName()
    {
        final Batch batch = new Batch(64);
        LineWriter.escaped(batch, "two\nlines\r", false);
        assertEquals("two lines ", new String(batch.bytes, 0, batch.length, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1500,1500", "-3,-3", "1234.5,1234.5", "0.1,0.1", "1.0E20,1.0E20", "-0.0,0",
        "123456789012345.0,123456789012345", "1.0E15,1.0E15", "4.9E-324,4.9E-324"})
    void shouldWriteDoublesThatParseBackToTheSameValue(final double value, final String text)
    {
        final Batch batch = new Batch(64);
        new LineWriter().writeDouble(batch, value);
        final String written = new String(batch.bytes, 0, batch.length, StandardCharsets.US_ASCII);
        assertEquals(text, written);
        assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(written));
    }

    @Test
    void shouldWriteOneLinePerResourceAndOnePerVenWithSortedTags()
    {
        final MeterSimulator simulator = Fixture.simulator(Registry.of(List.of(
            new ResourceSpec("Her ning", "h 1,=x", "", ResourceStatus.APPROVED, Fixture.meterId(0), ""),
            new ResourceSpec("Her ning", "h-2", "", ResourceStatus.APPROVED, Fixture.meterId(1), ""))), 2, 4);
        simulator.increaseTime();
        final CollectionBuffer buffer = simulator.newBuffer();
        simulator.collectNextMetering("Her ning", buffer);
        final LineWriter writer = new LineWriter();
        final Batch batch = new Batch(16);

        writer.meterLine(batch, buffer, 0);
        writer.meterLine(batch, buffer, 1);
        writer.venLine(batch, buffer);

        final long ts = Fixture.T0_MILLIS + 3_600_000L;
        assertEquals(String.join("\n",
            "meter_power,meter_point_id=" + Fixture.meterId(0) + ",resource_id=h\\ 1\\,\\=x,ven=Her\\ ning "
                + "load_0=1,load_1=101,load_2=201,load_3=301,load_4=401,load_5=501,total_w=1506 " + ts,
            "meter_power,meter_point_id=" + Fixture.meterId(1) + ",resource_id=h-2,ven=Her\\ ning "
                + "load_0=1001,load_1=1101,load_2=1201,load_3=1301,load_4=1401,load_5=1501,total_w=7506 " + ts,
            "ven_power,ven=Her\\ ning load_0=1002,load_1=1202,load_2=1402,load_3=1602,load_4=1802,load_5=2002,"
                + "total_w=9012,resources=2i,missing=0i " + ts, ""),
            new String(batch.bytes, 0, batch.length, StandardCharsets.UTF_8));
        assertEquals(3, batch.lines);
    }

    @Test
    void shouldWriteNoLineForAResourceWithoutReadings()
    {
        final MeterSimulator simulator = Fixture.simulator(Registry.of(List.of(
            new ResourceSpec("V", "r", "", ResourceStatus.APPROVED, "no-such-meter", ""))), 1, 4);
        final CollectionBuffer buffer = simulator.newBuffer();
        simulator.collectNextMetering("V", buffer);
        final LineWriter writer = new LineWriter();
        final Batch batch = new Batch(16);

        assertFalse(writer.meterLine(batch, buffer, 0));
        assertFalse(writer.venLine(batch, buffer));
        assertEquals(0, batch.length);
    }
}
