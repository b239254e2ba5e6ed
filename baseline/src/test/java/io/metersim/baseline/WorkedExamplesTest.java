package io.metersim.baseline;

import io.metersim.core.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked examples of the research notes (dr-and-sinks-notes.md section 1), computed there by hand from the rules:
 * flat load on the eligible weekdays D1 (newest) ... D10 = 10, 12, 11, 13, 9, 14, 10, 12, 11, 7 kW, an event from
 * 14 to 18 h, 14.3 kW in the adjustment window and 9.0 kW during the event. Every other weekday holds 50 kW and every
 * weekend day 100 kW, so a wrong day selection cannot reproduce the figures.
 */
class WorkedExamplesTest
{
    private static final double EPS = 1e-9;
    private static final double[] D1_TO_D10 = {10, 12, 11, 13, 9, 14, 10, 12, 11, 7};
    private static final LocalDate EVENT_DAY = LocalDate.of(2025, 2, 12);
    /** The weekdays before Wednesday 2025-02-12, newest first (no Danish holiday among them). */
    private static final LocalDate[] WEEKDAYS = weekdaysBefore(EVENT_DAY, 12);
    private static final Instant EVENT_START = EVENT_DAY.atTime(14, 0).atZone(TestSeries.ZONE).toInstant();
    private static final Duration FOUR_HOURS = Duration.ofHours(4);
    private static final DayRules RULES = DayRules.of(TestSeries.ZONE, HolidayCalendar.DK);

    @Test
    void caisoShouldClampTheRatioTo1Point2()
    {
        final BaselineResult result = baseline(BaselineMethod.CAISO, WEEKDAYS, D1_TO_D10, 14.3);

        for (int h = 0; h < 4; h++)
        {
            assertEquals(10.9, result.baselineKw(h), EPS);
            assertEquals(13.08, result.adjustedKw(h), EPS);
            assertEquals(9.0, result.actualKw(h), EPS);
        }
        assertEquals(1.2, result.adjustment(), EPS);
        assertTrue(result.adjustmentLimited(), "14.3 / 10.9 = 1.3119 is clamped");
        assertEquals(16.32, result.reductionKwh(), EPS);
        assertEquals(10, result.selectedDayCount());
        assertEquals(List.of(WEEKDAYS).subList(0, 10), selectedDays(result));
    }

    @Test
    void caisoShouldStayAt13Point08WithSixteenKilowattsInTheWindow()
    {
        assertEquals(13.08, baseline(BaselineMethod.CAISO, WEEKDAYS, D1_TO_D10, 16.0).adjustedKw(0), EPS);
    }

    @Test
    void pjmShouldAverageTheHighestFourOfFiveAndAddTheWindowDifference()
    {
        final BaselineResult result = baseline(BaselineMethod.PJM, WEEKDAYS, D1_TO_D10, 14.3);

        assertEquals(11.5, result.baselineKw(0), EPS);
        assertEquals(2.8, result.adjustment(), EPS);
        assertEquals(14.3, result.adjustedKw(3), EPS);
        assertEquals(21.2, result.reductionKwh(), EPS);
        assertFalse(result.adjustmentLimited());
        assertEquals(List.of(WEEKDAYS[0], WEEKDAYS[1], WEEKDAYS[2], WEEKDAYS[3]), selectedDays(result));
    }

    @Test
    void pjmShouldBeUncappedWithSixteenKilowattsInTheWindow()
    {
        assertEquals(16.0, baseline(BaselineMethod.PJM, WEEKDAYS, D1_TO_D10, 16.0).adjustedKw(0), EPS);
    }

    @Test
    void pjmShouldReplaceALowUsageDayByTheNextOlderOne()
    {
        final double[] loads = D1_TO_D10.clone();
        loads[2] = 2.0;

        final BaselineResult result = baseline(BaselineMethod.PJM, WEEKDAYS, loads, 14.3);

        assertEquals(12.25, result.baselineKw(0), EPS, "2.0 < 25 % of the 5-day mean 9.2; D6 (14) replaces D3");
        assertEquals(List.of(WEEKDAYS[0], WEEKDAYS[1], WEEKDAYS[3], WEEKDAYS[5]), selectedDays(result));
    }

    @Test
    void nyisoShouldAverageTheHighestFiveOfTenStartingTwoDaysBefore()
    {
        final LocalDate[] fromTwoDaysBefore = java.util.Arrays.copyOfRange(WEEKDAYS, 1, WEEKDAYS.length);

        final BaselineResult result = baseline(BaselineMethod.NYISO, fromTwoDaysBefore, D1_TO_D10, 14.3);

        assertEquals(12.4, result.baselineKw(0), EPS);
        assertEquals(1.9, result.adjustment(), EPS);
        assertFalse(result.adjustmentLimited(), "1.9 is within the cap 2.48");
        assertEquals(14.3, result.adjustedKw(0), EPS);
        assertEquals(21.2, result.reductionKwh(), EPS);
    }

    @Test
    void nyisoShouldCapTheAdjustmentAtTwentyPercentOfTheBaseline()
    {
        final LocalDate[] fromTwoDaysBefore = java.util.Arrays.copyOfRange(WEEKDAYS, 1, WEEKDAYS.length);

        final BaselineResult result = baseline(BaselineMethod.NYISO, fromTwoDaysBefore, D1_TO_D10, 16.0);

        assertEquals(2.48, result.adjustment(), EPS);
        assertTrue(result.adjustmentLimited());
        assertEquals(14.88, result.adjustedKw(0), EPS);
    }

    @Test
    void ercotShouldDropTheHighestAndLowestOfTen()
    {
        final BaselineResult result = baseline(BaselineMethod.ERCOT, WEEKDAYS, D1_TO_D10, 14.3);

        assertEquals(11.0, result.baselineKw(0), EPS);
        assertEquals(8, result.selectedDayCount());
        assertFalse(selectedDays(result).contains(WEEKDAYS[5]), "14 kW, the highest, is dropped");
        assertFalse(selectedDays(result).contains(WEEKDAYS[9]), "7 kW, the lowest, is dropped");
    }

    @Test
    void metricsShouldMatchTheNotesExample()
    {
        final AccuracyMetrics metrics =
            Baselines.accuracy(new double[] {11, 11, 11, 11}, new double[] {10, 12, 11, 13});

        assertEquals(4, metrics.intervals());
        assertEquals(-0.5, metrics.biasKw(), EPS);
        assertEquals(-4.35, metrics.biasPercent(), 0.005);
        assertEquals(-0.5 / 11.5 * 100, metrics.biasPercent(), EPS);
        assertEquals(1.2247, metrics.rmseKw(), 0.00005);
        assertEquals(Math.sqrt(1.5), metrics.rmseKw(), EPS);
        assertEquals(10.65, metrics.cvRmsePercent(), 0.005);
    }

    @Test
    void evaluationShouldGiveTheAdjustedBaselineEnergy()
    {
        final IntervalSeries series = series(WEEKDAYS, D1_TO_D10, 14.3);

        assertEquals(4 * 13.08, Baselines.baselineKwh(BaselineMethod.CAISO, series, EVENT_START, FOUR_HOURS, RULES),
            EPS);
    }

    private static BaselineResult baseline(
        final BaselineMethod method, final LocalDate[] days, final double[] loads, final double windowKw)
    {
        final IntervalSeries series = series(days, loads, windowKw);
        return Baselines.compute(Baselines.plan(method, EVENT_START, FOUR_HOURS, series, RULES), series);
    }

    private static IntervalSeries series(final LocalDate[] days, final double[] loads, final double windowKw)
    {
        return new TestSeries.FlatDays().newestFirst(days, loads).event(EVENT_DAY, 14, windowKw, 9.0)
            .series(Instant.parse("2024-12-01T00:00:00Z"), Instant.parse("2025-02-13T00:00:00Z"));
    }

    static List<LocalDate> selectedDays(final BaselineResult result)
    {
        final List<LocalDate> days = new java.util.ArrayList<>();
        for (int i = 0; i < result.selectedDayCount(); i++)
        {
            days.add(result.selectedDay(i));
        }
        return days;
    }

    private static LocalDate[] weekdaysBefore(final LocalDate day, final int count)
    {
        final LocalDate[] days = new LocalDate[count];
        LocalDate date = day;
        for (int i = 0; i < count; )
        {
            date = date.minusDays(1);
            if (date.getDayOfWeek().getValue() <= 5)
            {
                days[i++] = date;
            }
        }
        return days;
    }
}
