package io.metersim.cli;

import io.metersim.openadr.TestVtn;
import io.metersim.openadr.TestVtnOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vtn-stub --events} and {@code run --vtn} responding to the events its VENs poll from the stub.
 */
class VtnEventsCommandTest
{
    /** Herning, 10:00 and 11:00 UTC on the fixture's first day (rows 2 and 3), level 2, BASELINE and DELTA_USAGE. */
    private static final String EVENT = "{\"programID\":\"program-1\",\"eventName\":\"midday\",\"priority\":0,"
        + "\"targets\":[{\"type\":\"VEN_NAME\",\"values\":[\"Herning\"]}],"
        + "\"intervalPeriod\":{\"start\":\"2025-01-15T10:00:00Z\",\"duration\":\"PT2H\"},"
        + "\"reportDescriptors\":[{\"payloadType\":\"BASELINE\"},{\"payloadType\":\"DELTA_USAGE\"}],"
        + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[2]}]}]}";

    @TempDir
    Path dir;

    private TestVtn vtn;
    private String[] source;

    @BeforeEach
    void setUp()
    {
        vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        source = Cli.workdir(dir).args("--interval", "0");
    }

    @AfterEach
    void tearDown()
    {
        vtn.close();
    }

    @Test
    void shouldRespondToTheEventItsVensPolledAndReportBaselineAndDeltaUsage()
    {
        assertEquals(List.of("event-2"), vtn.publishEvents(Cli.write(dir.resolve("e.json"), "[" + EVENT + "]")));
        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "6", "--vtn", vtn.baseUri().toString(),
            "--evaluation", "evaluation.json"));

        assertEquals(0, result.code(), result::toString);
        assertEquals(List.of(), vtn.rejections());
        final String evaluation = Cli.read(dir.resolve("evaluation.json"));
        assertTrue(evaluation.startsWith("{\"evaluation\":[{\"event\":\"event-2\",\"event_name\":\"midday\","
            + "\"program_id\":\"program-1\",\"ven\":\"Herning\",\"ticks\":2,"), evaluation);
        assertEquals(Map.of("event-1", 10L, "event-2", 2L), vtn.reportsByEvent(),
            "Herning's two reports during the event answer it");
        assertTrue(result.out().contains("\nevent event-2 at Herning: 2 ticks (2.00 h), baseline "), result::toString);
        assertFalse(result.out().contains("event event-2 at Aarhus"), result::toString);
        assertTrue(result.out().contains("\nvtn events: 1 polls (1 pages), 0 failed, 1 events known, 1 timeline "
            + "update, 0 unreadable\n"), result::toString);
        assertFalse(result.err().contains("warning"), result::toString);
    }

    @Test
    void shouldNotPollWithAZeroInterval()
    {
        vtn.publishEvents(Cli.write(dir.resolve("e.json"), "[" + EVENT + "]"));
        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "6", "--vtn", vtn.baseUri().toString(),
            "--vtn-poll-interval", "0"));

        assertEquals(0, result.code(), result::toString);
        assertEquals(Map.of("event-1", 12L), vtn.reportsByEvent());
        assertFalse(result.out().contains("vtn events:"), result::toString);
    }

    @Test
    void shouldRefuseEventsFromBothTheVtnAndAFileANegativeIntervalAndRawTime()
    {
        final String file = Cli.write(dir.resolve("e.json"), "[" + EVENT + "]").toString();
        final Cli.Result both = Cli.run(dir, args("run", "--vtn", vtn.baseUri().toString(), "--events", file));
        assertEquals(2, both.code(), both::toString);
        assertEquals("metersim: --events and --vtn both give the events: respond to the VTN's (publish the file "
            + "with 'metersim vtn-stub --events FILE'), or to the file's with --vtn-poll-interval 0 [events=" + file
            + " vtn-poll-interval=PT30S]\n", both.err());

        final Cli.Result negative = Cli.run(dir, args("run", "--vtn", vtn.baseUri().toString(),
            "--vtn-poll-interval", "-PT1S"));
        assertEquals(2, negative.code(), negative::toString);
        assertEquals("metersim: --vtn-poll-interval must not be negative [vtn-poll-interval=PT-1S]\n",
            negative.err());

        final Cli.Result raw = Cli.run(dir, args("run", "--ticks", "1", "--vtn", vtn.baseUri().toString(),
            "--time-mode", "raw"));
        assertEquals(2, raw.code(), raw::toString);
        assertTrue(raw.err().endsWith("metersim: the VTN's events need continuous time: event times are reading "
            + "times, which repeat after each cycle in raw time; use --time-mode continuous, or "
            + "--vtn-poll-interval 0 [time-mode=raw]\n"), raw::toString);
    }

    @Test
    void shouldPublishTheEventsOfAFileAndSayHowToPostMore()
    {
        final Path file = Cli.write(dir.resolve("e.json"), "[" + EVENT + "]");
        final Cli.Result result = Cli.run(dir, "vtn-stub", "--port", "0", "--duration", "PT0.2S", "--events",
            file.toString());

        assertEquals(0, result.code(), result::toString);
        final List<String> lines = result.outLines();
        assertEquals("published 1 event from " + file + ": event-2 \"midday\"", lines.get(2));
        assertTrue(lines.get(3).matches("post more to http://127\\.0\\.0\\.1:[0-9]+/events as client metersim-bl "
            + "/ metersim-bl-secret \\(scope write_events\\)"), result::toString);
        assertEquals("test VTN stopped: 0 reports accepted (0 bytes), 0 rejected", lines.get(4));
    }

    @Test
    void shouldRefuseAnEventsFileWithOneLineNamingTheEventAndTheField()
    {
        final Path file = Cli.write(dir.resolve("bad.json"), "[" + EVENT + ",\n" + EVENT.replace("midday", "late")
            .replace("\"priority\":0", "\"priority\":\"high\"") + "]");
        final Cli.Result result = Cli.run(dir, "vtn-stub", "--port", "0", "--events", file.toString());

        assertEquals(1, result.code(), result::toString);
        assertEquals("", result.out());
        assertEquals("metersim: events file refused: event 2 of 2 (eventName \"late\"): /priority: string found, "
            + "integer expected [file=" + file + " event=2 field=/priority]\n", result.err());

        final Cli.Result missing = Cli.run(dir, "vtn-stub", "--port", "0", "--events", "none.json");
        assertEquals(1, missing.code(), missing::toString);
        assertEquals("metersim: events file not found [file=" + dir.resolve("none.json") + "]\n", missing.err());
    }

    private String[] args(final String... command)
    {
        final String[] all = new String[command.length + source.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(source, 0, all, command.length, source.length);
        return all;
    }
}
