package io.metersim.cli;

import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * A process of its own for {@link RunOutputTest}: runs a command with CSV on stdout, then logs a warning the way
 * the VTN reporter does, so the test can see which stream the warning took.
 */
final class LogProbe
{
    private LogProbe()
    {
    }

    public static void main(final String[] args)
    {
        final int code = Main.execute(args, System.out, System.err, Map.of(), Path.of("").toAbsolutePath());
        LoggerFactory.getLogger(io.metersim.openadr.VtnReporter.class).warn("report not delivered: probe");
        System.out.flush();
        System.exit(code);
    }
}
