package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * The kitchen component: breakfast (kettle and coffee), a midday meal on days at home, dinner on the hob (and often
 * the oven) at the household's own time, the dishwasher afterwards, and small kitchen appliances while someone is
 * awake at home. On Sundays and holidays Norwegian dinner comes early, in the afternoon.
 */
final class Kitchen
{
    private static final double SMALL_PER_HOUR = 0.25;
    /** Chance of baking (the oven for an hour or so at a random time) on a day at home. */
    private static final double BAKING_RATE = 0.15;
    /** Spread (log-normal sigma) of a dinner's size from day to day: a quick meal one day, a roast the next. */
    private static final double MEAL_SIGMA = 0.6;
    /**
     * A bigger dinner has more pots on at once: the hob's power grows with the square root of the meal's size (and
     * its time with the rest), up to the full rating of a four-zone hob (NVE: up to 7 kW).
     */
    private static final double HOB_MAX_W = 7_000.0;
    /** A dinner this many times the household's usual one also uses the oven. */
    private static final double OVEN_MEAL = 1.6;
    /** The oven heats up at its full rating, then its thermostat holds it at about 60 % of it. */
    private static final double PREHEAT_HOURS = 0.2;
    private static final double OVEN_DUTY = 0.6;

    private Kitchen()
    {
    }

    /**
     * @param household the household.
     * @param axis      the rows.
     * @param schedule  its days.
     * @param active    share of each row someone is awake at home.
     * @param random    the kitchen's stream.
     * @return watts per row.
     */
    static double[] simulate(final Household household, final TimeAxis axis, final Schedule schedule,
        final double[] active, final SplittableRandom random)
    {
        final double[] watts = new double[axis.rows];
        for (int d = 0; d < axis.days; d++)
        {
            if (!schedule.away[d])
            {
                day(household, axis, schedule, d, watts, random);
            }
        }
        for (int i = 0; i < axis.rows; i++)
        {
            final int count = Events.poisson(random, SMALL_PER_HOUR * active[i] * axis.intervalHours);
            for (int k = 0; k < count; k++)
            {
                final long at = axis.millis[i] + (long)(random.nextDouble() * axis.intervalMillis);
                Events.add(axis, watts, at, Household.uniform(random, 0.03, 0.15), Household.uniform(random, 800.0,
                    1_500.0));
            }
        }
        return watts;
    }

    private static void day(final Household household, final TimeAxis axis, final Schedule schedule, final int d,
        final double[] watts, final SplittableRandom random)
    {
        final Appliances a = household.appliances();
        final int type = axis.dayTypeOfDay[d];
        if (Household.chance(random, 0.85))
        {
            Events.add(axis, watts, axis.at(d, schedule.wake[d] + Household.uniform(random, 0.1, 0.4)),
                Household.uniform(random, 0.05, 0.12), HouseholdModel.kettleW());
        }
        final double midday = Household.uniform(random, 11.0, 13.5);
        final double lunchChance = type == Tables.SUNDAY ? 0.75 : schedule.dayOff[d] ? 0.5 : 0.0;
        if (awakeAt(schedule, d, midday) && Household.chance(random, lunchChance))
        {
            Events.add(axis, watts, axis.at(d, midday), Household.uniform(random, 0.2, 0.6), a.hobW() * 0.8);
        }
        if (schedule.dayOff[d] && Household.chance(random, BAKING_RATE))
        {
            final double at = HouseholdModel.awakeTime(schedule, d, random, 1.5);
            if (!Double.isNaN(at))
            {
                Events.add(axis, watts, axis.at(d, at), Household.uniform(random, 0.75, 1.5), a.ovenW());
            }
        }
        if (!Household.chance(random, a.dinnerRate()))
        {
            return;
        }
        final double dinner = dinnerTime(household, axis, schedule, d, random);
        if (!awakeAt(schedule, d, dinner))
        {
            return;
        }
        final double size = mealSize(random);
        final double hobW = Math.min(HOB_MAX_W, a.hobW() * Math.sqrt(size));
        final double hob = a.dinnerHours() * size * a.hobW() / hobW;
        Events.add(axis, watts, axis.at(d, dinner - hob), hob, hobW);
        if (Household.chance(random, type == Tables.SUNDAY ? 0.6 : 0.15) || size > OVEN_MEAL)
        {
            final double bake = Household.uniform(random, 0.5, 1.1) * Math.max(1.0, size);
            Events.add(axis, watts, axis.at(d, dinner - bake - PREHEAT_HOURS), PREHEAT_HOURS, a.ovenW());
            Events.add(axis, watts, axis.at(d, dinner - bake), bake, OVEN_DUTY * a.ovenW());
        }
        if (a.dishwasher() && Household.chance(random, Math.min(0.9, 0.15 + 0.25 * household.persons())))
        {
            final double start = Household.chance(random, 0.4) ? dinner + Household.uniform(random, 0.5, 3.0)
                : schedule.bed[d] - 0.2;
            final double heating = Household.uniform(random, 0.3, 0.5);
            Events.add(axis, watts, axis.at(d, start), heating, HouseholdModel.dishwasherW());
            Events.add(axis, watts, axis.at(d, start + heating), 1.0, 100.0);
        }
    }

    /**
     * @param random the kitchen's stream.
     * @return the size of one dinner relative to the household's usual one: log-normal, mean 1, heavy-tailed.
     */
    static double mealSize(final SplittableRandom random)
    {
        return Math.exp(MEAL_SIGMA * random.nextGaussian() - MEAL_SIGMA * MEAL_SIGMA / 2.0);
    }

    private static double dinnerTime(final Household household, final TimeAxis axis, final Schedule schedule,
        final int d, final SplittableRandom random)
    {
        final Habits habits = household.habits();
        final int type = axis.dayTypeOfDay[d];
        if (type == Tables.SUNDAY)
        {
            return Household.uniform(random, 12.5, 16.5);
        }
        if (schedule.dayOff[d])
        {
            return habits.dinnerH() + Household.uniform(random, -1.75, 2.25);
        }
        final double home = schedule.back[d] + Household.uniform(random, 0.3, 2.5);
        return Math.max(home, habits.dinnerH() + 1.5 * random.nextGaussian());
    }

    private static boolean awakeAt(final Schedule schedule, final int d, final double hours)
    {
        return hours >= schedule.wake[d] && hours < schedule.leave[d]
            || hours >= schedule.back[d] && hours < schedule.bed[d] - 0.25;
    }
}
