package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestVtnTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FORM = "grant_type=client_credentials&client_id=metersim&client_secret=metersim-secret";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<TestVtn> started = new ArrayList<>();

    @AfterEach
    void stop()
    {
        started.forEach(TestVtn::close);
    }

    @Test
    void shouldIssueTokensOnlyForKnownClients() throws Exception
    {
        final TestVtn vtn = start(TestVtnOptions.defaults().withPort(0));
        final HttpResponse<String> ok = form(vtn, FORM);
        assertEquals(200, ok.statusCode());
        assertEquals("{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
            + "\"scope\":\"read_all write_reports write_subscriptions write_vens\"}", ok.body());

        final HttpResponse<String> wrong = form(vtn, FORM.replace("metersim-secret", "guess"));
        assertEquals(401, wrong.statusCode());
        assertEquals("{\"error\":\"invalid_client\",\"error_description\":\"unknown client or wrong secret\"}",
            wrong.body());

        final HttpResponse<String> noGrant = form(vtn, "client_id=metersim&client_secret=metersim-secret");
        assertEquals(400, noGrant.statusCode());
        assertEquals("{\"error\":\"invalid_request\",\"error_description\":\"$: required property 'grant_type' not "
            + "found\"}", noGrant.body());
        assertEquals(1, vtn.tokensIssued());
    }

    @Test
    void shouldRefuseRequestsWithoutAValidToken() throws Exception
    {
        final TestVtn vtn = start(TestVtnOptions.defaults().withPort(0));
        final HttpResponse<String> none = send(vtn, "GET", "/programs", null, null);
        assertEquals(401, none.statusCode());
        assertEquals(problem(401, "Unauthorized", "missing bearer token"), none.body());
        final HttpResponse<String> unknown = send(vtn, "GET", "/programs", null, "token-99");
        assertEquals(problem(401, "Unauthorized", "token unknown or expired"), unknown.body());
    }

    @Test
    void shouldRefuseATokenAfterItsRequestLimit() throws Exception
    {
        final TestVtn vtn = start(TestVtnOptions.defaults().withPort(0).withTokens(3600, 2));
        final String token = token(vtn);
        assertEquals(200, send(vtn, "GET", "/programs", null, token).statusCode());
        assertEquals(200, send(vtn, "GET", "/programs", null, token).statusCode());
        assertEquals(401, send(vtn, "GET", "/programs", null, token).statusCode());
        assertEquals(200, send(vtn, "GET", "/programs", null, token(vtn)).statusCode());
    }

    @Test
    void shouldRegisterVensAndResourcesAndRefuseDuplicateNames() throws Exception
    {
        final TestVtn vtn = start(TestVtnOptions.defaults().withPort(0));
        final String token = token(vtn);
        final HttpResponse<String> created = send(vtn, "POST", "/vens", "{\"venName\":\"Herning\"}", token);
        assertEquals(201, created.statusCode());
        assertEquals("ven-1", json(created).get("id").asText());
        final HttpResponse<String> again = send(vtn, "POST", "/vens", "{\"venName\":\"Herning\"}", token);
        assertEquals(409, again.statusCode());
        assertEquals(problem(409, "Conflict", "ven already exists: Herning"), again.body());

        assertEquals(201, send(vtn, "POST", "/vens/ven-1/resources", "{\"resourceName\":\"R1\"}", token).statusCode());
        final HttpResponse<String> duplicate = send(vtn, "POST", "/vens/ven-1/resources", "{\"resourceName\":\"R1\"}",
            token);
        assertEquals(problem(409, "Conflict", "resource already exists: R1 of ven ven-1"), duplicate.body());
        final HttpResponse<String> noVen = send(vtn, "POST", "/vens/ven-9/resources", "{\"resourceName\":\"R1\"}",
            token);
        assertEquals(problem(404, "Not Found", "no such ven: ven-9"), noVen.body());

        final JsonNode listed = json(send(vtn, "GET", "/vens?venName=Herning", null, token));
        assertEquals(1, listed.size());
        assertEquals("Herning", listed.get(0).get("venName").asText());
        assertEquals(0, json(send(vtn, "GET", "/vens?venName=Aarhus", null, token)).size());
        assertEquals("R1", json(send(vtn, "GET", "/vens/ven-1/resources", null, token)).get(0).get("resourceName")
            .asText());
        assertEquals(List.of("Herning"), vtn.venNames());
        assertEquals(List.of("R1"), vtn.resourceNames("Herning"));
    }

    @Test
    void shouldAnswer400WithTheSchemaViolations() throws Exception
    {
        final TestVtn vtn = start(TestVtnOptions.defaults().withPort(0));
        final String token = token(vtn);
        final HttpResponse<String> bad = send(vtn, "POST", "/vens", "{\"venName\":\"\"}", token);
        final String detail = "ven violates the OpenADR 3.0.1 schema: /venName: must be at least 1 characters long";
        assertEquals(400, bad.statusCode());
        assertEquals(problem(400, "Bad Request", detail), bad.body());

        final HttpResponse<String> report = send(vtn, "POST", "/reports", "{\"programID\":\"program-1\"}", token);
        final String reportDetail = "report violates the OpenADR 3.0.1 schema: $: required property 'eventID' not "
            + "found; $: required property 'clientName' not found; $: required property 'resources' not found";
        assertEquals(problem(400, "Bad Request", reportDetail), report.body());

        final HttpResponse<String> otherProgram = send(vtn, "POST", "/reports",
            "{\"programID\":\"p9\",\"eventID\":\"event-1\",\"clientName\":\"Herning\",\"resources\":[]}", token);
        final String programDetail = "unknown program or event: programID=p9 eventID=event-1";
        assertEquals(problem(400, "Bad Request", programDetail), otherProgram.body());
        assertEquals(List.of(detail, reportDetail, programDetail), vtn.rejections());
        assertEquals(0, vtn.reportCount());
    }

    @Test
    void shouldServeASchemaValidProgramAndAnEventAskingForUsage() throws Exception
    {
        final TestVtn vtn = start(TestVtnOptions.defaults().withPort(0));
        final String token = token(vtn);
        final OpenAdrSchemas schemas = OpenAdrSchemas.bundled();
        final JsonNode programs = json(send(vtn, "GET", "/programs", null, token));
        assertEquals(1, programs.size());
        assertEquals(List.of(), schemas.violations("program", programs.get(0).toString()));
        assertEquals(vtn.programId(), programs.get(0).get("id").asText());

        final JsonNode events = json(send(vtn, "GET", "/events?programID=" + vtn.programId(), null, token));
        assertEquals(1, events.size());
        assertEquals(List.of(), schemas.violations("event", events.get(0).toString()));
        assertEquals(vtn.eventId(), events.get(0).get("id").asText());
        assertEquals("USAGE", events.get(0).get("reportDescriptors").get(0).get("payloadType").asText());
        assertEquals(0, json(send(vtn, "GET", "/events?programID=other", null, token)).size());
    }

    @Test
    void shouldPaginateWithSkipAndLimitUpToFifty() throws Exception
    {
        final TestVtn vtn = start(TestVtnOptions.defaults().withPort(0));
        final String token = token(vtn);
        for (int i = 0; i < 60; i++)
        {
            assertEquals(201, send(vtn, "POST", "/vens", "{\"venName\":\"V" + i + "\"}", token).statusCode());
        }
        assertEquals(50, json(send(vtn, "GET", "/vens", null, token)).size());
        final JsonNode rest = json(send(vtn, "GET", "/vens?skip=50&limit=50", null, token));
        assertEquals(10, rest.size());
        assertEquals("V50", rest.get(0).get("venName").asText());
        assertEquals(problem(400, "Bad Request", "limit out of range 0..50: 51"),
            send(vtn, "GET", "/vens?limit=51", null, token).body());
    }

    @Test
    void shouldInjectTheSameFaultsForTheSameSeed() throws Exception
    {
        final TestVtnOptions faulty = TestVtnOptions.defaults().withPort(0).withFaults(11, 0.3, 0.2, 7, 2);
        final List<Integer> first = statusesOfRetriedRegistrations(start(faulty));
        final List<Integer> second = statusesOfRetriedRegistrations(start(faulty));
        final List<Integer> otherSeed = statusesOfRetriedRegistrations(start(faulty.withFaults(12, 0.3, 0.2, 7, 2)));
        assertEquals(first, second);
        assertNotEquals(first, otherSeed);
        assertTrue(first.contains(503) && first.contains(429), first.toString());
        assertEquals(40, first.stream().filter(status -> status == 201).count());
        final TestVtn vtn = started.get(0);
        assertEquals(first.stream().filter(status -> status == 503).count(), vtn.injectedServerErrors());
        assertEquals(first.stream().filter(status -> status == 429).count(), vtn.injectedTooManyRequests());
    }

    @Test
    void shouldSendRetryAfterWithA429() throws Exception
    {
        final TestVtn vtn = start(TestVtnOptions.defaults().withPort(0).withFaults(1, 0.0, 1.0, 7, 1));
        final String token = token(vtn);
        final HttpResponse<String> refused = send(vtn, "GET", "/programs", null, token);
        assertEquals(429, refused.statusCode());
        assertEquals("7", refused.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, send(vtn, "GET", "/programs", null, token).statusCode());
    }

    private List<Integer> statusesOfRetriedRegistrations(final TestVtn vtn) throws Exception
    {
        final String token = token(vtn);
        final List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++)
        {
            int status;
            do
            {
                status = send(vtn, "POST", "/vens", "{\"venName\":\"V" + i + "\"}", token).statusCode();
                statuses.add(status);
            }
            while (status != 201);
        }
        return statuses;
    }

    private TestVtn start(final TestVtnOptions options)
    {
        final TestVtn vtn = TestVtn.start(options);
        started.add(vtn);
        assertEquals("127.0.0.1", vtn.baseUri().getHost());
        return vtn;
    }

    private String token(final TestVtn vtn) throws Exception
    {
        return json(form(vtn, FORM)).get("access_token").asText();
    }

    private HttpResponse<String> form(final TestVtn vtn, final String body) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create(vtn.baseUri() + "/auth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(
        final TestVtn vtn, final String method, final String path, final String body, final String token)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vtn.baseUri() + path))
            .method(method, null == body
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (null != token)
        {
            request.header("Authorization", "Bearer " + token);
        }
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
