package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * Turns one {@link Household} into its six series on a {@link TimeAxis}. Its {@link Schedule} says when someone is
 * awake at home; lighting, electronics, meals, laundry and hot water follow it, space heating follows the weather
 * through the dwelling's thermal mass and the thermostat habits, and the fridge and standby run all the time.
 */
final class HouseholdModel
{
    private static final double COLD_SEASON = 0.08;
    /**
     * Chance that the bigger electronics (TV, games, computer) are on in an hour someone is awake at home: used in
     * sessions, not all evening.
     */
    private static final double ELECTRONICS_ON = 0.25;
    /** Electronics left on between sessions (router, TV box, console and computer in networked standby). */
    private static final double NETWORKED_STANDBY_W = 20.0;
    /** Screens are on more in the dark season: +35 % in mid-January, -35 % in mid-July. */
    private static final double SCREEN_SEASON = 0.35;
    private static final double WASHER_W = 2_000.0;
    private static final double WASHER_MOTOR_W = 150.0;
    /** Share of single washes started by a delay timer at night (cheaper hours). */
    private static final double NIGHT_LAUNDRY = 0.45;
    /** Chance of washing a waiting load on a workday rather than leaving it for a day off. */
    private static final double WORKDAY_LAUNDRY = 0.5;
    /** Share of loads that go into the tumble dryer in homes with one (the rest are hung to dry). */
    private static final double DRYER_USE = 0.8;
    private static final double DISHWASHER_W = 1_900.0;
    private static final double KETTLE_W = 2_000.0;

    private final Household household;
    private final TimeAxis axis;
    private final Tables tables;
    private final Schedule schedule;
    private final double[] active;

    private HouseholdModel(
        final Household household, final TimeAxis axis, final Tables tables, final SplittableRandom random)
    {
        this.household = household;
        this.axis = axis;
        this.tables = tables;
        this.schedule = Schedule.draw(household, axis, random);
        this.active = schedule.awake(axis);
    }

    /**
     * @param household the household.
     * @param axis      the rows.
     * @param tables    the shipped tables.
     * @param random    the meter's stream (split per component).
     * @return watts per {@link Loads} index and row; finite and not negative.
     */
    static double[][] simulate(
        final Household household, final TimeAxis axis, final Tables tables, final SplittableRandom random)
    {
        final HouseholdModel model = new HouseholdModel(household, axis, tables, random.split());
        final double[][] watts = new double[Loads.COUNT][];
        watts[Loads.BASE] = model.base(random.split());
        watts[Loads.WATER_HEATER] = WaterHeater.simulate(household, axis, model.schedule, model.active,
            random.split());
        watts[Loads.HVAC] = SpaceHeating.simulate(household, axis, model.schedule, model.active, random.split());
        watts[Loads.KITCHEN] = Kitchen.simulate(household, axis, model.schedule, model.active, random.split());
        watts[Loads.LIGHTING] = model.lighting(random.split());
        watts[Loads.OTHER] = model.other(random.split());
        return watts;
    }

    /** Standby all the time; fridge and freezer compressors cycle, a little more in summer and when opened. */
    private double[] base(final SplittableRandom random)
    {
        final Appliances a = household.appliances();
        final double[] watts = new double[axis.rows];
        for (int i = 0; i < watts.length; i++)
        {
            final double season = 1.0 + COLD_SEASON * Math.cos(2.0 * Math.PI * (axis.dayOfYear[i] - 200) / 365.25);
            final double duty = Household.uniform(random, 0.45, 1.55);
            watts[i] = a.standbyW() + a.coldW() * season * duty * (1.0 + 0.15 * active[i]);
        }
        return watts;
    }

    /** Lights on while someone is awake at home and the rooms are dark; outdoor lights from dusk to dawn. */
    private double[] lighting(final SplittableRandom random)
    {
        final Appliances a = household.appliances();
        final double[] watts = new double[axis.rows];
        for (int i = 0; i < watts.length; i++)
        {
            final double lit = active[i] * Climate.darkness(axis.elevation[i], a.lightShiftDeg());
            watts[i] = (lit > 0.0 ? a.lightW() * lit * Household.uniform(random, 0.3, 1.7) : 0.0)
                + a.outdoorLightW() * axis.darkness[i];
        }
        return watts;
    }

    /**
     * Electronics while someone is awake at home, weighted by BDEW H0's hour-of-day share, short appliance bursts,
     * laundry cycles and the sauna.
     */
    private double[] other(final SplittableRandom random)
    {
        final Appliances a = household.appliances();
        final double[] watts = new double[axis.rows];
        final Wobble wobble = new Wobble(random.split(), 0.35, 0.6);
        for (int i = 0; i < watts.length; i++)
        {
            final double[] h0 = tables.h0[axis.period[i]][axis.dayType[i]];
            final double season = 1.0 + SCREEN_SEASON * Math.cos(2.0 * Math.PI * (axis.dayOfYear[i] - 15) / 365.25);
            final double weight = season
                * (0.85 + 0.15 * h0[axis.hour[i]] / tables.h0Mean[axis.period[i]][axis.dayType[i]]);
            final double noise = wobble.next();
            final boolean on = active[i] > 0.0 && Household.chance(random, ELECTRONICS_ON);
            final double use = on ? a.electronicsW() * active[i] * weight * noise / ELECTRONICS_ON : 0.0;
            watts[i] = NETWORKED_STANDBY_W + use;
            final int bursts = Events.poisson(random, a.burstsPerHour() * active[i] * axis.intervalHours);
            for (int k = 0; k < bursts; k++)
            {
                final long at = axis.millis[i] + (long)(random.nextDouble() * axis.intervalMillis);
                Events.add(axis, watts, at, Household.uniform(random, 0.25, 0.75), Household.uniform(random, 1_800.0,
                    3_000.0));
            }
        }
        double basket = random.nextDouble();
        for (int d = 0; d < axis.days; d++)
        {
            basket = laundry(d, basket, watts, random);
            if (!schedule.away[d])
            {
                sauna(d, watts, random);
                car(d, watts, random);
            }
        }
        return watts;
    }

    /**
     * Laundry is washed when a load of it has piled up: the basket fills at the household's rate every day (also while
     * away) and is washed on a day at home once it holds a load, always on a day off, on half the workdays (else it
     * waits). Two loads waiting on a day off are washed back to back, the first load drying while the second washes.
     */
    private double laundry(final int d, final double basket, final double[] watts, final SplittableRandom random)
    {
        final double filled = basket + household.appliances().washesPerWeek() / 7.0;
        if (filled < 1.0 || schedule.away[d] || !schedule.dayOff[d] && !Household.chance(random, WORKDAY_LAUNDRY))
        {
            return filled;
        }
        final int loads = filled >= 2.0 && schedule.dayOff[d] ? 2 : 1;
        final double awake = awakeTime(schedule, d, random, 1.5 * loads);
        if (Double.isNaN(awake))
        {
            return filled;
        }
        double start = loads == 1 && Household.chance(random, NIGHT_LAUNDRY)
            ? schedule.bed[d] + Household.uniform(random, -0.5, 2.0) : awake;
        for (int k = 0; k < loads; k++)
        {
            start = wash(d, start, watts, random);
        }
        return filled - loads;
    }

    /** One wash and, in homes with a dryer, its drying; returns when the washer is free for the next load. */
    private double wash(final int d, final double start, final double[] watts, final SplittableRandom random)
    {
        final double heating = Household.uniform(random, 0.25, 0.5);
        final double cycle = heating + Household.uniform(random, 0.8, 1.3);
        Events.add(axis, watts, axis.at(d, start), heating, WASHER_W);
        Events.add(axis, watts, axis.at(d, start + heating), cycle - heating, WASHER_MOTOR_W);
        if (household.appliances().dryer() && Household.chance(random, DRYER_USE))
        {
            Events.add(axis, watts, axis.at(d, start + cycle + Household.uniform(random, 0.0, 0.5)),
                Household.uniform(random, 1.0, 1.8), Household.uniform(random, 2_200.0, 2_800.0));
        }
        return start + cycle + Household.uniform(random, 0.05, 0.25);
    }

    /** The car charges after the household comes home, or from a price-controlled start at night. */
    private void car(final int d, final double[] watts, final SplittableRandom random)
    {
        final Appliances a = household.appliances();
        if (a.evChargerW() > 0.0 && Household.chance(random, a.evChargeRate()))
        {
            final double kWh = a.evChargeKWh() * Household.uniform(random, 0.4, 1.6);
            final double start = Double.isNaN(a.evTimerH())
                ? Math.max(schedule.back[d], 15.0) + Household.uniform(random, 0.0, 1.0)
                : a.evTimerH() + Household.uniform(random, -0.25, 0.25);
            Events.add(axis, watts, axis.at(d, start), kWh * 1_000.0 / a.evChargerW(), a.evChargerW());
        }
    }

    private void sauna(final int d, final double[] watts, final SplittableRandom random)
    {
        if (household.appliances().sauna() && axis.dayTypeOfDay[d] == Tables.SATURDAY && Household.chance(random, 0.4))
        {
            final double start = Household.uniform(random, 16.0, 20.0);
            Events.add(axis, watts, axis.at(d, start), 0.75, 7_000.0);
            Events.add(axis, watts, axis.at(d, start + 0.75), Household.uniform(random, 0.5, 1.5), 3_500.0);
        }
    }

    /**
     * @param schedule the household's days.
     * @param d        a day at home.
     * @param random   the stream.
     * @param tailH    how long before bedtime the activity must start.
     * @return a random time someone is awake at home that day, or NaN when there is none.
     */
    static double awakeTime(final Schedule schedule, final int d, final SplittableRandom random, final double tailH)
    {
        final double morning = Math.max(0.0, schedule.leave[d] - schedule.wake[d]);
        final double evening = Math.max(0.0, schedule.bed[d] - tailH - schedule.back[d]);
        if (morning + evening <= 0.0)
        {
            return Double.NaN;
        }
        final double u = random.nextDouble() * (morning + evening);
        return u < morning ? schedule.wake[d] + u : schedule.back[d] + u - morning;
    }

    static double kettleW()
    {
        return KETTLE_W;
    }

    static double dishwasherW()
    {
        return DISHWASHER_W;
    }
}
