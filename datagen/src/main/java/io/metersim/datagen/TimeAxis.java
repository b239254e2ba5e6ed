package io.metersim.datagen;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The calendar and weather of every row, computed once per data set and shared by all meters: local hour, day type,
 * BDEW period, month, temperature and darkness, plus the local midnights that daily events hang on.
 */
final class TimeAxis
{
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final Set<MonthDay> HOLIDAYS = Set.of(
        MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 17), MonthDay.of(12, 25), MonthDay.of(12, 26));

    final int rows;
    final long startMillis;
    final long intervalMillis;
    final double intervalHours;
    final long[] millis;
    final int[] hour;
    final int[] dayType;
    final int[] period;
    final int[] month;
    final int[] day;
    final int[] dayOfYear;
    final double[] temperature;
    final double[] darkness;
    /** Local midnight of day {@code d} (0 = the first row's local date) in epoch ms; one more than the days. */
    final long[] midnight;
    /** Day type of day {@code d}: {@link Tables#WORKDAY}, {@link Tables#SATURDAY} or {@link Tables#SUNDAY}. */
    final int[] dayTypeOfDay;

    private TimeAxis(final int rows, final long startMillis, final long intervalMillis, final int days)
    {
        this.rows = rows;
        this.startMillis = startMillis;
        this.intervalMillis = intervalMillis;
        this.intervalHours = intervalMillis / (double)HOUR_MILLIS;
        this.millis = new long[rows];
        this.hour = new int[rows];
        this.dayType = new int[rows];
        this.period = new int[rows];
        this.month = new int[rows];
        this.day = new int[rows];
        this.dayOfYear = new int[rows];
        this.temperature = new double[rows];
        this.darkness = new double[rows];
        this.midnight = new long[days + 1];
        this.dayTypeOfDay = new int[days];
    }

    /**
     * @param startMillis    first row, epoch ms.
     * @param intervalMillis step, ms.
     * @param rows           rows.
     * @param weather        the weather stream, or null for the climate without weather.
     * @return the axis.
     */
    static TimeAxis build(
        final long startMillis, final long intervalMillis, final int rows, final SplittableRandom weather)
    {
        final LocalDate first = localDate(startMillis);
        final LocalDate last = localDate(startMillis + (rows - 1L) * intervalMillis);
        final int days = (int)(last.toEpochDay() - first.toEpochDay()) + 1;
        final TimeAxis axis = new TimeAxis(rows, startMillis, intervalMillis, days);
        final double[] anomaly = null == weather ? new double[days] : Climate.weather(weather, days);
        for (int d = 0; d <= days; d++)
        {
            final LocalDate date = first.plusDays(d);
            axis.midnight[d] = date.atStartOfDay(Climate.ZONE).toInstant().toEpochMilli();
            if (d < days)
            {
                axis.dayTypeOfDay[d] = dayType(date);
            }
        }
        for (int i = 0; i < rows; i++)
        {
            axis.fill(i, startMillis + i * intervalMillis, first, anomaly);
        }
        return axis;
    }

    /**
     * @return one climatological year of hours (2025, local time, no weather): the yardstick every shape is
     *         normalised against, so that annual energies hold whatever part of the year is generated.
     */
    static TimeAxis referenceYear()
    {
        final long start = LocalDate.of(2025, 1, 1).atStartOfDay(Climate.ZONE).toInstant().toEpochMilli();
        return build(start, HOUR_MILLIS, 8_760, null);
    }

    /**
     * @param row a row.
     * @return the time the row covers up to, epoch ms.
     */
    long rowEnd(final int row)
    {
        return millis[row] + intervalMillis;
    }

    /**
     * @param epochMillis a time.
     * @return the row whose interval holds it (may be out of range).
     */
    long rowOf(final long epochMillis)
    {
        return Math.floorDiv(epochMillis - startMillis, intervalMillis);
    }

    private void fill(final int i, final long at, final LocalDate first, final double[] anomaly)
    {
        final ZonedDateTime local = Instant.ofEpochMilli(at).atZone(Climate.ZONE);
        final LocalDate date = local.toLocalDate();
        final int d = (int)(date.toEpochDay() - first.toEpochDay());
        final double middle = Math.min(intervalMillis, HOUR_MILLIS) / 2.0;
        final double localHours = local.getHour() + (local.getMinute() * 60_000.0 + middle) / HOUR_MILLIS;
        final double utcHours = Math.floorMod(at + (long)middle, 86_400_000L) / (double)HOUR_MILLIS;
        millis[i] = at;
        hour[i] = local.getHour();
        day[i] = d;
        dayType[i] = dayTypeOfDay[d];
        period[i] = period(date);
        month[i] = date.getMonthValue() - 1;
        dayOfYear[i] = date.getDayOfYear();
        temperature[i] = Climate.temperature(date.getDayOfYear(), localHours, anomaly[d]);
        darkness[i] = Climate.darkness(date.getDayOfYear(), utcHours);
    }

    private static LocalDate localDate(final long epochMillis)
    {
        return Instant.ofEpochMilli(epochMillis).atZone(Climate.ZONE).toLocalDate();
    }

    private static int dayType(final LocalDate date)
    {
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY || HOLIDAYS.contains(MonthDay.from(date)))
        {
            return Tables.SUNDAY;
        }
        return date.getDayOfWeek() == DayOfWeek.SATURDAY ? Tables.SATURDAY : Tables.WORKDAY;
    }

    /** BDEW periods: winter 1 Nov-20 Mar, summer 15 May-14 Sep, transition between. */
    private static int period(final LocalDate date)
    {
        final int monthDay = date.getMonthValue() * 100 + date.getDayOfMonth();
        if (monthDay >= 1101 || monthDay <= 320)
        {
            return Tables.WINTER;
        }
        return monthDay >= 515 && monthDay <= 914 ? Tables.SUMMER : Tables.TRANSITION;
    }
}
