package io.metersim.core;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Public holidays of Denmark and Norway, with the moving feasts computed from Easter Sunday ({@link #easterSunday},
 * the anonymous Gregorian computus of Meeus, Astronomical Algorithms, ch. 8, valid from 1583). One calendar serves
 * the generated households' day types, the baselines' day selection and the plots' day types.
 */
public enum HolidayCalendar
{
    /**
     * Denmark: the helligdage of the Danish church calendar (nytårsdag, skærtorsdag, langfredag, påskedag,
     * 2. påskedag, Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag, 2. juledag), store bededag (4th Friday
     * after Easter) up to 2023 only (abolished from 2024 by lov nr. 194 af 28/02/2023), plus the customary days off
     * grundlovsdag (5 June) and juleaftensdag (24 December), on which most collective agreements give a day off.
     */
    DK
    {
        @Override
        void fill(final int year, final Map<LocalDate, String> into)
        {
            final LocalDate easter = easterSunday(year);
            into.put(LocalDate.of(year, 1, 1), "Nytårsdag");
            into.put(easter.minusDays(3), "Skærtorsdag");
            into.put(easter.minusDays(2), "Langfredag");
            into.put(easter, "Påskedag");
            into.put(easter.plusDays(1), "2. påskedag");
            if (year <= 2023)
            {
                into.put(easter.plusDays(26), "Store bededag");
            }
            into.put(easter.plusDays(39), "Kristi himmelfartsdag");
            into.put(easter.plusDays(49), "Pinsedag");
            into.put(easter.plusDays(50), "2. pinsedag");
            into.put(LocalDate.of(year, 6, 5), "Grundlovsdag");
            into.put(LocalDate.of(year, 12, 24), "Juleaftensdag");
            into.put(LocalDate.of(year, 12, 25), "Juledag");
            into.put(LocalDate.of(year, 12, 26), "2. juledag");
        }
    },
    /**
     * Norway: the helligdager of lov om helligdager og helligdagsfred (1995) (1. nyttårsdag, skjærtorsdag, langfredag,
     * 1. and 2. påskedag, Kristi himmelfartsdag, 1. and 2. pinsedag, 1. and 2. juledag) and the høgtidsdagar 1 May
     * and 17 May (lov om 1. og 17. mai som høgtidsdagar, 1947).
     */
    NO
    {
        @Override
        void fill(final int year, final Map<LocalDate, String> into)
        {
            final LocalDate easter = easterSunday(year);
            into.put(LocalDate.of(year, 1, 1), "1. nyttårsdag");
            into.put(easter.minusDays(3), "Skjærtorsdag");
            into.put(easter.minusDays(2), "Langfredag");
            into.put(easter, "1. påskedag");
            into.put(easter.plusDays(1), "2. påskedag");
            into.put(LocalDate.of(year, 5, 1), "Offentlig høytidsdag");
            into.put(LocalDate.of(year, 5, 17), "Grunnlovsdag");
            into.put(easter.plusDays(39), "Kristi himmelfartsdag");
            into.put(easter.plusDays(49), "1. pinsedag");
            into.put(easter.plusDays(50), "2. pinsedag");
            into.put(LocalDate.of(year, 12, 25), "1. juledag");
            into.put(LocalDate.of(year, 12, 26), "2. juledag");
        }
    };

    abstract void fill(int year, Map<LocalDate, String> into);

    /**
     * @param year a Gregorian year, 1583 or later.
     * @return the year's holidays by date, in date order, with their local names.
     */
    public Map<LocalDate, String> holidays(final int year)
    {
        final Map<LocalDate, String> holidays = new TreeMap<>();
        fill(year, holidays);
        return Collections.unmodifiableMap(holidays);
    }

    /**
     * @param date a local date.
     * @return true when it is a holiday of this calendar.
     */
    public boolean isHoliday(final LocalDate date)
    {
        final Map<LocalDate, String> holidays = new TreeMap<>();
        fill(date.getYear(), holidays);
        return holidays.containsKey(date);
    }

    /**
     * @param year a Gregorian year, 1583 or later.
     * @return its Easter Sunday.
     */
    public static LocalDate easterSunday(final int year)
    {
        final int a = year % 19;
        final int b = year / 100;
        final int c = year % 100;
        final int d = b / 4;
        final int e = b % 4;
        final int f = (b + 8) / 25;
        final int g = (b - f + 1) / 3;
        final int h = (19 * a + b - d - g + 15) % 30;
        final int i = c / 4;
        final int k = c % 4;
        final int l = (32 + 2 * e + 2 * i - h - k) % 7;
        final int m = (a + 11 * h + 22 * l) / 451;
        final int month = (h + l - 7 * m + 114) / 31;
        final int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /**
     * @param text a calendar's name ({@code DK} or {@code NO}), in any letter case, surrounding blanks ignored.
     * @return the calendar.
     * @throws MetersimException when the text names no calendar.
     */
    public static HolidayCalendar parse(final String text)
    {
        final String name = null == text ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (final HolidayCalendar calendar : values())
        {
            if (calendar.name().equals(name))
            {
                return calendar;
            }
        }
        throw new MetersimException("unknown holiday calendar: " + text + " [allowed=DK, NO]");
    }
}
