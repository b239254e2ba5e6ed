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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VtnCommandTest
{
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
    void shouldReportEveryVenEveryTickToTheVtn()
    {
        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "3", "--vtn", vtn.baseUri().toString()));

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
        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "170", "--ven", "Herning",
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
        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "1", "--vtn", vtn.baseUri().toString(),
            "--client-secret", "wrong", "--format", "jsonl", "--out", "out.jsonl"));

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

        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "1", "--vtn", "http://127.0.0.1:" + port));

        assertEquals(Main.EXIT_DATA, result.code(), result::toString);
        assertEquals("metersim: could not connect to the VTN at 127.0.0.1:" + port + " after 5 attempts: is it "
            + "running, and are host and port right? [vtn=http://127.0.0.1:" + port
            + " token-url=http://127.0.0.1:" + port + "/auth/token]\n", result.err());
    }

    @Test
    void shouldHintAtThePathWhenTheTokenEndpointAsksForABearerToken()
    {
        final String wrong = vtn.baseUri() + "/openadr3/3.0.1";

        final Cli.Result result = Cli.run(dir, args("run", "--ticks", "1", "--vtn", wrong));

        assertEquals(Main.EXIT_DATA, result.code(), result::toString);
        assertEquals("metersim: " + wrong + "/auth/token is not the VTN's token endpoint: it answered 401 and asks "
            + "for a bearer token itself. Is the path of --vtn the VTN's API root (where auth/token is), or does "
            + "--token-url need setting? [vtn=" + wrong + " token-url=" + wrong + "/auth/token]\n", result.err());
    }

    @Test
    void shouldNameAnUnknownProgramOrEventId()
    {
        final Cli.Result program = Cli.run(dir, args("run", "--ticks", "1", "--vtn", vtn.baseUri().toString(),
            "--program-id", "p9"));
        final Cli.Result event = Cli.run(dir, args("run", "--ticks", "1", "--vtn", vtn.baseUri().toString(),
            "--event-id", "e9"));

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
        final Cli.Result program = Cli.run(dir, args("run", "--ticks", "1", "--vtn", vtn.baseUri().toString(),
            "--program-id", "p9", "--event-id", vtn.eventId()));
        final Cli.Result event = Cli.run(dir, args("run", "--ticks", "1", "--vtn", vtn.baseUri().toString(),
            "--program-id", vtn.programId(), "--event-id", "e9"));

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

    private String[] args(final String... command)
    {
        final String[] all = new String[command.length + source.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(source, 0, all, command.length, source.length);
        return all;
    }
}
