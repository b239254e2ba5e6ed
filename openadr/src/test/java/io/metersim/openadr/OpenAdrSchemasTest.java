package io.metersim.openadr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenAdrSchemasTest
{
    private static final OpenAdrSchemas SCHEMAS = OpenAdrSchemas.bundled();

    @Test
    void shouldAcceptAReportWithNullableFieldsSetToNull()
    {
        final String report = "{\"programID\":\"p1\",\"eventID\":\"e1\",\"clientName\":\"Herning\","
            + "\"reportName\":null,\"payloadDescriptors\":null,\"resources\":[{\"resourceName\":\"R1/load_0\","
            + "\"intervalPeriod\":{\"start\":\"2025-01-15T08:00:00Z\",\"duration\":\"PT1H\"},"
            + "\"intervals\":[{\"id\":0,\"payloads\":[{\"type\":\"USAGE\",\"values\":[1.5]}]}]}]}";
        assertEquals(List.of(), SCHEMAS.violations("report", report));
    }

    @Test
    void shouldListEveryViolationOfAReport()
    {
        final String report = "{\"programID\":\"p 1\",\"eventID\":\"e1\",\"resources\":[{\"resourceName\":\"\","
            + "\"intervalPeriod\":{\"start\":\"yesterday\",\"duration\":\"PT1H\"},"
            + "\"intervals\":[{\"payloads\":[{\"type\":\"USAGE\",\"values\":[true]}]}]}]}";
        assertEquals(List.of(
            "/programID: does not match the regex pattern ^[a-zA-Z0-9_-]*$",
            "/resources/0/resourceName: must be at least 1 characters long",
            "/resources/0/intervalPeriod/start: does not match the date-time pattern must be a valid RFC 3339 "
                + "date-time",
            "/resources/0/intervals/0: required property 'id' not found",
            "$: required property 'clientName' not found"), SCHEMAS.violations("report", report));
    }

    @Test
    void shouldRefuseTextThatIsNotJson()
    {
        assertEquals(1, SCHEMAS.violations("ven", "{\"venName\":").size());
    }

    @Test
    void shouldCheckVenAndResourceNames()
    {
        assertEquals(List.of("$: required property 'venName' not found"), SCHEMAS.violations("ven", "{}"));
        assertEquals(List.of("/resourceName: must be at most 128 characters long"),
            SCHEMAS.violations("resource", "{\"resourceName\":\"" + "x".repeat(129) + "\"}"));
    }
}
