package io.metersim.flink;

import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.TimeMode;
import io.metersim.core.UnknownVenException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.SerializedThrowable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The example job: {@link ReplaySource} into Kafka (exactly once), stdout or nowhere. Takes {@code metersim run}'s
 * options (data, resources, ticks, interval, VENs, seed, time mode, synthetic VENs) and Flink's (parallelism,
 * checkpoint interval). With {@code --local} it runs on a mini-cluster in this JVM; without, on the environment
 * {@code flink run} gives it. Exit code 0 when the job finished, 1 when a file or the job failed, 2 for a command
 * line that must change.
 */
@Command(name = "metersim-flink", sortOptions = false,
    description = "Replay metersim load data on Apache Flink: one record per approved resource per tick.")
public final class ReplayJob implements Callable<Integer>
{
    /** Exit code of a finished job. */
    public static final int EXIT_OK = 0;
    /** Exit code when a file or the job failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code when the command line must change. */
    public static final int EXIT_USAGE = 2;

    static final String SOURCE_UID = "metersim-source";
    static final String SINK_UID = "metersim-sink";

    @Option(names = "--data", paramLabel = "FILE", required = true,
        description = "HDF5 load data, at this path on every task manager.")
    Path data;

    @Option(names = "--resources", paramLabel = "FILE", description = "Resources CSV, at this path everywhere.")
    Path resources;

    @Option(names = "--synthetic-vens", paramLabel = "N", defaultValue = "0",
        description = "Replace the resources file by N synthetic VENs, all resources approved.")
    int syntheticVens;

    @Option(names = "--resources-per-ven", paramLabel = "N", defaultValue = "120",
        description = "Resources per synthetic VEN (default: ${DEFAULT-VALUE}).")
    int resourcesPerVen;

    @Option(names = "--assignment-seed", paramLabel = "SEED", defaultValue = "42",
        description = "Seed of the meter assignment (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-mode", paramLabel = "MODE", defaultValue = "continuous",
        description = "continuous: timestamps never go back, as event time needs; raw: the data's, repeating after "
            + "a cycle (default: ${DEFAULT-VALUE}).")
    String timeMode;

    @Option(names = "--ticks", paramLabel = "N", defaultValue = "24",
        description = "Ticks to replay; 0 runs until the job is cancelled (default: ${DEFAULT-VALUE}).")
    long ticks;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT0.25S",
        description = "Wall-clock time per tick, ISO-8601; 0 as fast as possible (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--ven", paramLabel = "NAME", split = ",", description = "VENs to replay (default: all).")
    List<String> vens;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "0",
        description = "Readers and sink writers (default 0: the environment's default).")
    int parallelism;

    @Option(names = "--splits", paramLabel = "N", defaultValue = "0",
        description = "VEN ranges to cut (default 0: 4 per reader).")
    int splits;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "PT10S",
        description = "Time between checkpoints, ISO-8601; 0 for none (default: ${DEFAULT-VALUE}).")
    String checkpointInterval;

    @Option(names = "--restart-attempts", paramLabel = "N", defaultValue = "3",
        description = "Restarts after a failure, from the last checkpoint, 1 s apart, before the job fails "
            + "(default: ${DEFAULT-VALUE}).")
    int restartAttempts;

    @Option(names = "--sink", paramLabel = "SINK", defaultValue = "print",
        description = "kafka (exactly once), print (JSON lines on stdout) or discard (default: ${DEFAULT-VALUE}).")
    String sink;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Kafka brokers for --sink kafka.")
    String kafka;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", defaultValue = "metersim.readings",
        description = "Topic of the records (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--kafka-transactional-id-prefix", paramLabel = "PREFIX", defaultValue = "metersim-flink",
        description = "Prefix of the sink's transactional ids; two jobs at once need two (default: ${DEFAULT-VALUE}).")
    String transactionalIdPrefix;

    @Option(names = "--local", description = "Run on a mini-cluster in this JVM instead of the given environment.")
    boolean local;

    @Option(names = "--verbose", description = "Add the stack trace to an error.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    private ReplayJob(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the job and exits with its code.
     *
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the job without exiting.
     *
     * @param args the command line.
     * @param out  where the printed records and, unless records go there, the summary go.
     * @param err  where errors go.
     * @return the exit code.
     */
    public static int execute(final String[] args, final PrintStream out, final PrintStream err)
    {
        final ReplayJob job = new ReplayJob(out, err);
        final CommandLine line = new CommandLine(job);
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        line.setParameterExceptionHandler((ex, arguments) ->
        {
            err.println("metersim-flink: " + ex.getMessage());
            return EXIT_USAGE;
        });
        line.setExecutionExceptionHandler((ex, command, parsed) -> job.report(ex));
        return line.execute(args);
    }

    @Override
    public Integer call() throws Exception
    {
        final Settings settings = validate();
        final ReplaySource source = ReplaySource.builder().data(data).resources(resources)
            .synthetic(syntheticVens, resourcesPerVen).seed(seed).timeMode(settings.timeMode).vens(vens)
            .ticks(ticks).interval(settings.interval).splits(splits).build();
        final StreamExecutionEnvironment env = environment(settings);
        final DataStream<ReplayRecord> records = replay(env, source);
        final String name = "metersim replay (" + source.venCount() + " VENs, "
            + (source.ticks() > 0 ? source.ticks() + " ticks" : "unbounded") + ", sink " + settings.sink + ")";
        attachSink(records, settings.sink);
        final long discardedBefore = CountingDiscardSink.discarded();
        final JobExecutionResult result = env.execute(name);
        summarise(result, source, env.getParallelism(), settings.sink, CountingDiscardSink.discarded()
            - discardedBefore);
        return EXIT_OK;
    }

    /**
     * The source in a job: {@code env.fromSource} with the records' own timestamps and per-tick watermarks, under a
     * fixed operator id so that savepoints restore into any later version and parallelism.
     *
     * @param env    the environment.
     * @param source the source.
     * @return the records.
     */
    static DataStream<ReplayRecord> replay(final StreamExecutionEnvironment env, final ReplaySource source)
    {
        return env.fromSource(source, ReplaySource.watermarks(), "metersim-replay", ReplayRecordTypeInfo.INSTANCE)
            .uid(SOURCE_UID);
    }

    private StreamExecutionEnvironment environment(final Settings settings)
    {
        final Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        final StreamExecutionEnvironment env;
        if (local)
        {
            env = parallelism > 0 ? StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf)
                : StreamExecutionEnvironment.createLocalEnvironment(conf);
        }
        else
        {
            env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            if (parallelism > 0)
            {
                env.setParallelism(parallelism);
            }
        }
        // chained operators are handed the reader's one record, no copy: every sink of this job writes or counts a
        // record within the call that receives it, as ReplayRecord's contract asks of operators under object reuse
        env.getConfig().enableObjectReuse();
        if (!settings.checkpointInterval.isZero())
        {
            env.enableCheckpointing(settings.checkpointInterval.toMillis());
        }
        return env;
    }

    private void attachSink(final DataStream<ReplayRecord> records, final String kind)
    {
        switch (kind)
        {
            case "kafka" -> records.sinkTo(kafkaSink(kafka, topic, transactionalIdPrefix))
                .name("kafka " + topic).uid(SINK_UID);
            case "print" -> records.sinkTo(new JsonLinesStdoutSink()).name("print").uid(SINK_UID);
            default -> records.sinkTo(new CountingDiscardSink()).name("discard").uid(SINK_UID);
        }
    }

    /**
     * The Kafka sink of {@code --sink kafka}: {@code flink-connector-kafka}'s, exactly once (one transaction per
     * checkpoint and writer, committed when the checkpoint completes), records keyed by VEN.
     *
     * @param bootstrap the brokers.
     * @param topic     the topic.
     * @param prefix    the transactional ids' prefix; unique per job writing at the same time.
     * @return the sink.
     */
    static KafkaSink<ReplayRecord> kafkaSink(final String bootstrap, final String topic, final String prefix)
    {
        return KafkaSink.<ReplayRecord>builder()
            .setBootstrapServers(bootstrap)
            .setRecordSerializer(new KafkaRecords(topic))
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .setTransactionalIdPrefix(prefix)
            .setProperty("transaction.timeout.ms", "900000")
            .build();
    }

    private void summarise(
        final JobExecutionResult result,
        final ReplaySource source,
        final int readers,
        final String kind,
        final long discarded)
    {
        final PrintStream summary = "print".equals(kind) ? err : out;
        final long records = approvedResources(source) * source.ticks();
        final double seconds = result.getNetRuntime() / 1000.0;
        summary.printf(Locale.ROOT, "done: %d records (%d VENs x %d ticks), parallelism %d, sink %s, job runtime "
            + "%.3f s, %.0f records/s (deployment and data loading included)%n", records, source.venCount(),
            source.ticks(), readers, kind, seconds, seconds > 0 ? records / seconds : 0.0);
        if ("discard".equals(kind) && local)
        {
            // in this JVM the sink's own count is at hand: report what arrived, and any difference
            summary.printf(Locale.ROOT, "discarded: %d records counted by the sink%s%n", discarded,
                discarded == records ? "" : ", not the " + records + " expected");
        }
    }

    /**
     * @return the approved resources of the replayed VENs: the records of one tick.
     */
    static long approvedResources(final ReplaySource source)
    {
        final ReplayConfig config = source.config();
        final Registry registry = config.loadRegistry();
        final Set<String> selected = new HashSet<>(config.vens().isEmpty() ? registry.venNames() : config.vens());
        long approved = 0;
        for (final ResourceSpec spec : registry.resources())
        {
            if (ResourceStatus.APPROVED == spec.status() && selected.contains(spec.ven()))
            {
                approved++;
            }
        }
        return approved;
    }

    private Settings validate()
    {
        if (null == resources && syntheticVens <= 0)
        {
            throw new JobUsageException("give --resources FILE or --synthetic-vens N");
        }
        if (null != resources && syntheticVens > 0)
        {
            throw new JobUsageException("give either --resources or --synthetic-vens [resources=" + resources
                + " synthetic-vens=" + syntheticVens + "]");
        }
        if (!Files.isRegularFile(data))
        {
            throw new MetersimException("data file not found or not a file [file=" + data.toAbsolutePath() + "]");
        }
        atLeast("--ticks", ticks, 0);
        atLeast("--synthetic-vens", syntheticVens, 0);
        atLeast("--resources-per-ven", resourcesPerVen, 1);
        atLeast("--parallelism", parallelism, 0);
        atLeast("--splits", splits, 0);
        atLeast("--restart-attempts", restartAttempts, 0);
        final String kind = sink.strip().toLowerCase(Locale.ROOT);
        if (!List.of("kafka", "print", "discard").contains(kind))
        {
            throw new JobUsageException("unknown sink: " + sink + " [allowed=kafka, print, discard]");
        }
        final Duration checkpoints = duration("--checkpoint-interval", checkpointInterval);
        if ("kafka".equals(kind) && (null == kafka || kafka.isBlank()))
        {
            throw new JobUsageException("--sink kafka needs --kafka BOOTSTRAP");
        }
        if ("kafka".equals(kind) && checkpoints.isZero())
        {
            throw new JobUsageException("--sink kafka commits its transactions at checkpoints: give a "
                + "--checkpoint-interval above 0 [checkpoint-interval=" + checkpointInterval + "]");
        }
        return new Settings(timeMode(), duration("--interval", interval), checkpoints, kind);
    }

    private TimeMode timeMode()
    {
        try
        {
            return TimeMode.parse(timeMode);
        }
        catch (final MetersimException ex)
        {
            throw new JobUsageException("unknown time mode: " + timeMode + " [allowed=raw, continuous]");
        }
    }

    private static Duration duration(final String option, final String text)
    {
        final String value = text.strip();
        final Duration parsed;
        try
        {
            parsed = "0".equals(value) ? Duration.ZERO : Duration.parse(value);
        }
        catch (final RuntimeException ex)
        {
            throw new JobUsageException(option + " must be an ISO-8601 duration such as PT15S, or 0 [value=" + text
                + "]");
        }
        if (parsed.isNegative())
        {
            throw new JobUsageException(option + " must not be negative [value=" + text + "]");
        }
        return parsed;
    }

    private static void atLeast(final String option, final long value, final long min)
    {
        if (value < min)
        {
            throw new JobUsageException(option + " must be at least " + min + " [value=" + value + "]");
        }
    }

    private int report(final Exception failure)
    {
        final Throwable known = ownCause(failure);
        final Throwable shown = null != known ? known : rootCause(failure);
        final String message = null != shown.getMessage() ? shown.getMessage() : shown.getClass().getSimpleName();
        err.println("metersim-flink: " + (null != known ? message : "the job failed: " + message));
        if (verbose)
        {
            failure.printStackTrace(err);
        }
        return known instanceof JobUsageException || known instanceof UnknownVenException ? EXIT_USAGE : EXIT_FAILED;
    }

    private static Throwable ownCause(final Throwable failure)
    {
        int depth = 0;
        for (Throwable t = failure; null != t && depth < 64; t = t.getCause(), depth++)
        {
            // a task manager's failure reaches the client serialised; the job's class loader can read it back
            final Throwable read = t instanceof SerializedThrowable
                ? ((SerializedThrowable)t).deserializeError(ReplayJob.class.getClassLoader()) : t;
            if (read instanceof MetersimException)
            {
                return read;
            }
            if (read != t)
            {
                final Throwable inner = ownCause(read);
                if (null != inner)
                {
                    return inner;
                }
            }
        }
        return null;
    }

    private static Throwable rootCause(final Throwable failure)
    {
        Throwable t = failure;
        while (null != t.getCause() && t.getCause() != t)
        {
            t = t.getCause();
        }
        return t;
    }

    private record Settings(TimeMode timeMode, Duration interval, Duration checkpointInterval, String sink)
    {
    }

    /**
     * A command line that must change (exit code 2).
     */
    static final class JobUsageException extends MetersimException
    {
        private static final long serialVersionUID = 1L;

        JobUsageException(final String message)
        {
            super(message);
        }
    }
}
