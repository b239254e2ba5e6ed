package io.metersim.h5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.metersim.core.AtomicFile;
import io.metersim.core.Failures;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@link LoadData} in the {@code /meters/meter_<id>/load_<k>/power} layout with jhdf's writer.
 * <p>
 * Power datasets are contiguous, as h5py writes them by default; see {@link PowerDatasetWriter} for how jhdf's
 * writer is kept fast. (jhdf's single-chunk alternative slices the chunk row by row with streams: 2 to 5 s.)
 */
final class H5Writer
{
    private static final String JHDF_INFO_ATTRIBUTE = "_jHDF";

    private H5Writer()
    {
    }

    static void write(final LoadData data, final Path file)
    {
        final String name = file.toString();
        checkWritable(data, name);
        try (AtomicFile atomic = AtomicFile.create(file))
        {
            // jhdf opens without truncating; the temporary file starts empty, so nothing stale is left in it
            try (WritableHdfFile out = HdfFile.write(atomic.temporary()))
            {
                out.removeAttribute(JHDF_INFO_ATTRIBUTE);
                writeMeters(data, out.putGroup(MeterTreeReader.METERS.substring(1)));
            }
            atomic.commit();
        }
        catch (final IOException | RuntimeException e)
        {
            throw new LoadDataException(name, HdfFiles.ROOT, "cannot write HDF5 file (" + Failures.describe(e) + ")", e);
        }
    }

    private static void checkWritable(final LoadData data, final String name)
    {
        for (int m = 0; m < data.meterCount(); m++)
        {
            final String id = data.meterId(m);
            if (id.isEmpty() || id.indexOf('/') >= 0)
            {
                throw new LoadDataException(name, data.meterPath(m),
                    "meter id '" + id + "' cannot name an HDF5 group meter_<id>");
            }
            if (0 == data.loadCount(m))
            {
                throw new LoadDataException(name, data.meterPath(m), "meter " + id + " has no load series");
            }
            for (int s = data.firstSeries(m), end = s + data.loadCount(m); s < end; s++)
            {
                if (0 == data.seriesLength(s))
                {
                    throw new LoadDataException(name, data.seriesPath(s), "series has no rows; HDF5 power needs N > 0");
                }
            }
        }
    }

    private static void writeMeters(final LoadData data, final WritableGroup meters)
    {
        for (int m = 0; m < data.meterCount(); m++)
        {
            final WritableGroup meter = meters.putGroup(MeterAttributes.GROUP_PREFIX + data.meterId(m));
            meter.putAttribute(MeterAttributes.METER_ID, data.meterId(m));
            if (!data.company(m).isEmpty())
            {
                meter.putAttribute(MeterAttributes.COMPANY, data.company(m));
            }
            final int first = data.firstSeries(m);
            final int end = first + data.loadCount(m);
            // Declare up to the highest load present, so a gap reads back as the missing load it was
            meter.putAttribute(MeterAttributes.NUM_LOAD_COMPONENTS, (long)data.seriesLoad(end - 1) + 1);
            for (int s = first; s < end; s++)
            {
                final WritableGroup load = meter.putGroup(MeterTreeReader.LOAD_PREFIX + data.seriesLoad(s));
                load.putDataset(PowerDataset.NAME, PowerDatasetWriter.of(data, s, load));
            }
        }
    }
}
