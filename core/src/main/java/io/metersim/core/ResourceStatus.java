package io.metersim.core;

import java.util.Locale;

/**
 * Where a resource stands with its VTN; only {@link #APPROVED} resources are metered.
 */
public enum ResourceStatus
{
    /** Registered, waiting for approval; not metered. */
    PENDING,
    /** Approved; metered on every collection. */
    APPROVED,
    /** Approved once, now suspended; not metered. */
    SUSPENDED;

    private static final ResourceStatus[] VALUES = values();

    /**
     * @param text a status name, in any letter case, surrounding blanks ignored.
     * @return the status.
     * @throws MetersimException when the text names no status.
     */
    public static ResourceStatus parse(final String text)
    {
        final ResourceStatus status = parseOrNull(text);
        if (null == status)
        {
            throw new MetersimException(unknown(text) + " [allowed=" + allowed() + "]");
        }
        return status;
    }

    static ResourceStatus parseOrNull(final String text)
    {
        if (null == text)
        {
            return null;
        }
        final String name = text.strip().toUpperCase(Locale.ROOT);
        for (final ResourceStatus status : VALUES)
        {
            if (status.name().equals(name))
            {
                return status;
            }
        }
        return null;
    }

    static ResourceStatus ofOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }

    static String unknown(final String text)
    {
        return "unknown status: " + text;
    }

    static String allowed()
    {
        return "PENDING, APPROVED, SUSPENDED";
    }
}
