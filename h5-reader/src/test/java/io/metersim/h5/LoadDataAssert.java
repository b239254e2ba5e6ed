package io.metersim.h5;

import io.metersim.core.LoadData;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares two {@link LoadData} value by value.
 */
final class LoadDataAssert
{
    private LoadDataAssert()
    {
    }

    static void assertSameData(final LoadData expected, final LoadData actual)
    {
        assertEquals(expected.meterCount(), actual.meterCount());
        assertEquals(expected.seriesCount(), actual.seriesCount());
        assertEquals(expected.cycleLength(), actual.cycleLength());
        for (int m = 0; m < expected.meterCount(); m++)
        {
            assertEquals(expected.meterId(m), actual.meterId(m));
            assertEquals(expected.company(m), actual.company(m));
            assertEquals("/meters/meter_" + expected.meterId(m), actual.meterPath(m));
            assertEquals(expected.loadCount(m), actual.loadCount(m));
        }
        for (int s = 0; s < expected.seriesCount(); s++)
        {
            assertEquals(expected.seriesLoad(s), actual.seriesLoad(s));
            assertEquals(expected.seriesLength(s), actual.seriesLength(s));
            for (int row = 0; row < expected.seriesLength(s); row++)
            {
                assertEquals(expected.timestampMillis(s, row), actual.timestampMillis(s, row), "s=" + s + " r=" + row);
                assertEquals(expected.watts(s, row), actual.watts(s, row), "series=" + s + " row=" + row);
            }
        }
    }
}
