package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metersim.core.MetersimException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stub's events, through real sockets: scopes, publishing, paging, by-id operations and events files.
 */
class TestVtnEventsTest
{
    /** The example event of issue 11, verbatim. */
    static final String EVENING_PEAK = "{\"programID\":\"program-1\",\"eventName\":\"evening peak\",\"priority\":0,"
        + "\"targets\":[{\"type\":\"VEN_NAME\",\"values\":[\"Herning\"]}],"
        + "\"intervalPeriod\":{\"start\":\"2025-02-12T16:00:00Z\",\"duration\":\"PT4H\"},"
        + "\"payloadDescriptors\":[{\"payloadType\":\"SIMPLE\"}],"
        + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"SIMPLE\",\"values\":[2]}]}]}";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VEN_FORM = "grant_type=client_credentials&client_id=metersim"
        + "&client_secret=metersim-secret";
    private static final String BL_FORM = "grant_type=client_credentials&client_id=metersim-bl"
        + "&client_secret=metersim-bl-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private TestVtn vtn;

    @TempDir
    Path dir;

    @AfterEach
    void stop()
    {
        if (null != vtn)
        {
            vtn.close();
        }
    }

    @Test
    void shouldLetOnlyATokenWithWriteEventsPublish() throws Exception
    {
        vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        final HttpResponse<String> venToken = form(VEN_FORM);
        assertEquals("read_all write_reports write_subscriptions write_vens", json(venToken).get("scope").asText());
        final HttpResponse<String> refused = send("POST", "/events", EVENING_PEAK, token(venToken));
        assertEquals(403, refused.statusCode());
        assertEquals(problem(403, "Forbidden", "POST /events needs scope write_events; the token grants read_all "
            + "write_reports write_subscriptions write_vens"), refused.body());

        final HttpResponse<String> asked = form(VEN_FORM + "&scope=read_all%20write_events");
        assertEquals(400, asked.statusCode());
        assertEquals("{\"error\":\"invalid_scope\",\"error_description\":\"client metersim may not have scope "
            + "write_events\"}", asked.body());

        final HttpResponse<String> readOnly = form(BL_FORM + "&scope=read_all");
        assertEquals("read_all", json(readOnly).get("scope").asText());
        assertEquals(403, send("POST", "/events", EVENING_PEAK, token(readOnly)).statusCode());

        final HttpResponse<String> bl = form(BL_FORM + "&scope=read_all%20write_events");
        assertEquals("read_all write_events", json(bl).get("scope").asText());
        final HttpResponse<String> created = send("POST", "/events", EVENING_PEAK, token(bl));
        assertEquals(201, created.statusCode());
        final JsonNode event = json(created);
        assertEquals("event-2", event.get("id").asText());
        assertEquals("EVENT", event.get("objectType").asText());
        assertEquals(event.get("createdDateTime"), event.get("modificationDateTime"));
        assertEquals(List.of(), OpenAdrSchemas.bundled().violations("event", created.body()));
        final JsonNode sent = MAPPER.readTree(EVENING_PEAK);
        sent.fieldNames().forEachRemaining(field -> assertEquals(sent.get(field), event.get(field), field));
        assertEquals(403, send("POST", "/reports", "{}", token(bl)).statusCode(), "only VENs write reports");
    }

    @Test
    void shouldListEventsPagedByProgramAndServeThemById() throws Exception
    {
        vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        final String bl = token(form(BL_FORM));
        for (int i = 0; i < 60; i++)
        {
            assertEquals(201, send("POST", "/events", EVENING_PEAK.replace("evening peak", "peak " + i), bl)
                .statusCode());
        }
        final String ven = token(form(VEN_FORM));
        final JsonNode first = json(send("GET", "/events?programID=program-1&skip=0&limit=50", null, ven));
        assertEquals(50, first.size());
        assertEquals("event-1", first.get(0).get("id").asText());
        final JsonNode rest = json(send("GET", "/events?programID=program-1&skip=50&limit=50", null, ven));
        assertEquals(11, rest.size());
        assertEquals("peak 59", rest.get(10).get("eventName").asText());
        assertEquals("event-61", rest.get(10).get("id").asText());
        assertEquals(3, json(send("GET", "/events?skip=2&limit=3", null, ven)).size());
        assertEquals(0, json(send("GET", "/events?programID=program-9", null, ven)).size());
        assertEquals(problem(400, "Bad Request", "limit out of range 0..50: 51"),
            send("GET", "/events?limit=51", null, ven).body());

        final JsonNode byId = json(send("GET", "/events/event-7", null, ven));
        assertEquals("peak 5", byId.get("eventName").asText());
        assertEquals(problem(404, "Not Found", "no such event: event-99"),
            send("GET", "/events/event-99", null, ven).body());
    }

    @Test
    void shouldReplaceAndDeleteAnEventKeepingWhatTheVtnProvisioned() throws Exception
    {
        vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        final String bl = token(form(BL_FORM));
        final JsonNode created = json(send("POST", "/events", EVENING_PEAK, bl));
        final String later = EVENING_PEAK.replace("\"values\":[2]", "\"values\":[3]")
            .replace("\"programID\"", "\"id\":\"mine\",\"programID\"");
        final HttpResponse<String> put = send("PUT", "/events/event-2", later, bl);
        assertEquals(200, put.statusCode());
        final JsonNode replaced = json(put);
        assertEquals("event-2", replaced.get("id").asText(), "the VTN keeps the id it provisioned");
        assertEquals(created.get("createdDateTime"), replaced.get("createdDateTime"));
        assertEquals(3, replaced.get("intervals").get(0).get("payloads").get(0).get("values").get(0).asInt());
        assertEquals(404, send("PUT", "/events/event-9", later, bl).statusCode());
        assertEquals(403, send("DELETE", "/events/event-2", null, token(form(VEN_FORM))).statusCode());

        final HttpResponse<String> deleted = send("DELETE", "/events/event-2", null, bl);
        assertEquals(200, deleted.statusCode());
        assertEquals(replaced, json(deleted));
        assertEquals(404, send("GET", "/events/event-2", null, bl).statusCode());
        assertEquals(1, vtn.events().size());
    }

    @Test
    void shouldRefuseAnEventThatBreaksTheSchemaOrNamesAnUnknownProgram() throws Exception
    {
        vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        final String bl = token(form(BL_FORM));
        final HttpResponse<String> noIntervals = send("POST", "/events", "{\"programID\":\"program-1\"}", bl);
        assertEquals(problem(400, "Bad Request", "event refused: $: required property 'intervals' not found"),
            noIntervals.body());
        final HttpResponse<String> otherProgram = send("POST", "/events",
            EVENING_PEAK.replace("program-1", "program-2"), bl);
        assertEquals(problem(400, "Bad Request", "event refused: /programID: unknown program program-2 (the stub "
            + "serves program-1)"), otherProgram.body());
        final HttpResponse<String> badStart = send("POST", "/events",
            EVENING_PEAK.replace("2025-02-12T16:00:00Z", "2025-02-12 16:00"), bl);
        assertEquals(problem(400, "Bad Request", "event refused: /intervalPeriod/start: does not match the "
            + "date-time pattern must be a valid RFC 3339 date-time"), badStart.body());
        final HttpResponse<String> badDuration = send("POST", "/events", EVENING_PEAK.replace("PT4H", "4 hours"), bl);
        assertEquals(400, badDuration.statusCode());
        assertTrue(badDuration.body().contains("/intervalPeriod/duration: does not match the regex pattern"),
            badDuration.body());
        assertEquals(problem(400, "Bad Request", "event refused: /priority: must have a minimum value of 0"),
            send("POST", "/events", EVENING_PEAK.replace("\"priority\":0", "\"priority\":-1"), bl).body());
        assertEquals(1, vtn.events().size());
    }

    @Test
    void shouldAcceptReportsForAPublishedEventAndRefuseThoseForAnUnknownOne() throws Exception
    {
        vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        final Path file = write("[" + EVENING_PEAK + "]");
        assertEquals(List.of("event-2"), vtn.publishEvents(file));
        final String ven = token(form(VEN_FORM));
        final String report = "{\"programID\":\"program-1\",\"eventID\":\"EVENT\",\"clientName\":\"Herning\","
            + "\"resources\":[]}";
        assertEquals(201, send("POST", "/reports", report.replace("EVENT", "event-2"), ven).statusCode());
        assertEquals(problem(400, "Bad Request", "unknown program or event: programID=program-1 eventID=event-3"),
            send("POST", "/reports", report.replace("EVENT", "event-3"), ven).body());
    }

    @Test
    void shouldPublishAnEventsFileOnlyWhenEveryEventPasses() throws Exception
    {
        vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        final String second = EVENING_PEAK.replace("evening peak", "morning")
            .replace("{\"type\":\"SIMPLE\",\"values\":[2]}", "{\"values\":[2]}");
        final Path bad = write("[" + EVENING_PEAK + ",\n" + second + "]");
        final MetersimException refused = assertThrows(MetersimException.class, () -> vtn.publishEvents(bad));
        assertEquals("events file refused: event 2 of 2 (eventName \"morning\"): /intervals/0/payloads/0: required "
            + "property 'type' not found [file=" + bad + " event=2 field=/intervals/0/payloads/0]",
            refused.getMessage());
        assertEquals(1, vtn.events().size(), "nothing of a refused file is published");

        final Path broken = write("[" + EVENING_PEAK + ",\n{\"programID\": }]");
        final MetersimException notJson = assertThrows(MetersimException.class, () -> vtn.publishEvents(broken));
        assertTrue(notJson.getMessage().startsWith("events file is not valid JSON: line 2 column 15: Unexpected "
            + "character ('}'"), notJson.getMessage());
        final Path object = write(EVENING_PEAK);
        assertEquals("events file must hold a JSON array of OpenADR event objects, not a JSON object [file=" + object
            + "]", assertThrows(MetersimException.class, () -> vtn.publishEvents(object)).getMessage());
        final Path missing = dir.resolve("none.json");
        assertEquals("events file not found [file=" + missing + "]",
            assertThrows(MetersimException.class, () -> vtn.publishEvents(missing)).getMessage());

        final List<String> ids = vtn.publishEvents(write("[" + EVENING_PEAK + "," + EVENING_PEAK + "]"));
        assertEquals(List.of("event-2", "event-3"), ids);
        assertNotEquals(vtn.events().get(1), vtn.events().get(2));
    }

    private Path write(final String text) throws IOException
    {
        return Files.writeString(Files.createTempFile(dir, "events", ".json"), text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> form(final String body) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create(vtn.baseUri() + "/auth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(final HttpResponse<String> tokenAnswer) throws IOException
    {
        assertEquals(200, tokenAnswer.statusCode(), tokenAnswer.body());
        return json(tokenAnswer).get("access_token").asText();
    }

    private HttpResponse<String> send(final String method, final String path, final String body, final String token)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vtn.baseUri() + path))
            .header("Authorization", "Bearer " + token)
            .method(method, null == body
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(final HttpResponse<String> response) throws IOException
    {
        return MAPPER.readTree(response.body());
    }

    private static String problem(final int status, final String title, final String detail)
    {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
            + detail + "\"}";
    }
}
