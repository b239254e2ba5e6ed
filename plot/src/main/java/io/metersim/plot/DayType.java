package io.metersim.plot;

import io.metersim.core.HolidayCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The day types of a daily profile, with the Danish holidays of core's {@link HolidayCalendar#DK} counted as Sundays.
 */
enum DayType
{
    /** Monday to Friday, not a holiday. */
    WORKDAY("workday"),
    /** Saturday, not a holiday. */
    SATURDAY("Saturday"),
    /** Sunday or a public holiday. */
    SUNDAY_HOLIDAY("Sunday and holiday");

    private final String label;

    DayType(final String label)
    {
        this.label = label;
    }

    String label()
    {
        return label;
    }

    static DayType of(final LocalDate date)
    {
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY || isHoliday(date))
        {
            return SUNDAY_HOLIDAY;
        }
        return date.getDayOfWeek() == DayOfWeek.SATURDAY ? SATURDAY : WORKDAY;
    }

    /**
     * @return true on a Danish holiday of core's calendar ({@link HolidayCalendar#DK}, the one baselines use).
     */
    static boolean isHoliday(final LocalDate date)
    {
        return HolidayCalendar.DK.isHoliday(date);
    }
}
