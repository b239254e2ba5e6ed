package io.metersim.cli;

import io.metersim.core.MetersimException;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and an exit code; the stack trace only with {@code --verbose}.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler
{
    private static final String INVALID_VALUE = "Invalid value for option '";

    private final CliContext context;
    private final Config config;

    Errors(final CliContext context, final Config config)
    {
        this.context = context;
        this.config = config;
    }

    @Override
    public int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
    {
        return report(context, ex, Main.exitCodeOf(ex));
    }

    @Override
    public int handleParseException(final CommandLine.ParameterException ex, final String[] args)
    {
        final String command = ex.getCommandLine().getCommandSpec().qualifiedName();
        final String origin = fromConfiguration(ex, args) ? config.originOf(ex.getArgSpec()) : null;
        if (null != origin)
        {
            // picocli names the flag although the user typed none: name the file and key (or variable) instead
            final String message = ex.getMessage();
            final int reason = message.indexOf("': ");
            context.err().println("metersim: bad value for " + origin + ": "
                + (reason >= 0 ? message.substring(reason + 3) : message));
        }
        else
        {
            context.err().println("metersim: " + ex.getMessage() + " (see '" + command + " --help')");
        }
        if (context.verbose())
        {
            ex.printStackTrace(context.err());
        }
        return Main.EXIT_USAGE;
    }

    /**
     * @return true when picocli refused the value of an option that the command line does not give, which then
     *         came from the environment or the configuration file.
     */
    private static boolean fromConfiguration(final CommandLine.ParameterException ex, final String[] args)
    {
        if (!(ex.getArgSpec() instanceof CommandLine.Model.OptionSpec) || null == ex.getMessage()
            || !ex.getMessage().startsWith(INVALID_VALUE))
        {
            return false;
        }
        for (final String name : ((CommandLine.Model.OptionSpec)ex.getArgSpec()).names())
        {
            if (Args.hasFlag(args, name) || null != Args.optionValue(args, name))
            {
                return false;
            }
        }
        return true;
    }

    static int report(final CliContext context, final Throwable ex, final int exitCode)
    {
        final String message = null == ex.getMessage() ? ex.getClass().getName() : ex.getMessage().replace('\n', ' ');
        final boolean known = ex instanceof MetersimException;
        context.err().println("metersim: " + (known ? message : "internal error: " + ex.getClass().getSimpleName()
            + ": " + message));
        if (context.verbose())
        {
            ex.printStackTrace(context.err());
        }
        return exitCode;
    }
}
