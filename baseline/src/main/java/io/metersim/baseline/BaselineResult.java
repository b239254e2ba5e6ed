package io.metersim.baseline;

import java.time.LocalDate;

/**
 * One event's baseline for one series, per event interval: the unadjusted baseline, the adjusted one, the actual load
 * and the reduction. Reusable: {@link Baselines#compute(BaselinePlan, LoadSeries, BaselineResult)} refills it without
 * allocating, so one instance serves every VEN of an event. Not thread-safe.
 */
public final class BaselineResult
{
    final BaselinePlan plan;
    final double[] window;
    final double[] loads;
    final double[] dayMean;
    final boolean[] usable;
    final int[] order;
    final int[] selected;
    final double[] baseline;
    final double[] adjusted;
    int selectedCount;
    double adjustment;
    boolean limited;
    double reductionKwh;
    double baselineKwh;
    double actualKwh;

    BaselineResult(final BaselinePlan plan)
    {
        this.plan = plan;
        final int days = plan.candidateDates.length;
        this.window = new double[plan.windowSlots];
        this.loads = new double[days * plan.windowSlots];
        this.dayMean = new double[days];
        this.usable = new boolean[days];
        this.order = new int[days];
        this.selected = new int[days];
        this.baseline = new double[plan.windowSlots];
        this.adjusted = new double[plan.eventSlots];
    }

    /**
     * @return the plan this result was made for.
     */
    public BaselinePlan plan()
    {
        return plan;
    }

    /**
     * @return how many event intervals the result holds.
     */
    public int intervals()
    {
        return plan.eventSlots;
    }

    /**
     * @param interval an event interval, 0 to {@link #intervals()} - 1.
     * @return its start, epoch milliseconds.
     */
    public long intervalStartMillis(final int interval)
    {
        return plan.eventStartMillis + interval * plan.intervalMillis;
    }

    /**
     * @param interval an event interval.
     * @return the unadjusted baseline there, kW.
     */
    public double baselineKw(final int interval)
    {
        return baseline[plan.preSlots + interval];
    }

    /**
     * @param interval an event interval.
     * @return the adjusted baseline there, kW.
     */
    public double adjustedKw(final int interval)
    {
        return adjusted[interval];
    }

    /**
     * @param interval an event interval.
     * @return the series' load there, kW.
     */
    public double actualKw(final int interval)
    {
        return window[plan.preSlots + interval];
    }

    /**
     * @return the applied adjustment: the clamped ratio for CAISO, the (capped) kW added for the others.
     */
    public double adjustment()
    {
        return adjustment;
    }

    /**
     * @return true when the clamp (CAISO) or the cap (NYISO) limited the adjustment.
     */
    public boolean adjustmentLimited()
    {
        return limited;
    }

    /**
     * @return adjusted baseline minus actual, summed over the event, kWh.
     */
    public double reductionKwh()
    {
        return reductionKwh;
    }

    /**
     * @return the adjusted baseline's energy over the event, kWh.
     */
    public double baselineKwh()
    {
        return baselineKwh;
    }

    /**
     * @return the actual energy over the event, kWh.
     */
    public double actualKwh()
    {
        return actualKwh;
    }

    /**
     * @return how many days the baseline averages.
     */
    public int selectedDayCount()
    {
        return selectedCount;
    }

    /**
     * @param i 0 to {@link #selectedDayCount()} - 1.
     * @return the i-th day averaged, newest first.
     */
    public LocalDate selectedDay(final int i)
    {
        return plan.candidateDates[selected[i]];
    }
}
