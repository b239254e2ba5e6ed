package io.metersim.plot;

import java.util.Locale;

/**
 * The charts {@link Charts} draws.
 */
public enum PlotKind
{
    /** Power over time, one line per series line (a home, a VEN total or the fleet). */
    WEEK("Power"),
    /** The mean daily profile by local hour, one line per day type (workday, Saturday, Sunday and holiday). */
    PROFILE("Mean daily profile by day type"),
    /** Mean power by local hour of day (vertical) and day (horizontal). */
    HEATMAP("Power by hour and day"),
    /** The series lines stacked, one area per load component. */
    COMPONENTS("Load components, stacked"),
    /** Each line's readings sorted from the highest down: the load-duration curve. */
    DURATION("Load-duration curve"),
    /** An aggregate against its baseline, the event window shaded and the reduction annotated. */
    EVENT("Demand-response event");

    private final String title;

    PlotKind(final String title)
    {
        this.title = title;
    }

    /**
     * @return the chart title's leading words, e.g. {@code Load-duration curve}.
     */
    public String title()
    {
        return title;
    }

    /**
     * @return the name used on the command line, e.g. {@code duration}.
     */
    public String optionName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
