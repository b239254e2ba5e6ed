package io.metersim.datagen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One household's days: when it wakes, leaves, comes back and goes to bed on each local day, in local clock hours
 * (bedtime may pass 24), and the days it is away. Someone is awake at home from waking to leaving and from coming
 * back to bedtime.
 */
final class Schedule
{
    private static final double SICK_DAY_RATE = 0.04;
    private static final double VISIT_RATE = 0.01;
    /** Chance of coming home hours late on a workday (sport, visits, errands). */
    private static final double LATE_RATE = 0.25;

    final double[] wake;
    final double[] leave;
    final double[] back;
    final double[] bed;
    final boolean[] away;
    final boolean[] dayOff;

    private Schedule(final int days)
    {
        wake = new double[days];
        leave = new double[days];
        back = new double[days];
        bed = new double[days];
        away = new boolean[days];
        dayOff = new boolean[days];
    }

    /**
     * @param household the household.
     * @param axis      the days.
     * @param random    the schedule's stream.
     * @return the household's days.
     */
    static Schedule draw(final Household household, final TimeAxis axis, final SplittableRandom random)
    {
        final Habits habits = household.habits();
        final Schedule schedule = new Schedule(axis.days);
        boolean cabin = false;
        for (int d = 0; d < axis.days; d++)
        {
            final LocalDate date = axis.date(d);
            final DayOfWeek weekday = date.getDayOfWeek();
            cabin = weekday == DayOfWeek.FRIDAY ? Household.chance(random, habits.cabinRate())
                : cabin && weekday != DayOfWeek.MONDAY;
            final boolean off = axis.dayTypeOfDay[d] != Tables.WORKDAY || !habits.works()
                || Household.chance(random, SICK_DAY_RATE);
            schedule.dayOff[d] = off;
            if (off)
            {
                schedule.dayAtHome(d, habits, random);
            }
            else if (Household.chance(random, habits.homeOfficeRate()))
            {
                schedule.dayOff[d] = true;
                final double wakeAt = habits.wakeH() + 0.5 + habits.jitterH() * random.nextGaussian();
                schedule.set(d, wakeAt, wakeAt, wakeAt, habits.bedH() + habits.jitterH() * random.nextGaussian());
            }
            else
            {
                schedule.workday(d, household, date, random);
            }
            final boolean holiday = onHoliday(habits, date);
            if (holiday && !schedule.dayOff[d])
            {
                schedule.dayOff[d] = true;
                schedule.dayAtHome(d, habits, random);
            }
            schedule.away[d] = holiday && habits.travels() || Household.chance(random, VISIT_RATE)
                || cabin && weekday == DayOfWeek.SATURDAY;
            if (cabin && weekday == DayOfWeek.FRIDAY)
            {
                schedule.bed[d] = schedule.back[d];
            }
            if (cabin && weekday == DayOfWeek.SUNDAY)
            {
                schedule.wake[d] = Household.uniform(random, 15.0, 19.0);
                schedule.leave[d] = schedule.wake[d];
                schedule.back[d] = schedule.wake[d];
                schedule.bed[d] = Math.max(schedule.bed[d], schedule.wake[d] + 2.0);
            }
        }
        return schedule;
    }

    /**
     * @param axis the rows.
     * @return per row the share of its time that someone is awake at home, 0 to 1.
     */
    double[] awake(final TimeAxis axis)
    {
        final double[] active = new double[axis.rows];
        for (int d = 0; d < axis.days; d++)
        {
            if (!away[d])
            {
                Events.add(axis, active, axis.at(d, wake[d]), axis.at(d, leave[d]), 1.0);
                Events.add(axis, active, axis.at(d, back[d]), axis.at(d, bed[d]), 1.0);
            }
        }
        for (int i = 0; i < active.length; i++)
        {
            active[i] = Math.min(1.0, active[i]);
        }
        return active;
    }

    /**
     * @param axis the rows.
     * @return per row 1 while the household lives at home, 0 while it is away: from bedtime before the first day away
     *         (or its morning) to waking after the last (or its evening).
     */
    double[] present(final TimeAxis axis)
    {
        final double[] present = new double[axis.rows];
        Arrays.fill(present, 1.0);
        int d = 0;
        while (d < axis.days)
        {
            if (!away[d])
            {
                d++;
                continue;
            }
            final int first = d;
            while (d < axis.days && away[d])
            {
                d++;
            }
            final long from = first > 0 ? axis.at(first - 1, bed[first - 1]) : axis.at(first, 9.0);
            final long to = d < axis.days ? axis.at(d, wake[d]) : axis.at(d - 1, 21.0);
            Events.add(axis, present, from, to, -1.0);
        }
        for (int i = 0; i < present.length; i++)
        {
            present[i] = Math.max(0.0, present[i]);
        }
        return present;
    }

    private void workday(final int d, final Household household, final LocalDate date, final SplittableRandom r)
    {
        final Habits habits = household.habits();
        final double jitter = habits.jitterH();
        if (household.occupants() == Household.Occupants.SHIFT)
        {
            final int pattern = (int)Math.floorMod((date.toEpochDay() + 3) / 7 + habits.shiftWeek(), 3L);
            final double[] times = pattern == 0
                ? new double[] {habits.wakeH(), habits.wakeH() + 0.6, habits.returnH(), habits.bedH()}
                : pattern == 1 ? new double[] {8.5, 13.5, 23.25, 24.5} : new double[] {14.5, 21.5, 31.5, 32.0};
            set(d, times[0] + 0.3 * jitter * r.nextGaussian(), times[1], times[2] + 0.3 * jitter * r.nextGaussian(),
                times[3] + 0.3 * jitter * r.nextGaussian());
            return;
        }
        final double wakeAt = habits.wakeH() + jitter * r.nextGaussian();
        final double late = Household.chance(r, LATE_RATE) ? Household.uniform(r, 1.5, 4.0) : 0.0;
        set(d, wakeAt, wakeAt + habits.prepH() * Household.uniform(r, 0.8, 1.2),
            habits.returnH() + late + 1.5 * jitter * r.nextGaussian(), habits.bedH() + jitter * r.nextGaussian());
    }

    private void dayAtHome(final int d, final Habits habits, final SplittableRandom r)
    {
        final double later = habits.works() ? habits.weekendLaterH() : 0.0;
        final double wakeAt = habits.wakeH() + later + habits.jitterH() * r.nextGaussian();
        final double bedAt = habits.bedH() + 0.5 * later + habits.jitterH() * r.nextGaussian();
        if (Household.chance(r, habits.outingRate()))
        {
            final double out = Household.uniform(r, 10.0, 16.0);
            set(d, wakeAt, out, out + Household.uniform(r, 1.5, 4.5), bedAt);
        }
        else
        {
            set(d, wakeAt, wakeAt, wakeAt, bedAt);
        }
    }

    private void set(final int d, final double wakeAt, final double leaveAt, final double backAt, final double bedAt)
    {
        wake[d] = wakeAt;
        leave[d] = Math.max(wakeAt, leaveAt);
        back[d] = Math.max(leave[d], backAt);
        bed[d] = Math.max(back[d] + 0.25, bedAt);
    }

    private static boolean onHoliday(final Habits habits, final LocalDate date)
    {
        final LocalDate christmas = LocalDate.of(date.getYear(), 12, habits.christmasFrom());
        if (habits.christmasAway() && !date.isBefore(christmas) && date.isBefore(christmas.plusDays(
            habits.christmasDays())))
        {
            return true;
        }
        if (habits.julyStart() < 0)
        {
            return false;
        }
        final LocalDate start = LocalDate.of(date.getYear(), 6, 27).plusDays(habits.julyStart());
        return !date.isBefore(start) && date.isBefore(start.plusDays(habits.julyDays()));
    }
}
