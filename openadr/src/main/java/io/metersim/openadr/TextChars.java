package io.metersim.openadr;

/**
 * Formats timestamps and decimals into a caller's {@code char[]}, so that a report is written without building
 * strings. Stateless.
 */
final class TextChars
{
    /** Characters {@link #isoUtc} writes at most: {@code +YYYYYY-MM-DDTHH:MM:SS.mmmZ} fits easily. */
    static final int ISO_MAX = 32;
    /** Characters {@link #decimal} writes at most. */
    static final int DECIMAL_MAX = 32;
    /** Fraction digits of {@link #decimal}: nano-units, e.g. micro-watt-hours for kWh. */
    static final int DECIMALS = 9;

    private static final long SCALE = 1_000_000_000L;
    private static final double LIMIT = 9.0e9;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private TextChars()
    {
    }

    /**
     * Writes an instant as UTC ISO-8601 with {@code Z}: {@code 2025-01-15T08:00:00Z}, with {@code .mmm} only when the
     * instant is not a whole second. Years outside 0000-9999 are written as {@link java.time.Instant#toString} does.
     *
     * @param epochMillis the instant.
     * @param into        at least {@link #ISO_MAX} characters from {@code at}.
     * @param at          where to start writing.
     * @return the index after the last character written.
     */
    static int isoUtc(final long epochMillis, final char[] into, final int at)
    {
        final long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        final int millisOfDay = (int)Math.floorMod(epochMillis, MILLIS_PER_DAY);
        // Civil-from-days (H. Hinnant): shift to an era starting 0000-03-01 so that leap days end the year.
        final long z = days + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final long dayOfEra = z - era * 146_097L;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final int day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        final int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999)
        {
            final String text = java.time.Instant.ofEpochMilli(epochMillis).toString();
            text.getChars(0, text.length(), into, at);
            return at + text.length();
        }
        int p = digits(year, 4, into, at);
        into[p++] = '-';
        p = digits(month, 2, into, p);
        into[p++] = '-';
        p = digits(day, 2, into, p);
        into[p++] = 'T';
        p = digits(millisOfDay / 3_600_000, 2, into, p);
        into[p++] = ':';
        p = digits(millisOfDay / 60_000 % 60, 2, into, p);
        into[p++] = ':';
        p = digits(millisOfDay / 1000 % 60, 2, into, p);
        if (millisOfDay % 1000 != 0)
        {
            into[p++] = '.';
            p = digits(millisOfDay % 1000, 3, into, p);
        }
        into[p++] = 'Z';
        return p;
    }

    /**
     * Writes a finite value as a JSON number rounded to {@link #DECIMALS} fraction digits, without trailing zeros but
     * with at least one fraction digit ({@code 1.0}, {@code 0.62}, {@code -3.000000001}). Values of magnitude 9e9 or
     * more, and non-finite ones, are written as {@link Double#toString} does.
     *
     * @param value the value.
     * @param into  at least {@link #DECIMAL_MAX} characters from {@code at}.
     * @param at    where to start writing.
     * @return the index after the last character written.
     */
    static int decimal(final double value, final char[] into, final int at)
    {
        if (!(Math.abs(value) < LIMIT))
        {
            final String text = Double.toString(value);
            text.getChars(0, text.length(), into, at);
            return at + text.length();
        }
        long scaled = Math.round(value * SCALE);
        int p = at;
        if (scaled < 0)
        {
            into[p++] = '-';
            scaled = -scaled;
        }
        final long whole = scaled / SCALE;
        long fraction = scaled % SCALE;
        p = digits(whole, 1, into, p);
        into[p++] = '.';
        if (fraction == 0)
        {
            into[p++] = '0';
            return p;
        }
        int width = DECIMALS;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            width--;
        }
        return digits(fraction, width, into, p);
    }

    /**
     * Writes a non-negative integer.
     *
     * @param value the value, 0 or more.
     * @param into  at least 19 characters from {@code at}.
     * @param at    where to start writing.
     * @return the index after the last character written.
     */
    static int integer(final long value, final char[] into, final int at)
    {
        return digits(value, 1, into, at);
    }

    /**
     * @param text any text.
     * @return true when JSON needs no escape inside it (no quote, backslash or control character).
     */
    static boolean plainJson(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes a non-negative number left-padded with zeros to at least {@code width} digits.
     */
    private static int digits(final long value, final int width, final char[] into, final int at)
    {
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10)
        {
            length++;
        }
        final int count = Math.max(length, width);
        long rest = value;
        for (int i = at + count - 1; i >= at; i--)
        {
            into[i] = (char)('0' + rest % 10);
            rest /= 10;
        }
        return at + count;
    }
}
