package io.metersim.datagen;

/**
 * The expected shape of each smooth component at every row of one time axis, shared by all meters. Each shape is
 * scaled so that its mean over the climatological reference year is 1: a component's power is then its annual
 * energy / 8,760 h times the shape, and a generated year holds the drawn annual energies.
 */
final class Shapes
{
    static final double HOURS_PER_YEAR = 8_760.0;
    /** Indoor balance temperature below which heating runs. */
    static final double HEATING_BASE_C = 17.0;

    private static final double[] HEATING_SCHEDULE = {
        0.9, 0.9, 0.9, 0.9, 0.9, 0.95, 1.1, 1.1, 1.05, 0.95, 0.95, 0.95,
        0.95, 0.95, 0.95, 0.95, 1.05, 1.1, 1.1, 1.1, 1.1, 1.05, 1.0, 0.95};
    private static final double LIGHT_IN_DAYLIGHT = 0.2;
    private static final double WEEKEND_KITCHEN = 1.1;
    private static final double BASE_SEASON = 0.04;
    private static final double BASE_NIGHT = 0.95;
    private static final double BASE_DAY = 1.03;

    final double[] base;
    final double[] water;
    final double[] heating;
    final double[] kitchen;
    final double[] light;
    final double[] other;

    private Shapes(final int rows)
    {
        base = new double[rows];
        water = new double[rows];
        heating = new double[rows];
        kitchen = new double[rows];
        light = new double[rows];
        other = new double[rows];
    }

    /**
     * @param axis      the rows to shape.
     * @param reference the climatological reference year.
     * @param tables    the shipped tables.
     * @return the shapes of {@code axis}, normalised against {@code reference}.
     */
    static Shapes of(final TimeAxis axis, final TimeAxis reference, final Tables tables)
    {
        final Shapes shapes = raw(axis, tables);
        final Shapes yardstick = raw(reference, tables);
        scale(shapes.base, mean(yardstick.base));
        scale(shapes.water, mean(yardstick.water));
        scale(shapes.heating, mean(yardstick.heating));
        scale(shapes.kitchen, mean(yardstick.kitchen));
        scale(shapes.light, mean(yardstick.light));
        scale(shapes.other, mean(yardstick.other));
        return shapes;
    }

    private static Shapes raw(final TimeAxis axis, final Tables tables)
    {
        final Shapes shapes = new Shapes(axis.rows);
        for (int i = 0; i < axis.rows; i++)
        {
            final int hour = axis.hour[i];
            final int weekend = axis.dayType[i] == Tables.WORKDAY ? 0 : 1;
            final double daytime = hour >= 7 && hour <= 22 ? BASE_DAY : BASE_NIGHT;
            shapes.base[i] = daytime * (1.0 + BASE_SEASON * Math.cos(2.0 * Math.PI * (axis.month[i] - 6) / 12.0));
            shapes.water[i] = tables.water[weekend][hour] * tables.waterMonths[axis.month[i]];
            shapes.heating[i] = Math.max(0.0, HEATING_BASE_C - axis.temperature[i]) * HEATING_SCHEDULE[hour];
            shapes.kitchen[i] = tables.appliances[weekend][hour] * (weekend == 1 ? WEEKEND_KITCHEN : 1.0);
            shapes.light[i] = tables.light[hour] * (LIGHT_IN_DAYLIGHT + (1.0 - LIGHT_IN_DAYLIGHT) * axis.darkness[i]);
            shapes.other[i] = tables.h0[axis.period[i]][axis.dayType[i]][hour] * dynamisation(axis.dayOfYear[i]);
        }
        return shapes;
    }

    /** BDEW H0 dynamisation factor F(t) for day of year t, with BDEW's published (rounded) coefficients. */
    static double dynamisation(final int dayOfYear)
    {
        final double t = dayOfYear;
        return -3.92e-10 * t * t * t * t + 3.2e-7 * t * t * t - 7.02e-5 * t * t + 2.1e-3 * t + 1.24;
    }

    private static double mean(final double[] values)
    {
        double sum = 0.0;
        for (final double v : values)
        {
            sum += v;
        }
        return sum / values.length;
    }

    private static void scale(final double[] values, final double divisor)
    {
        for (int i = 0; i < values.length; i++)
        {
            values[i] /= divisor;
        }
    }
}
