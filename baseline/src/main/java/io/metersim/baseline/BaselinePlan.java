package io.metersim.baseline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one event's baseline reads a series: the window from 4 hours before the event to its end on the event day,
 * and the same local wall-clock times on each eligible candidate day (newest first), as positions of a series with a
 * given start and interval. Built once per event; {@link Baselines#compute(BaselinePlan, LoadSeries, BaselineResult)}
 * reuses it for any number of series on that time axis. Immutable.
 */
public final class BaselinePlan
{
    static final long PRE_EVENT_MILLIS = Duration.ofHours(4).toMillis();
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    final BaselineMethod method;
    final DayRules rules;
    final long eventStartMillis;
    final long intervalMillis;
    final int preSlots;
    final int eventSlots;
    final int adjustmentSlots;
    final int windowSlots;
    final boolean weekday;
    final int need;
    final int keep;
    final long[] eventDayPositions;
    final long[] candidatePositions;
    final LocalDate[] candidateDates;
    final LocalDate eventDate;

    private BaselinePlan(
        final BaselineMethod method,
        final DayRules rules,
        final long eventStartMillis,
        final long intervalMillis,
        final int eventSlots,
        final long[] eventDayPositions,
        final long[] candidatePositions,
        final LocalDate[] candidateDates,
        final LocalDate eventDate,
        final boolean weekday)
    {
        this.method = method;
        this.rules = rules;
        this.eventStartMillis = eventStartMillis;
        this.intervalMillis = intervalMillis;
        this.preSlots = (int)(PRE_EVENT_MILLIS / intervalMillis);
        this.eventSlots = eventSlots;
        this.adjustmentSlots = (int)(method.adjustmentHours * HOUR_MILLIS / intervalMillis);
        this.windowSlots = preSlots + eventSlots;
        this.eventDayPositions = eventDayPositions;
        this.candidatePositions = candidatePositions;
        this.candidateDates = candidateDates;
        this.eventDate = eventDate;
        this.weekday = weekday;
        this.need = weekday ? method.weekdayCandidates : method.weekendCandidates;
        this.keep = weekday ? method.weekdayKept : method.weekendKept;
    }

    static BaselinePlan build(
        final BaselineMethod method,
        final long eventStartMillis,
        final long durationMillis,
        final long seriesStart,
        final long intervalMillis,
        final long seriesLength,
        final DayRules rules)
    {
        checkGrid(method, eventStartMillis, durationMillis, seriesStart, intervalMillis);
        final int preSlots = (int)(PRE_EVENT_MILLIS / intervalMillis);
        final int eventSlots = (int)(durationMillis / intervalMillis);
        final int windowSlots = preSlots + eventSlots;
        final long[] eventDay = new long[windowSlots];
        for (int s = 0; s < windowSlots; s++)
        {
            eventDay[s] = (eventStartMillis + (s - preSlots) * intervalMillis - seriesStart) / intervalMillis;
        }
        if (eventDay[0] < 0 || eventDay[windowSlots - 1] >= seriesLength)
        {
            throw new BaselineException("event outside the data's reach: the baseline needs the data from 4 h before "
                + "the event to its end [event_start=" + Instant.ofEpochMilli(eventStartMillis) + " event_duration="
                + Duration.ofMillis(durationMillis) + " data_start=" + Instant.ofEpochMilli(seriesStart)
                + " data_end=" + Instant.ofEpochMilli(seriesStart + seriesLength * intervalMillis) + "]");
        }
        final ZonedDateTime eventLocal = Instant.ofEpochMilli(eventStartMillis).atZone(rules.zone());
        final LocalDate eventDate = eventLocal.toLocalDate();
        final int eventType = rules.dayType(eventDate);
        final List<LocalDate> dates = new ArrayList<>();
        final List<long[]> positions = new ArrayList<>();
        for (int k = 1; k <= BaselineMethod.LOOKBACK_DAYS; k++)
        {
            final LocalDate date = eventDate.minusDays(k);
            if (!eligible(method, rules, eventType, date, k))
            {
                continue;
            }
            final long[] day = dayPositions(eventStartMillis, preSlots, windowSlots, intervalMillis, seriesStart,
                rules, k);
            if (day[0] < 0)
            {
                break;
            }
            dates.add(date);
            positions.add(day);
        }
        final long[] flat = new long[positions.size() * windowSlots];
        for (int d = 0; d < positions.size(); d++)
        {
            System.arraycopy(positions.get(d), 0, flat, d * windowSlots, windowSlots);
        }
        return new BaselinePlan(method, rules, eventStartMillis, intervalMillis, eventSlots, eventDay, flat,
            dates.toArray(new LocalDate[0]), eventDate, eventType == 0);
    }

    private static boolean eligible(
        final BaselineMethod method, final DayRules rules, final int eventType, final LocalDate date, final int back)
    {
        if (rules.eventDays().contains(date))
        {
            return false;
        }
        final int type = rules.dayType(date);
        if (eventType == 0)
        {
            return type == 0 && !(method.skipsDayBefore && back == 1);
        }
        final boolean sameTypeOnly = method == BaselineMethod.PJM || method == BaselineMethod.NYISO;
        return sameTypeOnly ? type == eventType : type != 0;
    }

    /**
     * @return the positions of the window's slots at the same local wall-clock times {@code back} days earlier; a
     *         time that a DST change skips moves forward by the gap, a repeated one takes its earlier offset.
     */
    private static long[] dayPositions(
        final long eventStartMillis,
        final int preSlots,
        final int windowSlots,
        final long intervalMillis,
        final long seriesStart,
        final DayRules rules,
        final int back)
    {
        final long[] day = new long[windowSlots];
        for (int s = 0; s < windowSlots; s++)
        {
            final long onEventDay = eventStartMillis + (s - preSlots) * intervalMillis;
            final long millis = Instant.ofEpochMilli(onEventDay).atZone(rules.zone()).minusDays(back).toInstant()
                .toEpochMilli();
            day[s] = Math.floorDiv(millis - seriesStart, intervalMillis);
            if (day[s] < 0)
            {
                day[0] = -1;
                return day;
            }
        }
        return day;
    }

    private static void checkGrid(
        final BaselineMethod method,
        final long eventStartMillis,
        final long durationMillis,
        final long seriesStart,
        final long intervalMillis)
    {
        if (null == method)
        {
            throw new BaselineException("missing baseline method [allowed=caiso, pjm, nyiso, ercot]");
        }
        if (intervalMillis <= 0 || HOUR_MILLIS % intervalMillis != 0)
        {
            throw new BaselineException("the data's interval must divide one hour [interval="
                + Duration.ofMillis(intervalMillis) + "]");
        }
        if (durationMillis <= 0 || durationMillis % intervalMillis != 0)
        {
            throw new BaselineException("the event duration must be a positive whole number of the data's intervals "
                + "[event_duration=" + Duration.ofMillis(durationMillis) + " interval="
                + Duration.ofMillis(intervalMillis) + "]");
        }
        if (Math.floorMod(eventStartMillis - seriesStart, intervalMillis) != 0)
        {
            throw new BaselineException("the event must start on the data's interval grid [event_start="
                + Instant.ofEpochMilli(eventStartMillis) + " data_start=" + Instant.ofEpochMilli(seriesStart)
                + " interval=" + Duration.ofMillis(intervalMillis) + "]");
        }
    }

    /**
     * @return the method.
     */
    public BaselineMethod method()
    {
        return method;
    }

    /**
     * @return the event's start, epoch milliseconds.
     */
    public long eventStartMillis()
    {
        return eventStartMillis;
    }

    /**
     * @return the event's intervals.
     */
    public int eventIntervals()
    {
        return eventSlots;
    }

    /**
     * @return the series' interval in milliseconds.
     */
    public long intervalMillis()
    {
        return intervalMillis;
    }

    /**
     * @return the event's local date.
     */
    public LocalDate eventDate()
    {
        return eventDate;
    }

    /**
     * @return true for a weekday event (weekday rules), false for a weekend or holiday one.
     */
    public boolean weekday()
    {
        return weekday;
    }

    /**
     * @return the eligible candidate days within the lookback, newest first.
     */
    public List<LocalDate> candidateDays()
    {
        return List.of(candidateDates);
    }

    /**
     * @return how many like days the method starts from for this event.
     */
    public int daysNeeded()
    {
        return need;
    }
}
