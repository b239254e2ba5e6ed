package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals("metersim: missing command: choose one of run, collect, baseline, resources, inspect, generate, "
            + "plot, vtn-stub (see 'metersim --help')\n", result.err());
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

    @Test
    void shouldWarnAboutAnUnknownKeyOfTheConfigurationFileNamingFileAndKey()
    {
        final Path file = Cli.write(dir.resolve("typo.properties"), "run.tick=3\nticks=2\ninterval=0\n");

        final Cli.Result result = Cli.run(dir, "run", "--config", file.toString(), "--data", data, "--resources",
            resources);

        assertEquals(0, result.code(), result::toString);
        assertEquals("metersim: warning: no command has an option for configuration key run.tick; ignored [file="
            + file + " key=run.tick]\n", result.err());
        assertTrue(result.out().contains("done: 2 ticks, "), result::toString);
    }

    @Test
    void shouldNameTheFileAndKeyOfABadConfigurationValue()
    {
        final Path file = Cli.write(dir.resolve("bad.properties"), "run.ticks=many\n");

        final Cli.Result fromFile = Cli.run(dir, "run", "--config", file.toString(), "--data", data, "--resources",
            resources);
        final Cli.Result fromEnv = Cli.run(dir, java.util.Map.of("METERSIM_TICKS", "lots"), "run", "--config", config,
            "--data", data, "--resources", resources);
        final Cli.Result fromFlag = Cli.run(dir, "run", "--config", file.toString(), "--ticks", "x");

        assertEquals(Main.EXIT_USAGE, fromFile.code(), fromFile::toString);
        assertEquals("metersim: bad value for key run.ticks of " + file + ": 'many' is not a long\n", fromFile.err());
        assertEquals(Main.EXIT_USAGE, fromEnv.code(), fromEnv::toString);
        assertEquals("metersim: bad value for environment variable METERSIM_TICKS: 'lots' is not a long\n",
            fromEnv.err());
        assertEquals("metersim: Invalid value for option '--ticks': 'x' is not a long (see 'metersim run --help')\n",
            fromFlag.err());
    }

    @Test
    void shouldRefuseAVtnUrlThatIsNotHttpAsUsageInOnePlainSentence()
    {
        final Cli.Result ftp = run("run", "--resources", resources, "--data", data, "--vtn", "ftp://x");
        final Cli.Result relative = run("run", "--resources", resources, "--data", data, "--vtn", "not-a-url");
        final Cli.Result spaces = run("run", "--resources", resources, "--data", data, "--vtn", "http://a b");

        assertEquals(Main.EXIT_USAGE, ftp.code(), ftp::toString);
        assertEquals("metersim: --vtn must be an http:// or https:// URL with a host, such as http://127.0.0.1:8081 "
            + "[vtn=ftp://x]\n", ftp.err());
        assertEquals(Main.EXIT_USAGE, relative.code(), relative::toString);
        assertEquals("metersim: --vtn must be an http:// or https:// URL with a host, such as http://127.0.0.1:8081 "
            + "[vtn=not-a-url]\n", relative.err());
        assertEquals(Main.EXIT_USAGE, spaces.code(), spaces::toString);
        assertTrue(spaces.err().startsWith("metersim: Invalid value for option '--vtn': 'http://a b' is not a URL "
            + "such as http://127.0.0.1:8081 ("), spaces::toString);
        assertFalse(spaces.err().contains("Exception"), spaces::toString);
    }

    @Test
    void shouldSayThatAResourcesOrDataPathIsAFolder()
    {
        final Cli.Result resourcesDir = run("run", "--resources", dir.toString(), "--data", data);
        final Cli.Result dataDir = run("run", "--resources", resources, "--data", dir.toString());
        final Cli.Result inspectDir = run("inspect", dir.toString());

        assertEquals(Main.EXIT_DATA, resourcesDir.code(), resourcesDir::toString);
        assertEquals("metersim: resources file is a folder, not a file [file=" + dir + "]\n", resourcesDir.err());
        assertEquals(Main.EXIT_DATA, dataDir.code(), dataDir::toString);
        assertEquals("metersim: data file is a folder, not a file [file=" + dir + "]\n", dataDir.err());
        assertEquals(Main.EXIT_DATA, inspectDir.code(), inspectDir::toString);
        assertEquals("metersim: data file is a folder, not a file [file=" + dir + "]\n", inspectDir.err());
    }

    @Test
    void shouldRefuseResourcesPerVenWithoutSyntheticVens()
    {
        final Cli.Result result = run("run", "--resources", resources, "--data", data, "--resources-per-ven", "5");

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: --resources-per-ven needs --synthetic-vens N: the resources file decides how many "
            + "resources each VEN has [resources-per-ven=5]\n", result.err());
    }

    @Test
    void shouldOfferTimeModeOnlyWhereItHasAnEffect()
    {
        final Cli.Result collect = run("collect", "--resources", resources, "--data", data, "--ven", "Aarhus",
            "--time-mode", "raw");
        final Cli.Result listing = run("resources", "--resources", resources, "--time-mode", "raw");

        assertEquals(Main.EXIT_USAGE, collect.code(), collect::toString);
        assertTrue(collect.err().startsWith("metersim: Unknown options: '--time-mode', 'raw'"), collect::toString);
        assertEquals(Main.EXIT_USAGE, listing.code(), listing::toString);
        assertTrue(listing.err().startsWith("metersim: Unknown options: '--time-mode', 'raw'"), listing::toString);
    }

    @Test
    void shouldRefuseAHeaderOnlyRegistryAsNothingToCollect()
    {
        final Path empty = Cli.write(dir.resolve("header-only.csv"),
            "ven,resource_id,resource_name,status,meter_point_id,resource_type\n");

        final Cli.Result result = run("run", "--resources", "header-only.csv", "--data", data, "--ticks", "1",
            "--interval", "0");
        final Cli.Result collect = run("collect", "--resources", empty.toString(), "--data", data, "--ven", "X");

        assertEquals(Main.EXIT_DATA, result.code(), result::toString);
        assertEquals("metersim: nothing to collect: the resources file lists no resources [file=" + empty + "]\n",
            result.err());
        assertEquals("", result.out());
        assertEquals(Main.EXIT_DATA, collect.code(), collect::toString);
        assertEquals(result.err(), collect.err());
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
