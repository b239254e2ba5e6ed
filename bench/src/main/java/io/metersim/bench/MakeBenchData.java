package io.metersim.bench;

import io.metersim.core.LoadData;
import io.metersim.core.MetersimException;
import io.metersim.h5.H5LoadData;

import java.nio.file.Path;

/**
 * Writes the data set the Python baselines read: datagen's default data set (or as many meters as asked) in the
 * original HDF5 layout.
 * <pre>
 * java -cp bench/target/benchmarks.jar io.metersim.bench.MakeBenchData &lt;file.h5&gt; [meters]
 * </pre>
 */
public final class MakeBenchData
{
    private static final String USAGE = "usage: MakeBenchData <file.h5> [meters]";

    private MakeBenchData()
    {
    }

    /**
     * Writes the file; exits with 2 on wrong arguments and 1 when the data cannot be written.
     *
     * @param args the output file, then optionally the number of meters (default: datagen's default, 153).
     */
    public static void main(final String[] args)
    {
        try
        {
            final LoadData data = make(args);
            System.out.println("wrote " + data.source() + ": " + data.meterCount() + " meters, " + data.seriesCount()
                + " series, " + data.cycleLength() + " rows");
        }
        catch (final BenchException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(2);
        }
        catch (final MetersimException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(1);
        }
    }

    /**
     * @param args the output file, then optionally the number of meters.
     * @return the data written, as read back from the file.
     * @throws BenchException on wrong arguments.
     */
    static LoadData make(final String[] args)
    {
        if (args.length < 1 || args.length > 2)
        {
            throw new BenchException(USAGE + " [arguments=" + args.length + "]");
        }
        final Path file = Path.of(args[0]);
        final LoadData data = args.length == 2 ? BenchData.generate(meters(args[1])) : BenchData.defaultData();
        H5LoadData.write(data, file);
        return H5LoadData.read(file);
    }

    private static int meters(final String text)
    {
        try
        {
            final int meters = Integer.parseInt(text);
            if (meters > 0)
            {
                return meters;
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below, like a number out of range
        }
        throw new BenchException("meters must be a positive whole number [meters=" + text + "]");
    }
}
