package io.metersim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.metersim.core.CollectionBuffer;
import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code metersim collect}: one collection of one VEN, like the original simulator's demo.
 */
@Command(name = "collect", description = "Collect one VEN's approved resources once.")
final class CollectCommand implements Callable<Integer>
{
    @Mixin
    SourceOptions source;

    @Option(names = "--ven", paramLabel = "NAME", required = true, description = "The VEN to collect.")
    String ven;

    @Option(names = "--index", paramLabel = "I", description = "Row of the data to collect (default: 0).")
    Integer index;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    CollectFormat format;

    private final CliContext context;
    private final Workspace workspace;

    CollectCommand(final CliContext context, final Workspace workspace)
    {
        this.context = context;
        this.workspace = workspace;
    }

    /**
     * The output formats of {@code collect}.
     */
    enum CollectFormat
    {
        /** A line per resource. */
        TABLE,
        /** An object keyed by resource id. */
        JSON,
        /** A row per reading. */
        CSV
    }

    @Override
    public Integer call() throws IOException
    {
        final Registry registry = workspace.loadRegistry(source.resources);
        workspace.requireVens(registry, source.resources);
        final LoadData data = workspace.loadData(source);
        final MeterSimulator simulator = workspace.simulator(data, registry, source);
        final int handle = simulator.venHandle(ven);
        final int at = null == index ? 0 : index;
        Ranges.atLeast("--index", at, 0);
        Ranges.atMost("--index", at, data.cycleLength() - 1L);
        final CollectionBuffer collected =
            simulator.collectAt(handle, simulator.positionOf(at, 0), simulator.newBuffer());
        final PrintStream out = context.out();
        switch (format)
        {
            case JSON:
                writeJson(collected, out);
                break;
            case CSV:
                CsvWriter.writeHeader(out);
                final CsvWriter csv = new CsvWriter(out);
                csv.write(collected);
                csv.flush();
                break;
            default:
                writeTable(collected, out);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    static void writeJson(final CollectionBuffer collected, final PrintStream out) throws IOException
    {
        final JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator json = factory.createGenerator(out))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (int r = 0; r < collected.resourceCount(); r++)
            {
                json.writeObjectFieldStart(collected.resourceId(r));
                json.writeStringField("resource_id", collected.resourceId(r));
                json.writeStringField("meter_point_id", collected.meterPointId(r));
                json.writeArrayFieldStart("readings");
                final int offset = collected.readingOffset(r);
                for (int i = offset; i < offset + collected.readingCount(r); i++)
                {
                    json.writeStartObject();
                    json.writeNumberField("timestamp", collected.timestampMillis(i));
                    json.writeStringField("load_id", collected.loadId(i));
                    json.writeNumberField("power_w", collected.powerW(i));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        out.println();
    }

    private static void writeTable(final CollectionBuffer collected, final PrintStream out)
    {
        out.printf(Locale.ROOT, "VEN %s at index %d (%s): %d resources, %d readings, %d missing, total %.3f kW%n",
            collected.ven(), collected.index(), collected.readingTotal() > 0
                ? Instant.ofEpochMilli(collected.timestampMillis(0)).toString() : "-",
            collected.resourceCount(), collected.readingTotal(), collected.missingCount(),
            collected.totalWatts() / 1000.0);
        out.printf(Locale.ROOT, "%-36s  %-18s  %5s  %12s  %s%n", "resource_id", "meter_point_id", "loads", "total_w",
            "resource_name");
        for (int r = 0; r < collected.resourceCount(); r++)
        {
            out.printf(Locale.ROOT, "%-36s  %-18s  %5d  %12.2f  %s%n", collected.resourceId(r),
                collected.meterPointId(r), collected.readingCount(r), collected.resourceTotalWatts(r),
                collected.resourceName(r));
        }
    }
}
