package io.metersim.h5;

import io.metersim.core.LoadDataException;

/**
 * Estimates the heap one read needs at each of its peaks and refuses the file before an allocation would exceed
 * the budget, so that a small file declaring huge datasets, or series of very different lengths padded into one
 * pool, is refused with a message instead of an {@link OutOfMemoryError}. One instance per read.
 * <p>
 * The model follows where the bytes are: a dataset is read into a flat {@code double[]} of 16 bytes a row (jhdf
 * decodes a chunked or compact one into a byte buffer of the same size first); a meter's flat rows stay until the
 * meter is added; the builder then keeps 8 bytes a row of watts and 8 of timestamps (counted for every series,
 * shared axes or not) and one scratch column of the longest series; the pool is 8 bytes per cell of every series
 * and of every distinct timestamp axis, padded to the longest series.
 */
final class MemoryBudget
{
    private static final long FLAT_BYTES_PER_ROW = 16;
    private static final long KEPT_BYTES_PER_ROW = 16;
    private static final long CELL_BYTES = 8;

    private final String file;
    private final long budget;
    /** Bytes the builder holds for the series added so far, scratch column included. */
    private long held;
    /** Bytes of flat rows read for the meter being read. */
    private long pending;
    private long scratchRows;

    MemoryBudget(final String file, final long budget)
    {
        this.file = file;
        this.budget = budget;
    }

    /**
     * Checks one dataset before it is read.
     *
     * @param path       the dataset's object path.
     * @param rows       its declared rows.
     * @param contiguous true when jhdf converts it from the mapped file without a decoded copy.
     * @throws LoadDataException when the estimate exceeds the budget.
     */
    void checkRead(final String path, final long rows, final boolean contiguous)
    {
        final long read = rows * FLAT_BYTES_PER_ROW * (contiguous ? 1 : 2);
        check(path, held + pending + read, "reading " + rows + " rows of (N, 2) float64 beside " + (held + pending)
            + " bytes kept");
    }

    /**
     * @param rows rows just read for the current meter.
     */
    void read(final long rows)
    {
        pending += rows * FLAT_BYTES_PER_ROW;
    }

    /**
     * Checks the builder's share before the current meter's series are added, then counts them as held.
     *
     * @param path    the meter's object path.
     * @param rows    rows of all its series.
     * @param longest rows of its longest series.
     * @throws LoadDataException when the estimate exceeds the budget.
     */
    void addMeter(final String path, final long rows, final long longest)
    {
        final long scratchGrowth = Math.max(0, longest - scratchRows) * CELL_BYTES;
        final long added = rows * KEPT_BYTES_PER_ROW + scratchGrowth;
        check(path, held + pending + added, "adding " + rows + " rows beside " + (held + pending) + " bytes kept");
        held += added;
        scratchRows = Math.max(scratchRows, longest);
        pending = 0;
    }

    /**
     * Checks the time-major pool before the builder lays it out.
     *
     * @param path        the object path to name.
     * @param seriesCount series to lay out.
     * @param axes        distinct timestamp axes, at least the builder's.
     * @param longest     rows of the longest series.
     * @throws LoadDataException when the estimate exceeds the budget.
     */
    void checkPool(final String path, final int seriesCount, final int axes, final long longest)
    {
        final long pool = CELL_BYTES * longest * ((long)seriesCount + axes);
        check(path, held + pool, "a pool of " + seriesCount + " series and " + axes
            + " timestamp axes padded to the longest, " + longest + " rows, beside " + held + " bytes kept");
    }

    private void check(final String path, final long estimate, final String what)
    {
        if (estimate > budget || estimate < 0)
        {
            throw new LoadDataException(file, path, "too large for the memory budget: needs an estimated "
                + estimate + " bytes, the budget is " + budget + " bytes (" + what
                + "; give more heap or ReadOptions.withMemoryBudget)");
        }
    }
}
