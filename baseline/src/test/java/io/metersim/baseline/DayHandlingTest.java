package io.metersim.baseline;

import io.metersim.core.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Local days: DST days of 23 and 25 hours, weekends, holidays, event days and the data's reach. The load is the local
 * hour of day, so a baseline read at the right wall-clock times equals the hours themselves exactly.
 */
class DayHandlingTest
{
    private static final double EPS = 1e-9;
    private static final Duration FOUR_HOURS = Duration.ofHours(4);
    private static final DayRules RULES = DayRules.of(TestSeries.ZONE, HolidayCalendar.DK);
    private static final IntervalSeries HOUR_OF_DAY = TestSeries.hourly(Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2025-12-31T00:00:00Z"), at -> at.getHour());

    @Test
    void shouldReadTheSameWallClockHoursAcrossTheSpringDstChange()
    {
        // Sunday 2025-04-06 16:00 CEST; its 4 like days include Sunday 2025-03-30 (23 h) and two CET days before it
        final BaselineResult result = compute(BaselineMethod.CAISO, local(2025, 4, 6, 16));

        assertEquals(List.of(LocalDate.of(2025, 4, 5), LocalDate.of(2025, 3, 30), LocalDate.of(2025, 3, 29),
            LocalDate.of(2025, 3, 23)), WorkedExamplesTest.selectedDays(result));
        for (int h = 0; h < 4; h++)
        {
            assertEquals(16 + h, result.baselineKw(h), EPS, "hour " + h);
            assertEquals(16 + h, result.actualKw(h), EPS);
        }
        assertEquals(1.0, result.adjustment(), EPS);
    }

    @Test
    void shouldReadTheSameWallClockHoursAcrossTheAutumnDstChange()
    {
        // Sunday 2025-11-02 16:00 CET; Sunday 2025-10-26 has 25 hours and the Sundays before it are CEST
        final BaselineResult result = compute(BaselineMethod.PJM, local(2025, 11, 2, 16));

        assertEquals(List.of(LocalDate.of(2025, 10, 26), LocalDate.of(2025, 10, 19)),
            WorkedExamplesTest.selectedDays(result));
        assertEquals(16.0, result.baselineKw(0), EPS);
        assertEquals(19.0, result.adjustedKw(3), EPS);
        assertEquals(0.0, result.reductionKwh(), EPS);
    }

    @Test
    void shouldTakeTheDayTypeFromTheLocalDate()
    {
        // 2025-04-05T22:00Z is a Saturday in UTC but Sunday 00:00 in Copenhagen
        final BaselinePlan plan = plan(BaselineMethod.PJM, Instant.parse("2025-04-05T22:00:00Z"), RULES);

        assertEquals(LocalDate.of(2025, 4, 6), plan.eventDate());
        assertFalse(plan.weekday());
        assertEquals(List.of(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 3, 23), LocalDate.of(2025, 3, 16)),
            plan.candidateDays().subList(0, 3));
    }

    @Test
    void shouldTreatAHolidayEventAsAWeekendOne()
    {
        // Thursday 2025-05-29 is Kristi himmelfartsdag
        final BaselinePlan plan = plan(BaselineMethod.CAISO, local(2025, 5, 29, 16), RULES);

        assertFalse(plan.weekday());
        assertEquals(4, plan.daysNeeded());
        assertEquals(List.of(LocalDate.of(2025, 5, 25), LocalDate.of(2025, 5, 24), LocalDate.of(2025, 5, 18),
            LocalDate.of(2025, 5, 17)), plan.candidateDays().subList(0, 4));
    }

    @Test
    void shouldSkipHolidaysAndEventDaysForAWeekdayEvent()
    {
        final DayRules rules = RULES.withEventDays(Set.of(LocalDate.of(2025, 5, 27)));

        final BaselinePlan plan = plan(BaselineMethod.CAISO, local(2025, 5, 30, 16), rules);

        assertTrue(plan.weekday());
        assertEquals(List.of(LocalDate.of(2025, 5, 28), LocalDate.of(2025, 5, 26), LocalDate.of(2025, 5, 23)),
            plan.candidateDays().subList(0, 3), "29 May is a holiday, 27 May an event day");
        assertEquals(LocalDate.of(2025, 4, 15), plan.candidateDays().get(plan.candidateDays().size() - 1),
            "45 days back, Easter 17-21 April skipped");
    }

    @Test
    void nyisoShouldSkipTheDayBeforeAWeekdayEvent()
    {
        // Wednesday 2025-05-28: CAISO starts from Tuesday 27 May, NYISO two days before, Monday 26 May
        assertEquals(LocalDate.of(2025, 5, 27), plan(BaselineMethod.CAISO, local(2025, 5, 28, 16), RULES)
            .candidateDays().get(0));
        assertEquals(LocalDate.of(2025, 5, 26), plan(BaselineMethod.NYISO, local(2025, 5, 28, 16), RULES)
            .candidateDays().get(0));
    }

    @Test
    void shouldSkipADayWithAMissingReadingAsAnOutage()
    {
        // Tuesday 2025-03-11 lacks its 15:00 reading, inside the window of a 16:00 event: the 11th weekday replaces it
        final IntervalSeries gap = TestSeries.hourly(Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-04-01T00:00:00Z"), at -> at.toLocalDate().equals(LocalDate.of(2025, 3, 11))
                && at.getHour() == 15 ? Double.NaN : at.getHour());

        final BaselineResult result = Baselines.compute(plan(BaselineMethod.CAISO, local(2025, 3, 12, 16), RULES),
            gap);

        assertEquals(LocalDate.of(2025, 3, 10), result.selectedDay(0));
        assertEquals(LocalDate.of(2025, 2, 25), result.selectedDay(9), "11 weekdays back");
        assertEquals(16.0, result.baselineKw(0), EPS);
    }

    @Test
    void shouldNameHowManyDaysWereFoundWhenTooFewAreInReach()
    {
        final IntervalSeries shortSeries = TestSeries.hourly(Instant.parse("2025-02-01T00:00:00Z"),
            Instant.parse("2025-02-13T00:00:00Z"), at -> 5.0);
        final BaselinePlan plan = Baselines.plan(BaselineMethod.CAISO, local(2025, 2, 12, 14), FOUR_HOURS,
            shortSeries, RULES);

        final BaselineException ex = assertThrows(BaselineException.class, () -> Baselines.compute(plan, shortSeries));

        assertEquals("not enough eligible days for the caiso baseline: found 7, need 10 [method=caiso "
            + "event_start=2025-02-12T13:00:00Z day_type=weekday lookback_days=45 candidates_in_reach=7]",
            ex.getMessage());
    }

    @Test
    void shouldRefuseAnEventOutsideTheData()
    {
        final BaselineException ex = assertThrows(BaselineException.class,
            () -> plan(BaselineMethod.PJM, Instant.parse("2025-01-01T02:00:00Z"), RULES));

        assertEquals("event outside the data's reach: the baseline needs the data from 4 h before the event to its "
            + "end [event_start=2025-01-01T02:00:00Z event_duration=PT4H data_start=2025-01-01T00:00:00Z "
            + "data_end=2025-12-31T00:00:00Z]", ex.getMessage());
    }

    @Test
    void shouldRefuseAnEventOffTheIntervalGrid()
    {
        final BaselineException ex = assertThrows(BaselineException.class,
            () -> plan(BaselineMethod.PJM, Instant.parse("2025-03-03T12:30:00Z"), RULES));

        assertEquals("the event must start on the data's interval grid [event_start=2025-03-03T12:30:00Z "
            + "data_start=2025-01-01T00:00:00Z interval=PT1H]", ex.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownMethodNamingTheAllowedOnes()
    {
        final BaselineException ex = assertThrows(BaselineException.class, () -> BaselineMethod.parse("miso"));

        assertEquals("unknown baseline method: miso [allowed=caiso, pjm, nyiso, ercot]", ex.getMessage());
        assertEquals(BaselineMethod.ERCOT, BaselineMethod.parse("Ercot"));
    }

    private static BaselineResult compute(final BaselineMethod method, final Instant start)
    {
        return Baselines.compute(plan(method, start, RULES), HOUR_OF_DAY);
    }

    private static BaselinePlan plan(final BaselineMethod method, final Instant start, final DayRules rules)
    {
        return Baselines.plan(method, start, FOUR_HOURS, HOUR_OF_DAY, rules);
    }

    private static Instant local(final int year, final int month, final int day, final int hour)
    {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, TestSeries.ZONE).toInstant();
    }
}
