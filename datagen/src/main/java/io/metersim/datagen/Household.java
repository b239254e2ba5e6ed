package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * One simulated household: its type, size and the annual energy of each component, plus the appliance ratings and
 * habits its events use. Drawn from the meter's own random stream; see {@code datagen/README.md} for every source.
 *
 * @param type              Nordic electrically heated, or Danish-type without electric heating.
 * @param persons           1 to 5.
 * @param areaM2            heated floor area.
 * @param annualKWh         drawn annual energy per component ({@link Loads} index).
 * @param waterElementW     water-heater element rating.
 * @param waterLossKWh      annual standing loss of the tank (part of the water heater's energy).
 * @param waterDeadBandKWh  thermostat dead band: the heat the tank may lose before the element switches on.
 * @param waterEventKWh     mean energy of one hot-water draw.
 * @param hvacConstantShare share of HVAC energy that runs all year (floor heating, ventilation, pumps).
 * @param hobW              hob/oven rating used for dinner.
 * @param cookProbability   chance of cooking dinner on a given day.
 * @param cookHours         mean dinner cooking time at {@code hobW}.
 * @param laundryW          washer/dryer heating power.
 * @param laundryPerDay     mean laundry cycles per day.
 */
record Household(
    Type type, int persons, double areaM2, double[] annualKWh, double waterElementW, double waterLossKWh,
    double waterDeadBandKWh, double waterEventKWh, double hvacConstantShare, double hobW, double cookProbability,
    double cookHours, double laundryW, double laundryPerDay)
{
    /** Share of the kitchen's energy that dinner cooking takes; the rest follows the appliance shape. */
    static final double COOKING_SHARE = 0.4;
    /** A dinner takes this long at hob power unless the household cooks nearly every day and needs longer. */
    static final double TYPICAL_COOK_HOURS = 0.6;
    static final double MAX_COOK_PROBABILITY = 0.95;
    /** Share of "other" energy that laundry cycles take; the rest follows BDEW H0. */
    static final double LAUNDRY_SHARE = 0.25;
    /** One laundry cycle's heating time. */
    static final double LAUNDRY_HOURS = 1.0;

    static final double NORDIC_SHARE = 0.7;
    private static final double[] PERSON_WEIGHTS = {0.25, 0.33, 0.16, 0.17, 0.09};

    /** The two household types. */
    enum Type
    {
        /** Norwegian-type detached house with electric space and water heating (about 15,000 kWh/a). */
        NORDIC,
        /** Danish-type dwelling heated otherwise (district heating), a small electric water heater. */
        DANISH
    }

    /**
     * @param random the meter's stream; advanced.
     * @return a household.
     */
    static Household draw(final SplittableRandom random)
    {
        final Type type = random.nextDouble() < NORDIC_SHARE ? Type.NORDIC : Type.DANISH;
        final int persons = persons(random);
        final double area = type == Type.NORDIC
            ? 70.0 + 20.0 * persons + uniform(random, 0.0, 40.0)
            : 40.0 + 15.0 * persons + uniform(random, 0.0, 30.0);
        final double appliances = (530.0 + 12.0 * area + 690.0 * persons) * uniform(random, 0.85, 1.15);
        final double[] kWh = new double[Loads.COUNT];
        kWh[Loads.BASE] = appliances * uniform(random, 0.28, 0.36);
        kWh[Loads.KITCHEN] = appliances * uniform(random, 0.17, 0.23);
        kWh[Loads.LIGHTING] = appliances * uniform(random, 0.08, 0.13);
        kWh[Loads.OTHER] = appliances - kWh[Loads.BASE] - kWh[Loads.KITCHEN] - kWh[Loads.LIGHTING];
        final double loss;
        final double element;
        final double deadBand;
        if (type == Type.NORDIC)
        {
            loss = uniform(random, 300.0, 600.0);
            kWh[Loads.WATER_HEATER] = loss + persons * uniform(random, 450.0, 650.0);
            final double heatingShare = uniform(random, 0.55, 0.66);
            kWh[Loads.HVAC] = heatingShare / (1.0 - heatingShare) * (appliances + kWh[Loads.WATER_HEATER]);
            element = random.nextDouble() < 0.6 ? 2_000.0 : 3_000.0;
            deadBand = uniform(random, 0.8, 1.6);
        }
        else
        {
            loss = uniform(random, 100.0, 200.0);
            kWh[Loads.WATER_HEATER] = loss + persons * uniform(random, 120.0, 250.0);
            kWh[Loads.HVAC] = uniform(random, 150.0, 400.0);
            element = 2_000.0;
            deadBand = uniform(random, 0.4, 0.8);
        }
        final double hob = uniform(random, 2_000.0, 3_000.0);
        final double cookingWhPerDay = COOKING_SHARE * kWh[Loads.KITCHEN] * 1_000.0 / 365.0;
        final double cookProbability = Math.min(MAX_COOK_PROBABILITY, cookingWhPerDay / (hob * TYPICAL_COOK_HOURS));
        final double cookHours = cookingWhPerDay / (cookProbability * hob);
        final double laundryW = uniform(random, 1_800.0, 2_400.0);
        final double laundryPerDay = LAUNDRY_SHARE * kWh[Loads.OTHER] * 1_000.0 / (365.0 * laundryW * LAUNDRY_HOURS);
        return new Household(type, persons, area, kWh, element, loss, deadBand, uniform(random, 0.8, 1.6),
            type == Type.NORDIC ? 0.05 : 0.3, hob, cookProbability, cookHours, laundryW, laundryPerDay);
    }

    /**
     * @param load a {@link Loads} index.
     * @return the mean power of that component over a climatological year, W.
     */
    double meanW(final int load)
    {
        return annualKWh[load] * 1_000.0 / Shapes.HOURS_PER_YEAR;
    }

    private static int persons(final SplittableRandom random)
    {
        double u = random.nextDouble();
        for (int p = 0; p < PERSON_WEIGHTS.length - 1; p++)
        {
            u -= PERSON_WEIGHTS[p];
            if (u < 0.0)
            {
                return p + 1;
            }
        }
        return PERSON_WEIGHTS.length;
    }

    static double uniform(final SplittableRandom random, final double low, final double high)
    {
        return low + (high - low) * random.nextDouble();
    }
}
