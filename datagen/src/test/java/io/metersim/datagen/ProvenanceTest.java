package io.metersim.datagen;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Re-derives the shipped tables from the source data in {@code testdata/data} and compares, so the tables stay what the
 * README says they are.
 */
class ProvenanceTest
{
    private static final String[] PERIODS = {"winter", "transition", "summer"};
    private static final String[] WEEKDAYS = {"1", "6", "7"};

    @Test
    void shouldShipTheHourlyMeansOfDemandlibsH0Table() throws IOException
    {
        final List<String> lines = Files.readAllLines(
            shared().resolve("data/bdew-slp-demandlib/selp_series.csv"), StandardCharsets.UTF_8);
        final List<String> header = List.of(lines.get(0).split(","));
        final int h0 = header.indexOf("h0");
        final Tables tables = Tables.load();
        for (int p = 0; p < PERIODS.length; p++)
        {
            for (int d = 0; d < WEEKDAYS.length; d++)
            {
                final double[] hourly = new double[24];
                int quarter = 0;
                for (final String line : lines.subList(1, lines.size()))
                {
                    final String[] cells = line.split(",");
                    if (cells[1].equals(PERIODS[p]) && cells[2].equals(WEEKDAYS[d]))
                    {
                        hourly[quarter / 4] += Double.parseDouble(cells[h0]) * 1000.0 / 4.0;
                        quarter++;
                    }
                }
                assertEquals(96, quarter, PERIODS[p] + " " + WEEKDAYS[d]);
                for (int h = 0; h < 24; h++)
                {
                    assertEquals(hourly[h], tables.h0[p][d][h], 0.005, PERIODS[p] + " day " + WEEKDAYS[d] + " h" + h);
                }
            }
        }
    }

    @Test
    void shouldShipTheOpenEiLightingShape() throws IOException
    {
        final Path csv = shared().resolve(
            "data/openei-residential-tmy3-stlouis/USA_MO_St.Louis-Lambert.Intl.AP.724340_TMY3_BASE.csv");
        final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        final String[] header = lines.get(0).split(",");
        final int interior = column(header, "General:InteriorLights");
        final int exterior = column(header, "General:ExteriorLights");
        final double[] byHour = new double[24];
        for (int row = 1; row < lines.size(); row++)
        {
            final String[] cells = lines.get(row).split(",");
            byHour[(row - 1) % 24] += Double.parseDouble(cells[interior]) + Double.parseDouble(cells[exterior]);
        }
        double total = 0.0;
        for (final double v : byHour)
        {
            total += v;
        }
        final Tables tables = Tables.load();
        for (int h = 0; h < 24; h++)
        {
            assertEquals(byHour[h] / (total / 24.0), tables.light[h], 1e-4, "hour " + h);
        }
    }

    private static int column(final String[] header, final String prefix)
    {
        for (int i = 0; i < header.length; i++)
        {
            if (header[i].startsWith(prefix))
            {
                return i;
            }
        }
        return fail("no column " + prefix);
    }

    /** Walks up from the working directory to the first folder holding {@code testdata/fixtures}. */
    private static Path shared()
    {
        for (Path dir = Path.of("").toAbsolutePath(); null != dir; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("testdata");
            if (Files.isDirectory(candidate.resolve("fixtures")))
            {
                assertTrue(Files.isDirectory(candidate.resolve("data")), "no data folder in " + candidate);
                return candidate;
            }
        }
        return fail("no testdata/fixtures above " + Path.of("").toAbsolutePath());
    }
}
