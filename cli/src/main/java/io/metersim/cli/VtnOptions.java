package io.metersim.cli;

import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.openadr.ReporterOptions;
import io.metersim.openadr.TestVtnOptions;
import io.metersim.openadr.VtnException;
import io.metersim.openadr.VtnReporter;
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
        + "API root, where auth/token, programs and vens are: http://127.0.0.1:8081 for vtn-stub, e.g. "
        + "https://vtn.example/openadr3/3.0.1 for a VTN under a base path.")
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

    private ReporterOptions connected;

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
        checkUrl("--vtn", vtn);
        checkUrl("--token-url", tokenUrl);
        checkNotEmpty("--client-id", clientId);
        checkNotEmpty("--client-secret", clientSecret);
        checkId("--program-id", programId);
        checkId("--event-id", eventId);
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

    /**
     * Connects a reporter: fetches a token and settles the program and event.
     *
     * @param interval the data's interval.
     * @return the reporter.
     * @throws UsageException when an option cannot be used.
     * @throws CliException   when the VTN cannot be reached or refuses, in words that say what to check.
     */
    VtnReporter connect(final Duration interval)
    {
        final ReporterOptions options = reporterOptions(interval);
        connected = options;
        try
        {
            return VtnReporter.connect(options);
        }
        catch (final VtnException ex)
        {
            throw VtnDiagnosis.explain(ex, options);
        }
    }

    /**
     * @return how many VENs the reporter registered (or found registered).
     */
    int register(final VtnReporter reporter, final Registry registry)
    {
        try
        {
            return reporter.register(registry).size();
        }
        catch (final VtnException ex)
        {
            throw VtnDiagnosis.explain(ex, connected);
        }
    }

    private static void checkUrl(final String option, final URI url)
    {
        if (null != url && (null == url.getScheme() || null == url.getHost()
            || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))))
        {
            throw new UsageException(option + " must be an http:// or https:// URL with a host, such as "
                + "http://127.0.0.1:8081 [" + option.substring(2) + "=" + url + "]");
        }
    }

    private static void checkNotEmpty(final String option, final String value)
    {
        if (null == value || value.isEmpty())
        {
            throw new UsageException(option + " must not be empty");
        }
    }

    private static void checkId(final String option, final String value)
    {
        if (!value.isEmpty() && !value.matches("[a-zA-Z0-9_-]{1,128}"))
        {
            throw new UsageException(option + " may hold only letters, digits, '-' and '_', at most 128 of them ["
                + option.substring(2) + "=" + value + "]");
        }
    }
}
