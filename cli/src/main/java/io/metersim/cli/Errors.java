package io.metersim.cli;

import io.metersim.core.MetersimException;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and an exit code; the stack trace only with {@code --verbose}.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler
{
    private final CliContext context;

    Errors(final CliContext context)
    {
        this.context = context;
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
        context.err().println("metersim: " + ex.getMessage() + " (see '" + command + " --help')");
        if (context.verbose())
        {
            ex.printStackTrace(context.err());
        }
        return Main.EXIT_USAGE;
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
