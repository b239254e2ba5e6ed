package io.metersim.openadr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.metersim.core.Failures;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Serves the OpenADR 3.0.1 API of a {@link TestVtn}: token, programs, events, VENs, resources and reports. Every
 * operation needs a bearer token holding the scope the specification's {@code oAuth2ClientCredentials} security
 * names for it ({@code read_all} to read, {@code write_events}, {@code write_reports}, {@code write_vens} to write);
 * a token without it is answered 403.
 */
final class VtnHandler implements HttpHandler
{
    private static final int MAX_LIMIT = 50;
    private static final String JSON = "application/json";
    /** What a VEN client may do: read, report, register itself and subscribe (the specification's VEN scopes). */
    static final Set<String> VEN_SCOPES = Set.of("read_all", "write_reports", "write_vens", "write_subscriptions");
    /** What the business-logic client may do: read, write programs and events, VENs and subscriptions. */
    static final Set<String> BL_SCOPES = Set.of("read_all", "write_programs", "write_events", "write_vens",
        "write_subscriptions");

    private final TestVtnOptions options;
    private final VtnStore store;
    private final FaultPlan faults;
    private final OpenAdrSchemas schemas;
    private final StubEvents events;
    private final ObjectMapper mapper = new ObjectMapper();
    private final VtnObjects objects;

    VtnHandler(final TestVtnOptions options, final VtnStore store, final FaultPlan faults, final OpenAdrSchemas schemas,
        final VtnObjects objects, final StubEvents events)
    {
        this.options = options;
        this.store = store;
        this.faults = faults;
        this.schemas = schemas;
        this.objects = objects;
        this.events = events;
    }

    /** One answer: status, JSON body and the optional headers a client acts on. */
    private record Reply(int status, byte[] body, String retryAfter)
    {
        Reply(final int status, final byte[] body)
        {
            this(status, body, null);
        }
    }

    /** Thrown inside routing to answer with a problem; never leaves the handler. */
    private static final class Refusal extends Exception
    {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(final int status, final String detail)
        {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            final byte[] body = exchange.getRequestBody().readAllBytes();
            store.sawConnection(String.valueOf(exchange.getRemoteAddress()));
            // a slow VTN is slow to take reports; look-ups stay quick, so a reporter still connects and registers
            if (options.latencyMillis() > 0 && "POST".equals(exchange.getRequestMethod())
                && exchange.getRequestURI().getPath().endsWith("/reports"))
            {
                TimeUnit.MILLISECONDS.sleep(options.latencyMillis());
            }
            Reply reply;
            try
            {
                reply = route(exchange, body);
            }
            catch (final Refusal refusal)
            {
                reply = new Reply(refusal.status, objects.problem(refusal.status, refusal.getMessage()));
            }
            catch (final RuntimeException ex)
            {
                reply = new Reply(500, objects.problem(500, "stub failure: " + Failures.describe(ex)));
            }
            send(exchange, reply);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private Reply route(final HttpExchange exchange, final byte[] body) throws Refusal
    {
        final String method = exchange.getRequestMethod();
        final String rawPath = exchange.getRequestURI().getRawPath();
        if (!rawPath.startsWith(options.basePath() + "/"))
        {
            throw new Refusal(404, "no such operation: " + method + " " + rawPath);
        }
        final String path = rawPath.substring(options.basePath().length());
        final String query = exchange.getRequestURI().getRawQuery();
        if ("POST".equals(method) && "/auth/token".equals(path))
        {
            return token(exchange, body);
        }
        final String token = authorize(exchange.getRequestHeaders().getFirst("Authorization"));
        final FaultPlan.Fault fault = faults.decide(method, path + "?" + query, body);
        if (fault == FaultPlan.Fault.SERVER_ERROR)
        {
            return new Reply(503, objects.problem(503, "injected fault"));
        }
        if (fault == FaultPlan.Fault.TOO_MANY_REQUESTS)
        {
            return new Reply(429, objects.problem(429, "injected fault"),
                Integer.toString(options.retryAfterSeconds()));
        }
        final Map<String, String> params = parseQuery(query);
        final String[] segments = path.split("/");
        final boolean venChild = segments.length == 4 && "vens".equals(segments[1]);
        final boolean eventById = segments.length == 3 && "events".equals(segments[1]);
        final String route = method + " " + (venChild ? "/vens/{venID}/" + segments[3]
            : eventById ? "/events/{eventID}" : path);
        requireScope(token, route);
        switch (route)
        {
            case "GET /programs":
                return list(List.of(objects.program()), params);
            case "GET /events":
                return list(events.list(params.get("programID")), params);
            case "POST /events":
                return createEvent(body);
            case "GET /events/{eventID}":
                return new Reply(200, objects.bytes(existing(segments[2], events.get(segments[2]))));
            case "PUT /events/{eventID}":
                return replaceEvent(segments[2], body);
            case "DELETE /events/{eventID}":
                return new Reply(200, objects.bytes(existing(segments[2], events.remove(segments[2]))));
            case "POST /reports":
                return report(body);
            case "POST /vens":
                return createVen(body);
            case "GET /vens":
                return listVens(params);
            case "POST /vens/{venID}/resources":
                return createResource(segments[2], body);
            case "GET /vens/{venID}/resources":
                return listResources(segments[2], params);
            default:
                throw new Refusal(404, "no such operation: " + method + " " + path);
        }
    }

    /**
     * Refuses with 403 a token that lacks the scope the specification asks for the operation.
     */
    private void requireScope(final String token, final String route) throws Refusal
    {
        final String scope = route.startsWith("GET ") ? "read_all"
            : route.endsWith(" /reports") ? "write_reports"
            : route.contains(" /events") ? "write_events"
            : route.contains(" /vens") ? "write_vens" : null;
        final Set<String> granted = store.scopes(token);
        if (null != scope && !granted.contains(scope))
        {
            throw new Refusal(403, route + " needs scope " + scope + "; the token grants "
                + String.join(" ", new TreeSet<>(granted)));
        }
    }

    private Reply createEvent(final byte[] body) throws Refusal
    {
        return new Reply(201, objects.bytes(events.add(checkedEvent(body), now())));
    }

    private Reply replaceEvent(final String id, final byte[] body) throws Refusal
    {
        final JsonNode event = checkedEvent(body);
        return new Reply(200, objects.bytes(existing(id, events.replace(id, event, now()))));
    }

    private JsonNode checkedEvent(final byte[] body) throws Refusal
    {
        final JsonNode event;
        try
        {
            event = mapper.readTree(body);
        }
        catch (final IOException ex)
        {
            throw new Refusal(400, "event is not valid JSON: " + oneLine(ex));
        }
        final String problem = events.problem(event);
        if (null != problem)
        {
            final String detail = "event refused: " + problem;
            store.addRejection(detail);
            throw new Refusal(400, detail);
        }
        return event;
    }

    private static String oneLine(final IOException ex)
    {
        final String message = ex instanceof JsonProcessingException
            ? ((JsonProcessingException)ex).getOriginalMessage() : ex.getMessage();
        return String.valueOf(message).replace('\n', ' ');
    }

    private static ObjectNode existing(final String id, final ObjectNode event) throws Refusal
    {
        if (null == event)
        {
            throw new Refusal(404, "no such event: " + id);
        }
        return event;
    }

    private Reply token(final HttpExchange exchange, final byte[] body) throws Refusal
    {
        final Map<String, String> form = parseQuery(new String(body, StandardCharsets.UTF_8));
        final String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (null != basic && basic.startsWith("Basic ") && !form.containsKey("client_id"))
        {
            final String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            final int colon = pair.indexOf(':');
            form.put("client_id", pair.substring(0, Math.max(0, colon)));
            form.put("client_secret", pair.substring(colon + 1));
        }
        final ObjectNode request = mapper.createObjectNode();
        form.forEach(request::put);
        final List<String> violations = schemas.violations("clientCredentialRequest", request.toString());
        if (!violations.isEmpty())
        {
            return new Reply(400, objects.authError("invalid_request", String.join("; ", violations)));
        }
        final Set<String> allowed = allowedScopes(form.get("client_id"), form.get("client_secret"));
        if (null == allowed)
        {
            return new Reply(401, objects.authError("invalid_client", "unknown client or wrong secret"));
        }
        final Set<String> granted = new LinkedHashSet<>();
        for (final String scope : form.getOrDefault("scope", "").trim().split(" +"))
        {
            if (!scope.isEmpty() && !allowed.contains(scope))
            {
                return new Reply(400, objects.authError("invalid_scope", "client " + form.get("client_id")
                    + " may not have scope " + scope));
            }
            if (!scope.isEmpty())
            {
                granted.add(scope);
            }
        }
        final Set<String> scopes = granted.isEmpty() ? new TreeSet<>(allowed) : granted;
        final ObjectNode reply = mapper.createObjectNode();
        reply.put("access_token", store.issueToken(TimeUnit.SECONDS.toNanos(options.tokenLifetimeSeconds()), scopes));
        reply.put("token_type", "Bearer");
        reply.put("expires_in", options.tokenLifetimeSeconds());
        reply.put("scope", String.join(" ", scopes));
        return new Reply(200, objects.bytes(reply));
    }

    /**
     * @return the scopes this client may hold: the VEN client's or the business-logic client's; null when the
     *     credentials are neither.
     */
    private Set<String> allowedScopes(final String clientId, final String clientSecret)
    {
        if (options.clientId().equals(clientId) && options.clientSecret().equals(clientSecret))
        {
            return VEN_SCOPES;
        }
        if (TestVtnOptions.BL_CLIENT_ID.equals(clientId) && TestVtnOptions.BL_CLIENT_SECRET.equals(clientSecret))
        {
            return BL_SCOPES;
        }
        return null;
    }

    /**
     * @return the bearer token, known, unexpired and within its request limit.
     */
    private String authorize(final String header) throws Refusal
    {
        if (null == header || !header.startsWith("Bearer "))
        {
            throw new Refusal(401, "missing bearer token");
        }
        final String token = header.substring(7);
        if (!store.useToken(token, options.tokenRequestLimit()))
        {
            throw new Refusal(401, "token unknown or expired");
        }
        return token;
    }

    private Reply report(final byte[] body) throws Refusal
    {
        final boolean needText = options.validate() || options.keepReports();
        final String json = needText ? new String(body, StandardCharsets.UTF_8) : null;
        if (options.validate())
        {
            checked("report", json);
            checkTarget(body);
        }
        final ObjectNode reply = mapper.createObjectNode();
        reply.put("id", store.addReport(json, body.length, options.keepReports()));
        reply.put("createdDateTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        reply.put("objectType", "REPORT");
        return new Reply(201, objects.bytes(reply));
    }

    /**
     * Refuses a report for another program or event than the seeded ones, reading only the top-level fields.
     */
    private void checkTarget(final byte[] body) throws Refusal
    {
        String programId = null;
        String eventId = null;
        try (JsonParser parser = mapper.getFactory().createParser(body))
        {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                parser.nextToken();
                if ("programID".equals(field))
                {
                    programId = parser.getText();
                }
                else if ("eventID".equals(field))
                {
                    eventId = parser.getText();
                }
                parser.skipChildren();
            }
        }
        catch (final IOException ex)
        {
            throw new Refusal(400, "report is not valid JSON: " + ex.getMessage());
        }
        if (!events.exists(programId, eventId))
        {
            final String detail = "unknown program or event: programID=" + programId + " eventID=" + eventId;
            store.addRejection(detail);
            throw new Refusal(400, detail);
        }
        store.countReportFor(eventId);
    }

    private Reply createVen(final byte[] body) throws Refusal
    {
        final JsonNode ven = checked("ven", new String(body, StandardCharsets.UTF_8));
        final String venName = text(ven, "venName");
        final VtnStore.Ven created = store.addVen(venName, now());
        if (null == created)
        {
            throw new Refusal(409, "ven already exists: " + venName);
        }
        return new Reply(201, objects.bytes(objects.ven(created)));
    }

    private Reply listVens(final Map<String, String> params) throws Refusal
    {
        final String venName = params.get("venName");
        final ArrayNode all = mapper.createArrayNode();
        for (final VtnStore.Ven ven : store.vens())
        {
            if (null == venName || venName.equals(ven.venName()))
            {
                all.add(objects.ven(ven));
            }
        }
        return page(all, params);
    }

    private Reply createResource(final String venId, final byte[] body) throws Refusal
    {
        if (null == store.venById(venId))
        {
            throw new Refusal(404, "no such ven: " + venId);
        }
        final JsonNode resource = checked("resource", new String(body, StandardCharsets.UTF_8));
        final String resourceName = text(resource, "resourceName");
        final VtnStore.Resource created = store.addResource(venId, resourceName, now());
        if (null == created)
        {
            throw new Refusal(409, "resource already exists: " + resourceName + " of ven " + venId);
        }
        return new Reply(201, objects.bytes(objects.resource(created)));
    }

    private Reply listResources(final String venId, final Map<String, String> params) throws Refusal
    {
        if (null == store.venById(venId))
        {
            throw new Refusal(404, "no such ven: " + venId);
        }
        final String resourceName = params.get("resourceName");
        final ArrayNode all = mapper.createArrayNode();
        for (final VtnStore.Resource resource : store.resources(venId))
        {
            if (null == resourceName || resourceName.equals(resource.resourceName()))
            {
                all.add(objects.resource(resource));
            }
        }
        return page(all, params);
    }

    private JsonNode checked(final String component, final String json) throws Refusal
    {
        if (options.validate())
        {
            final List<String> violations = schemas.violations(component, json);
            if (!violations.isEmpty())
            {
                final String detail = component + " violates the OpenADR 3.0.1 schema: "
                    + String.join("; ", violations);
                store.addRejection(detail);
                throw new Refusal(400, detail);
            }
        }
        if ("report".equals(component))
        {
            return null;
        }
        try
        {
            return mapper.readTree(json);
        }
        catch (final JsonProcessingException ex)
        {
            throw new Refusal(400, component + " is not valid JSON: " + ex.getOriginalMessage());
        }
    }

    private Reply list(final List<ObjectNode> items, final Map<String, String> params) throws Refusal
    {
        final ArrayNode all = mapper.createArrayNode();
        items.forEach(all::add);
        return page(all, params);
    }

    private Reply page(final ArrayNode all, final Map<String, String> params) throws Refusal
    {
        final int skip = intParam(params, "skip", 0, Integer.MAX_VALUE);
        final int limit = intParam(params, "limit", MAX_LIMIT, MAX_LIMIT);
        final ArrayNode page = mapper.createArrayNode();
        for (int i = skip; i < all.size() && page.size() < limit; i++)
        {
            page.add(all.get(i));
        }
        return new Reply(200, objects.bytes(page));
    }

    private static int intParam(final Map<String, String> params, final String name, final int fallback, final int max)
        throws Refusal
    {
        final String text = params.get(name);
        if (null == text)
        {
            return fallback;
        }
        try
        {
            final int value = Integer.parseInt(text);
            if (value < 0 || value > max)
            {
                throw new Refusal(400, name + " out of range 0.." + max + ": " + text);
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw new Refusal(400, name + " is not an integer: " + text);
        }
    }

    private static String text(final JsonNode node, final String field) throws Refusal
    {
        final JsonNode value = node.get(field);
        if (null == value || !value.isTextual())
        {
            throw new Refusal(400, "missing " + field);
        }
        return value.asText();
    }

    private static String now()
    {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Map<String, String> parseQuery(final String query)
    {
        final Map<String, String> params = new HashMap<>();
        if (null == query || query.isEmpty())
        {
            return params;
        }
        for (final String pair : query.split("&"))
        {
            final int eq = pair.indexOf('=');
            final String key = eq < 0 ? pair : pair.substring(0, eq);
            final String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void send(final HttpExchange exchange, final Reply reply) throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        if (null != reply.retryAfter())
        {
            exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
        }
        if (reply.status() == 401)
        {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(reply.body());
        }
    }
}
