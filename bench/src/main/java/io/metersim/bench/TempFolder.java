package io.metersim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for benchmark files, deleted with everything in it on {@link #close()}.
 */
final class TempFolder implements AutoCloseable
{
    private final Path path;

    private TempFolder(final Path path)
    {
        this.path = path;
    }

    /**
     * @param prefix the folder name's prefix.
     * @return a new, empty folder under {@code java.io.tmpdir}.
     */
    static TempFolder create(final String prefix)
    {
        try
        {
            return new TempFolder(Files.createTempDirectory(prefix));
        }
        catch (final IOException ex)
        {
            throw new BenchException("cannot create a temporary folder [prefix=" + prefix + "]", ex);
        }
    }

    /**
     * @param name a file name.
     * @return the path of that file inside the folder.
     */
    Path resolve(final String name)
    {
        return path.resolve(name);
    }

    /**
     * Deletes the folder and its content.
     */
    @Override
    public void close()
    {
        try (Stream<Path> paths = Files.walk(path))
        {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException ex)
        {
            throw new BenchException("cannot delete a temporary folder [path=" + path + "]", ex);
        }
    }
}
