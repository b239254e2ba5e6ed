package io.metersim.datagen;

import io.metersim.core.MetersimException;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * GS1 Global Service Relation Numbers, the 18-digit metering point ids of the Nordic power sector: 17 digits and a
 * GS1 mod-10 check digit. Generated ids take the Norwegian Elhub form {@value #ELHUB_PREFIX} + 7 digits + check digit.
 */
public final class Gsrn
{
    /** Digits in a GSRN. */
    public static final int LENGTH = 18;

    /** First ten digits of every Norwegian metering point id. */
    public static final String ELHUB_PREFIX = "7070575000";

    private static final int SERIAL_DIGITS = LENGTH - 1 - ELHUB_PREFIX.length();
    private static final int SERIAL_BOUND = 10_000_000;

    private Gsrn()
    {
    }

    /**
     * @param id a candidate id; may be null.
     * @return true when it is 18 ASCII digits whose last digit is the GS1 check digit of the first 17.
     */
    public static boolean isValid(final String id)
    {
        if (null == id || id.length() != LENGTH || !allDigits(id))
        {
            return false;
        }
        return checkDigitOf(id, LENGTH - 1) == id.charAt(LENGTH - 1) - '0';
    }

    /**
     * GS1 mod-10: weights 3, 1, 3, ... from the right over the 17 digits; check = (10 - sum mod 10) mod 10.
     *
     * @param body the first 17 digits.
     * @return the check digit, 0 to 9.
     * @throws MetersimException when {@code body} is not 17 ASCII digits.
     */
    public static int checkDigit(final String body)
    {
        if (null == body || body.length() != LENGTH - 1 || !allDigits(body))
        {
            throw new MetersimException("a GSRN body must be " + (LENGTH - 1) + " digits [body=" + body + "]");
        }
        return checkDigitOf(body, LENGTH - 1);
    }

    /**
     * @param body the first 17 digits.
     * @return the full 18-digit GSRN.
     * @throws MetersimException when {@code body} is not 17 ASCII digits.
     */
    public static String complete(final String body)
    {
        return body + checkDigit(body);
    }

    /**
     * Draws distinct Elhub-form ids, each from the next values of {@code random}.
     *
     * @param random the id stream; advanced.
     * @param count  how many ids, at most 10,000,000.
     * @return {@code count} distinct valid ids; the first {@code n} do not depend on {@code count}.
     */
    static String[] drawUnique(final SplittableRandom random, final int count)
    {
        final String[] ids = new String[count];
        final Set<Integer> used = new HashSet<>(count * 2);
        for (int i = 0; i < count; i++)
        {
            int serial = random.nextInt(SERIAL_BOUND);
            while (!used.add(serial))
            {
                serial = random.nextInt(SERIAL_BOUND);
            }
            ids[i] = complete(ELHUB_PREFIX + zeroPadded(serial));
        }
        return ids;
    }

    private static String zeroPadded(final int serial)
    {
        final String digits = Integer.toString(serial);
        return "0".repeat(SERIAL_DIGITS - digits.length()) + digits;
    }

    private static int checkDigitOf(final String digits, final int length)
    {
        int sum = 0;
        for (int i = 0; i < length; i++)
        {
            final int weight = (length - 1 - i) % 2 == 0 ? 3 : 1;
            sum += weight * (digits.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean allDigits(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }
}
