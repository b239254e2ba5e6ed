package io.metersim.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metersim.core.SinkCounts;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message as a JSON parser reads it: kW from watts, VENs beyond {@code maxVens} summed, names escaped,
 * non-finite numbers as null, every sink's counts and the event.
 */
class TickJsonTest
{
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteTheAggregatesAsValidJson() throws Exception
    {
        final Snapshot s = new Snapshot(4, 2);
        s.tick = 41;
        s.index = 17;
        s.hasTimestamp = true;
        s.timestampMillis = 1_736_928_000_000L;
        s.resources = 9;
        s.readings = 17;
        s.missing = 1;
        s.totalWatts = 12_345.5;
        s.loadWatts[0] = 10_000.0;
        s.loadWatts[1] = 2_345.5;
        s.venCount = 3;
        s.venHandle[0] = 0;
        s.venHandle[1] = 2;
        s.venHandle[2] = 3;
        s.venWatts[0] = 1_500.0;
        s.venWatts[1] = 250.25;
        s.venWatts[2] = 10_595.25;
        s.venNanos[0] = 2_500;
        s.venResources[0] = 4;
        final Histogram latency = new Histogram(60_000_000_000L, 3);
        latency.recordValue(2_000);
        latency.recordValue(4_000);
        final TickJson.Derived derived = new TickJson.Derived(Double.NaN, latency,
            List.of(new SinkCounts("vtn", "reports", 5, 3, 2, 1, 1)), "event-1 \"SIMPLE\" level 2");
        final StringBuilder out = new StringBuilder();

        TickJson.write(out, s, List.of("Herning", "Aarhus", "K\u00f8ge \"Nord\"\n", "Vejle"),
            new String[] {"load_0", "load_1"}, 2, derived);
        final JsonNode m = json.readTree(out.toString());

        assertEquals(41, m.get("tick").asLong());
        assertEquals(17, m.get("index").asInt());
        assertEquals("2025-01-15T08:00:00Z", m.get("time").asText());
        assertEquals(12.3455, m.get("totalKw").asDouble(), 1e-12);
        assertEquals(2.3455, m.get("loadKw").get(1).asDouble(), 1e-12);
        assertEquals("K\u00f8ge \"Nord\"\n", m.get("venNames").get(1).asText());
        assertEquals(2, m.get("venNames").size(), "maxVens");
        assertEquals(0.25025, m.get("venKw").get(1).asDouble(), 1e-12);
        assertEquals(1, m.get("otherVens").asInt());
        assertEquals(10.59525, m.get("otherKw").asDouble(), 1e-12);
        assertEquals(2.5, m.get("venLatencyUs").get(0).asDouble(), 1e-12);
        assertTrue(m.get("tickRate").isNull(), "NaN is written as null");
        assertEquals(2.0, m.get("latencyUs").get("p50").asDouble(), 0.01);
        assertEquals(4.0, m.get("latencyUs").get("p99").asDouble(), 0.01);
        assertEquals("reports", m.get("sinks").get(0).get("unit").asText());
        assertEquals(2, m.get("sinks").get(0).get("retried").asLong());
        assertEquals("event-1 \"SIMPLE\" level 2", m.get("event").asText());
    }

    @Test
    void shouldEscapeControlAndLineSeparatorCharacters() throws Exception
    {
        final String nasty = "a\u0001b\u2028c\\d\te";
        final String written = JsonText.string(new StringBuilder(), nasty).toString();

        assertEquals("\"a\\u0001b\\u2028c\\\\d\\te\"", written);
        assertEquals(nasty, json.readTree(written).asText());
    }
}
