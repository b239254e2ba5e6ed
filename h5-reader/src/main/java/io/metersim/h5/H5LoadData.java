package io.metersim.h5;

import io.jhdf.HdfFile;
import io.metersim.core.DataWarning;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataException;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes load data in the original simulator's HDF5 layout:
 * {@code /meters/meter_<id>/load_<k>/power}, float64 (N, 2) rows {@code [unix_seconds, watts]}, meter group
 * attributes {@code meter_id}, {@code company} and {@code num_load_components}.
 * <p>
 * Whole-file problems refuse the file; a problem confined to one load or meter skips it with a
 * {@link DataWarning}. See the module README for the rule.
 */
public final class H5LoadData
{
    private H5LoadData()
    {
    }

    /**
     * Loads every sound meter of a file with the default options.
     *
     * @param file the HDF5 file.
     * @return the loaded data, its oddities in {@link LoadData#warnings()}.
     * @throws LoadDataException when the file is refused, naming file, object path and problem.
     */
    public static LoadData read(final Path file)
    {
        return read(file, ReadOptions.defaults());
    }

    /**
     * Loads every sound meter of a file.
     *
     * @param file    the HDF5 file.
     * @param options {@link ReadOptions#strict()} refuses a file with any data warning;
     *                {@link ReadOptions#withMemoryBudget(long)} bounds the heap the read may take.
     * @return the loaded data, its oddities in {@link LoadData#warnings()}.
     * @throws LoadDataException when the file is refused, naming file, object path and problem, also when loading
     *                           it would need more heap than the memory budget.
     */
    public static LoadData read(final Path file, final ReadOptions options)
    {
        final String name = file.toString();
        final LoadData data;
        try (HdfFile hdf = HdfFiles.open(file, name))
        {
            data = new MeterTreeReader(name, options.memoryBudget()).read(hdf);
        }
        if (options.isStrict() && !data.warnings().isEmpty())
        {
            final List<DataWarning> warnings = data.warnings();
            final DataWarning first = warnings.get(0);
            throw new LoadDataException(name, first.objectPath(), "strict mode refuses data with warnings ("
                + warnings.size() + " found; first: " + first.kind() + ": " + first.message() + ")");
        }
        return data;
    }

    /**
     * Writes data in the same layout, to a temporary file beside {@code file} first and then renamed over
     * {@code file} (see {@link io.metersim.core.AtomicFile}), so a reader never sees a half-written file. Missing
     * folders are created; a replaced file's permissions are kept.
     *
     * @param data the data to write.
     * @param file the target file; replaced when it exists.
     * @throws LoadDataException when the data cannot be laid out in this format or the file cannot be written.
     */
    public static void write(final LoadData data, final Path file)
    {
        H5Writer.write(data, file);
    }
}
