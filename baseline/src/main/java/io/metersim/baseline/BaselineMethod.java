package io.metersim.baseline;

import java.util.Locale;

/**
 * The customer-baseline methods, each with its day selection, exclusions and event-day adjustment. Every method looks
 * back at most {@value #LOOKBACK_DAYS} days; the adjustment windows start 4 hours before the event.
 */
public enum BaselineMethod
{
    /**
     * CAISO 10-in-10: the mean of the 10 most recent like weekdays (weekends and holidays: 4-in-4), adjusted by the
     * ratio actual / baseline over the 3 hours ending 1 hour before the event, clamped to [0.8, 1.2].
     */
    CAISO(10, 10, 4, 4, 3, false, false),
    /**
     * PJM High 4 of 5: of the 5 most recent like weekdays the 4 with the highest event-window load (weekends and
     * holidays: High 2 of 3); a day below 25 % of the 5-day mean is replaced by the next older one; additive
     * adjustment (actual - baseline) over the 3 hours starting 4 hours before the event, uncapped.
     */
    PJM(5, 4, 3, 2, 3, true, false),
    /**
     * NYISO High 5 of 10: 10 like weekdays starting 2 days before the event, the 5 highest in the event window,
     * days below 25 % of the 10-day mean replaced (weekends and holidays: the 2 highest of the 3 latest like days);
     * additive adjustment over the 2 hours starting 4 hours before, capped at +-20 % of the mean event-window CBL.
     */
    NYISO(10, 5, 3, 2, 2, true, true),
    /**
     * ERCOT Middle 8 of 10: 10 like days, the highest and the lowest (event-window load) dropped; additive
     * event-day adjustment over the 3 hours starting 4 hours before the event, uncapped.
     */
    ERCOT(10, 8, 10, 8, 3, false, false);

    /** How far back every method looks for eligible days. */
    public static final int LOOKBACK_DAYS = 45;

    final int weekdayCandidates;
    final int weekdayKept;
    final int weekendCandidates;
    final int weekendKept;
    final int adjustmentHours;
    final boolean lowUsageRule;
    final boolean skipsDayBefore;

    BaselineMethod(
        final int weekdayCandidates,
        final int weekdayKept,
        final int weekendCandidates,
        final int weekendKept,
        final int adjustmentHours,
        final boolean lowUsageRule,
        final boolean skipsDayBefore)
    {
        this.weekdayCandidates = weekdayCandidates;
        this.weekdayKept = weekdayKept;
        this.weekendCandidates = weekendCandidates;
        this.weekendKept = weekendKept;
        this.adjustmentHours = adjustmentHours;
        this.lowUsageRule = lowUsageRule;
        this.skipsDayBefore = skipsDayBefore;
    }

    /**
     * @return true when the adjustment multiplies the baseline (CAISO), false when it adds to it.
     */
    public boolean multiplicative()
    {
        return this == CAISO;
    }

    /**
     * @return the method's name in lower case, as the command line and JSON spell it.
     */
    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param weekday true for a weekday event, false for a weekend or holiday one.
     * @return how many like days the method starts from.
     */
    public int candidates(final boolean weekday)
    {
        return weekday ? weekdayCandidates : weekendCandidates;
    }

    /**
     * @param text a method's name, in any letter case, surrounding blanks ignored.
     * @return the method.
     * @throws BaselineException when the text names no method.
     */
    public static BaselineMethod parse(final String text)
    {
        final String name = null == text ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (final BaselineMethod method : values())
        {
            if (method.name().equals(name))
            {
                return method;
            }
        }
        throw new BaselineException("unknown baseline method: " + text + " [allowed=caiso, pjm, nyiso, ercot]");
    }
}
