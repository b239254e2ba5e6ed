package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * The electric hot-water tank: showers at waking or in the evening and small draws while someone is awake at home
 * take heat out (more in winter, when the inlet water is colder), the tank loses heat all the time, and the element
 * switches on once the tank has lost its dead band and heats at full power until the tank is full again. A timer
 * (or price control) lets the element run only in a six-hour night window unless the tank runs low.
 */
final class WaterHeater
{
    /** Heat to warm one litre of water by one kelvin, kWh. */
    static final double KWH_PER_LITRE_KELVIN = 4.186 / 3_600.0;
    /** Temperature of mixed hot water at the tap. */
    static final double TAP_C = 40.0;
    private static final double SMALL_DRAW_LITRES = 4.0;
    private static final double SMALL_DRAWS_PER_HOUR = 0.6;
    private static final double EMERGENCY_SHARE = 0.6;
    private static final double TIMER_HOURS = 6.0;

    private WaterHeater()
    {
    }

    /**
     * @param household the household.
     * @param axis      the rows.
     * @param schedule  its days.
     * @param active    share of each row someone is awake at home.
     * @param random    the water heater's stream.
     * @return watts per row; all zero without an electric water heater.
     */
    static double[] simulate(final Household household, final TimeAxis axis, final Schedule schedule,
        final double[] active, final SplittableRandom random)
    {
        final Appliances a = household.appliances();
        final double[] watts = new double[axis.rows];
        if (!a.waterHeater())
        {
            return watts;
        }
        final double[] litres = draws(household, axis, schedule, active, random);
        final double hours = axis.intervalHours;
        final double lossPerRow = a.tankLossW() / 1_000.0 * hours;
        final double elementKWh = a.elementW() / 1_000.0 * hours;
        final double emergency = EMERGENCY_SHARE * a.tankKWh();
        double deficit = random.nextDouble() * a.deadBandKWh();
        boolean heating = false;
        for (int i = 0; i < axis.rows; i++)
        {
            deficit += litres[i] * KWH_PER_LITRE_KELVIN * (TAP_C - axis.inlet[i]) + lossPerRow;
            final boolean allowed = Double.isNaN(a.timerStartH()) || inWindow(axis.localHours[i], a.timerStartH())
                || deficit >= emergency;
            heating = allowed && (heating || deficit >= a.deadBandKWh());
            if (heating)
            {
                final double heat = Math.min(elementKWh, deficit);
                deficit -= heat;
                heating = deficit > 0.0;
                watts[i] = heat * 1_000.0 / hours;
            }
        }
        return watts;
    }

    private static double[] draws(final Household household, final TimeAxis axis, final Schedule schedule,
        final double[] active, final SplittableRandom random)
    {
        final Appliances a = household.appliances();
        final double[] litres = new double[axis.rows];
        for (int d = 0; d < axis.days; d++)
        {
            if (schedule.away[d])
            {
                continue;
            }
            for (int p = 0; p < household.persons(); p++)
            {
                if (Household.chance(random, a.showerRate()))
                {
                    final double at = Household.chance(random, 0.65)
                        ? schedule.wake[d] + Household.uniform(random, 0.05, 0.6)
                        : schedule.bed[d] - Household.uniform(random, 0.5, 2.5);
                    final double volume = a.showerLitres() * Household.uniform(random, 0.6, 1.4);
                    Events.add(axis, litres, axis.at(d, at), 0.15, volume / 0.15 * axis.intervalHours);
                }
            }
        }
        final double rate = SMALL_DRAWS_PER_HOUR * Math.sqrt(household.persons()) * axis.intervalHours;
        for (int i = 0; i < axis.rows; i++)
        {
            final int count = Events.poisson(random, rate * active[i]);
            for (int k = 0; k < count; k++)
            {
                litres[i] += SMALL_DRAW_LITRES * Household.uniform(random, 0.3, 2.5);
            }
        }
        return litres;
    }

    private static boolean inWindow(final double localHours, final double startH)
    {
        final double sinceStart = localHours - startH;
        return Math.floorMod((long)Math.floor(sinceStart * 60.0), 24L * 60L) < TIMER_HOURS * 60.0;
    }
}
