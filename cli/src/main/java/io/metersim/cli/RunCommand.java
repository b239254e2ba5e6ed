package io.metersim.cli;

import io.metersim.core.CollectionSink;
import io.metersim.core.DemandResponse;
import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.RunSummary;
import io.metersim.core.TickLoop;
import io.metersim.openadr.DeliverySummary;
import io.metersim.openadr.EventPoller;
import io.metersim.openadr.ReporterStatistics;
import io.metersim.openadr.VtnReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code metersim run}: replays the data tick by tick for the selected VENs, all VENs of a tick at one position.
 */
@Command(name = "run", description = "Replay load data for the selected VENs, one position per tick.")
final class RunCommand implements Callable<Integer>
{
    /** Below this many VENs a tick takes microseconds and a second thread costs more than it saves. */
    static final int AUTO_THREADS_MIN_VENS = 1_000;

    @Mixin
    SourceOptions source;

    @Mixin
    VtnOptions vtnOptions;

    @Mixin
    InfluxOptions influxOptions;

    @Mixin
    KafkaOptions kafkaOptions;

    @Mixin
    DashboardOptions dashboardOptions;

    @Mixin
    ShardOption shardOption;

    @Mixin
    EventsOption eventsOption;

    @Option(names = "--ticks", paramLabel = "N", defaultValue = "24",
        description = "Ticks to run; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    long ticks;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT0.25S",
        converter = DurationConverter.class,
        description = "Wall-clock time per tick, ISO-8601; 0 runs as fast as possible (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--ven", paramLabel = "NAME", split = ",", description = "VENs to collect (default: all).")
    List<String> vens;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE (default: stdout).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
        description = "Threads that split the VENs of each tick (default 0: one per core from "
            + AUTO_THREADS_MIN_VENS + " VENs on, else 1).")
    int threads;

    @Option(names = "--synthetic-vens", paramLabel = "N", defaultValue = "0",
        description = "Replace the resources file by N synthetic VENs, all resources approved (default: off).")
    int syntheticVens;

    @Option(names = "--resources-per-ven", paramLabel = "N", defaultValue = "120",
        description = "Resources per synthetic VEN, with --synthetic-vens (default: ${DEFAULT-VALUE}).")
    int resourcesPerVen;

    @Option(names = "--time-mode", paramLabel = "MODE", defaultValue = "auto",
        description = "raw: timestamps as in the data, repeating after a cycle; continuous: shifted on each cycle "
            + "so they never go back; auto: continuous when reporting to a VTN, InfluxDB or Kafka, else raw "
            + "(default: ${DEFAULT-VALUE}).")
    String timeMode;

    @Spec
    CommandSpec spec;

    private final CliContext context;
    private final Workspace workspace;

    RunCommand(final CliContext context, final Workspace workspace)
    {
        this.context = context;
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws IOException
    {
        validate();
        // --out is checked before the data loads: a folder or an unwritable path costs the user nothing
        try (RunOutput output = null == out ? RunOutput.stdout(context.out())
            : RunOutput.file(context.resolve(out), 0 == ticks))
        {
            final Registry registry = syntheticVens > 0 ? Registry.synthetic(syntheticVens, resourcesPerVen)
                : workspace.loadRegistry(source.resources);
            workspace.requireVens(registry, source.resources);
            final LoadData data = workspace.loadData(source);
            if (!data.warnings().isEmpty())
            {
                context.err().println("metersim: warning: " + data.warnings().size() + " data-quality warnings in "
                    + data.source() + " (see 'metersim inspect')");
            }
            final MeterSimulator simulator = workspace.simulator(data, registry, source, timeMode,
                vtnOptions.enabled() || influxOptions.enabled() || kafkaOptions.enabled() || eventsOption.enabled());
            final int[] handles = shardOption.select(selectVens(simulator));
            // the stop signal outlives the reporter so that Ctrl-C still flushes pending reports before the JVM exits
            try (StopSignal stop = new StopSignal(); VtnReporter reporter = connect(simulator))
            {
                return replay(simulator, handles, output, reporter, stop);
            }
        }
    }

    /**
     * @return where the closing totals go: stdout, unless the records themselves go there.
     */
    private PrintStream summaryStream()
    {
        return OutputFormat.TABLE != format && null == out ? context.err() : context.out();
    }

    private VtnReporter connect(final MeterSimulator simulator)
    {
        if (!vtnOptions.enabled())
        {
            return null;
        }
        final VtnReporter reporter = vtnOptions.connect(Duration.ofMillis(simulator.data().intervalMillis()));
        try
        {
            final int vens = vtnOptions.register(reporter, simulator.registry());
            context.err().println("metersim: reporting to " + vtnOptions.vtn + " (program " + reporter.programId()
                + ", event " + reporter.eventId() + ", " + vens + " VENs registered)");
            return reporter;
        }
        catch (final RuntimeException ex)
        {
            reporter.close();
            throw ex;
        }
    }

    private void reportDelivery(final DeliverySummary delivery, final PrintStream summary)
    {
        final ReporterStatistics s = delivery.statistics();
        summary.printf(Locale.ROOT, "vtn: delivered %d of %d reports, %d bytes, latency p50 %.1f ms, p99 %.1f ms, "
            + "max %.1f ms, %d retries%n", s.sent(), s.submitted(), s.bytesSent(), s.latencyP50Millis(),
            s.latencyP99Millis(), s.latencyMaxMillis(), s.retries());
        if (!delivery.complete())
        {
            for (final String line : delivery.undelivered())
            {
                context.err().println("metersim: not delivered: " + line);
            }
            throw new CliException((s.submitted() - s.sent()) + " of " + s.submitted()
                + " reports not delivered [vtn=" + vtnOptions.vtn + "]", null);
        }
    }

    /**
     * Builds the sinks, runs the tick loop, ends the output and reports.
     */
    private int replay(
        final MeterSimulator simulator,
        final int[] handles,
        final RunOutput output,
        final VtnReporter reporter,
        final StopSignal stop)
        throws IOException
    {
        final TickLoop.Builder builder = TickLoop.builder(simulator).vens(handles)
            .threads(effectiveThreads(handles.length)).interval(interval);
        if (0 == ticks)
        {
            builder.untilStopped();
        }
        else
        {
            builder.ticks(ticks);
        }
        final PrintStream tableFile = OutputFormat.TABLE == format && null != out
            ? new PrintStream(output.stream(), false, StandardCharsets.UTF_8) : null;
        final RecordSink records = OutputFormat.TABLE == format ? null : new RecordSink(format, output);
        if (null != records)
        {
            builder.sink(records);
        }
        final TickLineSink lines = tickLines(simulator, output, tableFile);
        builder.sink(lines);
        dashboardOptions.watch(lines);
        final LatencySink latency = new LatencySink();
        builder.sink(latency);
        if (null != reporter)
        {
            builder.sink(reporter);
        }
        dashboardOptions.watch(records, reporter);
        for (final SinkOption option : new SinkOption[] {influxOptions, kafkaOptions, dashboardOptions})
        {
            final CollectionSink sink = option.sink(simulator, context);
            if (null != sink)
            {
                builder.sink(sink);
                dashboardOptions.watch(sink);
            }
        }
        final boolean polling = vtnOptions.polling() && null != reporter;
        final DemandResponse response = polling
            ? vtnOptions.response(simulator, eventsOption.responseConfig, workspace.config(), context)
            : eventsOption.response(simulator, workspace.config(), context);
        builder.response(response);
        if (null != response)
        {
            dashboardOptions.eventSource(response::activeEventLabel);
        }
        final TickLoop loop = builder.build();
        stop.onStop(loop::stop);
        final EventPoller poller = polling ? vtnOptions.poll(reporter, simulator, handles, response, context) : null;
        final RunSummary run;
        try
        {
            run = loop.run();
        }
        finally
        {
            if (null != poller)
            {
                poller.close();
            }
        }
        final boolean closedPipe = run.failure() instanceof OutputClosedException;
        final boolean outputFailed = run.sinkFailures().containsKey(outputSinkName(records));
        if (!outputFailed)
        {
            try
            {
                output.finish();
            }
            catch (final IOException ex)
            {
                throw CliException.unwritable(output.target(), ex);
            }
        }
        final PrintStream summary = closedPipe ? context.err() : summaryStream();
        RunReport.print(summary, run, latency.merged(), output);
        eventsOption.report(response, simulator, summary, context);
        if (null != poller)
        {
            summary.println("vtn events: " + poller.statistics());
        }
        if (null != reporter)
        {
            reportDelivery(reporter.shutdown(), summary);
        }
        throwFailures(run, closedPipe);
        return Main.EXIT_OK;
    }

    private TickLineSink tickLines(final MeterSimulator simulator, final RunOutput output, final PrintStream file)
    {
        final int cycle = simulator.data().cycleLength();
        if (OutputFormat.TABLE == format)
        {
            // the tick lines are the data: to stdout or the file, checked for a closed pipe at every tick
            return new TickLineSink(null == file ? context.out() : file, output, false, ticks, cycle);
        }
        final boolean bar = context.terminal() && ticks > 0;
        return new TickLineSink(null == out ? context.err() : context.out(), null, bar, ticks, cycle);
    }

    private String outputSinkName(final RecordSink records)
    {
        return null == records ? "table" : records.name();
    }

    private void throwFailures(final RunSummary run, final boolean closedPipe)
    {
        for (final Map.Entry<String, Throwable> failed : run.sinkFailures().entrySet())
        {
            if (!(closedPipe && failed.getValue() == run.failure()))
            {
                throw new CliException(failed.getKey() + " failed: " + describe(failed.getValue()) + " [sink="
                    + failed.getKey() + "]", failed.getValue());
            }
        }
        if (null != run.failure() && !closedPipe)
        {
            throw new CliException("the run failed: " + describe(run.failure()), run.failure());
        }
    }

    private static String describe(final Throwable failure)
    {
        return CliException.describe(failure);
    }

    private int[] selectVens(final MeterSimulator simulator)
    {
        final List<String> names = null == vens || vens.isEmpty() ? simulator.venNames() : vens;
        final int[] handles = new int[names.size()];
        for (int v = 0; v < handles.length; v++)
        {
            handles[v] = simulator.venHandle(names.get(v).trim());
        }
        return handles;
    }

    private void validate()
    {
        Ranges.atLeast("--ticks", ticks, 0);
        shardOption.validate();
        eventsOption.validate(timeMode, vtnOptions.polling());
        vtnOptions.validatePolling(eventsOption.events);
        Ranges.atLeast("--threads", threads, 0);
        Ranges.atMost("--threads", threads, Ranges.MAX_THREADS);
        Ranges.atLeast("--synthetic-vens", syntheticVens, 0);
        Ranges.atLeast("--resources-per-ven", resourcesPerVen, 1);
        if (0 == syntheticVens && spec.commandLine().getParseResult().hasMatchedOption("--resources-per-ven"))
        {
            throw new UsageException("--resources-per-ven needs --synthetic-vens N: the resources file decides how "
                + "many resources each VEN has [resources-per-ven=" + resourcesPerVen + "]");
        }
        if (interval.isNegative())
        {
            throw new UsageException("--interval must not be negative [interval=" + interval + "]");
        }
    }

    private int effectiveThreads(final int vens)
    {
        if (threads > 0)
        {
            return threads;
        }
        return vens >= AUTO_THREADS_MIN_VENS ? Runtime.getRuntime().availableProcessors() : 1;
    }
}
