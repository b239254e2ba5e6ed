package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up the BASELINE and DELTA_USAGE payloads of reports per event and VEN, as a VTN evaluating an event would:
 * {@code KWH} values as they are, {@code KW} values times their interval's hours. Not on any hot path.
 */
final class ReportSums
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private ReportSums()
    {
    }

    static List<TestVtn.ReportTotals> of(final List<String> reports)
    {
        final Map<String, double[]> sums = new TreeMap<>();
        for (final String text : reports)
        {
            final JsonNode report = read(text);
            final boolean baselineKw = kw(report, "BASELINE");
            final boolean deltaKw = kw(report, "DELTA_USAGE");
            double[] sum = null;
            for (final JsonNode entry : report.path("resources"))
            {
                final double hours = Duration.parse(entry.at("/intervalPeriod/duration").asText("PT0S")).toMillis()
                    / MILLIS_PER_HOUR;
                for (final JsonNode payload : entry.at("/intervals/0/payloads"))
                {
                    final String type = payload.path("type").asText();
                    final int slot = "BASELINE".equals(type) ? 1 : "DELTA_USAGE".equals(type) ? 2 : 0;
                    if (slot > 0)
                    {
                        if (null == sum)
                        {
                            sum = sums.computeIfAbsent(report.path("eventID").asText() + "\n"
                                + report.path("clientName").asText(), key -> new double[3]);
                            sum[0]++;
                        }
                        final boolean perHour = slot == 1 ? baselineKw : deltaKw;
                        sum[slot] += payload.at("/values/0").asDouble() * (perHour ? hours : 1.0);
                    }
                }
            }
        }
        final List<TestVtn.ReportTotals> totals = new ArrayList<>();
        sums.forEach((key, sum) ->
        {
            final String[] parts = key.split("\n", 2);
            totals.add(new TestVtn.ReportTotals(parts[0], parts[1], (int)sum[0], sum[1], sum[2]));
        });
        return totals;
    }

    private static boolean kw(final JsonNode report, final String payloadType)
    {
        for (final JsonNode descriptor : report.path("payloadDescriptors"))
        {
            if (payloadType.equals(descriptor.path("payloadType").asText()))
            {
                return "KW".equals(descriptor.path("units").asText());
            }
        }
        return false;
    }

    private static JsonNode read(final String text)
    {
        try
        {
            return MAPPER.readTree(text);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("a kept report is not JSON", ex);
        }
    }
}
