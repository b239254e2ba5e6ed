package io.metersim.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DayTypeTest
{
    /**
     * The Danish public holidays of 2025 as borger.dk lists them (Store Bededag abolished from 2024), plus the
     * customary days off that baselines also treat as holidays: Grundlovsdag and Christmas Eve.
     */
    @Test
    void danishHolidaysOf2025()
    {
        final List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1))
        {
            if (DayType.isHoliday(d))
            {
                holidays.add(d);
            }
        }
        assertEquals(List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 17), LocalDate.of(2025, 4, 18),
            LocalDate.of(2025, 4, 20), LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 29), LocalDate.of(2025, 6, 5),
            LocalDate.of(2025, 6, 8), LocalDate.of(2025, 6, 9), LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 25),
            LocalDate.of(2025, 12, 26)), holidays);
    }

    @Test
    void storeBededagCountsUntil2023Only()
    {
        assertTrue(DayType.isHoliday(LocalDate.of(2023, 5, 5)));
        assertFalse(DayType.isHoliday(LocalDate.of(2024, 4, 26)));
    }

    @ParameterizedTest
    @CsvSource({"2025-01-17, WORKDAY", "2025-01-18, SATURDAY", "2025-01-19, SUNDAY_HOLIDAY",
        "2025-04-21, SUNDAY_HOLIDAY", "2025-05-29, SUNDAY_HOLIDAY", "2025-06-05, SUNDAY_HOLIDAY",
        "2025-12-24, SUNDAY_HOLIDAY", "2025-12-26, SUNDAY_HOLIDAY"})
    void dayTypes(final String date, final DayType expected)
    {
        assertEquals(expected, DayType.of(LocalDate.parse(date)));
    }
}
