package io.metersim.cli;

import io.metersim.openadr.TestVtn;
import io.metersim.openadr.TestVtnOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code metersim vtn-stub}: a local OpenADR 3 VTN on the loopback interface, for {@code run --vtn}.
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
        final TestVtnOptions options = TestVtnOptions.defaults().withPort(port).withBasePath(basePath);
        try (StopSignal stop = new StopSignal(); TestVtn vtn = TestVtn.start(options))
        {
            context.out().printf(Locale.ROOT, "test VTN listening on %s (client id %s, program %s, event %s)%n",
                vtn.baseUri(), vtn.options().clientId(), vtn.programId(), vtn.eventId());
            context.out().printf(Locale.ROOT, "report to it with: metersim run --vtn %s%n", vtn.baseUri());
            context.out().flush();
            final long deadline = System.nanoTime() + duration.toNanos();
            while (!stop.requested() && (duration.isZero() || System.nanoTime() - deadline < 0))
            {
                LockSupport.parkNanos(PARK_NANOS);
            }
            context.out().printf(Locale.ROOT, "test VTN stopped: %d reports accepted (%d bytes), %d rejected%n",
                vtn.reportCount(), vtn.reportBytes(), vtn.rejections().size());
        }
        return Main.EXIT_OK;
    }
}
