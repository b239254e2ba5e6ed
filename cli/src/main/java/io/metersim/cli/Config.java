package io.metersim.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

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
    /** Where each default handed to picocli came from, so that a bad value names its file and key, not a flag. */
    private final Map<CommandLine.Model.ArgSpec, String> origins = new IdentityHashMap<>();

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
                throw CliException.notAFile("configuration file", path);
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
            origins.put(argSpec, "environment variable METERSIM_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
            return isPath(option) ? resolvePath(context.workDir(), envValue) : envValue;
        }
        final String command = option.command().name();
        final String commandKey = command + "." + key;
        final String fileKey = null != properties.getProperty(commandKey) ? commandKey : key;
        final String fileValue = properties.getProperty(fileKey);
        if (null == fileValue)
        {
            return null;
        }
        origins.put(argSpec, "key " + fileKey + " of " + file);
        return isPath(option) ? resolvePath(file.getParent(), fileValue) : fileValue;
    }

    /**
     * @param argSpec an option whose value picocli refused.
     * @return where its default came from, e.g. {@code key run.ticks of /x/metersim.properties}, or null when it
     *         was not taken from the environment or the configuration file.
     */
    String originOf(final CommandLine.Model.ArgSpec argSpec)
    {
        return origins.get(argSpec);
    }

    /**
     * @param commandLine the whole command tree.
     * @return the keys of the configuration file that no option of any command reads, sorted.
     */
    List<String> unknownKeys(final CommandLine commandLine)
    {
        final Set<String> known = new HashSet<>();
        collectKeys(commandLine, known);
        final List<String> unknown = new ArrayList<>();
        for (final String key : new TreeSet<>(properties.stringPropertyNames()))
        {
            if (!known.contains(key))
            {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private static void collectKeys(final CommandLine commandLine, final Set<String> known)
    {
        final String command = commandLine.getCommandSpec().name();
        for (final CommandLine.Model.OptionSpec option : commandLine.getCommandSpec().options())
        {
            final String key = option.longestName().replaceFirst("^-+", "");
            known.add(key);
            known.add(command + "." + key);
        }
        for (final CommandLine sub : commandLine.getSubcommands().values())
        {
            collectKeys(sub, known);
        }
    }

    private static String resolvePath(final Path base, final String value)
    {
        try
        {
            return base.resolve(value).normalize().toString();
        }
        catch (final java.nio.file.InvalidPathException ex)
        {
            return value; // refused by the path converter, which names the value
        }
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
