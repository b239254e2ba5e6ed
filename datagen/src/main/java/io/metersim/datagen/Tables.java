package io.metersim.datagen;

import io.metersim.core.MetersimException;

/**
 * The derived reference tables datagen ships (see {@code datagen/README.md} for sources and licences), read once.
 */
final class Tables
{
    static final int HOURS = 24;
    static final int WORKDAY = 0;
    static final int SATURDAY = 1;
    static final int SUNDAY = 2;
    static final int WINTER = 0;
    static final int TRANSITION = 1;
    static final int SUMMER = 2;

    private static final String[] PERIODS = {"winter", "transition", "summer"};
    private static final String[] DAYS = {"workday", "saturday", "sunday"};

    private static Tables cached;

    /** [weekend ? 1 : 0][hour], mean 1 over the day. */
    final double[][] water;
    /** [hour], mean 1 over the day. */
    final double[] light;
    /** [weekend ? 1 : 0][hour], mean 1 over the day. */
    final double[][] appliances;
    /** [month 0-11], mean 1 over the year. */
    final double[] waterMonths;
    /** [period][day type][hour], W for 1,000 kWh/a. */
    final double[][][] h0;
    /** [period][day type]: the mean of the day's 24 H0 values. */
    final double[][] h0Mean;

    private Tables(
        final double[][] water, final double[] light, final double[][] appliances, final double[] waterMonths,
        final double[][][] h0)
    {
        this.water = water;
        this.light = light;
        this.appliances = appliances;
        this.waterMonths = waterMonths;
        this.h0 = h0;
        this.h0Mean = new double[h0.length][];
        for (int p = 0; p < h0.length; p++)
        {
            h0Mean[p] = new double[h0[p].length];
            for (int d = 0; d < h0[p].length; d++)
            {
                double sum = 0.0;
                for (final double w : h0[p][d])
                {
                    sum += w;
                }
                h0Mean[p][d] = sum / h0[p][d].length;
            }
        }
    }

    /**
     * @param dayOfYear 1 to 366.
     * @return BDEW H0 dynamisation factor F(t) for day of year t, with BDEW's published (rounded) coefficients.
     */
    static double dynamisation(final int dayOfYear)
    {
        final double t = dayOfYear;
        return -3.92e-10 * t * t * t * t + 3.2e-7 * t * t * t - 7.02e-5 * t * t + 2.1e-3 * t + 1.24;
    }

    /**
     * @return the tables, read on first use (a broken resource is reported on every call, not as a class error).
     */
    static synchronized Tables get()
    {
        if (null == cached)
        {
            cached = load();
        }
        return cached;
    }

    static Tables load()
    {
        final ResourceTable shapes = ResourceTable.load("openei-enduse-shapes.csv", 6);
        shapes.requireRows(HOURS);
        final double[][] water = new double[2][HOURS];
        final double[] light = new double[HOURS];
        final double[][] appliances = new double[2][HOURS];
        for (int h = 0; h < HOURS; h++)
        {
            water[0][h] = shapes.number(h, 1);
            water[1][h] = shapes.number(h, 2);
            light[h] = shapes.number(h, 3);
            appliances[0][h] = shapes.number(h, 4);
            appliances[1][h] = shapes.number(h, 5);
        }
        final ResourceTable months = ResourceTable.load("openei-water-months.csv", 2);
        months.requireRows(12);
        final double[] waterMonths = new double[12];
        for (int m = 0; m < 12; m++)
        {
            waterMonths[m] = months.number(m, 1);
        }
        return new Tables(water, light, appliances, waterMonths, loadH0());
    }

    private static double[][][] loadH0()
    {
        final ResourceTable table = ResourceTable.load("bdew-h0-hourly.csv", 2 + HOURS);
        table.requireRows(PERIODS.length * DAYS.length);
        final double[][][] h0 = new double[PERIODS.length][DAYS.length][HOURS];
        for (int r = 0; r < table.rowCount(); r++)
        {
            final int period = indexOf(PERIODS, table.text(r, 0), "bdew-h0-hourly.csv");
            final int day = indexOf(DAYS, table.text(r, 1), "bdew-h0-hourly.csv");
            for (int h = 0; h < HOURS; h++)
            {
                h0[period][day][h] = table.number(r, 2 + h);
            }
        }
        return h0;
    }

    private static int indexOf(final String[] names, final String name, final String resource)
    {
        for (int i = 0; i < names.length; i++)
        {
            if (names[i].equals(name))
            {
                return i;
            }
        }
        throw new MetersimException("unknown period or day type '" + name + "' [resource=" + resource + "]");
    }
}
