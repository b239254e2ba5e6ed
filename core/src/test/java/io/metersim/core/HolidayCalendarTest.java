package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Easter and the holiday calendars against published dates (Easter Sunday tables of the Gregorian calendar; Danish
 * helligdage as borger.dk lists them; Norwegian helligdager per lov om helligdager og helligdagsfred).
 */
class HolidayCalendarTest
{
    @ParameterizedTest
    @CsvSource({"1961,1961-04-02", "2008,2008-03-23", "2011,2011-04-24", "2019,2019-04-21", "2024,2024-03-31",
        "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2038,2038-04-25", "2285,2285-03-22"})
    void shouldComputeEasterSunday(final int year, final String sunday)
    {
        assertEquals(LocalDate.parse(sunday), HolidayCalendar.easterSunday(year));
    }

    @Test
    void shouldListTheDanishHolidaysOf2025()
    {
        final Map<LocalDate, String> holidays = HolidayCalendar.DK.holidays(2025);

        assertEquals(List.of("2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29",
            "2025-06-05", "2025-06-08", "2025-06-09", "2025-12-24", "2025-12-25", "2025-12-26"),
            holidays.keySet().stream().map(LocalDate::toString).toList());
        assertEquals("Kristi himmelfartsdag", holidays.get(LocalDate.of(2025, 5, 29)));
    }

    @Test
    void shouldKeepStoreBededagUpTo2023Only()
    {
        assertTrue(HolidayCalendar.DK.isHoliday(LocalDate.of(2023, 5, 5)), "4th Friday after Easter 2023-04-09");
        assertTrue(HolidayCalendar.DK.isHoliday(LocalDate.of(2022, 5, 13)));
        assertFalse(HolidayCalendar.DK.isHoliday(LocalDate.of(2024, 4, 26)), "abolished from 2024");
        assertFalse(HolidayCalendar.DK.isHoliday(LocalDate.of(2025, 5, 16)));
    }

    @Test
    void shouldListTheNorwegianHolidaysOf2026()
    {
        assertEquals(List.of("2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01",
            "2026-05-14", "2026-05-17", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26"),
            HolidayCalendar.NO.holidays(2026).keySet().stream().map(LocalDate::toString).toList());
        assertFalse(HolidayCalendar.NO.isHoliday(LocalDate.of(2026, 6, 5)), "Grundlovsdag is Danish");
        assertFalse(HolidayCalendar.DK.isHoliday(LocalDate.of(2026, 5, 17)), "17 May is Norwegian");
    }

    @Test
    void shouldRefuseAnUnknownCalendarNamingTheAllowedOnes()
    {
        final MetersimException ex = assertThrows(MetersimException.class, () -> HolidayCalendar.parse("SE"));

        assertEquals("unknown holiday calendar: SE [allowed=DK, NO]", ex.getMessage());
        assertEquals(HolidayCalendar.NO, HolidayCalendar.parse(" no "));
    }
}
