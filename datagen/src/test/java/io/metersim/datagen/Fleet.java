package io.metersim.datagen;

import io.metersim.core.LoadData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A generated default data set and the statistics the realism targets are about, computed with plain formulas over
 * the generated arrays (independently of the generator's code; only the households' drawn dwelling and heating type
 * are taken from the model, to group the homes). One data set per seed is generated per JVM.
 */
final class Fleet
{
    static final ZoneId LOCAL = ZoneId.of("Europe/Oslo");
    private static final Map<Long, Fleet> CACHE = new HashMap<>();

    final int homes;
    final int rows;
    final LoadData data;
    final Household[] households;
    /** [home][row] total watts. */
    final double[][] total;
    final int[] hour;
    final LocalDate[] date;
    final int[] dayType;

    private Fleet(final long seed)
    {
        final GeneratorOptions options = new GeneratorOptions(153, 8_741, Instant.parse("2025-01-15T08:00:00Z"),
            java.time.Duration.ofHours(1), seed);
        data = LoadGenerator.generate(options);
        homes = data.meterCount();
        rows = data.cycleLength();
        households = new Household[homes];
        total = new double[homes][rows];
        for (int m = 0; m < homes; m++)
        {
            households[m] = Household.draw(LoadGenerator.meterStream(seed, m));
            for (int k = 0; k < 6; k++)
            {
                final int s = data.seriesOf(m, k);
                for (int r = 0; r < rows; r++)
                {
                    total[m][r] += data.watts(s, r);
                }
            }
        }
        hour = new int[rows];
        date = new LocalDate[rows];
        dayType = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            final ZonedDateTime local = Instant.ofEpochMilli(data.timestampMillis(0, r)).atZone(LOCAL);
            hour[r] = local.getHour();
            date[r] = local.toLocalDate();
            dayType[r] = Calendar.dayType(date[r]);
        }
    }

    static synchronized Fleet of(final long seed)
    {
        return CACHE.computeIfAbsent(seed, Fleet::new);
    }

    double[] series(final int home, final int load)
    {
        final int s = data.seriesOf(home, load);
        final double[] w = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            w[r] = data.watts(s, r);
        }
        return w;
    }

    /** kWh per year: the mean power times 8,760 h. */
    double annualKWh(final int home)
    {
        return mean(total[home]) * 8.76;
    }

    /** Mean annual kWh of the homes whose dwelling is {@code dwelling} (null: all homes). */
    double meanAnnualKWh(final Household.Dwelling dwelling)
    {
        double sum = 0.0;
        int count = 0;
        for (int m = 0; m < homes; m++)
        {
            if (null == dwelling || households[m].building().dwelling() == dwelling)
            {
                sum += annualKWh(m);
                count++;
            }
        }
        return sum / count;
    }

    /** Peak of the group's summed load over the sum of its members' peaks, homes {@code from} to {@code to - 1}. */
    double coincidence(final int from, final int to)
    {
        final double[] sum = new double[rows];
        double peaks = 0.0;
        for (int m = from; m < to; m++)
        {
            peaks += max(total[m]);
            for (int r = 0; r < rows; r++)
            {
                sum[r] += total[m][r];
            }
        }
        return max(sum) / peaks;
    }

    /** Mean coincidence factor over the disjoint groups of {@code size} consecutive homes. */
    double coincidence(final int size)
    {
        double sum = 0.0;
        int groups = 0;
        for (int from = 0; from + size <= homes; from += size)
        {
            sum += coincidence(from, from + size);
            groups++;
        }
        return sum / groups;
    }

    /** Mean load by local hour over the rows of day type {@code type} (-1: every day) and months (none: all). */
    double[] profile(final double[] watts, final int type, final int... months)
    {
        final double[] sum = new double[24];
        final int[] count = new int[24];
        for (int r = 0; r < rows; r++)
        {
            if ((type < 0 || dayType[r] == type) && inMonths(date[r].getMonthValue(), months))
            {
                sum[hour[r]] += watts[r];
                count[hour[r]]++;
            }
        }
        for (int h = 0; h < 24; h++)
        {
            sum[h] /= count[h];
        }
        return sum;
    }

    /** Sum of the homes' series, selected by {@code withoutElectricHeating} (null: all homes). */
    double[] fleetTotal(final Boolean withoutElectricHeating)
    {
        final double[] sum = new double[rows];
        for (int m = 0; m < homes; m++)
        {
            if (null == withoutElectricHeating || households[m].withoutElectricHeating() == withoutElectricHeating)
            {
                for (int r = 0; r < rows; r++)
                {
                    sum[r] += total[m][r];
                }
            }
        }
        return sum;
    }

    /** Median over homes of the correlation of each home's mean workday profile with the fleet's. */
    double medianWorkdayCorrelation()
    {
        final double[] fleet = profile(fleetTotal(null), Tables.WORKDAY);
        final double[] r = new double[homes];
        for (int m = 0; m < homes; m++)
        {
            r[m] = correlation(profile(total[m], Tables.WORKDAY), fleet);
        }
        return median(r);
    }

    /** Largest share of homes whose mean daily profile peaks in one local hour. */
    double largestPeakHourShare()
    {
        final int[] count = new int[24];
        for (int m = 0; m < homes; m++)
        {
            count[argMax(profile(total[m], -1))]++;
        }
        return max(count) / (double)homes;
    }

    /** Largest share of home-days whose peak hour is one local hour (whole local days only). */
    double largestDailyPeakHourShare()
    {
        final int[] count = new int[24];
        int days = 0;
        for (int m = 0; m < homes; m++)
        {
            int r = 0;
            while (r < rows)
            {
                int end = r + 1;
                while (end < rows && date[end].equals(date[r]))
                {
                    end++;
                }
                if (end - r >= 23 && hour[r] == 0 && end < rows)
                {
                    int peak = r;
                    for (int i = r + 1; i < end; i++)
                    {
                        peak = total[m][i] > total[m][peak] ? i : peak;
                    }
                    count[hour[peak]]++;
                    days++;
                }
                r = end;
            }
        }
        return max(count) / (double)days;
    }

    /**
     * Day-to-day spread (standard deviation over days) of the fleet's change from local hour {@code h} to the next,
     * in W per home: the part of the change a mean profile does not explain, which is where a step shows.
     */
    double stepSpread(final int h)
    {
        final double[] fleet = fleetTotal(null);
        double sum = 0.0;
        double squares = 0.0;
        int n = 0;
        for (int r = 0; r + 1 < rows; r++)
        {
            if (hour[r] == h && hour[r + 1] == (h + 1) % 24)
            {
                final double step = (fleet[r + 1] - fleet[r]) / homes;
                sum += step;
                squares += step * step;
                n++;
            }
        }
        final double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }

    /** Mean absolute change of the fleet (W per home) from local hour {@code h} to the next. */
    double meanAbsoluteStep(final int h)
    {
        final double[] fleet = fleetTotal(null);
        double sum = 0.0;
        int n = 0;
        for (int r = 0; r + 1 < rows; r++)
        {
            if (hour[r] == h && hour[r + 1] == (h + 1) % 24)
            {
                sum += Math.abs(fleet[r + 1] - fleet[r]) / homes;
                n++;
            }
        }
        return sum / n;
    }

    /**
     * For each month start from February to December: the change from the last 7 days of the previous month to the
     * first 7 days of the month, minus the change the two months' means imply over those 7 days, relative to the
     * previous month's mean. {@code watts} is a fleet series.
     */
    double[] monthStartExcess(final double[] watts)
    {
        final double[] excess = new double[11];
        final int year = date[0].getYear();
        for (int month = 2; month <= 12; month++)
        {
            final LocalDate first = LocalDate.of(year, month, 1);
            final double before = meanBetween(watts, first.minusDays(7), first);
            final double after = meanBetween(watts, first, first.plusDays(7));
            final double previous = meanBetween(watts, first.minusMonths(1), first);
            final double current = meanBetween(watts, first, first.plusMonths(1));
            final double days = (first.lengthOfMonth() + first.minusMonths(1).lengthOfMonth()) / 2.0;
            final double implied = (current - previous) * 7.0 / days;
            excess[month - 2] = (after - before - implied) / previous;
        }
        return excess;
    }

    /** Sum over homes of one load. */
    double[] fleetLoad(final int load)
    {
        final double[] sum = new double[rows];
        for (int m = 0; m < homes; m++)
        {
            final double[] w = series(m, load);
            for (int r = 0; r < rows; r++)
            {
                sum[r] += w[r];
            }
        }
        return sum;
    }

    /** True for the rows in the openMV house's window, 25 November to 17 March. */
    boolean inWinterWindow(final int r)
    {
        final int md = date[r].getMonthValue() * 100 + date[r].getDayOfMonth();
        return md >= 1125 || md <= 317;
    }

    /** Day-to-day coefficient of variation of a home's daily kWh over the whole local days of the winter window. */
    double dailyCv(final int home)
    {
        final double[] daily = new double[400];
        final int[] hours = new int[400];
        final LocalDate origin = date[0];
        for (int r = 0; r < rows; r++)
        {
            if (inWinterWindow(r))
            {
                final int d = (int)(date[r].toEpochDay() - origin.toEpochDay());
                daily[d] += total[home][r];
                hours[d]++;
            }
        }
        double sum = 0.0;
        double squares = 0.0;
        int n = 0;
        for (int d = 0; d < daily.length; d++)
        {
            if (hours[d] == 24)
            {
                sum += daily[d];
                squares += daily[d] * daily[d];
                n++;
            }
        }
        final double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean) / mean;
    }

    /** Autocorrelation at 24 h of a home's hourly load within the winter window. */
    double lag24(final int home)
    {
        final double[] x = total[home];
        double sum = 0.0;
        int n = 0;
        for (int r = 0; r < rows; r++)
        {
            if (inWinterWindow(r))
            {
                sum += x[r];
                n++;
            }
        }
        final double mean = sum / n;
        double covariance = 0.0;
        double variance = 0.0;
        for (int r = 0; r < rows; r++)
        {
            if (inWinterWindow(r))
            {
                variance += (x[r] - mean) * (x[r] - mean);
                if (r + 24 < rows && inWinterWindow(r + 24))
                {
                    covariance += (x[r] - mean) * (x[r + 24] - mean);
                }
            }
        }
        return covariance / variance;
    }

    /** Highest hourly load over the mean, within the winter window. */
    double peakOverMean(final int home)
    {
        double sum = 0.0;
        double peak = 0.0;
        int n = 0;
        for (int r = 0; r < rows; r++)
        {
            if (inWinterWindow(r))
            {
                sum += total[home][r];
                peak = Math.max(peak, total[home][r]);
                n++;
            }
        }
        return peak / (sum / n);
    }

    int[] homesWithoutElectricHeating()
    {
        return java.util.stream.IntStream.range(0, homes).filter(m -> households[m].withoutElectricHeating())
            .toArray();
    }

    private double meanBetween(final double[] watts, final LocalDate from, final LocalDate to)
    {
        double sum = 0.0;
        int n = 0;
        for (int r = 0; r < rows; r++)
        {
            if (!date[r].isBefore(from) && date[r].isBefore(to))
            {
                sum += watts[r];
                n++;
            }
        }
        return sum / n;
    }

    private static boolean inMonths(final int month, final int[] months)
    {
        if (months.length == 0)
        {
            return true;
        }
        for (final int m : months)
        {
            if (m == month)
            {
                return true;
            }
        }
        return false;
    }

    static double correlation(final double[] a, final double[] b)
    {
        final double ma = mean(a);
        final double mb = mean(b);
        double ab = 0.0;
        double aa = 0.0;
        double bb = 0.0;
        for (int i = 0; i < a.length; i++)
        {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    static double mean(final double[] values)
    {
        double sum = 0.0;
        for (final double v : values)
        {
            sum += v;
        }
        return sum / values.length;
    }

    static double max(final double[] values)
    {
        double best = Double.NEGATIVE_INFINITY;
        for (final double v : values)
        {
            best = Math.max(best, v);
        }
        return best;
    }

    static int max(final int[] values)
    {
        int best = Integer.MIN_VALUE;
        for (final int v : values)
        {
            best = Math.max(best, v);
        }
        return best;
    }

    static int argMax(final double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
