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
import io.metersim.h5.ReadOptions;
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
     * @param source the data file option ({@code --data}, null when neither flag, environment nor configuration names
     *               one) and {@code --strict} (refuse a file with any data-quality warning).
     * @return the loaded data; the configured data file is generated first when it does not exist yet.
     */
    LoadData loadData(final SourceOptions source)
    {
        final Path data = source.data;
        final boolean strict = source.strict;
        if (null == data)
        {
            throw new UsageException("no data file: give --data FILE, METERSIM_DATA or data= in "
                + (null == config.file() ? "a configuration file" : config.file()));
        }
        final Path file = context.resolve(data);
        if (Files.isDirectory(file))
        {
            throw CliException.notAFile("data file", file);
        }
        if (!Files.exists(file))
        {
            if (!file.equals(config.configuredData()))
            {
                throw new LoadDataException(file.toString(), "/", "file not found");
            }
            generate(file);
        }
        final long start = System.nanoTime();
        final LoadData loaded = H5LoadData.read(file, strict ? ReadOptions.strict() : ReadOptions.defaults());
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
            throw CliException.notAFile("resources file", file);
        }
        final Registry registry;
        try
        {
            registry = Registry.readCsv(file);
        }
        catch (final RuntimeException ex)
        {
            throw CliException.plainIo(ex, "resources file", file, false);
        }
        for (final String warning : registry.warnings())
        {
            context.err().println("metersim: warning: " + warning);
        }
        return registry;
    }

    /**
     * Refuses a registry without VENs, such as a resources file with only its header: a run or a collection would
     * have nothing to collect.
     *
     * @param registry  the registry.
     * @param resources the resources file it came from, for the message.
     * @throws CliException when the registry has no VEN.
     */
    void requireVens(final Registry registry, final Path resources)
    {
        if (registry.venNames().isEmpty())
        {
            throw new CliException("nothing to collect: the resources file lists no resources [file="
                + context.resolve(resources) + "]", null);
        }
    }

    /**
     * @return a simulator in raw time: one collection or a listing never crosses a cycle, so time mode is moot.
     */
    MeterSimulator simulator(final LoadData data, final Registry registry, final SourceOptions source)
    {
        return simulator(data, registry, source, "raw", false);
    }

    /**
     * @param timeMode  {@code raw}, {@code continuous} or {@code auto}.
     * @param reporting whether readings go to a VTN: then {@code auto} time mode means continuous, so reported
     *                  timestamps never go back on a long run.
     */
    MeterSimulator simulator(
        final LoadData data,
        final Registry registry,
        final SourceOptions source,
        final String timeMode,
        final boolean reporting)
    {
        final SimulatorOptions options = new SimulatorOptions(source.assignmentSeed, timeMode(timeMode, reporting));
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
     * @return generator options from the configuration's {@code generate.*} keys over datagen's defaults; a bad
     *         value names its key and the file.
     */
    GeneratorOptions generatorOptions()
    {
        final GeneratorOptions defaults = GeneratorOptions.defaults();
        final int meters = value("generate.meters", Integer::parseInt, defaults.meters(), "a whole number");
        final int rows = value("generate.rows", Integer::parseInt, defaults.rows(), "a whole number");
        final Instant start = value("generate.start", Instant::parse, defaults.start(),
            "an ISO-8601 instant such as 2025-01-15T08:00:00Z");
        final Duration interval = value("generate.interval", Duration::parse, defaults.interval(),
            "an ISO-8601 duration such as PT1H");
        final long seed = value("generate.seed", Long::parseLong, defaults.seed(), "a whole number");
        try
        {
            return new GeneratorOptions(meters, rows, start, interval, seed);
        }
        catch (final RuntimeException ex)
        {
            throw new UsageException("bad generate.* value in " + config.file() + ": " + ex.getMessage());
        }
    }

    private <T> T value(
        final String key, final java.util.function.Function<String, T> parser, final T fallback, final String kind)
    {
        final String text = config.property(key);
        if (null == text)
        {
            return fallback;
        }
        try
        {
            return parser.apply(text.trim());
        }
        catch (final RuntimeException ex)
        {
            throw new UsageException("bad value for key " + key + " of " + config.file() + ": '" + text + "' is not "
                + kind);
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

}
