package io.metersim.baseline;

import io.metersim.core.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Placebo accuracy on a load that rises by 1 kW a day during the event hours and stays at 1 kW otherwise: the CAISO
 * ratio is exactly 1 and the baseline on a placebo day is the mean day number of its 10 previous weekdays, which for
 * a Wednesday lies 7.7 days back (1, 2, 5, 6, 7, 8, 9, 12, 13, 14) and for a Tuesday 8.1 days (1, 4, 5, 6, 7, 8,
 * 11, 12, 13, 14).
 */
class PlaceboTest
{
    private static final double EPS = 1e-9;
    private static final DayRules RULES = DayRules.of(TestSeries.ZONE, HolidayCalendar.DK);
    private static final IntervalSeries RISING = TestSeries.hourly(Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2025-04-01T00:00:00Z"), PlaceboTest::kw);
    private static final Instant THURSDAY_14H =
        ZonedDateTime.of(2025, 3, 13, 14, 0, 0, 0, TestSeries.ZONE).toInstant();

    @Test
    void shouldMeasureBiasAndRmseOnTheMostRecentNonEventWeekdays()
    {
        final PlaceboResult placebo = Baselines.placebo(BaselineMethod.CAISO, RISING, THURSDAY_14H,
            Duration.ofHours(4), RULES, 2);

        assertEquals(List.of(LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 11)), placebo.days());
        final double meanActual = (LocalDate.of(2025, 3, 12).toEpochDay() + LocalDate.of(2025, 3, 11).toEpochDay())
            / 2.0;
        assertEquals(8, placebo.metrics().intervals());
        assertEquals(-7.9, placebo.metrics().biasKw(), EPS);
        assertEquals(-7.9 / meanActual * 100, placebo.metrics().biasPercent(), EPS);
        assertEquals(Math.sqrt((7.7 * 7.7 + 8.1 * 8.1) / 2), placebo.metrics().rmseKw(), EPS);
        assertEquals(Math.sqrt((7.7 * 7.7 + 8.1 * 8.1) / 2) / meanActual * 100, placebo.metrics().cvRmsePercent(),
            EPS);
    }

    @Test
    void shouldSkipEventDaysAsPlaceboDays()
    {
        final PlaceboResult placebo = Baselines.placebo(BaselineMethod.CAISO, RISING, THURSDAY_14H,
            Duration.ofHours(4), RULES.withEventDays(java.util.Set.of(LocalDate.of(2025, 3, 12))), 1);

        assertEquals(List.of(LocalDate.of(2025, 3, 11)), placebo.days());
    }

    @Test
    void shouldNameHowManyBaselineDaysWereFoundForThePlaceboDayThatRunsOutOfHistory()
    {
        // Wednesday 2025-01-15 has 9 weekdays in reach: the data starts on 1 January, a holiday
        final BaselineException ex = assertThrows(BaselineException.class, () -> Baselines.placebo(
            BaselineMethod.CAISO, RISING, THURSDAY_14H, Duration.ofHours(4), RULES, 60));

        assertEquals("not enough eligible days for the caiso baseline: found 9, need 10 [method=caiso "
            + "event_start=2025-01-15T13:00:00Z day_type=weekday lookback_days=45 candidates_in_reach=9]",
            ex.getMessage());
    }

    private static double kw(final ZonedDateTime at)
    {
        final boolean weekend = at.getDayOfWeek().getValue() >= 6;
        return !weekend && at.getHour() >= 14 && at.getHour() < 18 ? at.toLocalDate().toEpochDay() : 1.0;
    }
}
