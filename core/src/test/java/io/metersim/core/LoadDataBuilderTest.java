package io.metersim.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadDataBuilderTest
{
    private static final String METER = "707057500057158458";
    private static final String PATH = "/meters/meter_" + METER + "/load_0/power";

    @Test
    void shouldRefuseEmptyAndDuplicateMeterIds()
    {
        final LoadDataBuilder builder = LoadData.builder("in.h5");
        builder.addMeter(METER, null, "/meters/meter_a");

        assertEquals("empty meter_id [file=in.h5 path=/meters/meter_]",
            refused(() -> builder.addMeter("", "", "/meters/meter_")));
        assertEquals("empty meter_id [file=in.h5 path=/x]", refused(() -> builder.addMeter(null, "", "/x")));
        assertEquals("duplicate meter_id " + METER + ", already used by /meters/meter_a [file=in.h5 path=/meters/b]",
            refused(() -> builder.addMeter(METER, "", "/meters/b")));
        assertEquals(1, builder.meterCount());
    }

    @Test
    void shouldRefuseSeriesOfUnknownMeterOrLoadIndexOutOfRange()
    {
        final LoadDataBuilder builder = LoadData.builder("in.h5");
        final int meter = builder.addMeter(METER, "", "/meters/meter_" + METER);
        final double[] rows = {1.0, 10.0};

        assertEquals("unknown meter index 1 (1 meters added) [file=in.h5 path=" + PATH + "]",
            refused(() -> builder.addSeries(1, 0, PATH, rows)));
        assertEquals("unknown meter index -1 (1 meters added) [file=in.h5 path=" + PATH + "]",
            refused(() -> builder.addSeries(-1, 0, PATH, new long[] {1L}, new double[] {1.0})));
        assertEquals("load index -1 of meter_id " + METER + " outside 0 to 9999 [file=in.h5 path=" + PATH + "]",
            refused(() -> builder.addSeries(meter, -1, PATH, rows)));
        assertEquals("load index 10000 of meter_id " + METER + " outside 0 to 9999 [file=in.h5 path=" + PATH + "]",
            refused(() -> builder.addSeries(meter, LoadDataBuilder.MAX_LOAD_INDEX + 1, PATH, rows)));
    }

    @Test
    void shouldRefuseASecondSeriesForOneLoad()
    {
        final LoadDataBuilder builder = LoadData.builder("in.h5");
        final int meter = builder.addMeter(METER, "", "/meters/meter_" + METER);
        builder.addSeries(meter, 0, PATH, new double[] {1.0, 10.0});

        assertEquals("duplicate load_0 for meter_id " + METER + " [file=in.h5 path=/again]",
            refused(() -> builder.addSeries(meter, 0, "/again", new long[] {1000L}, new double[] {2.0})));
        builder.addSeries(meter, LoadDataBuilder.MAX_LOAD_INDEX, "/last", new double[] {1.0, 20.0});
        final LoadData data = builder.build();
        assertEquals(2, data.loadCount(0));
        assertEquals(10.0, data.watts(data.seriesOf(0, 0), 0));
        assertEquals(20.0, data.watts(data.seriesOf(0, LoadDataBuilder.MAX_LOAD_INDEX), 0));
    }

    @Test
    void shouldRefuseMissingOrUnpairedValues()
    {
        final LoadDataBuilder builder = LoadData.builder("in.h5");
        final int meter = builder.addMeter(METER, "", "/meters/meter_" + METER);

        assertEquals("missing rows [file=in.h5 path=" + PATH + "]",
            refused(() -> builder.addSeries(meter, 0, PATH, null)));
        assertEquals("odd number of values (3), expected [unix_seconds, watts] pairs [file=in.h5 path=" + PATH + "]",
            refused(() -> builder.addSeries(meter, 0, PATH, new double[] {1.0, 10.0, 2.0})));
        assertEquals("missing timestamps [file=in.h5 path=" + PATH + "]",
            refused(() -> builder.addSeries(meter, 0, PATH, null, new double[] {1.0})));
        assertEquals("missing watts [file=in.h5 path=" + PATH + "]",
            refused(() -> builder.addSeries(meter, 0, PATH, new long[] {1L}, null)));
        assertEquals("no load series to load [file=in.h5 path=/meters]", refused(builder::build));
    }

    private static String refused(final Runnable action)
    {
        return assertThrows(LoadDataException.class, action::run).getMessage();
    }
}
