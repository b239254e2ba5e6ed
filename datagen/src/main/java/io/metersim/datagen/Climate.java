package io.metersim.datagen;

import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * A smooth Nordic climate (Oslo-like: 59.9 N, 10.75 E, CET/CEST) plus seeded day-to-day weather, shared by every
 * meter of one data set. Temperatures are continuous in time: the weather anomaly of each day sits at local noon and
 * is blended into the next day's with a raised cosine, so nothing jumps at midnight.
 */
final class Climate
{
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private static final double LATITUDE_RAD = Math.toRadians(59.9);
    private static final double LONGITUDE_DEG = 10.75;
    private static final double ANNUAL_MEAN_C = 6.0;
    private static final double ANNUAL_AMPLITUDE_C = 10.0;
    private static final double COLDEST_DAY_OF_YEAR = 20.0;
    private static final double DIURNAL_MEAN_C = 2.5;
    private static final double DIURNAL_SEASON_C = 1.5;
    private static final double WARMEST_HOUR = 15.0;
    private static final double WEATHER_SIGMA_C = 3.0;
    private static final double WEATHER_PERSISTENCE = 0.8;
    private static final double FULL_LIGHT_ELEVATION_DEG = 6.0;
    private static final double FULL_DARK_ELEVATION_DEG = -3.0;
    private static final double INLET_MEAN_C = 7.0;
    private static final double INLET_AMPLITUDE_C = 4.0;
    private static final double INLET_COLDEST_DAY = 55.0;

    private Climate()
    {
    }

    /**
     * @param random the weather stream.
     * @param days   how many anomalies (one per local noon).
     * @return day-to-day temperature anomalies in kelvin: AR(1), persistence 0.8, standard deviation 3 K.
     */
    static double[] weather(final SplittableRandom random, final int days)
    {
        final double[] anomaly = new double[days];
        final double innovation = WEATHER_SIGMA_C * Math.sqrt(1.0 - WEATHER_PERSISTENCE * WEATHER_PERSISTENCE);
        double previous = WEATHER_SIGMA_C * random.nextGaussian();
        for (int d = 0; d < days; d++)
        {
            anomaly[d] = previous;
            previous = WEATHER_PERSISTENCE * previous + innovation * random.nextGaussian();
        }
        return anomaly;
    }

    /**
     * @param yearDay    day of year with its fraction (1.0 = 1 January 00:00 local).
     * @param localHours local clock time in hours since midnight.
     * @param anomaly    the weather anomaly at that moment.
     * @return outdoor temperature in degrees Celsius: a seasonal curve, a diurnal swing that is larger in summer
     *         (1 K in January, 4 K in July) and the weather.
     */
    static double temperature(final double yearDay, final double localHours, final double anomaly)
    {
        final double season = Math.cos(2.0 * Math.PI * (yearDay - COLDEST_DAY_OF_YEAR) / 365.25);
        final double diurnal = DIURNAL_MEAN_C - DIURNAL_SEASON_C * season;
        return ANNUAL_MEAN_C - ANNUAL_AMPLITUDE_C * season + anomaly
            + diurnal * Math.cos(2.0 * Math.PI * (localHours - WARMEST_HOUR) / 24.0);
    }

    /**
     * @param yearDay day of year with its fraction.
     * @return cold-water inlet temperature: a supply that follows the air with about a month's lag, 3 degrees C in
     *         late February to 11 degrees C in late August (an assumption of this model, see the README).
     */
    static double inletTemperature(final double yearDay)
    {
        return INLET_MEAN_C - INLET_AMPLITUDE_C * Math.cos(2.0 * Math.PI * (yearDay - INLET_COLDEST_DAY) / 365.25);
    }

    /**
     * @param from     the anomaly at the previous local noon.
     * @param to       the anomaly at the next local noon.
     * @param fraction how far the moment is between the two noons, 0 to 1.
     * @return the anomaly, blended with a raised cosine (continuous, no step).
     */
    static double blend(final double from, final double to, final double fraction)
    {
        final double weight = 0.5 - 0.5 * Math.cos(Math.PI * fraction);
        return from + (to - from) * weight;
    }

    /**
     * @param dayOfYear 1 to 366.
     * @param utcHours  UTC time of day in hours.
     * @return the sun's elevation above the horizon in degrees.
     */
    static double elevation(final int dayOfYear, final double utcHours)
    {
        final double declination = Math.toRadians(23.44) * Math.sin(2.0 * Math.PI * (284 + dayOfYear) / 365.0);
        final double hourAngle = Math.toRadians(15.0 * (utcHours + LONGITUDE_DEG / 15.0 - 12.0));
        final double sinElevation = Math.sin(LATITUDE_RAD) * Math.sin(declination)
            + Math.cos(LATITUDE_RAD) * Math.cos(declination) * Math.cos(hourAngle);
        return Math.toDegrees(Math.asin(sinElevation));
    }

    /**
     * @param elevationDeg the sun's elevation.
     * @param shiftDeg     how much darker the home is indoors than outside (0 for the open sky).
     * @return 0 in daylight (sun 6 degrees or more above the horizon), 1 in the dark (3 degrees below), linear between.
     */
    static double darkness(final double elevationDeg, final double shiftDeg)
    {
        final double dark = (FULL_LIGHT_ELEVATION_DEG + shiftDeg - elevationDeg)
            / (FULL_LIGHT_ELEVATION_DEG - FULL_DARK_ELEVATION_DEG);
        return Math.max(0.0, Math.min(1.0, dark));
    }

    /**
     * @param dayOfYear 1 to 366.
     * @param utcHours  UTC time of day in hours.
     * @return the open-sky darkness, {@link #darkness(double, double)} with no shift.
     */
    static double darkness(final int dayOfYear, final double utcHours)
    {
        return darkness(elevation(dayOfYear, utcHours), 0.0);
    }
}
