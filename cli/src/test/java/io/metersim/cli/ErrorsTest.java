package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorsTest
{
    @TempDir
    Path dir;

    private String config;
    private String data;
    private String resources;

    @BeforeEach
    void setUp()
    {
        config = Cli.write(dir.resolve("empty.properties"), "").toString();
        data = Cli.fixtures().resolve("seed-layout-small.h5").toString();
        resources = Cli.fixtureResources(dir).toString();
    }

    @Test
    void shouldNameTheLineOfAMalformedCsvRow()
    {
        final Path bad = Cli.write(dir.resolve("bad.csv"), "ven,resource_id,resource_name,status,meter_point_id\n"
            + "Herning,h-1,Hotel,APPROVED,\n"
            + "Herning,h-2,School,RETIRED,\n");

        final Cli.Result result = run("run", "--resources", bad.toString(), "--data", data);

        assertEquals(1, result.code(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().contains("unknown status: RETIRED"), result::toString);
        assertTrue(result.err().contains("line=3"), result::toString);
        assertTrue(result.err().contains(bad.toString()), result::toString);
    }

    @Test
    void shouldRefuseAMissingDataFileThatTheConfigurationDoesNotName()
    {
        final Cli.Result result = run("run", "--resources", resources, "--data", "missing.h5");

        assertEquals(1, result.code(), result::toString);
        assertEquals("metersim: file not found [file=" + dir.resolve("missing.h5") + " path=/]\n", result.err());
    }

    @Test
    void shouldRefuseAMissingResourcesFile()
    {
        final Cli.Result result = run("run", "--resources", "none.csv", "--data", data);

        assertEquals(1, result.code(), result::toString);
        assertEquals("metersim: resources file not found [file=" + dir.resolve("none.csv") + "]\n", result.err());
    }

    @Test
    void shouldRefuseAMissingConfigurationFile()
    {
        final Cli.Result result = Cli.run(dir, "run", "--config", "nowhere.properties");

        assertEquals(1, result.code(), result::toString);
        assertEquals("metersim: configuration file not found [file=" + dir.resolve("nowhere.properties") + "]\n",
            result.err());
    }

    @Test
    void shouldRefuseNegativeTicksAsUsage()
    {
        final Cli.Result result = run("run", "--ticks", "-1", "--resources", resources, "--data", data);

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: --ticks must be at least 0 [value=-1]\n", result.err());
    }

    @Test
    void shouldRefuseTooManyThreadsAsUsage()
    {
        final Cli.Result result = run("run", "--threads", "5000", "--resources", resources, "--data", data);

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: --threads must be at most 1024 [value=5000]\n", result.err());
    }

    @Test
    void shouldRefuseNegativeThreadsAsUsage()
    {
        final Cli.Result result = run("run", "--threads", "-1", "--resources", resources, "--data", data);

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: --threads must be at least 0 [value=-1]\n", result.err());
    }

    @Test
    void shouldRefuseAnUnknownOptionWithOneLine()
    {
        final Cli.Result result = run("run", "--tick", "3");

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: Unknown options: '--tick', '3' (see 'metersim run --help')\n", result.err());
    }

    @Test
    void shouldRefuseABadNumberAndABadFormat()
    {
        final Cli.Result number = run("run", "--ticks", "many");
        final Cli.Result format = run("run", "--format", "xml");

        assertEquals(2, number.code(), number::toString);
        assertEquals("metersim: Invalid value for option '--ticks': 'many' is not a long (see 'metersim run --help')\n",
            number.err());
        assertEquals(2, format.code(), format::toString);
        assertTrue(format.err().startsWith("metersim: Invalid value for option '--format': expected one of "),
            format::toString);
        assertEquals(1, format.err().lines().count(), format::toString);
    }

    @Test
    void shouldRefuseABadIntervalAndTimeMode()
    {
        final Cli.Result interval = run("run", "--interval", "soon", "--resources", resources, "--data", data);
        final Cli.Result mode = run("run", "--time-mode", "warped", "--resources", resources, "--data", data);

        assertEquals(2, interval.code(), interval::toString);
        assertEquals("metersim: Invalid value for option '--interval': 'soon' is not an ISO-8601 duration such as "
            + "PT15S (see 'metersim run --help')\n", interval.err());
        assertEquals(2, mode.code(), mode::toString);
        assertEquals("metersim: unknown time mode: warped [allowed=raw, continuous, auto]\n", mode.err());
    }

    @Test
    void shouldRequireACommand()
    {
        final Cli.Result result = run();

        assertEquals(2, result.code(), result::toString);
        assertEquals("metersim: missing command: choose one of run, collect, resources, inspect, generate, vtn-stub "
            + "(see 'metersim --help')\n", result.err());
    }

    @Test
    void shouldPrintTheStackTraceOnlyWhenVerbose()
    {
        final Cli.Result quiet = run("run", "--resources", resources, "--data", "missing.h5");
        final Cli.Result verbose = run("run", "--resources", resources, "--data", "missing.h5", "--verbose");

        assertEquals(1, quiet.err().lines().count(), quiet::toString);
        assertEquals(1, verbose.code(), verbose::toString);
        assertTrue(verbose.err().lines().count() > 2, verbose::toString);
        assertTrue(verbose.err().contains("\tat io.metersim.cli.Workspace.loadData"), verbose::toString);
    }

    @Test
    void shouldShowHelpForEveryCommand()
    {
        for (final String[] command : new String[][] {{"run"}, {"collect"}, {"resources"}, {"resources", "approve"},
            {"inspect"}, {"generate"}, {"vtn-stub"}})
        {
            final String[] args = Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";

            final Cli.Result result = Cli.run(dir, args);

            assertEquals(0, result.code(), result::toString);
            assertTrue(result.out().startsWith("Usage: metersim " + String.join(" ", command) + " "), result::toString);
            assertEquals("", result.err());
        }
    }

    private Cli.Result run(final String... args)
    {
        final String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config;
        return Cli.run(dir, all);
    }
}
