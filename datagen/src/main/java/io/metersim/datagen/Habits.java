package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * When a household is awake, out and away: its own mean times on a workday, how much they wander from day to day and
 * its absences (weekend trips to the cabin, the July holiday, Christmas with family).
 *
 * @param wakeH         mean wake-up time on a workday, local hours.
 * @param prepH         time from waking to leaving.
 * @param returnH       mean time home on a workday.
 * @param bedH          mean bedtime (may pass 24).
 * @param weekendLaterH how much later the household gets up on a day off.
 * @param jitterH       standard deviation of each time from day to day.
 * @param works         leaves for work or school on workdays.
 * @param outingRate    chance of a few hours out on a day at home.
 * @param dinnerH       habitual dinner time on a day at home.
 * @param cabinRate     chance of a weekend away (0 for households without a cabin or habit).
 * @param julyStart     first day of the summer holiday, days after 27 June.
 * @param julyDays      length of the summer holiday.
 * @param christmasAway off over Christmas.
 * @param christmasFrom first day off in December (20 to 24).
 * @param christmasDays days off over Christmas.
 * @param travels       spends its holidays away (otherwise at home).
 * @param shiftWeek     offset of the shift rotation (shift workers).
 * @param homeOfficeRate chance of working from home on a workday.
 */
record Habits(
    double wakeH, double prepH, double returnH, double bedH, double weekendLaterH, double jitterH, boolean works,
    double outingRate, double dinnerH, double cabinRate, int julyStart, int julyDays, boolean christmasAway,
    int christmasFrom, int christmasDays, boolean travels, int shiftWeek, double homeOfficeRate)
{
    /**
     * @param random    the habits' stream.
     * @param occupants the kind of household.
     * @return its habits.
     */
    static Habits draw(final SplittableRandom random, final Household.Occupants occupants)
    {
        final double wake;
        final double returnH;
        final double bed;
        switch (occupants)
        {
            case COUPLE:
                wake = Household.uniform(random, 5.5, 7.75);
                returnH = Household.uniform(random, 15.0, 19.0);
                bed = Household.uniform(random, 22.0, 24.25);
                break;
            case FAMILY:
                wake = Household.uniform(random, 5.75, 7.25);
                returnH = Household.uniform(random, 14.0, 18.0);
                bed = Household.uniform(random, 21.5, 23.75);
                break;
            case RETIRED:
                wake = Household.uniform(random, 6.5, 9.0);
                returnH = Household.uniform(random, 11.0, 15.0);
                bed = Household.uniform(random, 21.5, 23.75);
                break;
            case SHIFT:
                wake = Household.uniform(random, 4.75, 5.5);
                returnH = Household.uniform(random, 15.0, 16.0);
                bed = Household.uniform(random, 21.5, 22.5);
                break;
            default:
                wake = Household.uniform(random, 7.0, 10.0);
                returnH = Household.uniform(random, 13.0, 19.0);
                bed = Household.uniform(random, 23.0, 26.0);
                break;
        }
        final boolean works = occupants != Household.Occupants.RETIRED;
        final boolean travels = Household.chance(random, 0.6);
        return new Habits(wake, Household.uniform(random, 0.5, 1.25), returnH, bed,
            Household.uniform(random, 0.5, 2.0), Household.uniform(random, 0.5, 1.2), works,
            Household.uniform(random, 0.2, 0.6), Household.uniform(random, 15.5, 18.5),
            Household.chance(random, 0.25) ? Household.uniform(random, 0.1, 0.3) : 0.0,
            random.nextInt(28), 14 + random.nextInt(10), Household.chance(random, 0.4), 20 + random.nextInt(5),
            3 + random.nextInt(7), travels, random.nextInt(3), occupants == Household.Occupants.SHIFT || !works ? 0.0
                : Household.chance(random, 0.6) ? Household.uniform(random, 0.1, 0.6) : 0.0);
    }
}
