package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --events FILE} over the small fixture (watts = 1000 m + 100 k + t, hourly from 2025-01-15T08:00Z):
 * Herning's h-1 reads meter 0, h-2 meter 1. One SIMPLE level 2 event at 09:00 for 1 h, every resource taking part.
 */
class EventsOptionTest
{
    private static final String EVENT = "[{\"programID\":\"program-1\",\"eventName\":\"morning\",\"priority\":0,"
        + "\"targets\":[{\"type\":\"VEN_NAME\",\"values\":[\"Herning\",\"Vejle\"]}],"
        + "\"intervalPeriod\":{\"start\":\"2025-01-15T09:00:00Z\",\"duration\":\"PT1H\"},"
        + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[2]}]}]}]";

    @TempDir
    Path dir;

    private Cli.Workdir workdir;

    @BeforeEach
    void setUp()
    {
        workdir = Cli.workdir(dir, "metersim.properties");
        Cli.write(dir.resolve("response.properties"), "participation=1\n");
    }

    @Test
    void shouldShedDuringTheEventPayBackAfterItAndEvaluate()
    {
        Cli.write(dir.resolve("events.json"), EVENT);

        final Cli.Result result = run("--events", "events.json", "--format", "csv", "--ven", "Herning",
            "--evaluation", "evaluation.json");

        assertEquals(0, result.code(), result::toString);
        // h-1 at t = 0: 100 W; at t = 1 the water heater's 101 W is shed fully, heating 201 W by 40 %;
        // t = 2: 102 W + the 101 Wh deferred
        assertEquals(List.of("100.0", "0.0", "203.0"), column(result, "h-1", "load_1"));
        assertEquals("120.6", column(result, "h-1", "load_2").get(1));
        assertEquals(List.of("1500.0", "1501.0", "1502.0"), column(result, "h-2", "load_5"), "not controllable");
        // baseline 1506 + 7506 Wh; reduction (101 + 80.4) + (1101 + 480.4) Wh; rebound 101 + 1101 Wh of payback
        // and 60 % of the heating shed times (1 - exp(-1/2)): (48.24 + 288.24) x 0.393469 = 132.39 Wh
        assertTrue(result.err().contains("event morning at Herning: 1 ticks (1.00 h), baseline 9.012 kWh, actual "
            + "7.249 kWh, reduction 1.763 kWh (1.763 kW mean), rebound 1.334 kWh, CAISO CBL n/a ("),
            result::toString);
        assertTrue(result.err().contains("metersim: warning: event morning targets VEN names no VEN of the registry "
            + "[vens=Vejle]"), result::toString);
        final String json = Cli.read(dir.resolve("evaluation.json"));
        assertTrue(json.contains("\"rebound_kwh\":1.334394563619893,\"cbl_kwh\":null}"), json);
        assertTrue(json.startsWith("{\"evaluation\":[{\"event\":\"morning\",\"event_name\":\"morning\","
            + "\"program_id\":\"program-1\",\"ven\":\"Herning\",\"ticks\":1,\"hours\":1.0,\"baseline_kwh\":9.012,"),
            json);
    }

    @Test
    void shouldRefuseEventsInRawTime()
    {
        Cli.write(dir.resolve("events.json"), EVENT);

        final Cli.Result result = run("--events", "events.json", "--time-mode", "raw");

        assertEquals(2, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: --events needs continuous time"), result::toString);
    }

    @Test
    void shouldNameTheEventAndFieldOfABadFile()
    {
        Cli.write(dir.resolve("events.json"), EVENT.replace("\"PT1H\"", "\"one hour\""));

        final Cli.Result result = run("--events", "events.json");

        assertEquals(1, result.code(), result::toString);
        assertEquals("metersim: bad events: does not match the regex pattern ^(-?)P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?"
            + "(?:(\\d+)([DW]))?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$ [source="
            + dir.resolve("events.json") + " event=0 eventName=morning field=/intervalPeriod/duration]",
            result.err().strip(), result::toString);
        assertFalse(result.err().contains("Exception"), result::toString);
    }

    @Test
    void shouldNameABadResponseSetting()
    {
        Cli.write(dir.resolve("events.json"), EVENT);
        Cli.write(dir.resolve("response.properties"), "participation=1.5\n");

        final Cli.Result result = run("--events", "events.json");

        assertEquals(1, result.code(), result::toString);
        assertEquals("metersim: bad response setting: must be between 0 and 1 [source="
            + dir.resolve("response.properties") + " key=participation value=1.5]", result.err().strip());
    }

    @Test
    void shouldRefuseAMissingEventsFile()
    {
        final Cli.Result result = run("--events", "none.json");

        assertEquals(1, result.code(), result::toString);
        assertEquals("metersim: events file not found [file=" + dir.resolve("none.json") + "]",
            result.err().strip());
    }

    private Cli.Result run(final String... extra)
    {
        final String[] args = new String[4 + extra.length];
        System.arraycopy(new String[] {"--ticks", "3", "--interval", "0"}, 0, args, 0, 4);
        System.arraycopy(extra, 0, args, 4, extra.length);
        return Cli.run(dir, workdir.run(args));
    }

    /** The power_w of one resource's load, tick by tick, from the CSV records on stdout. */
    private static List<String> column(final Cli.Result result, final String resource, final String load)
    {
        return result.outLines().stream().map(line -> line.split(","))
            .filter(f -> f.length == 7 && f[1].equals(resource) && f[5].equals(load)).map(f -> f[6]).toList();
    }
}
