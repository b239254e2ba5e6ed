package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * One simulated Norwegian household, drawn from the meter's own random stream: who lives there and when they are at
 * home ({@link Habits}), the dwelling and how it is heated ({@link Building}), and what it owns ({@link Appliances}).
 * See {@code datagen/README.md} for the shares and their sources.
 *
 * @param occupants  the kind of household.
 * @param persons    1 to 5.
 * @param habits     schedule and absences.
 * @param building   dwelling, floor area and heating.
 * @param appliances appliance ratings and ownership.
 */
record Household(Occupants occupants, int persons, Habits habits, Building building, Appliances appliances)
{
    /** The kinds of household, with their shares of all households. */
    enum Occupants
    {
        /** Two working adults. */
        COUPLE(0.24),
        /** Parents and children. */
        FAMILY(0.28),
        /** One or two pensioners, at home most of the day. */
        RETIRED(0.22),
        /** A shift worker on a weekly day/evening/night rotation. */
        SHIFT(0.10),
        /** A student or young single, late and irregular. */
        STUDENT(0.16);

        final double share;

        Occupants(final double share)
        {
            this.share = share;
        }
    }

    /** Dwelling types of the SSB energy survey. */
    enum Dwelling
    {
        /** Flat in a block. */
        FLAT,
        /** Row house, semi-detached or small multi-family house. */
        TERRACED,
        /** Detached house (farm houses included). */
        DETACHED
    }

    /** How the dwelling is heated. */
    enum Heating
    {
        /** Panel heaters (direct electric). */
        DIRECT,
        /** An air-to-air heat pump for the main rooms, panel heaters for the rest. */
        AIR_TO_AIR,
        /** An air-to-water heat pump feeding radiators or floor heating, an electric backup. */
        AIR_TO_WATER,
        /** District heating: no electric space heating. */
        DISTRICT
    }

    /** [occupants][dwelling]: the chance of each dwelling type for each kind of household. */
    private static final double[][] DWELLING_BY_OCCUPANTS = {
        {0.30, 0.25, 0.45}, {0.12, 0.25, 0.63}, {0.30, 0.20, 0.50}, {0.35, 0.25, 0.40}, {0.75, 0.15, 0.10}};

    /**
     * @param random the meter's stream; advanced.
     * @return a household.
     */
    static Household draw(final SplittableRandom random)
    {
        final Occupants occupants = pick(random, Occupants.values());
        final int persons = persons(random, occupants);
        final Dwelling dwelling = Dwelling.values()[index(random, DWELLING_BY_OCCUPANTS[occupants.ordinal()])];
        final Building building = Building.draw(random.split(), dwelling, persons);
        final Appliances appliances = Appliances.draw(random.split(), building, persons);
        final Habits habits = Habits.draw(random.split(), occupants);
        return new Household(occupants, persons, habits, building, appliances);
    }

    /**
     * @return true when the home has no electric space heating (district heating).
     */
    boolean withoutElectricHeating()
    {
        return building.heating() == Heating.DISTRICT;
    }

    private static int persons(final SplittableRandom random, final Occupants occupants)
    {
        final double u = random.nextDouble();
        switch (occupants)
        {
            case COUPLE:
                return 2;
            case FAMILY:
                return u < 0.40 ? 3 : u < 0.85 ? 4 : 5;
            case RETIRED:
                return u < 0.40 ? 1 : 2;
            case SHIFT:
                return u < 0.45 ? 1 : u < 0.80 ? 2 : 3;
            default:
                return u < 0.80 ? 1 : 2;
        }
    }

    private static Occupants pick(final SplittableRandom random, final Occupants[] kinds)
    {
        double u = random.nextDouble();
        for (int k = 0; k < kinds.length - 1; k++)
        {
            u -= kinds[k].share;
            if (u < 0.0)
            {
                return kinds[k];
            }
        }
        return kinds[kinds.length - 1];
    }

    static int index(final SplittableRandom random, final double[] weights)
    {
        double u = random.nextDouble();
        for (int k = 0; k < weights.length - 1; k++)
        {
            u -= weights[k];
            if (u < 0.0)
            {
                return k;
            }
        }
        return weights.length - 1;
    }

    static double uniform(final SplittableRandom random, final double low, final double high)
    {
        return low + (high - low) * random.nextDouble();
    }

    static boolean chance(final SplittableRandom random, final double probability)
    {
        return random.nextDouble() < probability;
    }
}
