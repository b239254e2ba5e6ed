package io.metersim.cli;

import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.UnknownVenException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code metersim resources}: lists resources with the meter each reads once approved (its explicit
 * {@code meter_point_id}, or the one assigned by seed; {@code -} when it reads none or no data is given), and
 * {@code approve}, {@code suspend} and {@code pend} change their status in the resources file.
 */
@Command(name = "resources", description = "List resources and the meter each reads (assigned_meter needs --data), "
    + "or change their status (approve, suspend, pend).")
final class ResourcesCommand implements Callable<Integer>
{
    private static final String ROW = "%-12s  %-36s  %-9s  %-18s  %-18s  %-22s  %s%n";
    private static final String NO_METER = "-";

    @Mixin
    SourceOptions source;

    @Option(names = "--ven", paramLabel = "NAME", description = "Only this VEN's resources.")
    String ven;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only resources in this status.")
    String status;

    @Spec
    CommandSpec spec;

    private final CliContext context;
    private final Workspace workspace;

    ResourcesCommand(final CliContext context, final Workspace workspace)
    {
        this.context = context;
        this.workspace = workspace;
    }

    static CommandLine build(final CliContext context, final Workspace workspace)
    {
        return new CommandLine(new ResourcesCommand(context, workspace))
            .addSubcommand("approve", new StatusChange(context, workspace, ResourceStatus.APPROVED))
            .addSubcommand("suspend", new StatusChange(context, workspace, ResourceStatus.SUSPENDED))
            .addSubcommand("pend", new StatusChange(context, workspace, ResourceStatus.PENDING));
    }

    @Override
    public Integer call()
    {
        final ResourceStatus wanted = null == status ? null : parseStatus(status);
        final Registry registry = workspace.loadRegistry(source.resources);
        if (null != ven && !registry.venNames().contains(ven))
        {
            throw new UnknownVenException(ven, String.join(", ", new TreeSet<>(registry.venNames())));
        }
        final MeterSimulator simulator = simulatorOrNull(registry);
        context.out().printf(Locale.ROOT, ROW, "ven", "resource_id", "status", "meter_point_id", "assigned_meter",
            "resource_type", "resource_name");
        int shown = 0;
        final int[] byStatus = new int[ResourceStatus.values().length];
        for (final ResourceSpec spec : registry.resources())
        {
            if ((null == ven || ven.equals(spec.ven())) && (null == wanted || wanted == spec.status()))
            {
                context.out().printf(Locale.ROOT, ROW, spec.ven(), spec.resourceId(), spec.status(),
                    spec.meterPointId(), assignedMeter(simulator, spec), spec.resourceType(), spec.resourceName());
                byStatus[spec.status().ordinal()]++;
                shown++;
            }
        }
        context.out().printf(Locale.ROOT, "%d resources (%d approved, %d pending, %d suspended)%n", shown,
            byStatus[ResourceStatus.APPROVED.ordinal()], byStatus[ResourceStatus.PENDING.ordinal()],
            byStatus[ResourceStatus.SUSPENDED.ordinal()]);
        return Main.EXIT_OK;
    }

    /**
     * @return a simulator over the data, which knows every resource's meter, or null when no data file is given.
     */
    private MeterSimulator simulatorOrNull(final Registry registry)
    {
        if (null == source.data)
        {
            context.err().println("metersim: no data file given; assigned_meter shows " + NO_METER
                + " (give --data FILE to see the meters used)");
            return null;
        }
        return workspace.simulator(workspace.loadData(source), registry, source);
    }

    /**
     * @return the meter the resource reads once approved (explicit, or assigned by seed), or {@value #NO_METER} when
     *         it reads none or no data was given.
     */
    private static String assignedMeter(final MeterSimulator simulator, final ResourceSpec spec)
    {
        final String meter = null == simulator ? "" : simulator.assignedMeter(spec.ven(), spec.resourceId());
        return meter.isEmpty() ? NO_METER : meter;
    }

    static ResourceStatus parseStatus(final String text)
    {
        try
        {
            return ResourceStatus.parse(text);
        }
        catch (final MetersimException ex)
        {
            throw new UsageException(ex.getMessage());
        }
    }

    /**
     * Sets the status of some of one VEN's resources and rewrites the resources file; an unknown VEN or resource id
     * refuses the whole change and leaves the file as it was. The options {@code resources} takes may also stand
     * before the subcommand ({@code resources --resources r.csv approve ...}): they are honoured, and refused when
     * given on both sides with different values or when they mean nothing to a status change ({@code --status}).
     */
    @Command(description = "Set the status of resources of one VEN and save the resources file.")
    static final class StatusChange implements Callable<Integer>
    {
        @Mixin
        SourceOptions source;

        @Option(names = "--ven", paramLabel = "NAME", description = "The resources' VEN (required).")
        String ven;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Resource ids.")
        List<String> ids;

        @ParentCommand
        ResourcesCommand parent;

        @Spec
        CommandSpec spec;

        private final CliContext context;
        private final Workspace workspace;
        private final ResourceStatus target;

        StatusChange(final CliContext context, final Workspace workspace, final ResourceStatus target)
        {
            this.context = context;
            this.workspace = workspace;
            this.target = target;
        }

        @Override
        public Integer call()
        {
            takeParentOptions();
            final Registry registry = workspace.loadRegistry(source.resources);
            final Set<String> unchanged = new TreeSet<>();
            final Set<String> distinct = new LinkedHashSet<>(ids);
            for (final ResourceSpec resource : registry.resources())
            {
                if (ven.equals(resource.ven()) && target == resource.status()
                    && distinct.contains(resource.resourceId()))
                {
                    unchanged.add(resource.resourceId());
                }
            }
            final MeterSimulator simulator = workspace.simulator(workspace.loadData(source), registry, source);
            for (final String id : distinct)
            {
                // applied to the in-memory simulator only; the file is written after every id was accepted
                simulator.updateResourceStatus(ven, id, target);
            }
            final Path file = context.resolve(source.resources);
            final int changed = distinct.size() - unchanged.size();
            if (0 == changed)
            {
                context.out().printf(Locale.ROOT, "no change: %d resources of %s already %s in %s%n",
                    unchanged.size(), ven, target, file);
                return Main.EXIT_OK;
            }
            try
            {
                // only the changed status fields: line endings, quoting, BOM and comments stay byte for byte
                simulator.registry().writeStatusChanges(file);
            }
            catch (final RuntimeException ex)
            {
                throw CliException.plainIo(ex, "resources file", file, true);
            }
            context.out().printf(Locale.ROOT, "%d resources of %s set to %s in %s%s%n", changed, ven, target, file,
                unchanged.isEmpty() ? "" : " (" + unchanged.size() + " unchanged, already " + target + ": "
                    + String.join(", ", unchanged) + ")");
            return Main.EXIT_OK;
        }

        /**
         * Honours the options given before the subcommand, where picocli sets them on {@code resources} itself.
         */
        private void takeParentOptions()
        {
            final String name = spec.name();
            if (matched(parent.spec, "--status"))
            {
                throw new UsageException("--status filters the listing; it means nothing to '" + name
                    + "' [status=" + parent.status + "]");
            }
            source.data = either(name, "--data", parent.source.data, source.data);
            source.resources = either(name, "--resources", parent.source.resources, source.resources);
            source.assignmentSeed = either(name, "--assignment-seed", parent.source.assignmentSeed,
                source.assignmentSeed);
            ven = either(name, "--ven", parent.ven, ven);
            if (null == ven)
            {
                throw new UsageException("'" + name + "' needs --ven NAME: the VEN whose resources change");
            }
        }

        private <T> T either(final String name, final String option, final T before, final T after)
        {
            final boolean givenBefore = matched(parent.spec, option);
            if (givenBefore && matched(spec, option) && !before.equals(after))
            {
                throw new UsageException(option + " is given before and after '" + name + "' with different "
                    + "values [before=" + before + " after=" + after + "]");
            }
            return givenBefore ? before : after;
        }

        private static boolean matched(final CommandSpec command, final String option)
        {
            return command.commandLine().getParseResult().hasMatchedOption(option);
        }
    }
}
