package io.metersim.cli;

import io.metersim.openadr.TestVtn;
import io.metersim.openadr.TestVtnOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vtn-stub} and {@code run --vtn} against it: reports, registration, refusals, and the events the VENs poll
 * from the stub.
 */
class VtnCommandTest
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
    private Cli.Workdir workdir;

    @BeforeEach
    void setUp()
    {
        vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        workdir = Cli.workdir(dir);
    }

    @AfterEach
    void tearDown()
    {
        vtn.close();
    }

    @Test
    void shouldReportEveryVenEveryTickToTheVtn()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "3", "--vtn",
            vtn.baseUri().toString()));

        assertEquals(0, result.code(), result::toString);
        assertEquals(6, vtn.reportCount());
        assertEquals(List.of(), vtn.rejections());
        assertTrue(result.out().contains("vtn: delivered 6 of 6 reports, " + vtn.reportBytes() + " bytes, "),
            result::toString);
        assertEquals("metersim: reporting to " + vtn.baseUri() + " (program " + vtn.programId() + ", event "
            + vtn.eventId() + ", 2 VENs registered)\n", result.err());
        assertEquals(List.of("Aarhus", "Herning"), vtn.venNames().stream().sorted().toList());
    }

    @Test
    void shouldReportContinuousTimestampsAcrossTheWrapByDefault()
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "170", "--ven", "Herning",
            "--vtn", vtn.baseUri().toString()));

        assertEquals(0, result.code(), result::toString);
        assertEquals(170, vtn.reportCount());
        assertEquals(1, reportsStartingAt("2025-01-15T09:00:00Z"), "raw mode would repeat it on the second cycle");
        assertEquals(1, reportsStartingAt("2025-01-22T09:00:00Z"), "row 1 of the second cycle, one cycle later");
    }

    private long reportsStartingAt(final String start)
    {
        return vtn.reports().stream().filter(r -> r.contains("\"start\":\"" + start + "\"")).count();
    }

    @Test
    void shouldRefuseWrongCredentialsWithOneLine() throws IOException
    {
        final Cli.Result result = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "1", "--vtn",
            vtn.baseUri().toString(), "--client-secret", "wrong", "--format", "jsonl", "--out", "out.jsonl"));

        assertEquals(1, result.code(), result::toString);
        try (Stream<Path> files = Files.list(dir))
        {
            assertEquals(List.of("empty.properties", "resources.csv"),
                files.map(p -> p.getFileName().toString()).sorted().toList(), "no output, no temporary file");
        }
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith("metersim: "), result::toString);
        assertEquals(0, vtn.reportCount());
    }

    @Test
    void shouldSayItCouldNotConnectWhenNothingListens() throws IOException
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            port = socket.getLocalPort();
        }

        final Cli.Result result = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "1", "--vtn",
            "http://127.0.0.1:" + port));

        assertEquals(Main.EXIT_DATA, result.code(), result::toString);
        assertEquals("metersim: could not connect to the VTN at 127.0.0.1:" + port + " after 5 attempts: is it "
            + "running, and are host and port right? [vtn=http://127.0.0.1:" + port
            + " token-url=http://127.0.0.1:" + port + "/auth/token]\n", result.err());
    }

    @Test
    void shouldHintAtThePathWhenTheTokenEndpointAsksForABearerToken()
    {
        final String wrong = vtn.baseUri() + "/openadr3/3.0.1";

        final Cli.Result result = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "1", "--vtn", wrong));

        assertEquals(Main.EXIT_DATA, result.code(), result::toString);
        assertEquals("metersim: " + wrong + "/auth/token is not the VTN's token endpoint: it answered 401 and asks "
            + "for a bearer token itself. Is the path of --vtn the VTN's API root (where auth/token is), or does "
            + "--token-url need setting? [vtn=" + wrong + " token-url=" + wrong + "/auth/token]\n", result.err());
    }

    @Test
    void shouldNameAnUnknownProgramOrEventId()
    {
        final Cli.Result program = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "1", "--vtn",
            vtn.baseUri().toString(), "--program-id", "p9"));
        final Cli.Result event = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "1", "--vtn",
            vtn.baseUri().toString(), "--event-id", "e9"));

        assertEquals(Main.EXIT_USAGE, program.code(), program::toString);
        assertEquals("metersim: --program-id p9 is not a program of the VTN [programs=[" + vtn.programId()
            + "]]\n", program.err());
        assertEquals(Main.EXIT_USAGE, event.code(), event::toString);
        assertEquals("metersim: --event-id e9 is not an event of any program of the VTN [programs=["
            + vtn.programId() + "] events=[" + vtn.eventId() + "]]\n", event.err());
        assertEquals(0, vtn.reportCount());
    }

    @Test
    void shouldNameAnUnknownIdAlsoWhenProgramAndEventAreBothGiven()
    {
        final Cli.Result program = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "1", "--vtn",
            vtn.baseUri().toString(), "--program-id", "p9", "--event-id", vtn.eventId()));
        final Cli.Result event = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "1", "--vtn",
            vtn.baseUri().toString(), "--program-id", vtn.programId(), "--event-id", "e9"));

        assertEquals(Main.EXIT_USAGE, program.code(), program::toString);
        assertEquals("metersim: --program-id p9 is not a program of the VTN [programs=[" + vtn.programId()
            + "]]\n", program.err());
        assertEquals(Main.EXIT_USAGE, event.code(), event::toString);
        assertEquals("metersim: --event-id e9 is not an event of program " + vtn.programId() + " [programs=["
            + vtn.programId() + "] events=[" + vtn.eventId() + "]]\n", event.err());
        assertEquals(0, vtn.reportCount());
    }

    @Test
    void shouldRunTheStubForAGivenDuration()
    {
        final Cli.Result result = Cli.run(dir, "vtn-stub", "--port", "0", "--duration", "PT0.2S");

        assertEquals(0, result.code(), result::toString);
        final List<String> lines = result.outLines();
        assertEquals(3, lines.size(), result::toString);
        assertTrue(lines.get(0).matches("test VTN listening on http://127\\.0\\.0\\.1:[0-9]+ "
            + "\\(client id metersim, program .+, event .+\\)"), result::toString);
        assertTrue(lines.get(1).matches("report to it with: metersim run --vtn http://127\\.0\\.0\\.1:[0-9]+"),
            result::toString);
        assertEquals("test VTN stopped: 0 reports accepted (0 bytes), 0 rejected", lines.get(2));
    }

    @Test
    void shouldServeTheApiUnderAGivenBasePath()
    {
        final Cli.Result result = Cli.run(dir, "vtn-stub", "--port", "0", "--base-path", "/openadr3/3.0.1",
            "--duration", "PT0.2S");

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.outLines().get(1).matches("report to it with: metersim run --vtn "
            + "http://127\\.0\\.0\\.1:[0-9]+/openadr3/3\\.0\\.1"), result::toString);
    }

    @Test
    void shouldRefuseABasePathWithATrailingSlash()
    {
        final Cli.Result result = Cli.run(dir, "vtn-stub", "--base-path", "/openadr3/");

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: --base-path must start and not end with / [value=/openadr3/]\n", result.err());
    }

    @Test
    void shouldRefuseAPortOutOfRange()
    {
        final Cli.Result result = Cli.run(dir, "vtn-stub", "--port", "70000");

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: --port must be at most 65535 [value=70000]\n", result.err());
    }

    @Test
    void shouldRespondToTheEventItsVensPolledAndReportBaselineAndDeltaUsage()
    {
        assertEquals(List.of("event-2"), vtn.publishEvents(Cli.write(dir.resolve("e.json"), "[" + EVENT + "]")));
        final Cli.Result result = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "6", "--vtn",
            vtn.baseUri().toString(), "--evaluation", "evaluation.json"));

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
        final Cli.Result result = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "6", "--vtn",
            vtn.baseUri().toString(), "--vtn-poll-interval", "0"));

        assertEquals(0, result.code(), result::toString);
        assertEquals(Map.of("event-1", 12L), vtn.reportsByEvent());
        assertFalse(result.out().contains("vtn events:"), result::toString);
    }

    @Test
    void shouldRefuseEventsFromBothTheVtnAndAFileANegativeIntervalAndRawTime()
    {
        final String file = Cli.write(dir.resolve("e.json"), "[" + EVENT + "]").toString();
        final Cli.Result both = Cli.run(dir, workdir.run("--interval", "0", "--vtn", vtn.baseUri().toString(),
            "--events", file));
        assertEquals(2, both.code(), both::toString);
        assertEquals("metersim: --events and --vtn both give the events: respond to the VTN's (publish the file "
            + "with 'metersim vtn-stub --events FILE'), or to the file's with --vtn-poll-interval 0 [events=" + file
            + " vtn-poll-interval=PT30S]\n", both.err());

        final Cli.Result negative = Cli.run(dir, workdir.run("--interval", "0", "--vtn", vtn.baseUri().toString(),
            "--vtn-poll-interval", "-PT1S"));
        assertEquals(2, negative.code(), negative::toString);
        assertEquals("metersim: --vtn-poll-interval must not be negative [vtn-poll-interval=PT-1S]\n",
            negative.err());

        final Cli.Result raw = Cli.run(dir, workdir.run("--interval", "0", "--ticks", "1", "--vtn",
            vtn.baseUri().toString(), "--time-mode", "raw"));
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
}
