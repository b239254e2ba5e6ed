package io.metersim.cli;

import io.metersim.core.MetersimException;
import io.metersim.openadr.TestVtn;
import io.metersim.openadr.TestVtnOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code metersim vtn-stub}: a local OpenADR 3 VTN on the loopback interface, for {@code run --vtn}. With
 * {@code --events FILE} it publishes the file's events at start (refusing the whole file, before listening, when an
 * event is not valid); more can be posted to {@code /events} with a token of the business-logic client.
 */
@Command(name = "vtn-stub", description = "Run a local OpenADR 3 test VTN on 127.0.0.1 until Ctrl-C.")
final class VtnStubCommand implements Callable<Integer>
{
    private static final long PARK_NANOS = 100_000_000L;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8081",
        description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--base-path", paramLabel = "PATH", defaultValue = "",
        description = "Path prefix of the API, e.g. /openadr3/3.0.1 (default: the root).")
    String basePath;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
        description = "Stop after this long; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--events", paramLabel = "FILE",
        description = "Publish these OpenADR 3.0.1 events (a JSON array of event objects) at start.")
    Path events;

    private final CliContext context;

    VtnStubCommand(final CliContext context)
    {
        this.context = context;
    }

    @Override
    public Integer call()
    {
        Ranges.atLeast("--port", port, 0);
        Ranges.atMost("--port", port, 65_535);
        if (duration.isNegative())
        {
            throw new UsageException("--duration must not be negative [duration=" + duration + "]");
        }
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/")))
        {
            throw new UsageException("--base-path must start and not end with / [value=" + basePath + "]");
        }
        final Path file = null == events ? null : context.resolve(events);
        if (null != file && !Files.isRegularFile(file))
        {
            throw CliException.notAFile("events file", file);
        }
        final TestVtnOptions options = TestVtnOptions.defaults().withPort(port).withBasePath(basePath);
        try (StopSignal stop = new StopSignal(); TestVtn vtn = TestVtn.start(options))
        {
            final List<String> published = publish(vtn, file);
            context.out().printf(Locale.ROOT, "test VTN listening on %s (client id %s, program %s, event %s)%n",
                vtn.baseUri(), vtn.options().clientId(), vtn.programId(), vtn.eventId());

            context.out().printf(Locale.ROOT, "report to it with: metersim run --vtn %s%n", vtn.baseUri());
            if (null != file)
            {
                context.out().printf(Locale.ROOT, "published %d event%s from %s: %s%n", published.size(),
                    published.size() == 1 ? "" : "s", file, String.join(", ", published));
                context.out().printf(Locale.ROOT, "post more to %s/events as client %s / %s (scope write_events)%n",
                    vtn.baseUri(), TestVtnOptions.BL_CLIENT_ID, TestVtnOptions.BL_CLIENT_SECRET);
            }
            context.out().flush();
            final long deadline = System.nanoTime() + duration.toNanos();
            while (!stop.requested() && (duration.isZero() || System.nanoTime() - deadline < 0))
            {
                LockSupport.parkNanos(PARK_NANOS);
            }
            context.out().printf(Locale.ROOT, "test VTN stopped: %d reports accepted (%d bytes%s), %d rejected%n",
                vtn.reportCount(), vtn.reportBytes(), perEvent(vtn), vtn.rejections().size());
            for (final TestVtn.ReportTotals totals : vtn.reportTotals())
            {
                context.out().printf(Locale.ROOT, "%s from %s: %d reports, BASELINE %.3f kWh, DELTA_USAGE %.3f kWh%n",
                    totals.eventId(), totals.ven(), totals.reports(), totals.baselineKwh(), totals.deltaUsageKwh());
            }
        }
        return Main.EXIT_OK;
    }

    /**
     * @return {@code ; event-1 184, event-2 8} when reports answered another event than the seeded one, else empty.
     */
    private static String perEvent(final TestVtn vtn)
    {
        final Map<String, Long> counts = vtn.reportsByEvent();
        if (counts.keySet().stream().allMatch(vtn.eventId()::equals))
        {
            return "";
        }
        final StringBuilder text = new StringBuilder();
        counts.forEach((event, count) -> text.append(text.length() == 0 ? "; " : ", ").append(event).append(' ')
            .append(count));
        return text.toString();
    }

    /**
     * @return each published event as {@code id "name"}, in file order; none without a file.
     * @throws CliException naming the file, the event and the field when an event is not valid.
     */
    private static List<String> publish(final TestVtn vtn, final Path file)
    {
        if (null == file)
        {
            return List.of();
        }
        final List<String> ids;
        try
        {
            ids = vtn.publishEvents(file);
        }
        catch (final MetersimException ex)
        {
            throw new CliException(ex.getMessage(), ex);
        }
        final List<String> described = new ArrayList<>();
        for (final String id : ids)
        {
            final String name = vtn.eventName(id);
            described.add(null == name ? id : id + " \"" + name + "\"");
        }
        return described;
    }
}
