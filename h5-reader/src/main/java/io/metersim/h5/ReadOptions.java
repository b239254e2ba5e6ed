package io.metersim.h5;

/**
 * How {@link H5LoadData#read(java.nio.file.Path, ReadOptions)} treats data warnings and how much heap a read may
 * take. Immutable.
 */
public final class ReadOptions
{
    /** The default memory budget is this share of {@link Runtime#maxMemory()}, taken when a read starts. */
    public static final double DEFAULT_HEAP_SHARE = 0.75;

    private static final long FROM_HEAP = -1;
    private static final ReadOptions DEFAULTS = new ReadOptions(false, FROM_HEAP);
    private static final ReadOptions STRICT = new ReadOptions(true, FROM_HEAP);

    private final boolean strict;
    private final long memoryBudget;

    private ReadOptions(final boolean strict, final long memoryBudget)
    {
        this.strict = strict;
        this.memoryBudget = memoryBudget;
    }

    /**
     * @return the default options: data warnings are reported in {@code LoadData.warnings()}, the data loads;
     * the memory budget is {@value #DEFAULT_HEAP_SHARE} of the maximum heap.
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
     * @param bytes the most heap a read may need by the reader's estimate (datasets read, series kept, the pool
     *              laid out); a file that needs more is refused before the memory is allocated.
     * @return these options with that budget.
     * @throws IllegalArgumentException when {@code bytes} is not positive.
     */
    public ReadOptions withMemoryBudget(final long bytes)
    {
        if (bytes <= 0)
        {
            throw new IllegalArgumentException("memory budget must be positive: bytes=" + bytes);
        }
        return new ReadOptions(strict, bytes);
    }

    /**
     * @return true when any data warning refuses the file.
     */
    public boolean isStrict()
    {
        return strict;
    }

    /**
     * @return the memory budget in bytes: the one set, else {@value #DEFAULT_HEAP_SHARE} of the maximum heap now.
     */
    public long memoryBudget()
    {
        return FROM_HEAP == memoryBudget ? (long)(Runtime.getRuntime().maxMemory() * DEFAULT_HEAP_SHARE) : memoryBudget;
    }

    @Override
    public String toString()
    {
        final String budget = FROM_HEAP == memoryBudget ? "" : " memoryBudget=" + memoryBudget;
        return (strict ? "ReadOptions[strict" : "ReadOptions[defaults") + budget + "]";
    }
}
