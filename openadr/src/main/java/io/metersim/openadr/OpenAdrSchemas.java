package io.metersim.openadr;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.metersim.core.Failures;
import io.metersim.core.MetersimException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The component schemas of the bundled OpenADR 3.0.1 OpenAPI document ({@code openadr3.yaml}), validated with the
 * OpenAPI 3.0 dialect so that {@code nullable}, {@code example} and {@code discriminator} mean what OpenAPI says.
 * Thread-safe; schemas are compiled once on first use.
 */
final class OpenAdrSchemas
{
    /** Classpath resource of the bundled specification, beside its LICENSE and NOTICE. */
    static final String SPEC_RESOURCE = "openadr3.yaml";

    /** The {@code .yaml} suffix makes the registry parse the document as YAML. */
    private static final String SPEC_IRI = "https://metersim.io/openadr3/3.0.1/openadr3.yaml";

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenAdrSchemas(final String specYaml)
    {
        this.registry = SchemaRegistry.withDialect(
            Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(SPEC_IRI, specYaml)));
    }

    /**
     * @return the schemas of the bundled specification.
     * @throws MetersimException when the bundled specification cannot be read.
     */
    static OpenAdrSchemas bundled()
    {
        try (InputStream in = OpenAdrSchemas.class.getResourceAsStream(SPEC_RESOURCE))
        {
            if (null == in)
            {
                throw new MetersimException("OpenADR specification missing from the classpath [resource="
                    + SPEC_RESOURCE + "]");
            }
            return new OpenAdrSchemas(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new MetersimException("cannot read the OpenADR specification [resource=" + SPEC_RESOURCE + "]", ex);
        }
    }

    /**
     * @param component a schema under {@code components/schemas}, e.g. {@code report}.
     * @param json      the JSON text to check.
     * @return every violation as {@code <instance path>: <problem>}, in the validator's order; empty when valid.
     */
    List<String> violations(final String component, final String json)
    {
        final List<Error> errors;
        try
        {
            errors = schema(component).validate(json, InputFormat.JSON);
        }
        catch (final RuntimeException ex)
        {
            // Jackson's message goes on over lines with the source; its first line says what is wrong
            return List.of("$: not valid JSON (" + Failures.describe(ex).lines().findFirst().orElse("") + ")");
        }
        final List<String> result = new ArrayList<>(errors.size());
        for (final Error error : errors)
        {
            final String where = error.getInstanceLocation().toString();
            result.add((where.isEmpty() ? "$" : where) + ": " + error.getMessage());
        }
        return result;
    }

    private Schema schema(final String component)
    {
        return schemas.computeIfAbsent(component, name ->
        {
            final Schema schema = registry.getSchema(SchemaLocation.of(SPEC_IRI + "#/components/schemas/" + name));
            schema.initializeValidators();
            return schema;
        });
    }
}
