package io.metersim.datagen;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeAxisTest
{
    @Test
    void shouldUseLocalNorwegianTimeAcrossDaylightSaving()
    {
        // 2025-03-30 01:00 UTC is 02:00 CET -> 03:00 CEST
        final long start = Instant.parse("2025-03-29T22:00:00Z").toEpochMilli();
        final TimeAxis axis = TimeAxis.build(start, 3_600_000L, 6, null);
        assertEquals(23, axis.hour[0]);
        assertEquals(0, axis.hour[1]);
        assertEquals(1, axis.hour[2]);
        assertEquals(3, axis.hour[3]);
        assertEquals(4, axis.hour[4]);
        assertEquals(Tables.SATURDAY, axis.dayType[0]);
        assertEquals(Tables.SUNDAY, axis.dayType[1]);
        assertEquals(Instant.parse("2025-03-28T23:00:00Z").toEpochMilli(), axis.midnight[0]);
        assertEquals(Instant.parse("2025-03-29T23:00:00Z").toEpochMilli(), axis.midnight[1]);
        assertEquals(Instant.parse("2025-03-30T22:00:00Z").toEpochMilli(), axis.midnight[2]);
    }

    @Test
    void shouldFollowBdewPeriodsAndHolidays()
    {
        assertEquals(Tables.WINTER, at("2025-03-20T12:00:00Z").period[0]);
        assertEquals(Tables.TRANSITION, at("2025-03-21T12:00:00Z").period[0]);
        assertEquals(Tables.SUMMER, at("2025-05-15T12:00:00Z").period[0]);
        assertEquals(Tables.SUMMER, at("2025-09-14T12:00:00Z").period[0]);
        assertEquals(Tables.TRANSITION, at("2025-09-15T12:00:00Z").period[0]);
        assertEquals(Tables.WINTER, at("2025-11-01T12:00:00Z").period[0]);
        assertEquals(Tables.SUNDAY, at("2025-05-01T12:00:00Z").dayType[0], "1 May (Thursday) is a holiday");
        assertEquals(Tables.WORKDAY, at("2025-05-02T12:00:00Z").dayType[0]);
        assertEquals(Tables.SUNDAY, at("2025-12-25T12:00:00Z").dayType[0]);
    }

    @Test
    void shouldShapeClimateByDayAndSeason()
    {
        final TimeAxis january = at("2025-01-20T12:00:00Z");
        final TimeAxis july = at("2025-07-20T12:00:00Z");
        assertTrue(january.temperature[0] < 0.0, "January " + january.temperature[0]);
        assertTrue(july.temperature[0] > 14.0, "July " + july.temperature[0]);
        assertEquals(0.0, july.darkness[0]);
        assertEquals(1.0, at("2025-01-20T22:00:00Z").darkness[0]);
        assertTrue(at("2025-06-21T19:00:00Z").darkness[0] < 0.5, "still light at 21:00 local on midsummer");
        assertEquals(1.0, at("2025-12-21T15:00:00Z").darkness[0], "dark by 16:00 local at midwinter");
    }

    @Test
    void shouldDrawTheSameWeatherFromTheSameStream()
    {
        final long start = Instant.parse("2025-01-15T08:00:00Z").toEpochMilli();
        final TimeAxis a = TimeAxis.build(start, 3_600_000L, 500, new SplittableRandom(3L));
        final TimeAxis b = TimeAxis.build(start, 3_600_000L, 500, new SplittableRandom(3L));
        final TimeAxis calm = TimeAxis.build(start, 3_600_000L, 500, null);
        double differs = 0.0;
        for (int i = 0; i < 500; i++)
        {
            assertEquals(a.temperature[i], b.temperature[i]);
            differs += Math.abs(a.temperature[i] - calm.temperature[i]);
        }
        assertTrue(differs / 500 > 0.5, "weather moves temperature by " + differs / 500 + " K on average");
    }

    @Test
    void shouldChangeTheTemperatureSmoothlyAcrossMidnight()
    {
        final long start = Instant.parse("2025-01-15T08:00:00Z").toEpochMilli();
        final TimeAxis axis = TimeAxis.build(start, 3_600_000L, 8_741, new SplittableRandom(42L));
        double midnight = 0.0;
        int nights = 0;
        for (int i = 1; i + 1 < axis.rows; i++)
        {
            if (axis.hour[i] == 0 && axis.hour[i - 1] == 23 && i >= 2)
            {
                final double step = axis.temperature[i] - axis.temperature[i - 1];
                final double neighbours = (axis.temperature[i - 1] - axis.temperature[i - 2]
                    + axis.temperature[i + 1] - axis.temperature[i]) / 2.0;
                midnight += Math.abs(step - neighbours);
                nights++;
            }
        }
        assertTrue(nights > 360, nights + " nights");
        assertTrue(midnight / nights < 0.05, "23->00 departs from its neighbours by " + midnight / nights + " K");
    }

    private static TimeAxis at(final String instant)
    {
        return TimeAxis.build(Instant.parse(instant).toEpochMilli(), 3_600_000L, 1, null);
    }
}
