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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
        return workspace.simulator(workspace.loadData(source.data), registry, source);
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
     * refuses the whole change and leaves the file as it was.
     */
    @Command(description = "Set the status of resources of one VEN and save the resources file.")
    static final class StatusChange implements Callable<Integer>
    {
        @Mixin
        SourceOptions source;

        @Option(names = "--ven", paramLabel = "NAME", required = true, description = "The resources' VEN.")
        String ven;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Resource ids.")
        List<String> ids;

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
            final Registry registry = workspace.loadRegistry(source.resources);
            final MeterSimulator simulator = workspace.simulator(workspace.loadData(source.data), registry, source);
            for (final String id : ids)
            {
                // applied to the in-memory simulator only; the file is written after every id was accepted
                simulator.updateResourceStatus(ven, id, target);
            }
            final Path file = context.resolve(source.resources);
            simulator.registry().writeCsv(file);
            context.out().printf(Locale.ROOT, "%d resources of %s set to %s in %s%n", ids.size(), ven, target, file);
            return Main.EXIT_OK;
        }
    }
}
