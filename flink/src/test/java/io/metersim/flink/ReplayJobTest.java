package io.metersim.flink;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.SimulatorOptions;
import io.metersim.core.TickLoop;
import io.metersim.core.TimeMode;
import io.metersim.h5.H5LoadData;
import io.metersim.records.JsonRecordWriter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example job's command line: run on the test cluster (as {@code flink run} would give it an environment) and
 * as the one-command local form, and its usage and data errors.
 */
class ReplayJobTest
{
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
            .build());

    @Test
    void shouldPrintTheJsonLinesMetersimRunWrites() throws IOException
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream stdout = System.out;
        final Result result;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try
        {
            result = run("--data", TestData.data().toString(), "--resources", TestData.resources().toString(),
                "--ticks", "13", "--interval", "0", "--time-mode", "raw", "--parallelism", "2", "--sink", "print",
                "--checkpoint-interval", "PT0.2S");
        }
        finally
        {
            System.setOut(stdout);
        }

        assertEquals(0, result.code, result::toString);
        final List<String> lines = new ArrayList<>(printed.toString(StandardCharsets.UTF_8).lines().toList());
        final List<String> expected = jsonLinesOfTheTickLoop(13);
        assertEquals(9 * 13, expected.size());
        lines.sort(null);
        expected.sort(null);
        assertEquals(expected, lines);
        assertTrue(result.err.contains("done: 117 records (5 VENs x 13 ticks), parallelism 2, sink print, job runtime"),
            result::toString);
        assertEquals("", result.out, "stdout is the records' alone");
    }

    @Test
    void shouldRefuseABadCommandLineWithExitCode2()
    {
        final String data = TestData.data().toString();
        final String resources = TestData.resources().toString();
        assertUsage("metersim-flink: unknown sink: nowhere [allowed=kafka, print, discard]",
            "--data", data, "--resources", resources, "--sink", "nowhere");
        assertUsage("metersim-flink: Missing required option: '--data=FILE'", "--resources", resources);
        assertUsage("metersim-flink: give --resources FILE or --synthetic-vens N", "--data", data);
        assertUsage("metersim-flink: unknown VEN: Nowhere [known=Herning, Aarhus, Odense, Køge \"Syd\", Vejle]",
            "--data", data, "--resources", resources, "--ven", "Vejle,Nowhere");
        assertUsage("metersim-flink: --interval must be an ISO-8601 duration such as PT15S, or 0 [value=soon]",
            "--data", data, "--resources", resources, "--interval", "soon");
        assertUsage("metersim-flink: --ticks must be at least 0 [value=-1]",
            "--data", data, "--resources", resources, "--ticks", "-1");
        assertUsage("metersim-flink: --sink kafka needs --kafka BOOTSTRAP",
            "--data", data, "--resources", resources, "--sink", "kafka");
        assertUsage("metersim-flink: --sink kafka commits its transactions at checkpoints: give a "
            + "--checkpoint-interval above 0 [checkpoint-interval=0]", "--data", data, "--resources", resources,
            "--sink", "kafka", "--kafka", "127.0.0.1:9", "--checkpoint-interval", "0");
        assertUsage("metersim-flink: unknown time mode: sideways [allowed=raw, continuous]",
            "--data", data, "--resources", resources, "--time-mode", "sideways");
    }

    @Test
    void shouldNameTheFileThatCannotBeUsedWithExitCode1()
    {
        final String missing = TestData.dir().resolve("missing.h5").toString();
        final Result noData = run("--data", missing, "--synthetic-vens", "2");
        assertEquals(1, noData.code, noData::toString);
        assertEquals("metersim-flink: data file not found or not a file [file=" + missing + "]\n", noData.err);

        final String notHdf5 = TestData.resources().toString();
        final Result badData = run("--data", notHdf5, "--synthetic-vens", "2", "--ticks", "1", "--interval", "0",
            "--sink", "discard", "--restart-attempts", "0");
        assertEquals(1, badData.code, badData::toString);
        assertTrue(badData.err.startsWith("metersim-flink: ") && badData.err.contains(notHdf5)
            && !badData.err.contains("Exception"), badData::toString);
        assertEquals(1, badData.err.lines().count(), badData::toString);
    }

    private static void assertUsage(final String message, final String... args)
    {
        final Result result = run(args);
        assertEquals(2, result.code, result::toString);
        assertEquals(message + "\n", result.err, result::toString);
    }

    /**
     * What {@code metersim run --format jsonl --time-mode raw} writes: core's tick loop into the records module's
     * JSON Lines writer.
     */
    static List<String> jsonLinesOfTheTickLoop(final long ticks)
    {
        final MeterSimulator simulator = MeterSimulator.create(H5LoadData.read(TestData.data()),
            Registry.readCsv(TestData.resources()), new SimulatorOptions(SimulatorOptions.DEFAULT_SEED, TimeMode.RAW));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final JsonRecordWriter writer;
        try
        {
            writer = new JsonRecordWriter(bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        TickLoop.builder(simulator).ticks(ticks).sink(new CollectionSink()
        {
            @Override
            public String name()
            {
                return "jsonl";
            }

            @Override
            public void onCollection(final int worker, final CollectionBuffer collected, final long nanos)
                throws IOException
            {
                writer.write(collected);
            }

            @Override
            public void flush() throws IOException
            {
                writer.flush();
            }
        }).build().run();
        return new ArrayList<>(bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    static Result run(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8))
        {
            code = ReplayJob.execute(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
            Arrays.toString(args));
    }

    record Result(int code, String out, String err, String args)
    {
        @Override
        public String toString()
        {
            return args + " -> exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
