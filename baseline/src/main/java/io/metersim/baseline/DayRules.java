package io.metersim.baseline;

import io.metersim.core.HolidayCalendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * How days are told apart: the time zone whose midnights bound them (DST days have 23 or 25 hours), the holiday
 * calendar, and the days that carry events (never used as baseline days).
 *
 * @param zone      the local time zone, e.g. {@code Europe/Copenhagen}.
 * @param holidays  the holiday calendar.
 * @param eventDays local dates with an event; copied.
 */
public record DayRules(ZoneId zone, HolidayCalendar holidays, Set<LocalDate> eventDays)
{
    /** Denmark's zone. */
    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /**
     * @throws BaselineException when the zone or the calendar is missing.
     */
    public DayRules
    {
        if (null == zone || null == holidays)
        {
            throw new BaselineException("missing day rules [zone=" + zone + " holidays=" + holidays + "]");
        }
        eventDays = null == eventDays ? Set.of() : Set.copyOf(eventDays);
    }

    /**
     * @param zone     the local time zone.
     * @param holidays the holiday calendar.
     * @return rules without event days.
     */
    public static DayRules of(final ZoneId zone, final HolidayCalendar holidays)
    {
        return new DayRules(zone, holidays, Set.of());
    }

    /**
     * @param days more event days.
     * @return these rules with the days added.
     */
    public DayRules withEventDays(final Set<LocalDate> days)
    {
        final Set<LocalDate> all = new HashSet<>(eventDays);
        all.addAll(days);
        return new DayRules(zone, holidays, all);
    }

    /**
     * @param date a local date.
     * @return 0 for a weekday that is no holiday, 1 for a Saturday that is no holiday, 2 for a Sunday or holiday.
     */
    int dayType(final LocalDate date)
    {
        if (holidays.isHoliday(date))
        {
            return 2;
        }
        switch (date.getDayOfWeek())
        {
            case SATURDAY:
                return 1;
            case SUNDAY:
                return 2;
            default:
                return 0;
        }
    }
}
