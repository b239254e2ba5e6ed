package io.metersim.h5;

import io.metersim.core.DataWarning;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static io.metersim.h5.Fixtures.COMPANY;
import static io.metersim.h5.Fixtures.METERS;
import static io.metersim.h5.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H5LoadDataReadTest
{
    private static final int ROWS = 168;
    private static final int LOADS = 6;
    private static final double MAX_RETAINED_RATIO = 1.15;

    @ParameterizedTest
    @ValueSource(strings = {"seed-layout-small.h5", "seed-layout-chunked-gzip.h5", "seed-layout-latest.h5"})
    void shouldLoadEveryValueOfEveryGoodLayout(final String name)
    {
        final LoadData data = H5LoadData.read(fixture(name));

        final int meters = name.contains("latest") ? 12 : 4;
        assertEquals(meters, data.meterCount());
        assertEquals(meters * LOADS, data.seriesCount());
        assertEquals(ROWS, data.cycleLength());
        assertEquals(3_600_000L, data.intervalMillis());
        assertEquals(List.of(), data.warnings());
        for (int m = 0; m < meters; m++)
        {
            assertEquals(expectedMeterId(m), data.meterId(m));
            assertEquals(COMPANY, data.company(m));
            assertEquals("/meters/meter_" + expectedMeterId(m), data.meterPath(m));
            assertEquals(LOADS, data.loadCount(m));
            for (int k = 0; k < LOADS; k++)
            {
                assertSeries(data, m, k, ROWS, m);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-layout-small.h5", "seed-layout-chunked-gzip.h5", "seed-layout-latest.h5",
        "ragged.h5"})
    void shouldRetainNoMoreThanTheFloat64Payload(final String name)
    {
        final LoadData data = H5LoadData.read(fixture(name));

        assertTrue(data.retainedBytes() <= MAX_RETAINED_RATIO * data.payloadBytes(),
            "retained=" + data.retainedBytes() + " payload=" + data.payloadBytes());
    }

    @Test
    void shouldLoadTheSoundPartsOfRaggedDataAndWarnAboutTheRest()
    {
        final Path file = fixture("ragged.h5");

        final LoadData data = H5LoadData.read(file);

        assertEquals(5, data.meterCount());
        assertEquals(List.of(
            "FEWER_LOADS: 3 load components, fewer than the usual 6; its readings are what it has"
                + " [meter=707057500057158465 path=/meters/meter_707057500057158465]",
            "MISSING_LOAD: load_2 is missing, num_load_components declares 6; no readings for it"
                + " [meter=707057500057158472 path=/meters/meter_707057500057158472/load_2]",
            "LENGTH_DIFFERS: holds 100 rows, the longest series 168; no readings past row 99"
                + " [meter=707057500057158489 path=/meters/meter_707057500057158489/load_4/power]",
            "LENGTH_DIFFERS: holds 100 rows, the longest series 168; no readings past row 99"
                + " [meter=707057500057158489 path=/meters/meter_707057500057158489/load_5/power]"),
            data.warnings().stream().map(DataWarning::toString).toList());
        assertEquals(List.of(DataWarning.Kind.FEWER_LOADS, DataWarning.Kind.MISSING_LOAD,
            DataWarning.Kind.LENGTH_DIFFERS, DataWarning.Kind.LENGTH_DIFFERS),
            data.warnings().stream().map(DataWarning::kind).toList());

        assertMeterLoads(data, 0, 0, 1, 2, 3, 4, 5);
        assertMeterLoads(data, 1, 0, 1, 2);
        assertMeterLoads(data, 2, 0, 1, 3, 4, 5);
        assertMeterLoads(data, 3, 0, 1, 2, 3, 4, 5);
        assertMeterLoads(data, 4, 0, 1, 2, 3, 4, 5);
        for (int m = 0; m < 5; m++)
        {
            for (int s = data.firstSeries(m); s < data.firstSeries(m) + data.loadCount(m); s++)
            {
                final int rows = 3 == m && data.seriesLoad(s) >= 4 ? 100 : ROWS;
                assertSeries(data, m, data.seriesLoad(s), rows, m);
            }
        }
        assertEquals(Double.NaN, data.watts(data.seriesOf(3, 4), 100));
        assertEquals("707057500057158496", data.meterId(4));
        assertEquals("", data.company(4));
    }

    @Test
    void shouldLoadBadValuesWithTheBuildersDataQualityWarnings()
    {
        final LoadData data = H5LoadData.read(fixture("bad-values.h5"));

        assertEquals(List.of(
            "FEWER_LOADS: 2 load components, fewer than the usual 6; its readings are what it has"
                + " [meter=707057500057158458 path=/meters/meter_707057500057158458]",
            "NON_FINITE_WATTS: 2 NaN or infinite watts (first at row 5); treated as missing readings"
                + " [meter=707057500057158458 path=/meters/meter_707057500057158458/load_0/power]",
            "NEGATIVE_WATTS: 1 negative watts (first at row 7: -350.0 W); kept as export"
                + " [meter=707057500057158458 path=/meters/meter_707057500057158458/load_0/power]",
            "FEWER_LOADS: 2 load components, fewer than the usual 6; its readings are what it has"
                + " [meter=707057500057158465 path=/meters/meter_707057500057158465]",
            "TIME_NOT_INCREASING: timestamps do not increase at row 10 (1.7369604E9 s then 1.7369568E9 s);"
                + " kept as they are [meter=707057500057158465 path=/meters/meter_707057500057158465/load_0/power]",
            "TIMESTAMPS_DIFFER: timestamps differ from /meters/meter_707057500057158465/load_0/power (first at row 0:"
                + " 1736928900000 ms vs 1736928000000 ms); each load keeps its own timestamps"
                + " [meter=707057500057158465 path=/meters/meter_707057500057158465/load_1/power]"),
            data.warnings().stream().map(DataWarning::toString).toList());
        final int load0 = data.seriesOf(0, 0);
        assertEquals(Double.NaN, data.watts(load0, 5));
        assertEquals(Double.NaN, data.watts(load0, 6));
        assertEquals(-350.0, data.watts(load0, 7));
        assertEquals(4.0, data.watts(load0, 4));
        final int backwards = data.seriesOf(1, 0);
        assertEquals(data.timestampMillis(backwards, 9) - 3_600_000L, data.timestampMillis(backwards, 10));
        assertEquals(Fixtures.timestampMillis(0) + 900_000L, data.timestampMillis(data.seriesOf(1, 1), 0));
    }

    @Test
    void shouldRefuseBadValuesInStrictModeNamingTheFirstWarning()
    {
        final Path file = fixture("bad-values.h5");

        final LoadDataException e = assertThrows(LoadDataException.class,
            () -> H5LoadData.read(file, ReadOptions.strict()));

        assertEquals("strict mode refuses data with warnings (6 found; first: FEWER_LOADS: 2 load components,"
            + " fewer than the usual 6; its readings are what it has)"
            + " [file=" + file + " path=/meters/meter_707057500057158458]", e.getMessage());
        assertEquals("/meters/meter_707057500057158458", e.objectPath());
    }

    @Test
    void shouldReadAGoodFileInStrictMode()
    {
        final LoadData data = H5LoadData.read(fixture("seed-layout-small.h5"), ReadOptions.strict());

        assertEquals(4, data.meterCount());
        assertTrue(ReadOptions.strict().isStrict());
        assertEquals(false, ReadOptions.defaults().isStrict());
    }

    @Test
    void shouldRefuseRaggedDataInStrictMode()
    {
        final Path file = fixture("ragged.h5");

        final LoadDataException e = assertThrows(LoadDataException.class,
            () -> H5LoadData.read(file, ReadOptions.strict()));

        assertEquals("strict mode refuses data with warnings (4 found; first: FEWER_LOADS: 3 load components,"
            + " fewer than the usual 6; its readings are what it has)"
            + " [file=" + file + " path=/meters/meter_707057500057158465]", e.getMessage());
    }

    static String expectedMeterId(final int meter)
    {
        return meter < METERS.length ? METERS[meter] : String.format("7070575000571585%02d", meter - METERS.length);
    }

    static void assertSeries(
        final LoadData data, final int meter, final int load, final int rows, final int formulaMeter)
    {
        final int s = data.seriesOf(meter, load);
        assertTrue(s >= 0, "meter " + meter + " has no load_" + load);
        assertEquals(rows, data.seriesLength(s));
        assertEquals(data.meterPath(meter) + "/load_" + load + "/power", data.seriesPath(s));
        for (int t = 0; t < rows; t++)
        {
            assertEquals(Fixtures.timestampMillis(t), data.timestampMillis(s, t), "timestamp series=" + s + " t=" + t);
            assertEquals(Fixtures.watts(formulaMeter, load, t), data.watts(s, t), "watts series=" + s + " t=" + t);
        }
    }

    private static void assertMeterLoads(final LoadData data, final int meter, final int... loads)
    {
        assertEquals(loads.length, data.loadCount(meter));
        for (int i = 0; i < loads.length; i++)
        {
            assertEquals(loads[i], data.seriesLoad(data.firstSeries(meter) + i));
        }
    }
}
