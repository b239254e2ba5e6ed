package io.metersim.datagen;

import io.metersim.core.LoadData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the default data set against the published figures documented in {@code datagen/README.md}.
 */
class RealismTest
{
    /**
     * Annual kWh per household type ({@link Household.Type} ordinal) and component: the ranges in the README.
     */
    private static final double[][][] ANNUAL_KWH = {
        {{510, 2_830}, {520, 5_010}, {2_640, 26_390}, {260, 2_070}, {140, 1_030}, {460, 4_040}},
        {{420, 2_490}, {150, 1_890}, {120, 480}, {210, 1_820}, {120, 900}, {380, 3_560}}};
    /** Realised / drawn annual energy per component: noise, events and weather move it this much at most. */
    private static final double[][] REALISED_OVER_DRAWN = {
        {0.95, 1.05}, {0.7, 1.3}, {0.8, 1.2}, {0.8, 1.2}, {0.95, 1.05}, {0.85, 1.15}};
    private static final ZoneId LOCAL = ZoneId.of("Europe/Oslo");

    private static LoadData data;
    private static Household[] households;
    private static int[] localHour;
    private static int[] month;

    @BeforeAll
    static void generateDefaultDataSet()
    {
        final GeneratorOptions options = GeneratorOptions.defaults();
        data = LoadGenerator.generate(options);
        households = new Household[data.meterCount()];
        for (int m = 0; m < households.length; m++)
        {
            households[m] = Household.draw(LoadGenerator.meterStream(options.seed(), m));
        }
        localHour = new int[data.cycleLength()];
        month = new int[data.cycleLength()];
        for (int row = 0; row < data.cycleLength(); row++)
        {
            final ZonedDateTime local = Instant.ofEpochMilli(data.timestampMillis(0, row)).atZone(LOCAL);
            localHour[row] = local.getHour();
            month[row] = local.getMonthValue();
        }
    }

    @Test
    void shouldKeepEveryComponentsAnnualEnergyInItsDocumentedRange()
    {
        for (int m = 0; m < data.meterCount(); m++)
        {
            final int type = households[m].type().ordinal();
            for (int k = 0; k < Loads.COUNT; k++)
            {
                final double kWh = annualKWh(m, k);
                final double[] range = ANNUAL_KWH[type][k];
                assertTrue(kWh >= range[0] && kWh <= range[1], "meter " + m + " " + households[m].type() + " "
                    + Loads.name(k) + ": " + kWh + " kWh/a outside " + range[0] + ".." + range[1]);
                final double ratio = kWh / households[m].annualKWh()[k];
                final double[] allowed = REALISED_OVER_DRAWN[k];
                assertTrue(ratio >= allowed[0] && ratio <= allowed[1],
                    "meter " + m + " " + Loads.name(k) + ": realised/drawn " + ratio);
            }
        }
    }

    @Test
    void shouldMatchPublishedHouseholdTotalsAndHeatingShare()
    {
        final double[] total = new double[2];
        final int[] count = new int[2];
        for (int m = 0; m < data.meterCount(); m++)
        {
            double meterTotal = 0.0;
            for (int k = 0; k < Loads.COUNT; k++)
            {
                meterTotal += annualKWh(m, k);
            }
            final int type = households[m].type().ordinal();
            total[type] += meterTotal;
            count[type]++;
            if (households[m].type() == Household.Type.NORDIC)
            {
                final double hvacShare = annualKWh(m, Loads.HVAC) / meterTotal;
                assertTrue(hvacShare >= 0.5 && hvacShare <= 0.7, "meter " + m + " HVAC share " + hvacShare);
            }
        }
        final double nordic = total[0] / count[0];
        final double danish = total[1] / count[1];
        assertTrue(nordic >= 13_000 && nordic <= 17_000, "Nordic mean " + nordic + " kWh/a, SSB: 14,964");
        assertTrue(danish >= 3_500 && danish <= 5_000, "Danish-type mean " + danish + " kWh/a, about 4,000");
        assertTrue(count[0] > count[1] && count[1] > data.meterCount() / 5, count[0] + " Nordic, " + count[1]);
    }

    @Test
    void shouldPeakInTheEveningOnAverage()
    {
        final double[] profile = new double[24];
        for (int s = 0; s < data.seriesCount(); s++)
        {
            for (int row = 0; row < data.cycleLength(); row++)
            {
                profile[localHour[row]] += data.watts(s, row);
            }
        }
        int peak = 0;
        for (int h = 1; h < 24; h++)
        {
            peak = profile[h] > profile[peak] ? h : peak;
        }
        assertTrue(peak >= 17 && peak <= 21, "mean profile peaks at " + peak + " h");
        assertTrue(profile[3] < 0.7 * profile[peak], "night " + profile[3] + " vs peak " + profile[peak]);
    }

    @Test
    void shouldUseMoreHeatingAndLightingInWinterThanInSummer()
    {
        for (int m = 0; m < data.meterCount(); m++)
        {
            for (final int k : new int[] {Loads.HVAC, Loads.LIGHTING})
            {
                final double winter = meanW(m, k, 12, 1, 2);
                final double summer = meanW(m, k, 6, 7, 8);
                final double factor = k == Loads.LIGHTING ? 1.5 : 1.2;
                assertTrue(winter > factor * summer,
                    "meter " + m + " " + Loads.name(k) + ": winter " + winter + " W, summer " + summer + " W");
            }
        }
    }

    @Test
    void shouldRunTheWaterHeaterAtElementPower()
    {
        int reachingElement = 0;
        for (int m = 0; m < data.meterCount(); m++)
        {
            final int s = data.seriesOf(m, Loads.WATER_HEATER);
            double max = 0.0;
            int idle = 0;
            for (int row = 0; row < data.cycleLength(); row++)
            {
                max = Math.max(max, data.watts(s, row));
                idle += data.watts(s, row) == 0.0 ? 1 : 0;
            }
            assertTrue(max <= households[m].waterElementW() + 1e-9, "meter " + m + " above its element: " + max);
            assertTrue(idle > data.cycleLength() / 4, "meter " + m + " water heater idle in only " + idle + " rows");
            reachingElement += max >= 1_500.0 ? 1 : 0;
        }
        assertTrue(reachingElement >= 0.9 * data.meterCount(), reachingElement + " meters reach 1.5 kW");
    }

    @Test
    void shouldCookAtHobPowerAroundDinner()
    {
        for (int m = 0; m < data.meterCount(); m++)
        {
            final int s = data.seriesOf(m, Loads.KITCHEN);
            int peakRow = 0;
            for (int row = 1; row < data.cycleLength(); row++)
            {
                peakRow = data.watts(s, row) > data.watts(s, peakRow) ? row : peakRow;
            }
            final double peak = data.watts(s, peakRow);
            assertTrue(peak >= 1_000.0 && peak <= households[m].hobW() + 10.0 * households[m].meanW(Loads.KITCHEN),
                "meter " + m + " kitchen peak " + peak + " W, hob " + households[m].hobW() + " W");
            assertTrue(localHour[peakRow] >= 15 && localHour[peakRow] <= 21,
                "meter " + m + " kitchen peaks at " + localHour[peakRow] + " h");
        }
    }

    @Test
    void shouldKeepBaseLoadAboveItsFloor()
    {
        for (int m = 0; m < data.meterCount(); m++)
        {
            final int s = data.seriesOf(m, Loads.BASE);
            double min = Double.MAX_VALUE;
            double sum = 0.0;
            for (int row = 0; row < data.cycleLength(); row++)
            {
                min = Math.min(min, data.watts(s, row));
                sum += data.watts(s, row);
            }
            final double mean = sum / data.cycleLength();
            assertTrue(min >= HouseholdModel.BASE_FLOOR_W, "meter " + m + " base " + min + " W");
            assertTrue(min >= 0.75 * mean, "meter " + m + " base min " + min + " W, mean " + mean + " W");
        }
    }

    @Test
    void shouldStampEveryRowAtStartPlusInterval()
    {
        final long start = GeneratorOptions.defaults().start().toEpochMilli();
        assertEquals(1, data.axisCount());
        assertEquals(8_741, data.cycleLength());
        for (int row = 0; row < data.cycleLength(); row++)
        {
            assertEquals(start + row * 3_600_000L, data.timestampMillis(data.seriesCount() - 1, row));
        }
    }

    private static double annualKWh(final int meter, final int load)
    {
        final int s = data.seriesOf(meter, load);
        double sum = 0.0;
        for (int row = 0; row < data.cycleLength(); row++)
        {
            sum += data.watts(s, row);
        }
        return sum / 1_000.0 * Shapes.HOURS_PER_YEAR / data.cycleLength();
    }

    private static double meanW(final int meter, final int load, final int... months)
    {
        final int s = data.seriesOf(meter, load);
        double sum = 0.0;
        int rows = 0;
        for (int row = 0; row < data.cycleLength(); row++)
        {
            for (final int wanted : months)
            {
                if (month[row] == wanted)
                {
                    sum += data.watts(s, row);
                    rows++;
                }
            }
        }
        return sum / rows;
    }
}
