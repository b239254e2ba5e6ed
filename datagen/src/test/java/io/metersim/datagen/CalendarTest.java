package io.metersim.datagen;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarTest
{
    @Test
    void shouldKnowTheNorwegianHolidaysOf2025()
    {
        for (final String holiday : new String[] {"2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21",
            "2025-05-01", "2025-05-17", "2025-05-29", "2025-06-08", "2025-06-09", "2025-12-24", "2025-12-25",
            "2025-12-26"})
        {
            assertTrue(Calendar.isHoliday(LocalDate.parse(holiday)), holiday);
            assertEquals(Tables.SUNDAY, Calendar.dayType(LocalDate.parse(holiday)), holiday);
        }
        assertFalse(Calendar.isHoliday(LocalDate.parse("2025-04-16")));
        assertEquals(Tables.SATURDAY, Calendar.dayType(LocalDate.parse("2025-04-19")), "Easter Saturday");
        assertEquals(Tables.SATURDAY, Calendar.dayType(LocalDate.parse("2025-12-31")), "New Year's Eve");
        assertEquals(Tables.WORKDAY, Calendar.dayType(LocalDate.parse("2025-05-30")));
    }
}
