package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metersim.core.ResourceSpec;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers VENs and their resources idempotently (an existing name is looked up and reused, a 409 too), and finds
 * the program and event reports belong to. Every VTN answer is read as the OpenADR 3.0.1 objects it should be.
 */
final class Registrar
{
    /** The program and event a report names. */
    record Target(String programId, String eventId)
    {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 50;

    private final VtnClient client;

    Registrar(final VtnClient client)
    {
        this.client = client;
    }

    /**
     * @param venName the VEN's name.
     * @return the VTN's id of the VEN, registered now or before.
     * @throws VtnException when the VTN refuses.
     */
    String ven(final String venName) throws InterruptedException
    {
        final String query = "/vens?venName=" + encode(venName);
        final String existing = idOf(list(query), "venName", venName);
        if (null != existing)
        {
            return existing;
        }
        final ObjectNode body = MAPPER.createObjectNode();
        body.put("venName", venName);
        final VtnClient.Answer answer = client.send("POST", "/vens", bytes(body));
        if (answer.status() == 409)
        {
            final String id = idOf(list(query), "venName", venName);
            if (null != id)
            {
                return id;
            }
        }
        return createdId(answer, "VEN registration refused", "POST /vens venName=" + venName);
    }

    /**
     * Registers the resources the VEN does not have yet; those it has keep their ids.
     *
     * @param venId     the VEN's id.
     * @param resources the resources to register; each is named by its resource id.
     * @return how many were registered now.
     * @throws VtnException when the VTN refuses.
     */
    int resources(final String venId, final List<ResourceSpec> resources) throws InterruptedException
    {
        final String path = "/vens/" + encode(venId) + "/resources";
        final Set<String> existing = new HashSet<>();
        for (final JsonNode resource : list(path))
        {
            existing.add(resource.path("resourceName").asText());
        }
        int created = 0;
        for (final ResourceSpec spec : resources)
        {
            if (existing.contains(spec.resourceId()))
            {
                continue;
            }
            final VtnClient.Answer answer = client.send("POST", path, bytes(resourceBody(venId, spec)));
            if (answer.status() != 409)
            {
                createdId(answer, "resource registration refused", "POST " + path + " resourceName="
                    + spec.resourceId());
                created++;
            }
        }
        return created;
    }

    /**
     * @param programId the configured program, or empty to take the first program with a fitting event.
     * @param eventId   the configured event, or empty to find one whose report descriptors ask for USAGE.
     * @return the program and event to report to.
     * @throws VtnException when no fitting program or event exists; a configured id the VTN does not list is named,
     *                      also when both ids are configured (a pair is checked, never trusted).
     */
    Target target(final String programId, final String eventId) throws InterruptedException
    {
        final List<String> listed = new ArrayList<>();
        for (final JsonNode program : list("/programs"))
        {
            listed.add(program.path("id").asText());
        }
        if (!programId.isEmpty() && !listed.contains(programId))
        {
            throw new VtnException("unknown program: the VTN lists no program " + programId, "GET /programs", 200,
                "programs=" + listed);
        }
        final List<String> programs = programId.isEmpty() ? listed : List.of(programId);
        final List<String> events = new ArrayList<>();
        for (final String program : programs)
        {
            for (final JsonNode event : list("/events?programID=" + encode(program)))
            {
                final String id = event.path("id").asText();
                events.add(id);
                if ((eventId.isEmpty() || eventId.equals(id)) && asksForUsage(event))
                {
                    return new Target(program, id);
                }
            }
        }
        if (!eventId.isEmpty())
        {
            throw new VtnException(events.contains(eventId)
                ? "event " + eventId + " does not ask for USAGE reports"
                : "unknown event: no program of the VTN lists event " + eventId, "GET /programs, GET /events", 200,
                "programs=" + programs + " events=" + events);
        }
        throw new VtnException("no event asks for USAGE reports", "GET /programs, GET /events", 200,
            "programs=" + programs + " events=" + events);
    }

    private static boolean asksForUsage(final JsonNode event)
    {
        for (final JsonNode descriptor : event.path("reportDescriptors"))
        {
            if ("USAGE".equals(descriptor.path("payloadType").asText()))
            {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode resourceBody(final String venId, final ResourceSpec spec)
    {
        final ObjectNode body = MAPPER.createObjectNode();
        body.put("resourceName", spec.resourceId());
        body.put("venID", venId);
        final ArrayNode attributes = body.putArray("attributes");
        attribute(attributes, "RESOURCE_NAME", spec.resourceName());
        attribute(attributes, "METER_POINT_ID", spec.meterPointId());
        attribute(attributes, "RESOURCE_TYPE", spec.resourceType());
        return body;
    }

    private static void attribute(final ArrayNode attributes, final String type, final String value)
    {
        if (!value.isEmpty())
        {
            final ObjectNode attribute = attributes.addObject();
            attribute.put("type", type);
            attribute.putArray("values").add(value);
        }
    }

    /**
     * @return every object of a listing, read page by page ({@code skip}/{@code limit} 50).
     */
    private List<JsonNode> list(final String pathAndQuery) throws InterruptedException
    {
        final List<JsonNode> all = new ArrayList<>();
        final String separator = pathAndQuery.contains("?") ? "&" : "?";
        for (int skip = 0; ; skip += PAGE)
        {
            final String path = pathAndQuery + separator + "skip=" + skip + "&limit=" + PAGE;
            final VtnClient.Answer answer = client.send("GET", path, null);
            if (!answer.ok())
            {
                throw new VtnException("listing refused", "GET " + path, answer.status(), answer.detail());
            }
            final JsonNode page = parse(answer, "GET " + path);
            if (!page.isArray())
            {
                throw new VtnException("listing is not a JSON array", "GET " + path, answer.status(), answer.body());
            }
            page.forEach(all::add);
            if (page.size() < PAGE)
            {
                return all;
            }
        }
    }

    private static String idOf(final List<JsonNode> objects, final String field, final String value)
    {
        for (final JsonNode object : objects)
        {
            if (value.equals(object.path(field).asText()) && object.hasNonNull("id"))
            {
                return object.get("id").asText();
            }
        }
        return null;
    }

    private static String createdId(final VtnClient.Answer answer, final String problem, final String request)
    {
        if (!answer.ok())
        {
            throw new VtnException(problem, request, answer.status(), answer.detail());
        }
        final JsonNode id = parse(answer, request).get("id");
        if (null == id || !id.isTextual())
        {
            throw new VtnException(problem + ": answer has no id", request, answer.status(), answer.body());
        }
        return id.asText();
    }

    private static JsonNode parse(final VtnClient.Answer answer, final String request)
    {
        try
        {
            return MAPPER.readTree(answer.body());
        }
        catch (final IOException ex)
        {
            throw new VtnException("answer is not JSON", request, answer.status(), answer.body());
        }
    }

    private static byte[] bytes(final ObjectNode body)
    {
        try
        {
            return MAPPER.writeValueAsBytes(body);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot serialise a JSON tree", ex);
        }
    }

    private static String encode(final String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
