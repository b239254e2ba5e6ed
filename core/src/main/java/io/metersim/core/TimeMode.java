package io.metersim.core;

import java.util.Locale;

/**
 * Which timestamps readings carry once the cursor has wrapped past the end of the data.
 */
public enum TimeMode
{
    /** The data's own timestamps; they jump back to the first row on every wrap, as the original simulator did. */
    RAW,
    /** The data's timestamps shifted by {@code cycle x cycleLength x intervalMillis}, so they never go back. */
    CONTINUOUS;

    /**
     * @param text a mode name, in any letter case, surrounding blanks ignored.
     * @return the mode.
     * @throws MetersimException when the text names no mode.
     */
    public static TimeMode parse(final String text)
    {
        final String name = null == text ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (final TimeMode mode : values())
        {
            if (mode.name().equals(name))
            {
                return mode;
            }
        }
        throw new MetersimException("unknown time mode: " + text + " [allowed=RAW, CONTINUOUS]");
    }
}
