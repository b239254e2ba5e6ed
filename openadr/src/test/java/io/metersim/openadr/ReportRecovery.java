package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metersim.core.FormulaFleet;
import io.metersim.core.MeterSimulator;

import com.fasterxml.jackson.databind.DeserializationFeature;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a VTN can recover from received reports: watts per {@code <resource>/load_<k>@<row>}, following the mapping
 * in the module README.
 */
final class ReportRecovery
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper DECIMALS = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReportRecovery()
    {
    }

    /**
     * @param reports report bodies.
     * @param payload {@code USAGE} (kWh per hour) or {@code DEMAND} (kW).
     * @return watts by key.
     */
    static Map<String, Double> watts(final List<String> reports, final String payload)
    {
        final Map<String, Double> watts = new TreeMap<>();
        for (final String report : reports)
        {
            for (final JsonNode resource : read(DECIMALS, report).get("resources"))
            {
                final JsonNode period = resource.get("intervalPeriod");
                final long second = Instant.parse(period.get("start").asText()).getEpochSecond();
                final long row = (second - FormulaFleet.FIRST_SECOND) / 3600;
                final double hours = Duration.parse(resource.get("intervalPeriod").get("duration").asText())
                    .toMillis() / 3_600_000.0;
                for (final JsonNode payloadNode : resource.get("intervals").get(0).get("payloads"))
                {
                    if (payload.equals(payloadNode.get("type").asText()))
                    {
                        final Double previous = watts.put(resource.get("resourceName").asText() + "@" + row,
                            kilo(payloadNode.get("values").get(0), payload, hours));
                        if (null != previous)
                        {
                            throw new AssertionError("reported twice: " + resource.get("resourceName") + "@" + row);
                        }
                    }
                }
            }
        }
        return watts;
    }

    /**
     * Recovers watts from a value written with 9 fraction digits: decimal arithmetic, so 1.001 kWh is 1001 W exactly.
     */
    private static double kilo(final JsonNode value, final String payload, final double hours)
    {
        final BigDecimal watts = value.decimalValue().movePointRight(3);
        return "USAGE".equals(payload)
            ? watts.divide(BigDecimal.valueOf(hours), MathContext.DECIMAL64).doubleValue()
            : watts.doubleValue();
    }

    /**
     * @return the watts every resource of the simulator's registry reads at rows {@code 0..rows-1}.
     */
    static Map<String, Double> expected(final MeterSimulator simulator, final int rows)
    {
        final Map<String, Double> watts = new TreeMap<>();
        simulator.registry().resources().forEach(spec ->
        {
            final int meter = Integer.parseInt(spec.meterPointId());
            for (int k = 0; k < FormulaFleet.LOADS; k++)
            {
                for (int t = 0; t < rows; t++)
                {
                    watts.put(spec.resourceId() + "/load_" + k + "@" + t, FormulaFleet.watts(meter, k, t));
                }
            }
        });
        return watts;
    }

    static JsonNode tree(final String json)
    {
        return read(MAPPER, json);
    }

    private static JsonNode read(final ObjectMapper mapper, final String json)
    {
        try
        {
            return mapper.readTree(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
