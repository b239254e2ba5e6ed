package io.metersim.openadr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metersim.core.EventTimeline;
import io.metersim.core.MetersimException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenADR 3.0.1 {@code event} objects in, an {@link EventTimeline} out: a JSON array of events (an events file, or
 * the body of {@code GET /events}), each checked against the bundled {@code event} schema, then read:
 * <ul>
 * <li>{@code intervalPeriod} of the event gives the start, the default interval duration and {@code randomizeStart};
 *     an interval's own {@code intervalPeriod} overrides start and duration. An interval without one follows the
 *     one before it: interval {@code i} starts at {@code start + i * duration}.</li>
 * <li>Durations {@code PT0S} (the default) mean open-ended; years and months are calendar years and months from the
 *     start, in UTC ({@code P9999Y} is in practice open-ended).</li>
 * <li>Targets of type {@code VEN_NAME} and {@code RESOURCE_NAME} are kept as such; a target of any other type
 *     ({@code GROUP}, {@code POWER_SERVICE_LOCATION}...) cannot be matched by a simulated VEN and is kept as the VEN
 *     name {@code <TYPE>:<value>}, which matches no VEN (and is warned about by the response).</li>
 * <li>Every payload is kept with its type; its value is the first of {@code values} when that is a number, else
 *     NaN. {@code priority} null is {@link EventTimeline#NO_PRIORITY}.</li>
 * </ul>
 * A bad document is refused whole with one {@link EventDocumentException} naming the source, the event (index and
 * name) and the field.
 */
public final class EventDocuments
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ISO_DURATION = Pattern.compile(
        "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");
    private static final OpenAdrSchemas SCHEMAS = OpenAdrSchemas.bundled();

    private EventDocuments()
    {
    }

    /**
     * @param file a JSON array of OpenADR 3.0.1 events.
     * @return the events, in file order.
     * @throws EventDocumentException when the file cannot be read or an event is not valid.
     */
    public static EventTimeline read(final Path file)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new EventDocumentException("events file not found", file.toString(), -1, "", "");
        }
        catch (final IOException ex)
        {
            throw new EventDocumentException("cannot read events file: " + ex.getMessage(), file.toString(), -1, "",
                "");
        }
        return parse(bytes, file.toString());
    }

    /**
     * @param json   a JSON array of OpenADR 3.0.1 events, UTF-8.
     * @param source where it comes from, for messages (a file, a URL).
     * @return the events, in document order.
     * @throws EventDocumentException when the text is not a JSON array of valid events.
     */
    public static EventTimeline parse(final byte[] json, final String source)
    {
        final JsonNode root;
        try
        {
            root = MAPPER.readTree(json);
        }
        catch (final JsonProcessingException ex)
        {
            throw new EventDocumentException("not valid JSON: " + ex.getOriginalMessage() + " at line "
                + ex.getLocation().getLineNr() + " column " + ex.getLocation().getColumnNr(), source, -1, "", "");
        }
        catch (final IOException ex)
        {
            throw new EventDocumentException("cannot read events: " + ex.getMessage(), source, -1, "", "");
        }
        if (null == root || !root.isArray())
        {
            throw new EventDocumentException("expected a JSON array of event objects", source, -1, "", "$");
        }
        final EventTimeline.Builder builder = EventTimeline.builder();
        for (int e = 0; e < root.size(); e++)
        {
            addEvent(builder, root.get(e), source, e);
        }
        return builder.build();
    }

    private static void addEvent(final EventTimeline.Builder builder, final JsonNode event, final String source,
        final int index)
    {
        final String name = text(event.path("eventName"));
        if (!event.isObject())
        {
            throw new EventDocumentException("an event must be a JSON object", source, index, "", "$");
        }
        final List<String> violations = SCHEMAS.violations("event", event.toString());
        if (!violations.isEmpty())
        {
            final String first = violations.get(0);
            final int colon = first.indexOf(": ");
            throw new EventDocumentException(first.substring(colon + 2), source, index, name,
                first.substring(0, colon));
        }
        final Reader reader = new Reader(source, index, name);
        final JsonNode period = event.path("intervalPeriod");
        final JsonNode intervals = event.get("intervals");
        final long start = reader.start(period, "/intervalPeriod", intervals);
        final long duration = reader.duration(period.path("duration"), start, "/intervalPeriod/duration");
        final long randomize = reader.duration(period.path("randomizeStart"), start,
            "/intervalPeriod/randomizeStart");
        final JsonNode priority = event.path("priority");
        builder.event(text(event.path("id")), name, event.get("programID").asText(),
            priority.isNumber() ? priority.asInt() : EventTimeline.NO_PRIORITY, start, duration, randomize);
        for (final JsonNode target : event.path("targets"))
        {
            final String type = target.get("type").asText();
            for (final JsonNode value : target.get("values"))
            {
                if ("VEN_NAME".equals(type))
                {
                    builder.venTarget(value.asText());
                }
                else if ("RESOURCE_NAME".equals(type))
                {
                    builder.resourceTarget(value.asText());
                }
                else
                {
                    builder.venTarget(type + ":" + value.asText());
                }
            }
        }
        long nextOffset = 0;
        for (int i = 0; i < intervals.size(); i++)
        {
            final JsonNode interval = intervals.get(i);
            final JsonNode own = interval.path("intervalPeriod");
            final String where = "/intervals/" + i + "/intervalPeriod";
            final long offset = own.isObject() ? reader.instant(own.path("start"), where + "/start") - start
                : nextOffset;
            final long length = own.isObject() && own.has("duration") && !own.get("duration").isNull()
                ? reader.duration(own.path("duration"), start + offset, where + "/duration") : duration;
            builder.interval(offset, length);
            nextOffset = length == EventTimeline.OPEN_ENDED ? offset : offset + length;
            for (final JsonNode payload : interval.get("payloads"))
            {
                final JsonNode first = payload.get("values").path(0);
                builder.payload(payload.get("type").asText(), first.isNumber() ? first.asDouble() : Double.NaN);
            }
        }
    }

    private static String text(final JsonNode node)
    {
        return node.isTextual() ? node.asText() : "";
    }

    /**
     * Reads times of one event, naming it and the field when one does not parse.
     */
    private static final class Reader
    {
        private final String source;
        private final int index;
        private final String name;

        Reader(final String source, final int index, final String name)
        {
            this.source = source;
            this.index = index;
            this.name = name;
        }

        long start(final JsonNode period, final String where, final JsonNode intervals)
        {
            if (period.isObject())
            {
                return instant(period.path("start"), where + "/start");
            }
            final JsonNode first = intervals.path(0).path("intervalPeriod");
            if (first.isObject())
            {
                return instant(first.path("start"), "/intervals/0/intervalPeriod/start");
            }
            throw new EventDocumentException("no start: neither the event nor its first interval has an "
                + "intervalPeriod", source, index, name, where);
        }

        long instant(final JsonNode node, final String where)
        {
            try
            {
                return OffsetDateTime.parse(node.asText()).toInstant().toEpochMilli();
            }
            catch (final DateTimeParseException ex)
            {
                throw new EventDocumentException("not an ISO-8601 date-time with offset, such as "
                    + "2025-01-15T16:00:00Z: " + node.asText(), source, index, name, where);
            }
        }

        long duration(final JsonNode node, final long from, final String where)
        {
            if (node.isMissingNode() || node.isNull())
            {
                return 0L;
            }
            final Matcher m = ISO_DURATION.matcher(node.asText());
            if (!m.matches())
            {
                throw new EventDocumentException("not a non-negative ISO-8601 duration such as PT4H: "
                    + node.asText(), source, index, name, where);
            }
            try
            {
                final Period calendar = Period.of(number(m.group(1)), number(m.group(2)),
                    7 * number(m.group(3)) + number(m.group(4)));
                final Duration clock = Duration.ofHours(number(m.group(5))).plusMinutes(number(m.group(6)))
                    .plusMillis(Math.round(1000 * (null == m.group(7) ? 0.0 : Double.parseDouble(m.group(7)))));
                final OffsetDateTime start = OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(from),
                    ZoneOffset.UTC);
                return Duration.between(start, start.plus(calendar).plus(clock)).toMillis();
            }
            catch (final ArithmeticException | java.time.DateTimeException | NumberFormatException ex)
            {
                throw new EventDocumentException("duration out of range: " + node.asText(), source, index, name,
                    where);
            }
        }

        private static int number(final String digits)
        {
            return null == digits ? 0 : Integer.parseInt(digits);
        }
    }
}
