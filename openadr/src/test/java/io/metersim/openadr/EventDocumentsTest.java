package io.metersim.openadr;

import io.metersim.core.EventTimeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventDocumentsTest
{
    /** The issue's example event, verbatim. */
    private static final String ISSUE_EXAMPLE = "[{\"programID\":\"program-1\",\"eventName\":\"evening peak\","
        + "\"priority\":0,\"targets\":[{\"type\":\"VEN_NAME\",\"values\":[\"Herning\"]}],"
        + "\"intervalPeriod\":{\"start\":\"2025-02-12T16:00:00Z\",\"duration\":\"PT4H\"},"
        + "\"payloadDescriptors\":[{\"payloadType\":\"SIMPLE\"}],"
        + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[2]}]}]}]";

    @Test
    void shouldReadTheIssuesExample()
    {
        final EventTimeline events = parse(ISSUE_EXAMPLE);

        assertEquals(1, events.size());
        assertEquals("evening peak", events.name(0));
        assertEquals("evening peak", events.label(0));
        assertEquals("program-1", events.programId(0));
        assertEquals(0, events.priority(0));
        assertEquals(Instant.parse("2025-02-12T16:00:00Z").toEpochMilli(), events.startMillis(0));
        assertEquals(4 * 3_600_000L, events.durationMillis(0));
        assertEquals(List.of("Herning"), events.venTargets(0));
        assertEquals(List.of(), events.resourceTargets(0));
        assertEquals(1, events.intervalCount(0));
        assertEquals(0, events.intervalOffsetMillis(0, 0));
        assertEquals(4 * 3_600_000L, events.intervalDurationMillis(0, 0));
        assertEquals("SIMPLE", events.payloadType(0, 0, 0));
        assertEquals(2.0, events.payloadValue(0, 0, 0));
    }

    @Test
    void shouldPlaceIntervalsOneAfterTheOtherAndKeepUnknownPayloads()
    {
        final EventTimeline events = parse("[{\"id\":\"e7\",\"programID\":\"p\",\"targets\":[{\"type\":"
            + "\"RESOURCE_NAME\",\"values\":[\"R1\",\"R2\"]},{\"type\":\"GROUP\",\"values\":[\"north\"]}],"
            + "\"intervalPeriod\":{\"start\":\"2025-02-12T17:00:00+01:00\",\"duration\":\"PT1H\","
            + "\"randomizeStart\":\"PT15M\"},\"intervals\":["
            + "{\"id\":0,\"payloads\":[{\"type\":\"PRICE\",\"values\":[0.31]}]},"
            + "{\"id\":1,\"payloads\":[{\"type\":\"IMPORT_CAPACITY_LIMIT\",\"values\":[2.5]}]},"
            + "{\"id\":2,\"intervalPeriod\":{\"start\":\"2025-02-12T20:00:00Z\",\"duration\":\"P1D\"},"
            + "\"payloads\":[{\"type\":\"ALERT_GRID_EMERGENCY\",\"values\":[\"now\"]}]}]}]");

        assertEquals("e7", events.label(0));
        assertEquals(EventTimeline.NO_PRIORITY, events.priority(0));
        assertEquals(Instant.parse("2025-02-12T16:00:00Z").toEpochMilli(), events.startMillis(0));
        assertEquals(15 * 60_000L, events.randomizeStartMillis(0));
        assertEquals(List.of("R1", "R2"), events.resourceTargets(0));
        assertEquals(List.of("GROUP:north"), events.venTargets(0));
        assertEquals(3_600_000L, events.intervalOffsetMillis(0, 1));
        assertEquals(4 * 3_600_000L, events.intervalOffsetMillis(0, 2));
        assertEquals(24 * 3_600_000L, events.intervalDurationMillis(0, 2));
        assertTrue(Double.isNaN(events.payloadValue(0, 2, 0)));
        assertEquals(List.of("PRICE", "ALERT_GRID_EMERGENCY"), events.ignoredPayloadTypes());
    }

    @Test
    void shouldNameTheEventAndFieldOfASchemaViolation()
    {
        final String second = "{\"programID\":\"p\",\"eventName\":\"second\",\"priority\":-1,\"intervals\":[]}";
        final EventDocumentException ex = assertThrows(EventDocumentException.class,
            () -> parse(ISSUE_EXAMPLE.substring(0, ISSUE_EXAMPLE.length() - 1) + "," + second + "]"));

        assertEquals("bad events: must have a minimum value of 0 [source=events.json event=1 eventName=second "
            + "field=/priority]", ex.getMessage());
        assertEquals(1, ex.event());
        assertEquals("/priority", ex.field());
    }

    @Test
    void shouldNameAMissingRequiredField()
    {
        final EventDocumentException ex = assertThrows(EventDocumentException.class,
            () -> parse("[{\"eventName\":\"x\",\"intervals\":[]}]"));

        assertEquals("bad events: required property 'programID' not found [source=events.json event=0 eventName=x "
            + "field=$]", ex.getMessage());
    }

    @Test
    void shouldNameAnUnreadableTimeOrDuration()
    {
        final EventDocumentException start = assertThrows(EventDocumentException.class,
            () -> parse(ISSUE_EXAMPLE.replace("2025-02-12T16:00:00Z", "2025-02-12T16:00:00")));
        final EventDocumentException duration = assertThrows(EventDocumentException.class,
            () -> parse(ISSUE_EXAMPLE.replace("PT4H", "-PT4H")));

        assertEquals("bad events: does not match the date-time pattern must be a valid RFC 3339 date-time "
            + "[source=events.json event=0 eventName=evening peak field=/intervalPeriod/start]", start.getMessage());
        assertEquals("bad events: not a non-negative ISO-8601 duration such as PT4H: -PT4H [source=events.json "
            + "event=0 eventName=evening peak field=/intervalPeriod/duration]", duration.getMessage());
    }

    @Test
    void shouldRefuseAnEventWithoutAnyStart()
    {
        final EventDocumentException ex = assertThrows(EventDocumentException.class, () -> parse(
            "[{\"programID\":\"p\",\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[1]}]}]}]"));

        assertEquals("bad events: no start: neither the event nor its first interval has an intervalPeriod "
            + "[source=events.json event=0 field=/intervalPeriod]", ex.getMessage());
    }

    @Test
    void shouldRefuseTextThatIsNotAnArrayOfEvents()
    {
        assertEquals("bad events: expected a JSON array of event objects [source=events.json field=$]",
            assertThrows(EventDocumentException.class, () -> parse("{}")).getMessage());
        assertTrue(assertThrows(EventDocumentException.class, () -> parse("[{\"programID\":"))
            .getMessage().startsWith("bad events: not valid JSON: "));
    }

    @Test
    void shouldReadAFileAndNameAMissingOne(@TempDir final Path folder) throws IOException
    {
        final Path file = folder.resolve("events.json");
        Files.writeString(file, ISSUE_EXAMPLE);

        assertEquals(1, EventDocuments.read(file).size());
        assertEquals("bad events: events file not found [source=" + folder.resolve("none.json") + "]",
            assertThrows(EventDocumentException.class, () -> EventDocuments.read(folder.resolve("none.json")))
                .getMessage());
    }

    private static EventTimeline parse(final String json)
    {
        return EventDocuments.parse(json.getBytes(StandardCharsets.UTF_8), "events.json");
    }
}
