package io.metersim.cli;

import io.metersim.core.LoadData;
import io.metersim.core.MetersimException;
import io.metersim.datagen.GeneratorOptions;
import io.metersim.datagen.LoadGenerator;
import io.metersim.h5.H5LoadData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        final long begin = System.nanoTime();
        final LoadData data = LoadGenerator.generate(options);
        final long generated = System.nanoTime();
        H5LoadData.write(data, file);
        final long written = System.nanoTime();
        context.out().printf(Locale.ROOT, "generated %d meters x %d rows (%d series) into %s: generate %.2f s, "
            + "write %.2f s%n", data.meterCount(), data.cycleLength(), data.seriesCount(), file,
            (generated - begin) / 1e9, (written - generated) / 1e9);
        return Main.EXIT_OK;
    }
}
