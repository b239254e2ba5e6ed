package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * The HVAC component: the dwelling as one thermal mass that loses heat to the outdoor air, gains it from people,
 * appliances, the sun and the wood stove, and is held at its set point by an ideal thermostat limited to the heaters'
 * rating; plus bathroom floor heating and ventilation fans. The set point drops (for homes with a setback) while
 * everyone sleeps or is out and to 16 degrees C on days away, so the heaters coast down and then recover at full
 * power when the household wakes or comes home, each home at its own time.
 */
final class SpaceHeating
{
    private static final double AWAY_SET_POINT_C = 16.0;
    private static final double OVERHEAT_K = 3.0;
    private static final double WOOD_BELOW_C = 8.0;

    private SpaceHeating()
    {
    }

    /**
     * @param household the household.
     * @param axis      the rows.
     * @param schedule  its days.
     * @param active    share of each row someone is awake at home.
     * @param random    the heating's stream.
     * @return watts per row.
     */
    static double[] simulate(final Household household, final TimeAxis axis, final Schedule schedule,
        final double[] active, final SplittableRandom random)
    {
        final Building b = household.building();
        final double[] watts = new double[axis.rows];
        final double[] wood = b.woodStove() ? woodFires(b, axis, schedule, random) : null;
        final double[] present = schedule.present(axis);
        final double hours = axis.intervalHours;
        final double capacity = b.timeConstantH() * b.lossWPerK() / hours;
        final double conductance = b.lossWPerK();
        final boolean district = b.heating() == Household.Heating.DISTRICT;
        double indoor = b.comfortC();
        for (int i = 0; i < axis.rows; i++)
        {
            final double outdoor = axis.temperature[i];
            final double floor = b.floorHeatW() * floorDuty(outdoor) * (0.5 + 0.5 * present[i]);
            final double gains = conductance * b.gainsK() * (0.7 + 0.3 * active[i]) + floor
                + (null == wood ? 0.0 : wood[i]);
            final double home = b.comfortC() - b.setbackK() * (1.0 - active[i]);
            final double setPoint = home - (home - Math.min(home, AWAY_SET_POINT_C)) * (1.0 - present[i]);
            final double needed = (capacity + conductance) * setPoint - capacity * indoor - conductance * outdoor
                - gains;
            final double heat = district ? Math.max(0.0, needed) : Math.max(0.0, Math.min(b.maxHeatW(), needed));
            indoor = Math.min(setPoint + OVERHEAT_K,
                (capacity * indoor + conductance * outdoor + gains + heat) / (capacity + conductance));
            watts[i] = (district ? 0.0 : electricity(b, heat, outdoor)) + floor + b.ventilationW();
        }
        return watts;
    }

    private static double electricity(final Building b, final double heatW, final double outdoorC)
    {
        if (b.heating() == Household.Heating.DIRECT)
        {
            return heatW;
        }
        final double pumped = Math.min(heatW * b.pumpShare(), b.pumpCapacityW(outdoorC));
        return pumped / b.pumpCop(outdoorC) + heatW - pumped;
    }

    /** Bathroom floor heating runs a third of the time in mild weather and more in the cold. */
    private static double floorDuty(final double outdoorC)
    {
        return Math.max(0.2, Math.min(0.8, 0.3 + 0.02 * (10.0 - outdoorC)));
    }

    /** On cold days at home the stove is lit in the evening (all afternoon on a day off) and burns for hours. */
    private static double[] woodFires(
        final Building b, final TimeAxis axis, final Schedule schedule, final SplittableRandom random)
    {
        final double[] heat = new double[axis.rows];
        for (int d = 0; d < axis.days; d++)
        {
            final long noonRow = axis.rowOf(axis.noon[d]);
            if (schedule.away[d] || noonRow < 0 || noonRow >= axis.rows)
            {
                continue;
            }
            final double cold = Math.max(0.0, Math.min(1.0, (WOOD_BELOW_C - axis.temperature[(int)noonRow]) / 10.0));
            if (Household.chance(random, b.woodProbability() * cold))
            {
                final double start = schedule.dayOff[d] ? Household.uniform(random, 12.0, 18.0)
                    : Math.max(schedule.back[d], 16.0) + Household.uniform(random, 0.0, 1.5);
                final double length = Math.min(Household.uniform(random, 3.0, 6.0), schedule.bed[d] - start);
                Events.add(axis, heat, axis.at(d, start), Math.max(0.0, length), b.woodHeatW());
            }
        }
        return heat;
    }
}
