package io.metersim.baseline;

import io.metersim.core.HolidayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Hourly test series whose every value is a function of the local date and time, so expected baselines follow
 * from the rules by hand.
 */
final class TestSeries
{
    static final ZoneId ZONE = DayRules.COPENHAGEN;
    static final long HOUR = 3_600_000L;

    private TestSeries()
    {
    }

    static IntervalSeries hourly(final Instant from, final Instant to, final ToDoubleFunction<ZonedDateTime> kw)
    {
        final int hours = (int)((to.toEpochMilli() - from.toEpochMilli()) / HOUR);
        final double[] values = new double[hours];
        for (int h = 0; h < hours; h++)
        {
            values[h] = kw.applyAsDouble(Instant.ofEpochMilli(from.toEpochMilli() + h * HOUR).atZone(ZONE));
        }
        return IntervalSeries.of(from.toEpochMilli(), HOUR, values);
    }

    /**
     * Flat days: each listed date holds its kW all day; other weekdays hold {@code otherWeekday}, weekends and
     * holidays {@code weekend}; the event day holds {@code adjustmentKw} before the event hour and {@code eventKw}
     * from it on.
     */
    static final class FlatDays
    {
        final Map<LocalDate, Double> days = new HashMap<>();
        LocalDate eventDay;
        int eventHour;
        double adjustmentKw;
        double eventKw;
        double otherWeekday = 50;
        double weekend = 100;

        FlatDays newestFirst(final LocalDate[] dates, final double... kw)
        {
            for (int i = 0; i < kw.length; i++)
            {
                days.put(dates[i], kw[i]);
            }
            return this;
        }

        FlatDays event(final LocalDate day, final int hour, final double adjustment, final double during)
        {
            eventDay = day;
            eventHour = hour;
            adjustmentKw = adjustment;
            eventKw = during;
            return this;
        }

        double kw(final ZonedDateTime at)
        {
            final LocalDate date = at.toLocalDate();
            if (date.equals(eventDay))
            {
                return at.getHour() < eventHour ? adjustmentKw : eventKw;
            }
            final Double listed = days.get(date);
            if (null != listed)
            {
                return listed;
            }
            final boolean weekendOrHoliday = date.getDayOfWeek().getValue() >= 6
                || HolidayCalendar.DK.isHoliday(date);
            return weekendOrHoliday ? weekend : otherWeekday;
        }

        IntervalSeries series(final Instant from, final Instant to)
        {
            return hourly(from, to, this::kw);
        }
    }
}
