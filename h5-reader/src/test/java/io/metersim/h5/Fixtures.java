package io.metersim.h5;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared HDF5 fixtures (written by {@code testdata/fixtures/make_fixtures.py}) and knows their formulas.
 */
final class Fixtures
{
    static final long T0_SECONDS = 1736928000L;
    static final long STEP_SECONDS = 3600L;
    static final String COMPANY = "Example Netselskab A/S";
    static final String[] METERS =
        {"707057500057158458", "707057500057158465", "707057500057158472", "707057500057158489"};

    private static final Path DIRECTORY = locate();

    private Fixtures()
    {
    }

    /**
     * @param name a fixture's file name.
     * @return its path, found by walking up from the working directory to a sibling {@code testdata/fixtures}.
     */
    static Path fixture(final String name)
    {
        return DIRECTORY.resolve(name);
    }

    static long timestampMillis(final int row)
    {
        return (T0_SECONDS + STEP_SECONDS * row) * 1000L;
    }

    static double watts(final int meter, final int load, final int row)
    {
        return 1000.0 * meter + 100.0 * load + row;
    }

    private static Path locate()
    {
        for (Path dir = Path.of("").toAbsolutePath(); null != dir; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("testdata").resolve("fixtures");
            if (Files.isRegularFile(candidate.resolve("make_fixtures.py")))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("no testdata/fixtures beside any parent of " + Path.of("").toAbsolutePath());
    }
}
