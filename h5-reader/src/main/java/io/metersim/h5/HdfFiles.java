package io.metersim.h5;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.metersim.core.Failures;
import io.metersim.core.LoadDataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens an HDF5 file for reading: maps it once read-only and checks signature and length before jhdf sees it, so
 * that an empty, foreign or truncated file is refused with a clear message instead of a jhdf exception.
 */
final class HdfFiles
{
    static final String ROOT = "/";

    private static final byte[] SIGNATURE = {(byte)0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final long FIRST_USER_BLOCK_OFFSET = 512L;

    private HdfFiles()
    {
    }

    /**
     * @param file the file to open.
     * @param name the file name messages carry.
     * @return the opened file; the caller closes it.
     * @throws LoadDataException when the file cannot be read or is not a sound HDF5 file.
     */
    static HdfFile open(final Path file, final String name)
    {
        Fletcher32Filter.register();
        final ByteBuffer mapped = map(file, name);
        final long size = mapped.capacity();
        final long offset = signatureOffset(mapped, size);
        if (offset < 0)
        {
            throw new LoadDataException(name, ROOT, size == 0
                ? "empty file (0 bytes), not an HDF5 file (no HDF5 signature)"
                : "not an HDF5 file (no HDF5 signature)");
        }
        final HdfFile hdf;
        try
        {
            hdf = HdfFile.fromByteBuffer(mapped);
        }
        catch (final RuntimeException e)
        {
            throw corrupt(name, ROOT, e);
        }
        checkLength(hdf, name, size);
        return hdf;
    }

    /**
     * @param name  the file name.
     * @param path  the object path being read when jhdf failed.
     * @param cause jhdf's failure.
     * @return the project exception that names file, path and problem.
     */
    static LoadDataException corrupt(final String name, final String path, final RuntimeException cause)
    {
        final String detail = Failures.describe(cause);
        return new LoadDataException(name, path, "truncated or corrupt HDF5 file (" + detail + ")", cause);
    }

    private static ByteBuffer map(final Path file, final String name)
    {
        if (Files.isDirectory(file))
        {
            throw new LoadDataException(name, ROOT, "is a directory, not an HDF5 file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size > Integer.MAX_VALUE)
            {
                throw new LoadDataException(name, ROOT, "file too large to map: " + size + " bytes, at most "
                    + Integer.MAX_VALUE);
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        catch (final NoSuchFileException e)
        {
            throw new LoadDataException(name, ROOT, "no such file", e);
        }
        catch (final IOException e)
        {
            throw new LoadDataException(name, ROOT, "cannot read file: " + e, e);
        }
    }

    private static long signatureOffset(final ByteBuffer mapped, final long size)
    {
        for (long offset = 0; offset + SIGNATURE.length <= size; offset = nextOffset(offset))
        {
            if (hasSignatureAt(mapped, (int)offset))
            {
                return offset;
            }
        }
        return -1;
    }

    private static long nextOffset(final long offset)
    {
        return 0 == offset ? FIRST_USER_BLOCK_OFFSET : offset * 2;
    }

    private static boolean hasSignatureAt(final ByteBuffer mapped, final int offset)
    {
        for (int i = 0; i < SIGNATURE.length; i++)
        {
            if (mapped.get(offset + i) != SIGNATURE[i])
            {
                return false;
            }
        }
        return true;
    }

    private static void checkLength(final HdfFile hdf, final String name, final long size)
    {
        final Superblock superblock = hdf.getHdfBackingStorage().getSuperblock();
        // the HDF5 library stores the end-of-file address with the base address (a user block) already added
        final long declared = superblock.getEndOfFileAddress();
        if (declared > size || declared < 0)
        {
            hdf.close();
            throw new LoadDataException(name, ROOT, "truncated or corrupt HDF5 file (it holds " + size
                + " bytes, its superblock declares " + declared + ")");
        }
    }
}
