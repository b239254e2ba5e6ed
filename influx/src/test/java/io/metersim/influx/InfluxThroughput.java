package io.metersim.influx;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.Registry;
import io.metersim.core.RunSummary;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * The sink's lines/s against the server's own ceiling on this machine, in one go: {@code curl --data-binary}
 * posting the same gzip batches (made by the sink's own line writer from the same collections) with the same
 * concurrency, into a fresh database each run, alternately. Run by {@code bench/sinks-influx}; arguments:
 * {@code [vens 200] [resources-per-ven 120] [ticks 10] [senders 2] [runs 5]}.
 */
public final class InfluxThroughput
{
    private static final int METERS = 150;
    private static final int ROWS = 48;

    private InfluxThroughput()
    {
    }

    /**
     * @param args vens, resources per VEN, ticks, senders, runs.
     * @throws Exception when the server or curl fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final int vens = arg(args, 0, 200);
        final int resources = arg(args, 1, 120);
        final int ticks = arg(args, 2, 10);
        final int senders = arg(args, 3, 2);
        final int runs = arg(args, 4, 5);
        final LoadData data = realistic();
        final Registry registry = Fixture.registry(vens, resources, METERS);
        final Path dir = Files.createTempDirectory("influx-bench");
        try (InfluxServer server = InfluxServer.start(Files.createDirectories(dir.resolve("server"))))
        {
            final List<Path> batches = premade(data, registry, ticks, dir.resolve("batches"));
            final long lines = (long)vens * (resources + 1) * ticks;
            System.out.printf(Locale.ROOT, "influx bench: %d VENs x %d resources x %d ticks = %d lines in %d gzip "
                + "batches of %d lines (%d bytes), %d senders, influxd %s on %d cores%n", vens, resources, ticks,
                lines, batches.size(), InfluxSink.Options.DEFAULT_BATCH_LINES, size(batches), senders,
                version(), Runtime.getRuntime().availableProcessors());
            // warm-up of both sides, not counted: the JIT, the HTTP client, influxd's first shard
            curl(server, batches, senders, "warmupcurl");
            sink(server, data, registry, ticks, senders, "warmupsink", lines);
            final double[] sink = new double[runs];
            final double[] curl = new double[runs];
            for (int run = 0; run < runs; run++)
            {
                curl[run] = lines / curl(server, batches, senders, "ceiling" + run);
                sink[run] = lines / sink(server, data, registry, ticks, senders, "sink" + run, lines);
                System.out.printf(Locale.ROOT, "run %d: sink %.0f lines/s, curl %.0f lines/s%n", run + 1,
                    sink[run], curl[run]);
            }
            final double sinkMedian = median(sink);
            final double curlMedian = median(curl);
            System.out.printf(Locale.ROOT, "influx sink: %.0f lines/s (median of %d)%n", sinkMedian, runs);
            System.out.printf(Locale.ROOT, "curl --data-binary, same batches, %d concurrent: %.0f lines/s%n", senders,
                curlMedian);
            System.out.printf(Locale.ROOT, "ratio: %.2f (target >= 0.80)%n", sinkMedian / curlMedian);
        }
    }

    /**
     * @return seconds for the sink to collect, write and deliver every line of the run.
     */
    private static double sink(final InfluxServer server, final LoadData data, final Registry registry,
        final int ticks, final int senders, final String database, final long lines)
    {
        server.createDatabase(database);
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), database)
            .withBatching(InfluxSink.Options.DEFAULT_BATCH_LINES, InfluxSink.Options.DEFAULT_QUEUE_BATCHES,
                senders));
        final long start = System.nanoTime();
        final RunSummary run = TickLoop.builder(Fixture.simulator(registry, data)).ticks(ticks).sink(influx).build()
            .run();
        final double seconds = (System.nanoTime() - start) / 1e9;
        final SinkCounts counts = influx.counts();
        if (run.outcome() != RunSummary.Outcome.COMPLETED || counts.delivered() != lines)
        {
            throw new IllegalStateException("sink run incomplete: " + run.outcome() + " " + counts);
        }
        return seconds;
    }

    /**
     * @return seconds for {@code senders} curl processes, each posting its share of the files over one
     *         connection, to finish.
     */
    private static double curl(final InfluxServer server, final List<Path> batches, final int senders,
        final String database) throws IOException, InterruptedException
    {
        server.createDatabase(database);
        final List<Path> configs = new ArrayList<>();
        for (int s = 0; s < senders; s++)
        {
            final StringBuilder config = new StringBuilder();
            for (int b = s; b < batches.size(); b += senders)
            {
                config.append(b == s ? "" : "next\n")
                    .append("url = \"").append(server.url()).append("/write?db=").append(database)
                    .append("&precision=ms\"\n")
                    .append("header = \"Content-Encoding: gzip\"\n")
                    .append("header = \"Content-Type: text/plain; charset=utf-8\"\n")
                    .append("data-binary = \"@").append(batches.get(b)).append("\"\n")
                    .append("output = \"/dev/null\"\n")
                    .append("write-out = \"%{http_code}\\n\"\n");
            }
            configs.add(Files.writeString(batches.get(0).resolveSibling("curl-" + s + ".cfg"), config));
        }
        final long start = System.nanoTime();
        final List<Process> processes = new ArrayList<>();
        for (final Path config : configs)
        {
            processes.add(new ProcessBuilder("curl", "-s", "-K", config.toString()).start());
        }
        final List<String> answers = new ArrayList<>();
        for (final Process process : processes)
        {
            answers.add(new String(process.getInputStream().readAllBytes()));
            process.waitFor();
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        for (final String answer : answers)
        {
            if (!answer.replace("204\n", "").isEmpty())
            {
                throw new IllegalStateException("curl got other answers than 204: " + answer);
            }
        }
        return seconds;
    }

    /**
     * Writes the run's lines with the sink's own writer into 5,000-line batches and gzips each into a file.
     */
    private static List<Path> premade(final LoadData data, final Registry registry, final int ticks, final Path dir)
        throws IOException
    {
        Files.createDirectories(dir);
        final List<Path> files = new ArrayList<>();
        final Gzip gzip = new Gzip(Deflater.BEST_SPEED);
        final LineWriter writer = new LineWriter();
        final Batch batch = new Batch(1 << 20);
        final int batchLines = InfluxSink.Options.DEFAULT_BATCH_LINES;
        final IOException[] failure = new IOException[1];
        final Runnable cut = () ->
        {
            gzip.compress(batch.bytes, 0, batch.length);
            final Path file = dir.resolve(String.format("batch-%05d.gz", files.size()));
            try
            {
                Files.write(file, Arrays.copyOf(gzip.bytes(), gzip.length()));
            }
            catch (final IOException ex)
            {
                failure[0] = ex;
            }
            files.add(file);
            batch.reset();
        };
        final CollectionSink capture = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "premade";
            }

            @Override
            public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
            {
                for (int r = 0; r < collected.resourceCount(); r++)
                {
                    if (writer.meterLine(batch, collected, r) && batch.lines >= batchLines)
                    {
                        cut.run();
                    }
                }
                if (writer.venLine(batch, collected) && batch.lines >= batchLines)
                {
                    cut.run();
                }
            }
        };
        TickLoop.builder(Fixture.simulator(registry, data)).ticks(ticks).sink(capture).build().run();
        if (batch.lines > 0)
        {
            cut.run();
        }
        gzip.end();
        if (null != failure[0])
        {
            throw failure[0];
        }
        return files;
    }

    /**
     * @return meters of six loads with watts like measured ones: positive, three decimals, no pattern.
     */
    private static LoadData realistic()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final LoadDataBuilder builder = LoadData.builder("bench");
        for (int m = 0; m < METERS; m++)
        {
            final String path = "/meters/meter_" + Fixture.meterId(m);
            final int meter = builder.addMeter(Fixture.meterId(m), "Example Netselskab A/S", path);
            for (int k = 0; k < 6; k++)
            {
                final double[] flat = new double[2 * ROWS];
                for (int t = 0; t < ROWS; t++)
                {
                    flat[2 * t] = Fixture.T0_MILLIS / 1000.0 + 3600.0 * t;
                    flat[2 * t + 1] = Math.round(random.nextDouble(5.0, 2500.0) * 1000) / 1000.0;
                }
                builder.addSeries(meter, k, path + "/load_" + k + "/power", flat);
            }
        }
        return builder.build();
    }

    private static String version() throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder("influxd", "version").redirectErrorStream(true).start();
        final String text = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return text.replace("InfluxDB ", "");
    }

    private static long size(final List<Path> files) throws IOException
    {
        long total = 0;
        for (final Path file : files)
        {
            total += Files.size(file);
        }
        return total;
    }

    private static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
            : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static int arg(final String[] args, final int index, final int fallback)
    {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
