package io.metersim.baseline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer baselines of demand-response events (CAISO 10-in-10, PJM High 4 of 5, NYISO High 5 of 10, ERCOT
 * Middle 8 of 10) over interval load series, and their accuracy on placebo days.
 * <pre>
 * BaselinePlan plan = Baselines.plan(BaselineMethod.CAISO, eventStart, Duration.ofHours(4), series, rules);
 * BaselineResult result = Baselines.compute(plan, series);
 * double kWh = result.reductionKwh();
 * </pre>
 * For many series on one time axis (every VEN of a fleet) make the plan once and refill one result with
 * {@link #compute(BaselinePlan, LoadSeries, BaselineResult)}, which allocates nothing.
 */
public final class Baselines
{
    private Baselines()
    {
    }

    /**
     * @param method     the baseline method.
     * @param eventStart the event's start, on the series' interval grid.
     * @param duration   the event's duration, a whole number of intervals.
     * @param axis       a series whose start, interval and length the plan's positions refer to.
     * @param rules      time zone, holidays and event days.
     * @return where the baseline reads, for every series on that axis.
     * @throws BaselineException when the event is off the grid or outside the series.
     */
    public static BaselinePlan plan(
        final BaselineMethod method,
        final Instant eventStart,
        final Duration duration,
        final LoadSeries axis,
        final DayRules rules)
    {
        return BaselinePlan.build(method, eventStart.toEpochMilli(), duration.toMillis(), axis.startMillis(),
            axis.intervalMillis(), axis.length(), rules);
    }

    /**
     * @param plan the plan.
     * @return a result sized for the plan, to refill with {@link #compute(BaselinePlan, LoadSeries, BaselineResult)}.
     */
    public static BaselineResult newResult(final BaselinePlan plan)
    {
        return new BaselineResult(plan);
    }

    /**
     * @param plan   the plan.
     * @param series a series on the plan's time axis.
     * @return its baseline.
     * @throws BaselineException when too few eligible days have readings.
     */
    public static BaselineResult compute(final BaselinePlan plan, final LoadSeries series)
    {
        return compute(plan, series, new BaselineResult(plan));
    }

    /**
     * Refills {@code into} with the series' baseline. Allocates nothing (unless it fails).
     *
     * @param plan   the plan.
     * @param series a series on the plan's time axis.
     * @param into   a result made by {@link #newResult} for this plan.
     * @return {@code into}.
     * @throws BaselineException when too few eligible days have readings, or {@code into} is for another plan.
     */
    public static BaselineResult compute(final BaselinePlan plan, final LoadSeries series, final BaselineResult into)
    {
        if (into.plan != plan)
        {
            throw new BaselineException("result made for another plan; use Baselines.newResult(plan) [method="
                + plan.method.id() + "]");
        }
        Calculation.run(plan, series, into);
        return into;
    }

    /**
     * The evaluation of a run's event: the adjusted baseline's energy over the event.
     *
     * @param method     the method.
     * @param series     the VEN's series (its history before the event included).
     * @param eventStart the event's start.
     * @param duration   its duration.
     * @param rules      time zone, holidays and event days.
     * @return baseline kWh over the event window.
     */
    public static double baselineKwh(
        final BaselineMethod method,
        final LoadSeries series,
        final Instant eventStart,
        final Duration duration,
        final DayRules rules)
    {
        return compute(plan(method, eventStart, duration, series, rules), series).baselineKwh();
    }

    /**
     * @param baseline predicted kW per interval.
     * @param actual   measured kW per interval, as many.
     * @return bias, % bias, RMSE and CV(RMSE) of the prediction.
     * @throws BaselineException when the arrays are empty or of different lengths.
     */
    public static AccuracyMetrics accuracy(final double[] baseline, final double[] actual)
    {
        if (baseline.length != actual.length)
        {
            throw new BaselineException("baseline and actual differ in length [baseline=" + baseline.length
                + " actual=" + actual.length + "]");
        }
        return AccuracyMetrics.of(baseline, actual, actual.length);
    }

    /**
     * Placebo accuracy: the event's window is moved to each of the {@code days} most recent like days before the
     * event day that carry no event, and the adjusted baseline there is compared with the actual load.
     *
     * @param method     the method.
     * @param series     the series.
     * @param eventStart the event's start (its local time of day and day type are kept).
     * @param duration   its duration.
     * @param rules      time zone, holidays and event days.
     * @param days       how many placebo days, 1 or more.
     * @return the metrics and the days used.
     * @throws BaselineException when fewer placebo days, or too few baseline days for one of them, are in reach.
     */
    public static PlaceboResult placebo(
        final BaselineMethod method,
        final LoadSeries series,
        final Instant eventStart,
        final Duration duration,
        final DayRules rules,
        final int days)
    {
        if (days < 1)
        {
            throw new BaselineException("placebo days must be at least 1 [days=" + days + "]");
        }
        final BaselinePlan event = plan(method, eventStart, duration, series, rules);
        final ZonedDateTime local = eventStart.atZone(rules.zone());
        final List<LocalDate> used = new ArrayList<>();
        final double[] baseline = new double[days * event.eventSlots];
        final double[] actual = new double[baseline.length];
        final int eventType = rules.dayType(event.eventDate);
        for (int back = 1; used.size() < days; back++)
        {
            final ZonedDateTime start = local.minusDays(back);
            if (start.toInstant().toEpochMilli() - BaselinePlan.PRE_EVENT_MILLIS < series.startMillis())
            {
                throw new BaselineException("not enough placebo days in the data's reach: found " + used.size()
                    + ", need " + days + " [method=" + method.id() + " event_start=" + eventStart + "]");
            }
            final LocalDate date = start.toLocalDate();
            if (rules.eventDays().contains(date) || (rules.dayType(date) == 0) != (eventType == 0))
            {
                continue;
            }
            final BaselinePlan plan = plan(method, start.toInstant(), duration, series, rules);
            final BaselineResult result = compute(plan, series);
            for (int i = 0; i < plan.eventSlots; i++)
            {
                baseline[used.size() * plan.eventSlots + i] = result.adjustedKw(i);
                actual[used.size() * plan.eventSlots + i] = result.actualKw(i);
            }
            used.add(date);
        }
        return new PlaceboResult(method, used, AccuracyMetrics.of(baseline, actual, baseline.length));
    }
}
