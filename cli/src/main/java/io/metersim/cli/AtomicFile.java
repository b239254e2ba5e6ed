package io.metersim.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written under a temporary name beside its target and renamed into place only when complete.
 */
final class AtomicFile implements AutoCloseable
{
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path target;
    private final Path temp;
    private final CountingOutputStream stream;
    private boolean committed;

    private AtomicFile(final Path target, final Path temp, final CountingOutputStream stream)
    {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /**
     * @param target the file to write; its folder is created if needed.
     * @return an open temporary file beside the target.
     */
    static AtomicFile open(final Path target)
    {
        createParent(target);
        try
        {
            // a plain new file rather than createTempFile, so the result gets the usual permissions (umask)
            final Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + "." + System.nanoTime() + ".tmp");
            return new AtomicFile(target, temp, new CountingOutputStream(new BufferedOutputStream(
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), BUFFER_BYTES)));
        }
        catch (final IOException ex)
        {
            throw CliException.unwritable(target, ex);
        }
    }

    static void createParent(final Path target)
    {
        final Path parent = target.toAbsolutePath().getParent();
        try
        {
            Files.createDirectories(parent);
        }
        catch (final IOException ex)
        {
            throw CliException.unwritable(target, ex);
        }
    }

    /**
     * @return the buffered stream into the temporary file, counting the bytes written.
     */
    CountingOutputStream stream()
    {
        return stream;
    }

    Path target()
    {
        return target;
    }

    /**
     * Flushes, closes and renames the temporary file over the target.
     */
    void commit()
    {
        try
        {
            stream.close();
            try
            {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }
        catch (final IOException ex)
        {
            throw CliException.unwritable(target, ex);
        }
    }

    /**
     * Deletes the temporary file unless it was committed.
     */
    @Override
    public void close()
    {
        if (!committed)
        {
            try
            {
                stream.close();
            }
            catch (final IOException ignored)
            {
                // the file is deleted below; a failed close changes nothing the user sees
            }
            try
            {
                Files.deleteIfExists(temp);
            }
            catch (final IOException ignored)
            {
                // best effort: a stray hidden .tmp file is harmless and never mistaken for the target
            }
        }
    }

    /**
     * Counts what passes through it, for the bytes-per-second figure.
     */
    static final class CountingOutputStream extends OutputStream
    {
        private final OutputStream delegate;
        private long count;

        CountingOutputStream(final OutputStream delegate)
        {
            this.delegate = delegate;
        }

        long count()
        {
            return count;
        }

        @Override
        public void write(final int b) throws IOException
        {
            delegate.write(b);
            count++;
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException
        {
            delegate.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException
        {
            delegate.flush();
        }

        @Override
        public void close() throws IOException
        {
            delegate.close();
        }
    }
}
