package io.metersim.cli;

import io.metersim.core.LoadData;
import io.metersim.core.LoadDataException;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TimeMode;
import io.metersim.datagen.GeneratorOptions;
import io.metersim.datagen.LoadGenerator;
import io.metersim.h5.H5LoadData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Loads what the data commands work on, generating the configured example data the first time it is needed.
 */
final class Workspace
{
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final CliContext context;
    private final Config config;

    Workspace(final CliContext context, final Config config)
    {
        this.context = context;
        this.config = config;
    }

    Config config()
    {
        return config;
    }

    /**
     * @param data the data file option, null when neither flag, environment nor configuration names one.
     * @return the loaded data; the configured data file is generated first when it does not exist yet.
     */
    LoadData loadData(final Path data)
    {
        if (null == data)
        {
            throw new UsageException("no data file: give --data FILE, METERSIM_DATA or data= in "
                + (null == config.file() ? "a configuration file" : config.file()));
        }
        final Path file = context.resolve(data);
        if (!Files.exists(file))
        {
            if (!file.equals(config.configuredData()))
            {
                throw new LoadDataException(file.toString(), "/", "file not found");
            }
            generate(file);
        }
        final long start = System.nanoTime();
        final LoadData loaded = H5LoadData.read(file);
        LOG.debug("loaded {} meters, {} series, {} rows from {} in {} ms", loaded.meterCount(),
            loaded.seriesCount(), loaded.cycleLength(), file, (System.nanoTime() - start) / 1_000_000);
        return loaded;
    }

    /**
     * @param resources the resources file option.
     * @return the registry it holds.
     */
    Registry loadRegistry(final Path resources)
    {
        if (null == resources)
        {
            throw new UsageException("no resources file: give --resources FILE, METERSIM_RESOURCES or resources= in "
                + (null == config.file() ? "a configuration file" : config.file()));
        }
        final Path file = context.resolve(resources);
        if (!Files.isRegularFile(file))
        {
            throw CliException.notFound("resources file", file);
        }
        return Registry.readCsv(file);
    }

    MeterSimulator simulator(final LoadData data, final Registry registry, final SourceOptions source)
    {
        return simulator(data, registry, source, false);
    }

    /**
     * @param reporting whether readings go to a VTN: then {@code auto} time mode means continuous, so reported
     *                  timestamps never go back on a long run.
     */
    MeterSimulator simulator(
        final LoadData data, final Registry registry, final SourceOptions source, final boolean reporting)
    {
        final SimulatorOptions options =
            new SimulatorOptions(source.assignmentSeed, timeMode(source.timeMode, reporting));
        final MeterSimulator simulator = MeterSimulator.create(data, registry, options);
        for (final String warning : simulator.warnings())
        {
            context.err().println("metersim: warning: " + warning);
        }
        return simulator;
    }

    private static TimeMode timeMode(final String text, final boolean reporting)
    {
        if ("auto".equalsIgnoreCase(text))
        {
            return reporting ? TimeMode.CONTINUOUS : TimeMode.RAW;
        }
        try
        {
            return TimeMode.parse(text);
        }
        catch (final MetersimException ex)
        {
            throw new UsageException("unknown time mode: " + text + " [allowed=raw, continuous, auto]");
        }
    }

    /**
     * @return generator options from the configuration's {@code generate.*} keys over datagen's defaults.
     */
    GeneratorOptions generatorOptions()
    {
        final GeneratorOptions defaults = GeneratorOptions.defaults();
        try
        {
            return new GeneratorOptions(
                intProperty("generate.meters", defaults.meters()),
                intProperty("generate.rows", defaults.rows()),
                null == config.property("generate.start") ? defaults.start()
                    : Instant.parse(config.property("generate.start")),
                null == config.property("generate.interval") ? defaults.interval()
                    : Duration.parse(config.property("generate.interval")),
                null == config.property("generate.seed") ? defaults.seed()
                    : Long.parseLong(config.property("generate.seed").trim()));
        }
        catch (final RuntimeException ex)
        {
            throw new CliException("bad generate.* value: " + ex.getMessage() + " [file=" + config.file() + "]", ex);
        }
    }

    private void generate(final Path file)
    {
        final GeneratorOptions options = generatorOptions();
        context.err().println("metersim: " + file + " does not exist; generating it once (" + options.meters()
            + " meters x " + options.rows() + " rows, seed " + options.seed() + ") ...");
        final long start = System.nanoTime();
        final LoadData generated = context.terminal()
            ? LoadGenerator.generate(options, done -> context.err().print("\r  " + done + "/" + options.meters()
                + " meters"))
            : LoadGenerator.generate(options);
        if (context.terminal())
        {
            context.err().print("\r");
        }
        H5LoadData.write(generated, file);
        context.err().printf(Locale.ROOT, "metersim: generated %s in %.1f s%n", file,
            (System.nanoTime() - start) / 1e9);
    }

    private int intProperty(final String key, final int fallback)
    {
        final String value = config.property(key);
        return null == value ? fallback : Integer.parseInt(value.trim());
    }
}
