package io.metersim.baseline;

import java.time.Instant;

/**
 * The arithmetic of one baseline over gathered window loads: usable days, day selection, mean, adjustment and
 * energies. Works in the result's scratch arrays; allocates nothing unless it fails.
 */
final class Calculation
{
    private static final double LOW_USAGE_SHARE = 0.25;
    private static final double CAISO_MIN_RATIO = 0.8;
    private static final double CAISO_MAX_RATIO = 1.2;
    private static final double NYISO_CAP_SHARE = 0.2;
    private static final double HOUR_MILLIS = 3_600_000.0;

    private Calculation()
    {
    }

    static void run(final BaselinePlan plan, final LoadSeries series, final BaselineResult into)
    {
        series.gatherKw(plan.eventDayPositions, plan.windowSlots, into.window);
        series.gatherKw(plan.candidatePositions, plan.candidatePositions.length, into.loads);
        final int usable = markUsableDays(plan, into);
        select(plan, into, usable);
        average(plan, into);
        adjust(plan, into);
        energies(plan, into);
    }

    /**
     * @return how many candidate days have a reading in every slot of their window.
     */
    private static int markUsableDays(final BaselinePlan plan, final BaselineResult into)
    {
        final int slots = plan.windowSlots;
        int usable = 0;
        for (int d = 0; d < into.dayMean.length; d++)
        {
            boolean complete = true;
            double sum = 0;
            for (int s = 0; s < slots; s++)
            {
                final double kw = into.loads[d * slots + s];
                complete &= !Double.isNaN(kw);
                sum += s < plan.preSlots ? 0.0 : kw;
            }
            into.usable[d] = complete;
            into.dayMean[d] = sum / plan.eventSlots;
            usable += into.usable[d] ? 1 : 0;
        }
        return usable;
    }

    private static void select(final BaselinePlan plan, final BaselineResult into, final int usable)
    {
        if (usable < plan.need)
        {
            throw notEnough(plan, usable, plan.need);
        }
        int initial = 0;
        double initialSum = 0;
        for (int d = 0; d < into.dayMean.length && initial < plan.need; d++)
        {
            if (into.usable[d])
            {
                initial++;
                initialSum += into.dayMean[d];
            }
        }
        final boolean lowUsage = plan.method.lowUsageRule && (plan.weekday || plan.method == BaselineMethod.PJM);
        final double threshold = lowUsage ? LOW_USAGE_SHARE * initialSum / plan.need : Double.NEGATIVE_INFINITY;
        int taken = 0;
        for (int d = 0; d < into.dayMean.length && taken < plan.need; d++)
        {
            if (into.usable[d] && into.dayMean[d] >= threshold)
            {
                into.order[taken++] = d;
            }
        }
        if (taken < plan.need)
        {
            throw notEnough(plan, taken, plan.need);
        }
        sortByMeanDescending(into.order, taken, into.dayMean);
        final int skip = plan.method == BaselineMethod.ERCOT ? 1 : 0;
        into.selectedCount = plan.keep;
        for (int i = 0; i < plan.keep; i++)
        {
            into.selected[i] = into.order[skip + i];
        }
        sortAscending(into.selected, plan.keep);
    }

    private static void average(final BaselinePlan plan, final BaselineResult into)
    {
        final int slots = plan.windowSlots;
        for (int s = 0; s < slots; s++)
        {
            double sum = 0;
            for (int i = 0; i < into.selectedCount; i++)
            {
                sum += into.loads[into.selected[i] * slots + s];
            }
            into.baseline[s] = sum / into.selectedCount;
        }
    }

    private static void adjust(final BaselinePlan plan, final BaselineResult into)
    {
        double actual = 0;
        double base = 0;
        for (int s = 0; s < plan.adjustmentSlots; s++)
        {
            actual += into.window[s];
            base += into.baseline[s];
        }
        if (plan.method.multiplicative())
        {
            final double ratio = base > 0 ? actual / base : 1.0;
            into.adjustment = Math.min(CAISO_MAX_RATIO, Math.max(CAISO_MIN_RATIO, ratio));
            into.limited = into.adjustment != ratio;
            for (int i = 0; i < plan.eventSlots; i++)
            {
                into.adjusted[i] = into.baseline[plan.preSlots + i] * into.adjustment;
            }
            return;
        }
        final double delta = (actual - base) / plan.adjustmentSlots;
        double applied = delta;
        if (plan.method == BaselineMethod.NYISO)
        {
            double eventBase = 0;
            for (int i = 0; i < plan.eventSlots; i++)
            {
                eventBase += into.baseline[plan.preSlots + i];
            }
            final double cap = NYISO_CAP_SHARE * Math.abs(eventBase / plan.eventSlots);
            applied = Math.min(cap, Math.max(-cap, delta));
        }
        into.adjustment = applied;
        into.limited = applied != delta;
        for (int i = 0; i < plan.eventSlots; i++)
        {
            into.adjusted[i] = into.baseline[plan.preSlots + i] + applied;
        }
    }

    private static void energies(final BaselinePlan plan, final BaselineResult into)
    {
        final double hours = plan.intervalMillis / HOUR_MILLIS;
        double baseline = 0;
        double actual = 0;
        for (int i = 0; i < plan.eventSlots; i++)
        {
            baseline += into.adjusted[i] * hours;
            actual += into.window[plan.preSlots + i] * hours;
        }
        into.baselineKwh = baseline;
        into.actualKwh = actual;
        into.reductionKwh = baseline - actual;
    }

    /** Stable: equal means keep their recency order, so the newer day wins a tie. */
    private static void sortByMeanDescending(final int[] days, final int count, final double[] mean)
    {
        for (int i = 1; i < count; i++)
        {
            final int day = days[i];
            int j = i - 1;
            while (j >= 0 && mean[days[j]] < mean[day])
            {
                days[j + 1] = days[j];
                j--;
            }
            days[j + 1] = day;
        }
    }

    private static void sortAscending(final int[] values, final int count)
    {
        for (int i = 1; i < count; i++)
        {
            final int value = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }

    private static BaselineException notEnough(final BaselinePlan plan, final int found, final int need)
    {
        return new BaselineException("not enough eligible days for the " + plan.method.id() + " baseline: found "
            + found + ", need " + need + " [method=" + plan.method.id() + " event_start="
            + Instant.ofEpochMilli(plan.eventStartMillis) + " day_type=" + (plan.weekday ? "weekday" : "weekend")
            + " lookback_days=" + BaselineMethod.LOOKBACK_DAYS + " candidates_in_reach=" + plan.candidateDates.length
            + "]");
    }
}
