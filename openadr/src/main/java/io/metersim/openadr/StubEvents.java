package io.metersim.openadr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metersim.core.MetersimException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a {@link TestVtn} publishes: the seeded {@code event-1}, which asks for USAGE reports, and every event
 * posted to it or read from an events file. The stub provisions what the specification says the VTN provisions:
 * {@code id} ({@code event-<n>}), {@code createdDateTime}, {@code modificationDateTime} and {@code objectType}.
 * Every event is checked against the bundled {@code event} schema (which checks the date-time and duration formats
 * too), and its {@code programID} must be a program the stub serves. Thread-safe; a stored event is never changed
 * (PUT replaces it).
 */
final class StubEvents
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenAdrSchemas schemas;
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();
    private int nextId = 2;

    StubEvents(final OpenAdrSchemas schemas, final ObjectNode seeded)
    {
        this.schemas = schemas;
        events.put(seeded.get("id").asText(), seeded);
    }

    /**
     * @param event an event as a client sends it.
     * @return what is wrong with it (schema violations, unknown program), or null when it is fine.
     */
    String problem(final JsonNode event)
    {
        if (!event.isObject())
        {
            return "an event must be a JSON object, not " + event.getNodeType().toString().toLowerCase();
        }
        final List<String> violations = schemas.violations("event", event.toString());
        if (!violations.isEmpty())
        {
            return String.join("; ", violations);
        }
        final String programId = event.get("programID").asText();
        if (!VtnObjects.PROGRAM_ID.equals(programId))
        {
            return "/programID: unknown program " + programId + " (the stub serves " + VtnObjects.PROGRAM_ID + ")";
        }
        return null;
    }

    /**
     * Publishes a checked event under a new id.
     *
     * @param event the event; not kept (a provisioned copy is).
     * @param now   the creation time, ISO-8601 UTC.
     * @return the stored event.
     */
    synchronized ObjectNode add(final JsonNode event, final String now)
    {
        final String id = "event-" + nextId++;
        final ObjectNode stored = provisioned(event, id, now, now);
        events.put(id, stored);
        return stored;
    }

    /**
     * @return the replaced event, or null when no event has this id.
     */
    synchronized ObjectNode replace(final String id, final JsonNode event, final String now)
    {
        final ObjectNode old = events.get(id);
        if (null == old)
        {
            return null;
        }
        final ObjectNode stored = provisioned(event, id, old.get("createdDateTime").asText(), now);
        events.put(id, stored);
        return stored;
    }

    /**
     * @return the deleted event, or null when no event has this id.
     */
    synchronized ObjectNode remove(final String id)
    {
        return events.remove(id);
    }

    synchronized ObjectNode get(final String id)
    {
        return events.get(id);
    }

    /**
     * @param programId the program to list, or null for every program.
     * @return the events, in creation order.
     */
    synchronized List<ObjectNode> list(final String programId)
    {
        final List<ObjectNode> listed = new ArrayList<>();
        for (final ObjectNode event : events.values())
        {
            if (null == programId || programId.equals(event.get("programID").asText()))
            {
                listed.add(event);
            }
        }
        return listed;
    }

    /**
     * @return true when the stub publishes this event and it belongs to this program.
     */
    synchronized boolean exists(final String programId, final String eventId)
    {
        final ObjectNode event = null == eventId ? null : events.get(eventId);
        return null != event && event.get("programID").asText().equals(programId);
    }

    private static ObjectNode provisioned(final JsonNode event, final String id, final String created,
        final String modified)
    {
        final ObjectNode stored = MAPPER.createObjectNode();
        stored.put("id", id);
        stored.put("createdDateTime", created);
        stored.put("modificationDateTime", modified);
        stored.put("objectType", "EVENT");
        event.fields().forEachRemaining(field ->
        {
            if (!stored.has(field.getKey()))
            {
                stored.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return stored;
    }

    /**
     * Reads an events file: a JSON array of OpenADR 3.0.1 {@code event} objects, each checked as {@link #problem}
     * does. Nothing is published unless every event is fine.
     *
     * @param file    the file.
     * @param checker the events that check each one.
     * @return the events, in file order.
     * @throws MetersimException naming the file, the event (position and name) and the field at fault.
     */
    static List<JsonNode> readFile(final Path file, final StubEvents checker)
    {
        final JsonNode root = parseFile(file);
        if (root.isMissingNode())
        {
            throw new MetersimException("events file is empty; it must hold a JSON array of OpenADR event objects"
                + " [file=" + file + "]");
        }
        if (!root.isArray())
        {
            throw new MetersimException("events file must hold a JSON array of OpenADR event objects, not a JSON "
                + root.getNodeType().toString().toLowerCase() + " [file=" + file + "]");
        }
        final List<JsonNode> read = new ArrayList<>();
        for (int i = 0; i < root.size(); i++)
        {
            final JsonNode event = root.get(i);
            final String problem = checker.problem(event);
            if (null != problem)
            {
                final String name = event.path("eventName").isTextual()
                    ? " (eventName \"" + event.get("eventName").asText() + "\")" : "";
                final String field = problem.startsWith("/") || problem.startsWith("$")
                    ? problem.substring(0, Math.max(1, problem.indexOf(':'))) : "$";
                throw new MetersimException("events file refused: event " + (i + 1) + " of " + root.size() + name
                    + ": " + problem + " [file=" + file + " event=" + (i + 1) + " field=" + field + "]");
            }
            read.add(event);
        }
        return read;
    }

    private static JsonNode parseFile(final Path file)
    {
        try
        {
            return MAPPER.readTree(Files.readAllBytes(file));
        }
        catch (final JsonProcessingException ex)
        {
            throw new MetersimException("events file is not valid JSON: line " + ex.getLocation().getLineNr()
                + " column " + ex.getLocation().getColumnNr() + ": " + ex.getOriginalMessage() + " [file=" + file
                + "]", ex);
        }
        catch (final NoSuchFileException ex)
        {
            throw new MetersimException("events file not found [file=" + file + "]", ex);
        }
        catch (final IOException ex)
        {
            throw new MetersimException("cannot read the events file: " + ex.getMessage() + " [file=" + file + "]",
                ex);
        }
    }
}
