package io.metersim.h5;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Finds the hardening seeds written by {@code src/test/resources/hardening/make_hardening.py} (h5py) and knows
 * their formulas: {@code unix_seconds = 1736928000 + 3600 * row}, {@code watts = 1000 * meter + 100 * load + row}.
 */
final class Hardening
{
    private Hardening()
    {
    }

    static Path seed(final String name)
    {
        final URL url = Hardening.class.getResource("/hardening/" + name);
        if (null == url)
        {
            throw new IllegalStateException("no test resource hardening/" + name);
        }
        try
        {
            return Path.of(url.toURI());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    static double watts(final int meter, final int load, final int row)
    {
        return 1000.0 * meter + 100.0 * load + row;
    }
}
