package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The JSON a {@link TestVtn} answers with: its seeded program and event, VENs, resources and error bodies.
 */
final class VtnObjects
{
    static final String PROGRAM_ID = "program-1";
    static final String EVENT_ID = "event-1";

    private final ObjectMapper mapper = new ObjectMapper();
    private final String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    /**
     * @return the seeded program.
     */
    ObjectNode program()
    {
        final ObjectNode program = created(PROGRAM_ID, "PROGRAM");
        program.put("programName", "metersim-usage");
        program.put("programLongName", "metersim household usage reporting");
        return program;
    }

    /**
     * @return the seeded event, asking for USAGE reports in KWH.
     */
    ObjectNode event()
    {
        final ObjectNode event = created(EVENT_ID, "EVENT");
        event.put("programID", PROGRAM_ID);
        event.put("eventName", "hourly usage reports");
        final ObjectNode descriptor = event.putArray("reportDescriptors").addObject();
        descriptor.put("payloadType", "USAGE");
        descriptor.put("readingType", "DIRECT_READ");
        descriptor.put("units", "KWH");
        descriptor.put("aggregate", false);
        final ObjectNode interval = event.putArray("intervals").addObject();
        interval.put("id", 0);
        final ObjectNode payload = interval.putArray("payloads").addObject();
        payload.put("type", "SIMPLE");
        payload.putArray("values").add(0);
        return event;
    }

    private ObjectNode created(final String id, final String objectType)
    {
        final ObjectNode node = mapper.createObjectNode();
        node.put("id", id);
        node.put("createdDateTime", started);
        node.put("modificationDateTime", started);
        node.put("objectType", objectType);
        return node;
    }

    ObjectNode ven(final VtnStore.Ven ven)
    {
        final ObjectNode node = created(ven.id(), "VEN");
        node.put("createdDateTime", ven.created());
        node.put("modificationDateTime", ven.created());
        node.put("venName", ven.venName());
        return node;
    }

    ObjectNode resource(final VtnStore.Resource resource)
    {
        final ObjectNode node = created(resource.id(), "RESOURCE");
        node.put("createdDateTime", resource.created());
        node.put("modificationDateTime", resource.created());
        node.put("resourceName", resource.resourceName());
        node.put("venID", resource.venId());
        return node;
    }

    /**
     * @return an RFC 6749 {@code authError} body.
     */
    byte[] authError(final String error, final String description)
    {
        final ObjectNode node = mapper.createObjectNode();
        node.put("error", error);
        node.put("error_description", description);
        return bytes(node);
    }

    /**
     * @return an RFC 7807 {@code problem} body.
     */
    byte[] problem(final int status, final String detail)
    {
        final ObjectNode node = mapper.createObjectNode();
        node.put("type", "about:blank");
        node.put("title", title(status));
        node.put("status", status);
        node.put("detail", detail);
        return bytes(node);
    }

    private static String title(final int status)
    {
        switch (status)
        {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 409: return "Conflict";
            case 429: return "Too Many Requests";
            case 503: return "Service Unavailable";
            default: return "Internal Server Error";
        }
    }

    byte[] bytes(final JsonNode node)
    {
        try
        {
            return mapper.writeValueAsBytes(node);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot serialise a JSON tree", ex);
        }
    }

}
