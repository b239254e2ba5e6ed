package io.metersim.datagen;

import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * A smooth Nordic climate (Oslo-like: 59.9 N, 10.75 E, CET/CEST) plus seeded day-to-day weather, shared by every
 * meter of one data set.
 */
final class Climate
{
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private static final double LATITUDE_RAD = Math.toRadians(59.9);
    private static final double LONGITUDE_DEG = 10.75;
    private static final double ANNUAL_MEAN_C = 6.0;
    private static final double ANNUAL_AMPLITUDE_C = 10.0;
    private static final double COLDEST_DAY_OF_YEAR = 20.0;
    private static final double DIURNAL_AMPLITUDE_C = 1.5;
    private static final double WARMEST_HOUR = 15.0;
    private static final double WEATHER_SIGMA_C = 3.0;
    private static final double WEATHER_PERSISTENCE = 0.8;
    private static final double FULL_LIGHT_ELEVATION_DEG = 6.0;
    private static final double FULL_DARK_ELEVATION_DEG = -3.0;

    private Climate()
    {
    }

    /**
     * @param random the weather stream.
     * @param days   how many days.
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
     * @param dayOfYear  1 to 366.
     * @param localHours local clock time in hours since midnight.
     * @param anomaly    the day's weather anomaly.
     * @return outdoor temperature in degrees Celsius.
     */
    static double temperature(final int dayOfYear, final double localHours, final double anomaly)
    {
        final double seasonal = ANNUAL_MEAN_C
            - ANNUAL_AMPLITUDE_C * Math.cos(2.0 * Math.PI * (dayOfYear - COLDEST_DAY_OF_YEAR) / 365.25);
        return seasonal + anomaly + DIURNAL_AMPLITUDE_C * Math.cos(2.0 * Math.PI * (localHours - WARMEST_HOUR) / 24.0);
    }

    /**
     * @param dayOfYear 1 to 366.
     * @param utcHours  UTC time of day in hours.
     * @return 0 in daylight (sun 6 degrees or more above the horizon), 1 in the dark (3 degrees below), linear between.
     */
    static double darkness(final int dayOfYear, final double utcHours)
    {
        final double declination = Math.toRadians(23.44) * Math.sin(2.0 * Math.PI * (284 + dayOfYear) / 365.0);
        final double hourAngle = Math.toRadians(15.0 * (utcHours + LONGITUDE_DEG / 15.0 - 12.0));
        final double sinElevation = Math.sin(LATITUDE_RAD) * Math.sin(declination)
            + Math.cos(LATITUDE_RAD) * Math.cos(declination) * Math.cos(hourAngle);
        final double elevation = Math.toDegrees(Math.asin(sinElevation));
        final double dark =
            (FULL_LIGHT_ELEVATION_DEG - elevation) / (FULL_LIGHT_ELEVATION_DEG - FULL_DARK_ELEVATION_DEG);
        return Math.max(0.0, Math.min(1.0, dark));
    }
}
