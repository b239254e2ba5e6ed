package io.metersim.cli;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataException;
import io.metersim.core.MetersimException;
import io.metersim.datagen.GeneratorOptions;
import io.metersim.datagen.LoadGenerator;
import io.metersim.h5.H5LoadData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code metersim generate}: writes deterministic synthetic load data in the original simulator's HDF5 layout.
 */
@Command(name = "generate", description = "Generate synthetic load data into an HDF5 file.")
final class GenerateCommand implements Callable<Integer>
{
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HDF5 file to write.")
    Path out;

    @Option(names = "--meters", paramLabel = "N", description = "Meters (default: 153).")
    Integer meters;

    @Option(names = "--rows", paramLabel = "N", description = "Rows per load series (default: 8741).")
    Integer rows;

    @Option(names = "--start", paramLabel = "INSTANT", description = "First timestamp (default: 2025-01-15T08:00:00Z).")
    Instant start;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Step between rows (default: PT1H).")
    Duration interval;

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: 42).")
    Long seed;

    private final CliContext context;

    GenerateCommand(final CliContext context)
    {
        this.context = context;
    }

    @Override
    public Integer call()
    {
        final GeneratorOptions defaults = GeneratorOptions.defaults();
        final GeneratorOptions options;
        try
        {
            options = new GeneratorOptions(null == meters ? defaults.meters() : meters,
                null == rows ? defaults.rows() : rows, null == start ? defaults.start() : start,
                null == interval ? defaults.interval() : interval, null == seed ? defaults.seed() : seed);
        }
        catch (final MetersimException | IllegalArgumentException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        final Path file = context.resolve(out);
        if (Files.isDirectory(file))
        {
            throw new UsageException("--out names a folder [file=" + file + "]");
        }
        if (null != file.getParent() && !Files.exists(file.getParent()))
        {
            throw new UsageException("--out's folder does not exist [out=" + file + "]");
        }
        if (null != file.getParent() && !Files.isDirectory(file.getParent()))
        {
            throw new UsageException("--out's folder is a file [out=" + file + "]");
        }
        if (null != file.getParent() && !Files.isWritable(file.getParent()))
        {
            throw new UsageException("--out's folder cannot be written to [out=" + file + "]");
        }
        final long begin = System.nanoTime();
        final LoadData data = LoadGenerator.generate(options);
        final long generated = System.nanoTime();
        write(data, file);
        final long written = System.nanoTime();
        context.out().printf(Locale.ROOT, "generated %d meters x %d rows (%d series) into %s: generate %.2f s, "
            + "write %.2f s%n", data.meterCount(), data.cycleLength(), data.seriesCount(), file,
            (generated - begin) / 1e9, (written - generated) / 1e9);
        return Main.EXIT_OK;
    }

    /**
     * Writes the file; a file-system refusal (a read-only folder, a full disk) is said in words, without the Java
     * exception's name that h5-reader's message carries.
     */
    private static void write(final LoadData data, final Path file)
    {
        try
        {
            H5LoadData.write(data, file);
        }
        catch (final LoadDataException ex)
        {
            for (Throwable cause = ex.getCause(); null != cause; cause = cause.getCause())
            {
                if (cause instanceof IOException)
                {
                    throw CliException.unwritable(file, cause);
                }
                if (cause == cause.getCause())
                {
                    break;
                }
            }
            throw ex;
        }
    }
}
