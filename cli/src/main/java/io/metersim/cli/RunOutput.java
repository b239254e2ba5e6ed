package io.metersim.cli;

import io.metersim.core.AtomicFile;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code run} writes its records or tick lines: standard output, or {@code --out FILE}.
 * <p>
 * The file rule: a run with a tick limit writes a temporary file beside the target and renames it over the target
 * when the run ends, so the target is replaced atomically and never seen half-written; an interrupted run (Ctrl-C)
 * still renames, its file ending at the last complete tick. A run without a tick limit ({@code --ticks 0}) writes
 * the target itself, flushed at every tick end, so it can be followed with {@code tail -f}; it too ends at a
 * complete tick when stopped. When writing the output itself fails, a replaced target keeps its old content and
 * a streamed one keeps what was written before the failure.
 */
abstract class RunOutput implements AutoCloseable
{
    private static final int BUFFER_BYTES = 1 << 16;

    /**
     * @return the stream to write to; writes are serialised by the caller.
     */
    abstract OutputStream stream();

    /**
     * Flushes, and for standard output checks that its reader is still there.
     *
     * @throws IOException when the output cannot be written or its reader went away.
     */
    abstract void flush() throws IOException;

    /**
     * Ends the output after a run whose output did not fail: a file is committed (renamed into place or closed).
     *
     * @throws IOException when it cannot be.
     */
    abstract void finish() throws IOException;

    /**
     * Abandons an unfinished file; never throws.
     */
    @Override
    public abstract void close();

    /**
     * @return the file written, or null for standard output.
     */
    abstract Path target();

    /**
     * @return the bytes written.
     */
    abstract long bytes();

    static RunOutput stdout(final PrintStream out)
    {
        return new Stdout(out);
    }

    /**
     * Opens {@code --out} before anything else runs, so that a folder or an unwritable path is refused up front.
     *
     * @param target    the file.
     * @param streaming true to write the target itself (runs without a tick limit), false for an atomic replace.
     * @throws UsageException when the target is a folder, its folder does not exist, or it cannot be written.
     */
    static RunOutput file(final Path target, final boolean streaming)
    {
        if (Files.isDirectory(target))
        {
            throw new UsageException("--out names a folder [out=" + target + "]");
        }
        if (null != target.getParent() && !Files.exists(target.getParent()))
        {
            throw new UsageException("--out's folder does not exist [out=" + target + "]");
        }
        try
        {
            return streaming ? new StreamedFile(target) : new ReplacedFile(AtomicFile.create(target));
        }
        catch (final IOException ex)
        {
            throw new UsageException("--out cannot be written: " + describe(ex) + " [out=" + target + "]");
        }
    }

    private static String describe(final IOException ex)
    {
        final String reason = null == ex.getMessage() ? "" : ex.getMessage();
        return ex instanceof java.nio.file.AccessDeniedException ? "permission denied"
            : ex instanceof java.nio.file.NoSuchFileException ? "no such folder"
            : ex instanceof java.nio.file.FileSystemException fs && null != fs.getReason() ? fs.getReason()
            : reason;
    }

    /** Standard output: a PrintStream swallows write errors, so a closed pipe is found by checkError(). */
    private static final class Stdout extends RunOutput
    {
        private final PrintStream out;

        Stdout(final PrintStream out)
        {
            this.out = out;
        }

        @Override
        OutputStream stream()
        {
            return out;
        }

        @Override
        void flush() throws IOException
        {
            if (out.checkError())
            {
                throw new OutputClosedException();
            }
        }

        @Override
        void finish()
        {
            out.flush();
        }

        @Override
        public void close()
        {
            out.flush();
        }

        @Override
        Path target()
        {
            return null;
        }

        @Override
        long bytes()
        {
            return 0;
        }
    }

    /** A finite run's file: replaced atomically at the end. */
    private static final class ReplacedFile extends RunOutput
    {
        private final AtomicFile file;

        ReplacedFile(final AtomicFile file)
        {
            this.file = file;
        }

        @Override
        OutputStream stream()
        {
            try
            {
                return file.stream();
            }
            catch (final IOException ex)
            {
                throw CliException.unwritable(file.target(), ex);
            }
        }

        @Override
        void flush() throws IOException
        {
            file.stream().flush();
        }

        @Override
        void finish() throws IOException
        {
            file.commit();
        }

        @Override
        public void close()
        {
            file.close();
        }

        @Override
        Path target()
        {
            return file.target();
        }

        @Override
        long bytes()
        {
            return file.bytesWritten();
        }
    }

    /** An unbounded run's file: written in place and flushed every tick, so it can be followed. */
    private static final class StreamedFile extends RunOutput
    {
        private final Path target;
        private final Counting stream;

        StreamedFile(final Path target) throws IOException
        {
            final Path parent = target.toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }
            this.target = target;
            this.stream = new Counting(new BufferedOutputStream(Files.newOutputStream(target), BUFFER_BYTES));
        }

        @Override
        OutputStream stream()
        {
            return stream;
        }

        @Override
        void flush() throws IOException
        {
            stream.flush();
        }

        @Override
        void finish() throws IOException
        {
            stream.close();
        }

        @Override
        public void close()
        {
            try
            {
                stream.close();
            }
            catch (final IOException ignored)
            {
                // the run already reported the failure that got here
            }
        }

        @Override
        Path target()
        {
            return target;
        }

        @Override
        long bytes()
        {
            return stream.count;
        }
    }

    /** Counts the bytes passing through. */
    private static final class Counting extends FilterOutputStream
    {
        long count;

        Counting(final OutputStream out)
        {
            super(out);
        }

        @Override
        public void write(final int b) throws IOException
        {
            out.write(b);
            count++;
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException
        {
            out.write(b, off, len);
            count += len;
        }
    }
}
