package io.metersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code metersim baseline} over the small fixture: 168 hourly rows from Wednesday 2025-01-15T08:00:00Z, replayed in
 * continuous time so that the week repeats, and watts(m, k, t) = 1000 m + 100 k + t, so Aarhus (meter 3) draws
 * 19.5 + 0.006 t kW at row t. An event on Wednesday 2025-02-12 at 16:00Z (17:00 in Copenhagen) is row 8 of its
 * cycle; its 10 previous weekdays sit at rows 152, 128, 56, 32, 8 (twice each), mean row 75.2, so the CAISO
 * baseline of event hour i is 19.5 + 0.006 (75.2 + i) kW, and its ratio is the actual over the baseline of the
 * 3 hours from 12:00Z: (19.5 + 0.006 x 5) / (19.5 + 0.006 x 72.2).
 */
class BaselineCommandTest
{
    private static final double EPS = 1e-9;
    private static final String EVENT = "2025-02-12T16:00:00Z";

    @TempDir
    Path dir;

    private Cli.Workdir workdir;

    @BeforeEach
    void setUp()
    {
        workdir = Cli.workdir(dir);
    }

    @Test
    void shouldWriteTheCaisoBaselineAsJson() throws Exception
    {
        final Cli.Result result = Cli.run(dir, workdir.command("baseline", "--ven", "Aarhus", "--event-start", EVENT,
            "--method", "caiso", "--format", "json"));

        assertEquals(0, result.code(), result::toString);
        final JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals(List.of("method", "ven", "resource_id", "adjustment", "intervals", "reduction_kwh"),
            Cli.fieldNames(root));
        assertEquals("caiso", root.get("method").asText());
        assertEquals("Aarhus", root.get("ven").asText());
        assertTrue(root.get("resource_id").isNull());
        final double ratio = (19.5 + 0.006 * 5) / (19.5 + 0.006 * 72.2);
        assertEquals(ratio, root.get("adjustment").asDouble(), EPS);
        final JsonNode intervals = root.get("intervals");
        assertEquals(4, intervals.size());
        double reduction = 0;
        for (int i = 0; i < 4; i++)
        {
            final JsonNode interval = intervals.get(i);
            assertEquals(List.of("start", "baseline_kw", "adjusted_kw", "actual_kw"), Cli.fieldNames(interval));
            assertEquals("2025-02-12T1" + (6 + i) + ":00:00Z", interval.get("start").asText());
            final double baseline = 19.5 + 0.006 * (75.2 + i);
            assertEquals(baseline, interval.get("baseline_kw").asDouble(), EPS);
            assertEquals(baseline * ratio, interval.get("adjusted_kw").asDouble(), EPS);
            assertEquals(19.5 + 0.006 * (8 + i), interval.get("actual_kw").asDouble(), EPS);
            reduction += baseline * ratio - (19.5 + 0.006 * (8 + i));
        }
        assertEquals(reduction, root.get("reduction_kwh").asDouble(), EPS);
        assertEquals("", result.err());
    }

    @Test
    void shouldComputeOneResourcesBaselineWithPjm() throws Exception
    {
        // Herning's h-2 reads meter 1: 7.5 + 0.006 t kW. PJM keeps the highest 4 of the 5 latest weekdays, rows
        // 152, 128, 56, 32 (mean 92), and adds the window's difference: 0.006 x (5 - 89) kW.
        final Cli.Result result = Cli.run(dir, workdir.command("baseline", "--ven", "Herning", "--resource", "h-2",
            "--event-start", EVENT, "--method", "pjm", "--format", "json"));

        assertEquals(0, result.code(), result::toString);
        final JsonNode root = new ObjectMapper().readTree(result.out());
        assertEquals("h-2", root.get("resource_id").asText());
        assertEquals(0.006 * (5 - 89), root.get("adjustment").asDouble(), EPS);
        final JsonNode first = root.get("intervals").get(0);
        assertEquals(7.5 + 0.006 * 92, first.get("baseline_kw").asDouble(), EPS);
        assertEquals(7.5 + 0.006 * 8, first.get("adjusted_kw").asDouble(), EPS);
        assertEquals(7.5 + 0.006 * 8, first.get("actual_kw").asDouble(), EPS);
    }

    @Test
    void shouldIncludeTheResponseAndSkipEventDaysWithAnEventsFile() throws Exception
    {
        final Path events = Cli.write(dir.resolve("events.json"), "[" + event(EVENT, "PT4H", 2) + ","
            + event("2025-02-05T16:00:00Z", "PT2H", 1) + "]");

        final Cli.Result result = Cli.run(dir, workdir.command("baseline", "--ven", "Aarhus", "--event-start", EVENT,
            "--method", "caiso", "--events", events.toString()));

        assertEquals(0, result.code(), result::toString);
        final List<String> lines = result.outLines();
        assertEquals("baseline caiso for VEN Aarhus (approved resources), event 2025-02-12T16:00:00Z PT4H: weekday "
            + "rules, 10 days 2025-02-11 .. 2025-01-28", lines.get(0), "5 February carries an event");
        // SIMPLE level 2 sheds the water heater (load_1, 3100 + t W) fully and heating (load_2, 3200 + t W) by 40 %
        final double shed = (3108 + 0.4 * 3208) / 1000;
        assertTrue(lines.get(3).endsWith(String.format(java.util.Locale.ROOT, "%12.3f", 19.548 - shed)),
            lines.get(3));
    }

    @Test
    void shouldPrintATableWithPlaceboAccuracy()
    {
        final Cli.Result result = Cli.run(dir, workdir.command("baseline", "--ven", "Aarhus", "--event-start", EVENT,
            "--method", "nyiso", "--placebo-days", "3"));

        assertEquals(0, result.code(), result::toString);
        final List<String> lines = result.outLines();
        assertEquals(9, lines.size(), result::toString);
        assertEquals("start                  baseline_kw   adjusted_kw     actual_kw", lines.get(2));
        assertTrue(lines.get(3).startsWith("2025-02-12T16:00:00Z"), lines.get(3));
        assertTrue(lines.get(8).startsWith("placebo on 3 days (2025-02-11 .. 2025-02-07): bias "), lines.get(8));
    }

    @Test
    void shouldRefuseAnUnknownMethod()
    {
        final Cli.Result result = Cli.run(dir, workdir.command("baseline", "--ven", "Aarhus", "--event-start", EVENT,
            "--method", "miso"));

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: unknown baseline method: miso [allowed=caiso, pjm, nyiso, ercot]\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void shouldNameHowManyEligibleDaysItFound()
    {
        final Cli.Result result = Cli.run(dir, workdir.command("baseline", "--ven", "Aarhus", "--event-start",
            "2025-01-16T16:00:00Z", "--method", "caiso"));

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: not enough eligible days for the caiso baseline: found 1, need 10 [method=caiso "
            + "event_start=2025-01-16T16:00:00Z day_type=weekday lookback_days=45 candidates_in_reach=1]\n",
            result.err());
    }

    @Test
    void shouldRefuseAnEventBeforeTheData()
    {
        final Cli.Result result = Cli.run(dir, workdir.command("baseline", "--ven", "Aarhus", "--event-start",
            "2025-01-15T10:00:00Z", "--method", "pjm"));

        assertEquals(2, result.code(), result::toString);
        assertTrue(result.err().startsWith("metersim: event outside the data's reach: the baseline needs the data "
            + "from 4 h before the event to its end [event_start=2025-01-15T10:00:00Z event_duration=PT4H "
            + "data_start=2025-01-15T08:00:00Z"), result.err());
    }

    @Test
    void shouldRefuseAnUnknownHolidayCalendarAndTimeZone()
    {
        final Cli.Result calendar = Cli.run(dir, workdir.command("baseline", "--ven", "Aarhus", "--event-start", EVENT,
            "--method", "pjm", "--holidays", "SE"));
        final Cli.Result zone = Cli.run(dir, workdir.command("baseline", "--ven", "Aarhus", "--event-start", EVENT,
            "--method", "pjm", "--time-zone", "Mars/Olympus"));

        assertEquals(2, calendar.code(), calendar::toString);
        assertEquals("metersim: --holidays: unknown holiday calendar: SE [allowed=DK, NO]\n", calendar.err());
        assertEquals(2, zone.code(), zone::toString);
        assertEquals("metersim: unknown time zone: Mars/Olympus [example=Europe/Copenhagen]\n", zone.err());
    }

    private static String event(final String start, final String duration, final int level)
    {
        return "{\"programID\":\"program-1\",\"eventName\":\"peak " + start + "\",\"priority\":0,"
            + "\"targets\":[{\"type\":\"VEN_NAME\",\"values\":[\"Aarhus\"]}],"
            + "\"intervalPeriod\":{\"start\":\"" + start + "\",\"duration\":\"" + duration + "\"},"
            + "\"payloadDescriptors\":[{\"payloadType\":\"SIMPLE\"}],"
            + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[" + level + "]}]}]}";
    }
}
