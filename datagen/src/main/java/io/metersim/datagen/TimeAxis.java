package io.metersim.datagen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * The calendar and weather of every row, computed once per data set and shared by all meters: local hour, day type,
 * BDEW period, month, temperature, sun elevation and cold-water temperature, plus the local midnights and noons that
 * daily behaviour hangs on.
 */
final class TimeAxis
{
    static final long HOUR_MILLIS = 3_600_000L;
    private static final long DAY_MILLIS = 86_400_000L;

    final int rows;
    final int days;
    final long startMillis;
    final long intervalMillis;
    final double intervalHours;
    final long[] millis;
    final int[] hour;
    /** Local clock time at the middle of the row (or of its first hour), hours since local midnight. */
    final double[] localHours;
    final int[] dayType;
    final int[] period;
    final int[] month;
    final int[] day;
    final int[] dayOfYear;
    final double[] temperature;
    final double[] darkness;
    final double[] elevation;
    final double[] inlet;
    /** Local midnight of day {@code d} (0 = the first row's local date) in epoch ms; one more than the days. */
    final long[] midnight;
    /** Local noon of day {@code d} in epoch ms. */
    final long[] noon;
    /** Day type of day {@code d}: {@link Tables#WORKDAY}, {@link Tables#SATURDAY} or {@link Tables#SUNDAY}. */
    final int[] dayTypeOfDay;
    /** Local date of day 0. */
    final LocalDate firstDate;

    private TimeAxis(
        final int rows, final long startMillis, final long intervalMillis, final int days, final LocalDate first)
    {
        this.rows = rows;
        this.days = days;
        this.startMillis = startMillis;
        this.intervalMillis = intervalMillis;
        this.intervalHours = intervalMillis / (double)HOUR_MILLIS;
        this.firstDate = first;
        this.millis = new long[rows];
        this.hour = new int[rows];
        this.localHours = new double[rows];
        this.dayType = new int[rows];
        this.period = new int[rows];
        this.month = new int[rows];
        this.day = new int[rows];
        this.dayOfYear = new int[rows];
        this.temperature = new double[rows];
        this.darkness = new double[rows];
        this.elevation = new double[rows];
        this.inlet = new double[rows];
        this.midnight = new long[days + 1];
        this.noon = new long[days];
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
        final TimeAxis axis = new TimeAxis(rows, startMillis, intervalMillis, days, first);
        final long[] noons = new long[days + 2];
        for (int d = -1; d <= days; d++)
        {
            noons[d + 1] = noonOf(first.plusDays(d));
        }
        for (int d = 0; d <= days; d++)
        {
            final LocalDate date = first.plusDays(d);
            axis.midnight[d] = date.atStartOfDay(Climate.ZONE).toInstant().toEpochMilli();
            if (d < days)
            {
                axis.dayTypeOfDay[d] = Calendar.dayType(date);
                axis.noon[d] = noons[d + 1];
            }
        }
        final double[] anomaly = null == weather ? new double[days + 2] : Climate.weather(weather, days + 2);
        for (int i = 0; i < rows; i++)
        {
            axis.fill(i, startMillis + i * intervalMillis, noons, anomaly);
        }
        return axis;
    }

    /**
     * @return one climatological year of hours (2025, local time, no weather): the yardstick a home's heat loss is
     *         sized against, so that annual energies hold whatever part of the year is generated.
     */
    static TimeAxis referenceYear()
    {
        return Reference.YEAR;
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

    /**
     * @param d          a day.
     * @param localHours a local clock time on that day in hours (may exceed 24 for the night after it).
     * @return the epoch ms at which the local clock shows that time, counted from the day's noon so that
     *         behaviour keeps to the clock on the days the clock changes.
     */
    long at(final int d, final double localHours)
    {
        return noon[d] + (long)((localHours - 12.0) * HOUR_MILLIS);
    }

    /**
     * @param d a day.
     * @return its local date.
     */
    LocalDate date(final int d)
    {
        return firstDate.plusDays(d);
    }

    private void fill(final int i, final long at, final long[] noons, final double[] anomaly)
    {
        final ZonedDateTime local = Instant.ofEpochMilli(at).atZone(Climate.ZONE);
        final LocalDate date = local.toLocalDate();
        final int d = (int)(date.toEpochDay() - firstDate.toEpochDay());
        final double middle = Math.min(intervalMillis, HOUR_MILLIS) / 2.0;
        final double hours = local.getHour() + (local.getMinute() * 60_000.0 + local.getSecond() * 1_000.0 + middle)
            / HOUR_MILLIS;
        final double utcHours = Math.floorMod(at + (long)middle, DAY_MILLIS) / (double)HOUR_MILLIS;
        final double yearDay = date.getDayOfYear() + hours / 24.0;
        final long moment = at + (long)middle;
        final int k = moment < noons[d + 1] ? d : d + 1;
        final double fraction = (moment - noons[k]) / (double)(noons[k + 1] - noons[k]);
        millis[i] = at;
        hour[i] = local.getHour();
        localHours[i] = hours;
        day[i] = d;
        dayType[i] = dayTypeOfDay[d];
        period[i] = period(date);
        month[i] = date.getMonthValue() - 1;
        dayOfYear[i] = date.getDayOfYear();
        temperature[i] = Climate.temperature(yearDay, hours, Climate.blend(anomaly[k], anomaly[k + 1], fraction));
        elevation[i] = Climate.elevation(date.getDayOfYear(), utcHours);
        darkness[i] = Climate.darkness(elevation[i], 0.0);
        inlet[i] = Climate.inletTemperature(yearDay);
    }

    private static long noonOf(final LocalDate date)
    {
        return date.atTime(LocalTime.NOON).atZone(Climate.ZONE).toInstant().toEpochMilli();
    }

    private static LocalDate localDate(final long epochMillis)
    {
        return Instant.ofEpochMilli(epochMillis).atZone(Climate.ZONE).toLocalDate();
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

    /** The reference year, built once on first use. */
    private static final class Reference
    {
        static final TimeAxis YEAR = build(
            LocalDate.of(2025, 1, 1).atStartOfDay(Climate.ZONE).toInstant().toEpochMilli(), HOUR_MILLIS, 8_760, null);
    }
}
