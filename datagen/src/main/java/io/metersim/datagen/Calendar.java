package io.metersim.datagen;

import io.metersim.core.HolidayCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * Norwegian day types: workday, Saturday, or Sunday and public holiday (core's {@link HolidayCalendar#NO}).
 */
final class Calendar
{
    private Calendar()
    {
    }

    /**
     * @param date a local date.
     * @return {@link Tables#SUNDAY} on Sundays and public holidays (and Christmas Eve), {@link Tables#SATURDAY} on
     *         Saturdays and New Year's Eve, {@link Tables#WORKDAY} otherwise.
     */
    static int dayType(final LocalDate date)
    {
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY || isHoliday(date))
        {
            return Tables.SUNDAY;
        }
        final boolean newYearsEve = date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 31;
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || newYearsEve ? Tables.SATURDAY : Tables.WORKDAY;
    }

    /**
     * Public holidays of Norway (helligdager and 1 and 17 May) plus Christmas Eve, when almost everyone is at home.
     *
     * @param date a local date.
     * @return true on a holiday.
     */
    static boolean isHoliday(final LocalDate date)
    {
        return HolidayCalendar.NO.isHoliday(date) || date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 24;
    }
}
