package io.metersim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.metersim.core.DataWarning;
import io.metersim.core.LoadData;
import io.metersim.h5.H5LoadData;
import io.metersim.h5.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code metersim inspect}: what an HDF5 load-data file holds and what is odd about it.
 */
@Command(name = "inspect", description = "Describe an HDF5 load-data file: meters, rows, time range, energy, warnings.")
final class InspectCommand implements Callable<Integer>
{
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    @Parameters(paramLabel = "FILE", description = "The HDF5 file.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--strict", description = "Refuse the file when it has any data-quality warning (exit 1).")
    boolean strict;

    private final CliContext context;

    InspectCommand(final CliContext context)
    {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException
    {
        final Path path = context.resolve(file);
        if (Files.isDirectory(path))
        {
            throw CliException.notAFile("data file", path);
        }
        final LoadData data = H5LoadData.read(path, strict ? ReadOptions.strict() : ReadOptions.defaults());
        final Summary summary = Summary.of(data);
        if (json)
        {
            writeJson(path, data, summary, context.out());
        }
        else
        {
            writeText(path, data, summary, context.out());
        }
        return Main.EXIT_OK;
    }

    private static void writeText(final Path path, final LoadData data, final Summary summary, final PrintStream out)
    {
        out.println("file: " + path);
        final StringBuilder loads = new StringBuilder();
        for (final Map.Entry<Integer, Integer> entry : summary.metersByLoadCount.entrySet())
        {
            loads.append(loads.length() == 0 ? "" : ", ").append(entry.getValue()).append(" with ")
                .append(entry.getKey()).append(" loads");
        }
        out.printf(Locale.ROOT, "meters: %d (%s)%n", data.meterCount(), loads);
        out.printf(Locale.ROOT, "series: %d, rows: %d per cycle, %d in total%n", data.seriesCount(),
            data.cycleLength(), summary.totalRows);
        out.printf(Locale.ROOT, "time: %s .. %s, interval %s%n", Instant.ofEpochMilli(summary.firstMillis),
            Instant.ofEpochMilli(summary.lastMillis), Duration.ofMillis(data.intervalMillis()));
        out.print("energy:");
        for (final Map.Entry<Integer, Double> entry : summary.kwhByLoad.entrySet())
        {
            out.printf(Locale.ROOT, " load_%d %.3f kWh,", entry.getKey(), entry.getValue());
        }
        out.printf(Locale.ROOT, " total %.3f kWh%n", summary.totalKwh());
        out.println("warnings: " + data.warnings().size());
        for (final DataWarning warning : data.warnings())
        {
            out.println("  " + warning);
        }
    }

    private static void writeJson(final Path path, final LoadData data, final Summary summary, final PrintStream out)
        throws IOException
    {
        final JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator json = factory.createGenerator(out))
        {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("file", path.toString());
            json.writeNumberField("meters", data.meterCount());
            json.writeObjectFieldStart("meters_by_load_count");
            for (final Map.Entry<Integer, Integer> entry : summary.metersByLoadCount.entrySet())
            {
                json.writeNumberField(Integer.toString(entry.getKey()), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("series", data.seriesCount());
            json.writeNumberField("rows_per_cycle", data.cycleLength());
            json.writeNumberField("rows_total", summary.totalRows);
            json.writeStringField("first_timestamp", Instant.ofEpochMilli(summary.firstMillis).toString());
            json.writeStringField("last_timestamp", Instant.ofEpochMilli(summary.lastMillis).toString());
            json.writeStringField("interval", Duration.ofMillis(data.intervalMillis()).toString());
            json.writeObjectFieldStart("energy_kwh");
            for (final Map.Entry<Integer, Double> entry : summary.kwhByLoad.entrySet())
            {
                json.writeNumberField("load_" + entry.getKey(), entry.getValue());
            }
            json.writeNumberField("total", summary.totalKwh());
            json.writeEndObject();
            json.writeArrayFieldStart("warnings");
            for (final DataWarning warning : data.warnings())
            {
                json.writeStartObject();
                json.writeStringField("kind", warning.kind().name());
                json.writeStringField("meter_id", warning.meterId());
                json.writeStringField("path", warning.objectPath());
                json.writeStringField("message", warning.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    /**
     * Figures over every series: rows, time range and energy per load component.
     */
    static final class Summary
    {
        final Map<Integer, Integer> metersByLoadCount = new TreeMap<>();
        final Map<Integer, Double> kwhByLoad = new TreeMap<>();
        long totalRows;
        long firstMillis = Long.MAX_VALUE;
        long lastMillis = Long.MIN_VALUE;

        static Summary of(final LoadData data)
        {
            final Summary summary = new Summary();
            for (int m = 0; m < data.meterCount(); m++)
            {
                summary.metersByLoadCount.merge(data.loadCount(m), 1, Integer::sum);
            }
            final double hours = data.intervalMillis() / MILLIS_PER_HOUR;
            for (int s = 0; s < data.seriesCount(); s++)
            {
                double wattSum = 0.0;
                final int length = data.seriesLength(s);
                for (int row = 0; row < length; row++)
                {
                    final double watts = data.watts(s, row);
                    if (!Double.isNaN(watts))
                    {
                        wattSum += watts;
                        summary.firstMillis = Math.min(summary.firstMillis, data.timestampMillis(s, row));
                        summary.lastMillis = Math.max(summary.lastMillis, data.timestampMillis(s, row));
                    }
                }
                summary.totalRows += length;
                summary.kwhByLoad.merge(data.seriesLoad(s), wattSum * hours / 1000.0, Double::sum);
            }
            if (summary.firstMillis > summary.lastMillis)
            {
                summary.firstMillis = 0;
                summary.lastMillis = 0;
            }
            return summary;
        }

        double totalKwh()
        {
            double total = 0.0;
            for (final double kwh : kwhByLoad.values())
            {
                total += kwh;
            }
            return total;
        }
    }
}
