package io.metersim.h5;

/**
 * How {@link H5LoadData#read(java.nio.file.Path, ReadOptions)} treats data warnings. Immutable.
 */
public final class ReadOptions
{
    private static final ReadOptions DEFAULTS = new ReadOptions(false);
    private static final ReadOptions STRICT = new ReadOptions(true);

    private final boolean strict;

    private ReadOptions(final boolean strict)
    {
        this.strict = strict;
    }

    /**
     * @return the default options: data warnings are reported in {@code LoadData.warnings()}, the data loads.
     */
    public static ReadOptions defaults()
    {
        return DEFAULTS;
    }

    /**
     * @return strict options: any data warning refuses the file, naming the first warning.
     */
    public static ReadOptions strict()
    {
        return STRICT;
    }

    /**
     * @return true when any data warning refuses the file.
     */
    public boolean isStrict()
    {
        return strict;
    }

    @Override
    public String toString()
    {
        return strict ? "ReadOptions[strict]" : "ReadOptions[defaults]";
    }
}
