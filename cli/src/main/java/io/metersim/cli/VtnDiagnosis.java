package io.metersim.cli;

import io.metersim.core.MetersimException;
import io.metersim.openadr.ReporterOptions;
import io.metersim.openadr.VtnException;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the openadr module's account of a failed request ({@code problem [request=... status=... body=...]}) into
 * what a person starting {@code run --vtn} should check: the address, the path of {@code --vtn}, the credentials.
 * Failures it has no better words for keep the module's own message.
 */
final class VtnDiagnosis
{
    private static final Pattern PARTS =
        Pattern.compile("(?s)^(.*?) \\[request=(.*?) status=(-?\\d+) body=(.*)\\]$");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("^[A-Za-z]+(Exception|Error): ");
    private static final String TOKEN_PROBLEM = "token ";

    private VtnDiagnosis()
    {
    }

    /**
     * @param ex      what the reporter threw.
     * @param options the options it ran with.
     * @return the failure to report with a plain sentence: a {@link UsageException} (exit 2) for a program or event
     *         id the VTN does not list, else a {@link CliException} (exit 1).
     */
    static MetersimException explain(final VtnException ex, final ReporterOptions options)
    {
        final Matcher parts = PARTS.matcher(null == ex.getMessage() ? "" : ex.getMessage());
        if (!parts.matches())
        {
            return new CliException(ex.getMessage(), ex);
        }
        final String problem = parts.group(1);
        final String request = parts.group(2);
        final String body = parts.group(4);
        final boolean tokenRequest = problem.startsWith(TOKEN_PROBLEM);
        final URI url = tokenRequest ? options.tokenUrl() : options.vtn();
        final String context = " [vtn=" + options.vtn() + (tokenRequest ? " token-url=" + options.tokenUrl() : "")
            + "]";
        if (problem.startsWith("unknown program"))
        {
            return new UsageException("--program-id " + options.programId() + " is not a program of the VTN ["
                + body.trim() + "]");
        }
        if (problem.startsWith("unknown event"))
        {
            return new UsageException("--event-id " + options.eventId() + " is not an event of "
                + (options.programId().isEmpty() ? "any program of the VTN" : "program " + options.programId())
                + " [" + body.trim() + "]");
        }
        final int status = ex.status();
        if (status < 0)
        {
            final String detail = EXCEPTION_NAME.matcher(body).replaceFirst("");
            if (body.startsWith("cannot connect to"))
            {
                return new CliException("could not connect to the VTN at " + address(url) + " after "
                    + options.maxAttempts() + " attempts: is it running, and are host and port right?" + context, ex);
            }
            return new CliException("no answer from the VTN at " + address(url) + ": " + detail + context, ex);
        }
        final String lower = body.toLowerCase(Locale.ROOT);
        if (tokenRequest && 401 == status && lower.contains("invalid_client"))
        {
            return new CliException("the VTN refused the client id or secret (401 from " + request + "): check "
                + "--client-id and --client-secret" + context, ex);
        }
        if (tokenRequest && 401 == status && lower.contains("bearer"))
        {
            return new CliException(options.tokenUrl() + " is not the VTN's token endpoint: it answered 401 and "
                + "asks for a bearer token itself. Is the path of --vtn the VTN's API root (where auth/token is), "
                + "or does --token-url need setting?" + context, ex);
        }
        if (404 == status)
        {
            return new CliException("the VTN answered 404 (no such operation) to " + request + ": is the path of "
                + "--vtn the VTN's API root?" + context, ex);
        }
        return new CliException(ex.getMessage(), ex);
    }

    private static String address(final URI url)
    {
        final boolean https = "https".equalsIgnoreCase(url.getScheme());
        return url.getHost() + ":" + (url.getPort() >= 0 ? url.getPort() : https ? 443 : 80);
    }
}
