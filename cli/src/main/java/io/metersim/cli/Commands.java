package io.metersim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Assembles the command tree with its configuration defaults and error handling.
 */
final class Commands
{
    private Commands()
    {
    }

    static CommandLine build(final CliContext context, final Config config)
    {
        final Workspace workspace = new Workspace(context, config);
        final CommandLine commandLine = new CommandLine(new Root())
            .addSubcommand(new RunCommand(context, workspace))
            .addSubcommand(new CollectCommand(context, workspace))
            .addSubcommand(new BaselineCommand(context, workspace))
            .addSubcommand(ResourcesCommand.build(context, workspace))
            .addSubcommand(new InspectCommand(context))
            .addSubcommand(new GenerateCommand(context))
            .addSubcommand(new PlotCommand(context, workspace))
            .addSubcommand(new VtnStubCommand(context));
        final Errors errors = new Errors(context, config);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(Path.class, Converters::path);
        commandLine.registerConverter(URI.class, Converters::uri);
        commandLine.registerConverter(Instant.class, Converters::instant);
        commandLine.setDefaultValueProvider(config);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        for (final String key : config.unknownKeys(commandLine))
        {
            context.err().println("metersim: warning: no command has an option for configuration key " + key
                + "; ignored [file=" + config.file() + " key=" + key + "]");
        }
        return commandLine;
    }

    /**
     * The top-level command and its global options; a subcommand is required.
     */
    @Command(name = "metersim", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        version = "metersim 0.1.0",
        description = "Replays household electricity load data for many simulated OpenADR VENs.",
        subcommandsRepeatable = false)
    static final class Root implements Runnable
    {
        @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Debug logging and stack traces.")
        boolean verbose;

        @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: $METERSIM_CONFIG, else config/metersim.properties).")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run()
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
        }
    }
}
