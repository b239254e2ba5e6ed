package io.metersim.datagen;

import java.util.Locale;

/**
 * Prints the realism figures of the default data set for the seeds given (default 42, 1, 7): the numbers behind the
 * README's side-by-side table. Run from the test class path.
 */
final class FleetReport
{
    private FleetReport()
    {
    }

    public static void main(final String[] args)
    {
        final String[] seeds = args.length == 0 ? new String[] {"42", "1", "7"} : args;
        for (final String seed : seeds)
        {
            print(Fleet.of(Long.parseLong(seed)), seed);
        }
    }

    private static void print(final Fleet f, final String seed)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "seed %s: mean %.0f kWh/a; flat %.0f terraced %.0f detached %.0f%n", seed,
            f.meanAnnualKWh(null), f.meanAnnualKWh(Household.Dwelling.FLAT),
            f.meanAnnualKWh(Household.Dwelling.TERRACED), f.meanAnnualKWh(Household.Dwelling.DETACHED)));
        out.append(String.format(Locale.ROOT, "  coincidence 1/10/50/100/153: %.2f %.2f %.2f %.2f %.2f%n",
            f.coincidence(1), f.coincidence(10), f.coincidence(50), f.coincidence(0, 100), f.coincidence(0, 153)));
        out.append(String.format(Locale.ROOT, "  median workday correlation %.2f; peak-hour share %.2f (daily %.2f)%n",
            f.medianWorkdayCorrelation(), f.largestPeakHourShare(), f.largestDailyPeakHourShare()));
        final int[] dh = f.homesWithoutElectricHeating();
        final double[] dhTotal = f.fleetTotal(Boolean.TRUE);
        final double[] sunday = f.profile(dhTotal, Tables.SUNDAY);
        final double[] summer = f.profile(dhTotal, Tables.WORKDAY, 6, 7, 8);
        out.append(String.format(Locale.ROOT, "  %d homes without electric heating: Sunday 12/18 %.2f, summer workday "
            + "peak/mean %.2f%n", dh.length, sunday[12] / sunday[18], Fleet.max(summer) / Fleet.mean(summer)));
        final double[] others = new double[5];
        final double[] absOthers = new double[5];
        for (int h = 0; h < 5; h++)
        {
            others[h] = f.stepSpread(h);
            absOthers[h] = f.meanAbsoluteStep(h);
        }
        out.append(String.format(Locale.ROOT, "  23->00 spread %.1f W vs median %.1f W (mean |step| %.1f vs %.1f)%n",
            f.stepSpread(23), Fleet.median(others), f.meanAbsoluteStep(23), Fleet.median(absOthers)));
        out.append("  month-start excess water heater:");
        for (final double e : f.monthStartExcess(f.fleetLoad(Loads.WATER_HEATER)))
        {
            out.append(String.format(Locale.ROOT, " %+.3f", e));
        }
        out.append("\n  month-start excess total:");
        for (final double e : f.monthStartExcess(f.fleetTotal(null)))
        {
            out.append(String.format(Locale.ROOT, " %+.3f", e));
        }
        final double[] withoutHvac = f.fleetTotal(null);
        final double[] hvac = f.fleetLoad(Loads.HVAC);
        double largest = 0.0;
        for (int r = 0; r < withoutHvac.length; r++)
        {
            withoutHvac[r] -= hvac[r];
        }
        for (final double e : f.monthStartExcess(withoutHvac))
        {
            largest = Math.max(largest, Math.abs(e));
        }
        out.append(String.format(Locale.ROOT, "%n  largest month-start excess of all but HVAC: %.3f%n", largest));
        final double[] cv = new double[dh.length];
        final double[] lag = new double[dh.length];
        final double[] peak = new double[dh.length];
        for (int i = 0; i < dh.length; i++)
        {
            cv[i] = f.dailyCv(dh[i]);
            lag[i] = f.lag24(dh[i]);
            peak[i] = f.peakOverMean(dh[i]);
        }
        out.append(String.format(Locale.ROOT, "  same homes, 25 Nov-17 Mar, median: CV %.3f, lag24 %.3f, peak/mean %.2f "
            + "(%d of %d homes >= 10)%n", Fleet.median(cv), Fleet.median(lag), Fleet.median(peak),
            java.util.Arrays.stream(peak).filter(p -> p >= 10.0).count(), dh.length));
        for (final int m : dh)
        {
            out.append(String.format(Locale.ROOT, "  home %d %s %s: %.0f kWh/a, CV %.2f, lag24 %.2f, peak/mean %.1f%n",
                m, f.households[m].occupants(), f.households[m].building().dwelling(), f.annualKWh(m), f.dailyCv(m),
                f.lag24(m), f.peakOverMean(m)));
        }
        final double[] loads = new double[6];
        for (int k = 0; k < 6; k++)
        {
            loads[k] = Fleet.mean(f.fleetLoad(k)) / f.homes * 8.76;
        }
        out.append(String.format(Locale.ROOT, "  per component kWh/a: %.0f %.0f %.0f %.0f %.0f %.0f%n", loads[0],
            loads[1], loads[2], loads[3], loads[4], loads[5]));
        System.out.print(out);
    }
}
