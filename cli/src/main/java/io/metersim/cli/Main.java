package io.metersim.cli;

import io.metersim.core.UnknownResourceException;
import io.metersim.core.UnknownVenException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of the {@code metersim} command. Exit codes: 0 ok, 1 bad data, 2 bad usage.
 */
public final class Main
{
    /** Exit code for success. */
    public static final int EXIT_OK = 0;
    /**
     * Exit code for files and services that cannot be used: missing, malformed or unwritable files, a VTN or sink
     * that refuses or cannot be reached.
     */
    public static final int EXIT_DATA = 1;
    /**
     * Exit code for a command line (or the configuration defaults it stands on) that must change: unknown options,
     * values out of range, and names that the files do not hold (an unknown VEN, resource id or status).
     */
    public static final int EXIT_USAGE = 2;

    private static final String LOG_PREFIX = "org.slf4j.simpleLogger.";

    private Main()
    {
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        final PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        final int code = execute(args, out, System.err, System.getenv(), Path.of("").toAbsolutePath(),
            null != System.console());
        out.flush();
        System.exit(code);
    }

    /**
     * Runs the command in-process, as {@link #main} does, without exiting and without a progress bar.
     *
     * @param args    the command line.
     * @param out     where results go.
     * @param err     where errors, progress and warnings go.
     * @param env     the environment to read {@code METERSIM_*} variables from.
     * @param workDir the folder relative paths resolve against.
     * @return the exit code.
     */
    public static int execute(
        final String[] args, final PrintStream out, final PrintStream err, final Map<String, String> env,
        final Path workDir)
    {
        return execute(args, out, err, env, workDir, false);
    }

    /**
     * As {@link #execute(String[], PrintStream, PrintStream, Map, Path)}, drawing a progress bar when
     * {@code terminal} is true.
     */
    static int execute(
        final String[] args,
        final PrintStream out,
        final PrintStream err,
        final Map<String, String> env,
        final Path workDir,
        final boolean terminal)
    {
        final boolean verbose = Args.hasFlag(args, "--verbose") || "true".equalsIgnoreCase(env.get("METERSIM_VERBOSE"));
        configureLogging(verbose);
        final PrintWriter errWriter = new PrintWriter(err, true);
        final CliContext context = new CliContext(out, err, env, workDir, verbose, terminal);
        try
        {
            final Config config = Config.locate(Args.optionValue(args, "--config"), context);
            final CommandLine commandLine = Commands.build(context, config);
            commandLine.setErr(errWriter);
            commandLine.setOut(new PrintWriter(out, true));
            return commandLine.execute(args);
        }
        catch (final RuntimeException | Error ex)
        {
            // a missing configuration file, or an Error that picocli does not hand to its handler: still one line
            return Errors.report(context, ex, exitCodeOf(ex));
        }
        finally
        {
            out.flush();
            err.flush();
        }
    }

    private static void configureLogging(final boolean verbose)
    {
        // diagnostics never enter the data stream: jhdf's bundled simplelogger.properties points at System.out
        System.setProperty(LOG_PREFIX + "logFile", "System.err");
        System.setProperty(LOG_PREFIX + "cacheOutputStream", "false");
        setIfAbsent(LOG_PREFIX + "defaultLogLevel", "warn");
        setIfAbsent(LOG_PREFIX + "log.io.jhdf", "error");
        setIfAbsent(LOG_PREFIX + "showThreadName", "false");
        setIfAbsent(LOG_PREFIX + "showShortLogName", "true");
        if (verbose)
        {
            System.setProperty(LOG_PREFIX + "log.io.metersim", "debug");
        }
    }

    private static void setIfAbsent(final String key, final String value)
    {
        if (null == System.getProperty(key))
        {
            System.setProperty(key, value);
        }
    }

    /**
     * Maps a failure to its exit code; exposed to the commands through {@link Errors}.
     *
     * @param ex the failure.
     * @return {@link #EXIT_USAGE} for usage errors, {@link #EXIT_DATA} otherwise.
     */
    static int exitCodeOf(final Throwable ex)
    {
        return ex instanceof UsageException || ex instanceof CommandLine.ParameterException
            || ex instanceof UnknownVenException || ex instanceof UnknownResourceException ? EXIT_USAGE : EXIT_DATA;
    }
}
