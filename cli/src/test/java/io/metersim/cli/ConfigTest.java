package io.metersim.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest
{
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException
    {
        final Path config = dir.resolve("config");
        Files.createDirectories(config.resolve("data"));
        Files.copy(Cli.fixtures().resolve("seed-layout-small.h5"), config.resolve("data").resolve("small.h5"));
        Cli.fixtureResources(config);
        Cli.write(config.resolve("metersim.properties"), String.join("\n",
            "data=data/small.h5",
            "resources=resources.csv",
            "run.ticks=2",
            "run.interval=0",
            ""));
    }

    @Test
    void shouldTakeDefaultsFromTheConfigurationUnderTheWorkingDirectory()
    {
        final Cli.Result result = Cli.run(dir, "run");

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().contains("done: 2 ticks, 2 VENs, 3 resources, 36 readings"), result::toString);
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFileAndAFlagOverrideBoth()
    {
        final Map<String, String> env = Map.of("METERSIM_TICKS", "3", "METERSIM_VEN", "Aarhus");

        final Cli.Result fromEnv = Cli.run(dir, env, "run");
        final Cli.Result fromFlag = Cli.run(dir, env, "run", "--ticks", "1");

        assertEquals(0, fromEnv.code(), fromEnv::toString);
        assertTrue(fromEnv.out().contains("done: 3 ticks, 1 VENs, 1 resources, 18 readings"), fromEnv::toString);
        assertEquals(0, fromFlag.code(), fromFlag::toString);
        assertTrue(fromFlag.out().contains("done: 1 ticks, 1 VENs, 1 resources, 6 readings"), fromFlag::toString);
    }

    @Test
    void shouldFindTheConfigurationNamedByTheEnvironmentFromAnyFolder() throws IOException
    {
        final Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        final Cli.Result result = Cli.run(elsewhere,
            Map.of("METERSIM_CONFIG", dir.resolve("config/metersim.properties").toString()), "run", "--ticks", "1");

        assertEquals(0, result.code(), result::toString);
        assertTrue(result.out().contains("done: 1 ticks, 2 VENs, 3 resources, 18 readings"), result::toString);
    }

    @Test
    void shouldResolveEnvironmentPathsAgainstTheWorkingDirectory()
    {
        final Cli.Result result = Cli.run(dir, Map.of("METERSIM_DATA", "config/missing.h5"), "run");

        assertEquals(1, result.code(), result::toString);
        assertEquals("metersim: file not found [file=" + dir.resolve("config/missing.h5") + " path=/]\n",
            result.err());
    }

    @Test
    void shouldNameTheKeyAndFileOfABadGenerateValue()
    {
        final Path file = dir.resolve("config").resolve("metersim.properties");
        Cli.write(file, "data=data/new.h5\nresources=resources.csv\ngenerate.rows=lots\n");

        final Cli.Result result = Cli.run(dir, "run", "--ticks", "1", "--interval", "0");

        assertEquals(Main.EXIT_USAGE, result.code(), result::toString);
        assertEquals("metersim: bad value for key generate.rows of " + file + ": 'lots' is not a whole number\n",
            result.err());
    }
}
