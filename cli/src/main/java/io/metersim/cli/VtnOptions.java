package io.metersim.cli;

import io.metersim.core.MetersimException;
import io.metersim.openadr.ReporterOptions;
import io.metersim.openadr.TestVtnOptions;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;

/**
 * Where {@code run} reports its collections: an OpenADR 3 VTN and the OAuth2 client it reports as.
 */
final class VtnOptions
{
    @Option(names = "--vtn", paramLabel = "URL", description = "Report every collection to this OpenADR 3 VTN "
        + "API root, e.g. http://127.0.0.1:8081/openadr3/3.0.1.")
    URI vtn;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = TestVtnOptions.DEFAULT_CLIENT_ID,
        description = "OAuth2 client id (default: ${DEFAULT-VALUE}).")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", defaultValue = TestVtnOptions.DEFAULT_CLIENT_SECRET,
        description = "OAuth2 client secret; prefer METERSIM_CLIENT_SECRET (default: the vtn-stub's secret).",
        showDefaultValue = Visibility.NEVER)
    String clientSecret;

    @Option(names = "--token-url", paramLabel = "URL",
        description = "OAuth2 token endpoint (default: <vtn>/auth/token).")
    URI tokenUrl;

    @Option(names = "--program-id", paramLabel = "ID", defaultValue = "",
        description = "Program of the reports (default: discovered).")
    String programId;

    @Option(names = "--event-id", paramLabel = "ID", defaultValue = "",
        description = "Event the reports answer (default: discovered, one asking for USAGE reports).")
    String eventId;

    boolean enabled()
    {
        return null != vtn;
    }

    /**
     * @param interval the data's interval, which turns watts into kWh per report.
     * @return the reporter options, the openadr module's defaults for everything else.
     */
    ReporterOptions reporterOptions(final Duration interval)
    {
        try
        {
            final ReporterOptions d = ReporterOptions.defaults(vtn, clientId, clientSecret);
            return new ReporterOptions(d.vtn(), tokenUrl, d.clientId(), d.clientSecret(), programId, eventId, interval,
                d.ticksPerReport(), d.usage(), d.demand(), d.outboxCapacity(), d.dropWhenFull(), d.maxInFlight(),
                d.connectTimeout(), d.requestTimeout(), d.maxAttempts(), d.backoffBase(), d.backoffMax(),
                d.flushDeadline(), d.seed());
        }
        catch (final MetersimException ex)
        {
            throw new UsageException(ex.getMessage());
        }
    }
}
