package io.metersim.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Locale;
import java.util.Properties;

/**
 * The configuration file and the {@code METERSIM_*} environment: defaults for every option, a flag still wins.
 * Paths in the file are relative to the file's folder; paths in the environment to the working directory.
 */
final class Config implements CommandLine.IDefaultValueProvider
{
    static final String FILE_NAME = "metersim.properties";
    static final String HOME_PROPERTY = "metersim.home";
    static final String DATA_KEY = "data";

    private final Path file;
    private final Properties properties;
    private final CliContext context;

    private Config(final Path file, final Properties properties, final CliContext context)
    {
        this.file = file;
        this.properties = properties;
        this.context = context;
    }

    /**
     * Finds the configuration: {@code --config}, else {@code METERSIM_CONFIG}, else {@code config/metersim.properties}
     * under the working directory, else under the repository the command was started from.
     */
    static Config locate(final String explicit, final CliContext context)
    {
        final String named = null != explicit ? explicit : context.env("METERSIM_CONFIG");
        if (null != named && !named.isEmpty())
        {
            final Path path = context.resolve(Path.of(named));
            if (!Files.isRegularFile(path))
            {
                throw CliException.notFound("configuration file", path);
            }
            return load(path, context);
        }
        for (final Path candidate : new Path[] {context.workDir(), home(), jarRepository()})
        {
            if (null != candidate && Files.isRegularFile(candidate.resolve("config").resolve(FILE_NAME)))
            {
                return load(candidate.resolve("config").resolve(FILE_NAME).toAbsolutePath().normalize(), context);
            }
        }
        return new Config(null, new Properties(), context);
    }

    Path file()
    {
        return file;
    }

    /**
     * @return the data file the configuration file names, or null; only this file is generated when missing.
     */
    Path configuredData()
    {
        final String value = properties.getProperty(DATA_KEY);
        return null == value || null == file ? null : file.getParent().resolve(value).normalize();
    }

    /**
     * @param key a property of the configuration file, e.g. {@code generate.rows}.
     * @return its value, or null.
     */
    String property(final String key)
    {
        return properties.getProperty(key);
    }

    @Override
    public String defaultValue(final CommandLine.Model.ArgSpec argSpec)
    {
        if (!argSpec.isOption())
        {
            return null;
        }
        final CommandLine.Model.OptionSpec option = (CommandLine.Model.OptionSpec)argSpec;
        final String key = option.longestName().replaceFirst("^-+", "");
        final String envValue = context.env("METERSIM_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (null != envValue)
        {
            return isPath(option) ? context.resolve(Path.of(envValue)).toString() : envValue;
        }
        final String command = option.command().name();
        final String fileValue = properties.getProperty(command + "." + key, properties.getProperty(key));
        if (null != fileValue && isPath(option))
        {
            return file.getParent().resolve(fileValue).normalize().toString();
        }
        return fileValue;
    }

    private static boolean isPath(final CommandLine.Model.OptionSpec option)
    {
        return Path.class.equals(option.type());
    }

    private static Config load(final Path path, final CliContext context)
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw CliException.unreadable("configuration file", path, ex);
        }
        return new Config(path, properties, context);
    }

    private static Path home()
    {
        final String home = System.getProperty(HOME_PROPERTY);
        return null == home || home.isEmpty() ? null : Path.of(home);
    }

    private static Path jarRepository()
    {
        final CodeSource source = Main.class.getProtectionDomain().getCodeSource();
        if (null == source || null == source.getLocation())
        {
            return null;
        }
        try
        {
            // cli/target/metersim.jar or cli/target/classes: the repository is two folders above target
            final Path target = Path.of(source.getLocation().toURI()).getParent();
            return null == target || null == target.getParent() ? null : target.getParent().getParent();
        }
        catch (final URISyntaxException | IllegalArgumentException ex)
        {
            return null;
        }
    }
}
