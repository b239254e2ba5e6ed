package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * Turns one {@link Household} into its six series on a {@link TimeAxis}. Smooth components follow their shared shape
 * with the household's own noise; the water heater is a thermostat that recovers random hot-water draws at element
 * power; dinner cooking and laundry are timed events at appliance power.
 */
final class HouseholdModel
{
    /** Base load never drops below this, W (router, fridge standby, clocks). */
    static final double BASE_FLOOR_W = 50.0;
    /** Nor below this share of the household's mean base load. */
    static final double BASE_FLOOR_SHARE = 0.8;

    private static final double HOUR_MILLIS = 3_600_000.0;
    private static final double LARGE_POISSON_MEAN = 30.0;

    private final Household household;
    private final TimeAxis axis;
    private final Shapes shapes;

    private HouseholdModel(final Household household, final TimeAxis axis, final Shapes shapes)
    {
        this.household = household;
        this.axis = axis;
        this.shapes = shapes;
    }

    /**
     * @param household the household.
     * @param axis      the rows.
     * @param shapes    the shapes of those rows.
     * @param random    the meter's stream (split per component).
     * @return watts per {@link Loads} index and row; finite and not negative.
     */
    static double[][] simulate(
        final Household household, final TimeAxis axis, final Shapes shapes, final SplittableRandom random)
    {
        final HouseholdModel model = new HouseholdModel(household, axis, shapes);
        final double[][] watts = new double[Loads.COUNT][];
        watts[Loads.BASE] = model.base(random.split());
        watts[Loads.WATER_HEATER] = model.waterHeater(random.split());
        watts[Loads.HVAC] = model.hvac(random.split());
        watts[Loads.KITCHEN] = model.kitchen(random.split());
        watts[Loads.LIGHTING] = model.smooth(shapes.light, household.meanW(Loads.LIGHTING),
            new Wobble(random.split(), 0.2, 0.6));
        watts[Loads.OTHER] = model.other(random.split());
        return watts;
    }

    private double[] base(final SplittableRandom stream)
    {
        final double mean = household.meanW(Loads.BASE);
        final double floor = Math.max(BASE_FLOOR_W, BASE_FLOOR_SHARE * mean);
        final double[] watts = smooth(shapes.base, mean, new Wobble(stream, 0.06, 0.9));
        for (int i = 0; i < watts.length; i++)
        {
            watts[i] = Math.max(floor, watts[i]);
        }
        return watts;
    }

    private double[] hvac(final SplittableRandom stream)
    {
        final double mean = household.meanW(Loads.HVAC);
        final double constant = household.hvacConstantShare() * mean;
        final double[] watts = smooth(shapes.heating, mean - constant, new Wobble(stream, 0.12, 0.8));
        for (int i = 0; i < watts.length; i++)
        {
            watts[i] += constant;
        }
        return watts;
    }

    private double[] kitchen(final SplittableRandom stream)
    {
        final double[] watts = smooth(shapes.kitchen, (1.0 - Household.COOKING_SHARE) * household.meanW(Loads.KITCHEN),
            new Wobble(stream.split(), 0.35, 0.3));
        for (int d = 0; d < axis.dayTypeOfDay.length; d++)
        {
            if (stream.nextDouble() < household.cookProbability())
            {
                final boolean weekend = axis.dayTypeOfDay[d] != Tables.WORKDAY;
                final double start = clamp(stream.nextGaussian() * (weekend ? 1.0 : 0.8) + (weekend ? 17.8 : 18.0),
                    16.0, 21.0);
                final double hours = household.cookHours() * Household.uniform(stream, 0.5, 1.5);
                addEvent(watts, axis.midnight[d] + (long)(start * HOUR_MILLIS), hours, household.hobW());
            }
        }
        return watts;
    }

    private double[] other(final SplittableRandom stream)
    {
        final double[] watts = smooth(shapes.other, (1.0 - Household.LAUNDRY_SHARE) * household.meanW(Loads.OTHER),
            new Wobble(stream.split(), 0.3, 0.5));
        for (int d = 0; d < axis.dayTypeOfDay.length; d++)
        {
            final double weekday = axis.dayTypeOfDay[d] == Tables.WORKDAY ? 0.8 : 1.5;
            final int cycles = poisson(stream, household.laundryPerDay() * weekday);
            for (int c = 0; c < cycles; c++)
            {
                final double start = Household.uniform(stream, 8.0, 21.0);
                addEvent(watts, axis.midnight[d] + (long)(start * HOUR_MILLIS), Household.LAUNDRY_HOURS,
                    household.laundryW());
            }
        }
        return watts;
    }

    /**
     * Hot water drawn in random lumps empties the tank; the element switches on once the tank has lost its dead band
     * and heats at full power until the tank is full again.
     */
    private double[] waterHeater(final SplittableRandom stream)
    {
        final double hours = axis.intervalHours;
        final double eventKWh = household.waterEventKWh();
        final double drawRate = (household.annualKWh()[Loads.WATER_HEATER] - household.waterLossKWh())
            / Shapes.HOURS_PER_YEAR * hours / eventKWh;
        final double lossPerRow = household.waterLossKWh() / Shapes.HOURS_PER_YEAR * hours;
        final double elementKWh = household.waterElementW() / 1_000.0 * hours;
        final double[] watts = new double[axis.rows];
        double deficit = stream.nextDouble() * household.waterDeadBandKWh();
        boolean heating = false;
        for (int i = 0; i < axis.rows; i++)
        {
            final int draws = poisson(stream, drawRate * shapes.water[i]);
            for (int k = 0; k < draws; k++)
            {
                deficit -= eventKWh * Math.log(1.0 - stream.nextDouble());
            }
            deficit += lossPerRow;
            heating = heating || deficit >= household.waterDeadBandKWh();
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

    private double[] smooth(final double[] shape, final double meanW, final Wobble wobble)
    {
        final double[] watts = new double[axis.rows];
        for (int i = 0; i < watts.length; i++)
        {
            watts[i] = meanW * shape[i] * wobble.next();
        }
        return watts;
    }

    /** Adds an appliance running at {@code powerW} from {@code fromMillis} for {@code hours}, split over rows. */
    private void addEvent(final double[] watts, final long fromMillis, final double hours, final double powerW)
    {
        final long toMillis = fromMillis + (long)(hours * HOUR_MILLIS);
        final long first = Math.max(0L, axis.rowOf(fromMillis));
        final long last = Math.min(axis.rows - 1L, axis.rowOf(toMillis - 1L));
        for (long r = first; r <= last; r++)
        {
            final int row = (int)r;
            final long overlap = Math.min(toMillis, axis.rowEnd(row)) - Math.max(fromMillis, axis.millis[row]);
            if (overlap > 0L)
            {
                watts[row] += powerW * overlap / axis.intervalMillis;
            }
        }
    }

    private static int poisson(final SplittableRandom random, final double mean)
    {
        if (mean > LARGE_POISSON_MEAN)
        {
            return (int)Math.max(0L, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        final double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit)
        {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static double clamp(final double value, final double low, final double high)
    {
        return Math.max(low, Math.min(high, value));
    }
}
