package io.metersim.h5;

import io.metersim.core.LoadData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks written files with the reference HDF5 library's {@code h5dump} (Debian's hdf5-tools; CI installs it).
 */
class H5DumpCompatibilityTest
{
    private static final int METERS = 3;
    private static final int LOADS = 6;
    private static final int ROWS = 20;

    @TempDir
    static Path dir;

    private static Path h5dump;
    private static Path file;

    @BeforeAll
    static void writeFile()
    {
        h5dump = findOnPath("h5dump");
        file = dir.resolve("written.h5");
        H5LoadData.write(Generated.data(METERS, LOADS, ROWS), file);
    }

    @Test
    void shouldDumpEveryPowerDatasetWithTheExactValues() throws IOException, InterruptedException
    {
        assumeTrue(null != h5dump, "h5dump is not installed");
        final LoadData data = H5LoadData.read(file);
        for (int m = 0; m < METERS; m++)
        {
            for (int k = 0; k < LOADS; k++)
            {
                final String path = data.meterPath(m) + "/load_" + k + "/power";
                final List<String> out = dump("-m", "%.17g", "-y", "-w", "0", "-d", path, file.toString());

                assertTrue(out.contains("   DATATYPE  H5T_IEEE_F64LE"), String.join("\n", out));
                assertTrue(out.contains("   DATASPACE  SIMPLE { ( 20, 2 ) / ( 20, 2 ) }"), String.join("\n", out));
                final List<Double> values = dataValues(out);
                assertEquals(ROWS * 2, values.size());
                for (int t = 0; t < ROWS; t++)
                {
                    assertEquals(Fixtures.timestampMillis(t) / 1000.0, values.get(2 * t), path + " row " + t);
                    assertEquals(Generated.watts(m, k, t), values.get(2 * t + 1), path + " row " + t);
                }
            }
        }
    }

    @Test
    void shouldDumpTheMeterAttributes() throws IOException, InterruptedException
    {
        assumeTrue(null != h5dump, "h5dump is not installed");
        for (int m = 0; m < METERS; m++)
        {
            final String id = Long.toString(707057500000000000L + 7L * m);
            final String meter = "/meters/meter_" + id;

            assertEquals(List.of("\"" + id + "\""), dataLines(dump("-y", "-a", meter + "/meter_id", file.toString())));
            final List<String> loads = dump("-y", "-a", meter + "/num_load_components", file.toString());
            assertTrue(loads.contains("   DATATYPE  H5T_STD_I64LE"), String.join("\n", loads));
            assertEquals(List.of("6"), dataLines(loads));
            if (0 == m % 2)
            {
                assertEquals(List.of("\"Company " + m + "\""),
                    dataLines(dump("-y", "-a", meter + "/company", file.toString())));
            }
        }
    }

    @Test
    void shouldDumpTheWholeFileWithoutError() throws IOException, InterruptedException
    {
        assumeTrue(null != h5dump, "h5dump is not installed");

        final List<String> out = dump("-H", file.toString());

        assertEquals(METERS * LOADS, out.stream().filter(line -> line.contains("DATASET \"power\"")).count());
    }

    private static List<String> dump(final String... arguments) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(h5dump.toString());
        command.addAll(List.of(arguments));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }

    /**
     * @return the trimmed, non-empty lines between {@code DATA {} and its closing brace.
     */
    private static List<String> dataLines(final List<String> out)
    {
        final List<String> lines = new ArrayList<>();
        boolean inData = false;
        for (final String line : out)
        {
            final String trimmed = line.trim();
            if (inData && "}".equals(trimmed))
            {
                break;
            }
            if (inData && !trimmed.isEmpty())
            {
                lines.add(trimmed);
            }
            inData |= "DATA {".equals(trimmed);
        }
        return lines;
    }

    private static List<Double> dataValues(final List<String> out)
    {
        final List<Double> values = new ArrayList<>();
        for (final String line : dataLines(out))
        {
            for (final String token : line.split("[,\\s]+"))
            {
                if (!token.isEmpty())
                {
                    values.add(Double.parseDouble(token));
                }
            }
        }
        return values;
    }

    private static Path findOnPath(final String name)
    {
        for (final String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        {
            final Path candidate = Path.of(entry).resolve(name);
            if (!entry.isEmpty() && Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
