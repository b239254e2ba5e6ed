package io.metersim.bench;

import io.metersim.core.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes a chunked, gzip-compressed copy of an HDF5 file in the original layout with h5py, because h5-reader's writer
 * writes contiguous datasets only (and h5repack refuses to re-chunk the files jhdf writes). Needs a python3 with
 * h5py: {@code $PYTHON_H5}, else {@code /usr/bin/python3} (Debian: apt-get install -y python3-h5py).
 */
final class GzipCopy
{
    /** Rows per chunk of every (N, 2) dataset. */
    static final int CHUNK_ROWS = 1024;
    /** Deflate level, h5py's default for {@code compression="gzip"}. */
    static final int GZIP_LEVEL = 4;

    private static final String SCRIPT = String.join("\n",
        "import sys, h5py",
        "source, target, rows, level = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])",
        "with h5py.File(source, 'r') as fin, h5py.File(target, 'w') as fout:",
        "    def copy(name, obj):",
        "        if isinstance(obj, h5py.Group):",
        "            fout.require_group(name).attrs.update(obj.attrs)",
        "        else:",
        "            fout.create_dataset(name, data=obj[()], chunks=(min(rows, obj.shape[0]), obj.shape[1]),",
        "                                compression='gzip', compression_opts=level)",
        "    fin.visititems(copy)");

    private GzipCopy()
    {
    }

    /**
     * @param from a file in the original layout.
     * @param to   the compressed copy to write; written beside it under a temporary name first, then renamed (see
     *             {@link AtomicFile}).
     * @throws BenchException when python3 or h5py is missing or the copy fails.
     */
    static void copy(final Path from, final Path to)
    {
        final String python = System.getenv().getOrDefault("PYTHON_H5", "/usr/bin/python3");
        try (AtomicFile file = AtomicFile.create(to))
        {
            final ProcessBuilder command = new ProcessBuilder(python, "-c", SCRIPT, from.toString(),
                file.temporary().toString(), Integer.toString(CHUNK_ROWS), Integer.toString(GZIP_LEVEL)).inheritIO();
            final int exit = command.start().waitFor();
            if (exit != 0)
            {
                throw new BenchException("gzip copy with h5py failed [exit=" + exit + " python=" + python + " from="
                    + from + "]");
            }
            file.commit();
        }
        catch (final IOException ex)
        {
            throw new BenchException("cannot make the gzip copy (needs python3-h5py) [python=" + python + " from="
                + from + " to=" + to + " problem=" + ex.getMessage() + "]", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while making the gzip copy [from=" + from + "]", ex);
        }
    }
}
