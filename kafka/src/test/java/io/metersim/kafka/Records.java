package io.metersim.kafka;

import io.metersim.core.FormulaFleet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks what a consumer read back against the run's own expectation, record by record.
 */
final class Records
{
    private static final Pattern VEN = Pattern.compile("\"ven\":\"([^\"]*)\"");
    private static final Pattern INDEX = Pattern.compile("\"index\":(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"total_w\":([-0-9.Ee]+)}$");

    private Records()
    {
    }

    /**
     * Every record read is one jsonl line of the run, none is missing and none is there twice; keys are the VENs,
     * each on one partition in tick order; the tick headers match the rows; each tick's watts sum exactly to the
     * formula's and to the loop's own total.
     *
     * @return records per tick header.
     */
    static Map<Long, Integer> verify(
        final List<ConsumerRecord<byte[], byte[]>> read,
        final ReferenceSink reference,
        final int meters,
        final long ticks,
        final int resourcesPerTick)
    {
        final List<String> values = new ArrayList<>(read.size());
        final Map<Long, Double> watts = new TreeMap<>();
        final Map<Long, Integer> perTick = new TreeMap<>();
        final Map<String, Integer> partitionOf = new HashMap<>();
        final Map<String, Long> lastTick = new HashMap<>();
        for (final ConsumerRecord<byte[], byte[]> record : read)
        {
            final String value = new String(record.value(), StandardCharsets.UTF_8);
            values.add(value);
            final String key = new String(record.key(), StandardCharsets.UTF_8);
            assertEquals(key, group(VEN, value), "key is the VEN: " + value);
            final long tick = Long.parseLong(header(record, Lane.TICK_HEADER));
            final int index = Integer.parseInt(header(record, Lane.INDEX_HEADER));
            assertEquals(index, Integer.parseInt(group(INDEX, value)), "index header: " + value);
            assertEquals(tick, index, "raw time from row 0: tick t reads row t");
            final Integer partition = partitionOf.putIfAbsent(key, record.partition());
            assertTrue(null == partition || partition == record.partition(), "one partition per VEN: " + key);
            final Long previous = lastTick.put(key, tick);
            assertTrue(null == previous || previous <= tick, "a VEN's ticks in order: " + key + " " + previous
                + " then " + tick);
            watts.merge(tick, Double.parseDouble(group(TOTAL, value)), Double::sum);
            perTick.merge(tick, 1, Integer::sum);
        }
        final List<String> expected = new ArrayList<>(reference.lines);
        Collections.sort(expected);
        Collections.sort(values);
        assertEquals(ticks * resourcesPerTick, expected.size(), "the reference saw every resource of every tick");
        assertEquals(expected.size(), values.size(), "records read back");
        assertEquals(expected, values, "every record is one jsonl line of the run, exactly once");
        assertEquals(ticks, perTick.size(), "ticks read back");
        for (long t = 0; t < ticks; t++)
        {
            assertEquals(resourcesPerTick, perTick.get(t), "records of tick " + t);
            assertEquals(FormulaFleet.expectedTickWatts(meters, (int)t), watts.get(t), "watts of tick " + t);
            assertEquals(reference.tickWatts.get((int)t), watts.get(t), "watts of tick " + t + " as the loop summed");
        }
        return perTick;
    }

    static String header(final ConsumerRecord<byte[], byte[]> record, final String name)
    {
        final Header header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name);
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    private static String group(final Pattern pattern, final String value)
    {
        final Matcher matcher = pattern.matcher(value);
        assertTrue(matcher.find(), pattern + " in " + value);
        return matcher.group(1);
    }
}
