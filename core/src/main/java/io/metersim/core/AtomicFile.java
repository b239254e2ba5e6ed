package io.metersim.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written under a unique temporary name in its target's folder and renamed over the target only when
 * complete, so a reader sees the old file or the whole new one, never a part, and a failed or abandoned write leaves
 * the target as it was.
 * <pre>{@code
 * try (AtomicFile file = AtomicFile.create(target))
 * {
 *     file.stream().write(bytes);
 *     file.commit();
 * }
 * }</pre>
 * Write either through {@link #stream()} or by path to {@link #temporary()} (for libraries that open the file
 * themselves), not both. {@link #commit()} makes the data durable before the rename; {@link #close()} deletes the
 * temporary file unless it was committed.
 * <p>
 * <b>Permissions.</b> When the target exists, the result gets its POSIX permissions. When it does not, the result
 * gets what any new file gets: {@code rw-rw-rw-} less the process's umask ({@code rw-r--r--} under the usual 022),
 * as with {@link Files#createFile} or a shell redirection. To get that without reading the umask (Java cannot), the
 * temporary file is created with {@link Files#createFile} under a random name, retried on the rare collision, rather
 * than with {@link Files#createTempFile}, whose files are {@code rw-------}. While a replacement is written, the
 * temporary file already carries the target's permissions plus owner read and write, so it never shows the new
 * contents to more users than the target does.
 * <p>
 * Not thread-safe: one thread writes and commits. Two instances for the same target never collide; the last to
 * commit wins.
 */
public final class AtomicFile implements AutoCloseable
{
    /** Suffix of every temporary file, which is named {@code .<target name>.<random>.tmp}. */
    public static final String TEMPORARY_SUFFIX = ".tmp";

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_NAME_CHARS = 120;
    private static final int MAX_ATTEMPTS = 100;
    private static final int RADIX = 36;

    private final Path target;
    private final Path directory;
    private final Path temporary;
    private CountingOutputStream stream;
    private boolean committed;
    private boolean closed;

    private AtomicFile(final Path target, final Path directory, final Path temporary)
    {
        this.target = target;
        this.directory = directory;
        this.temporary = temporary;
    }

    /**
     * What {@link #write(Path, Content)} writes.
     */
    @FunctionalInterface
    public interface Content
    {
        /**
         * @param out the buffered stream into the temporary file; flushed and closed by the caller.
         * @throws IOException when writing fails, which abandons the file.
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a whole file atomically: creates it, hands its stream to {@code content}, then commits.
     *
     * @param target  the file to write or replace; its folder is created if needed.
     * @param content writes the file's bytes.
     * @throws IOException when the file cannot be created, written or committed; the target is then unchanged.
     */
    public static void write(final Path target, final Content content) throws IOException
    {
        try (AtomicFile file = create(target))
        {
            content.writeTo(file.stream());
            file.commit();
        }
    }

    /**
     * Creates the target's missing folders and an empty temporary file beside it.
     *
     * @param target the file to write or replace.
     * @return the open file, to commit or close.
     * @throws FileSystemException when the target is an existing directory, checked before anything is created.
     * @throws IOException         when the folder or the temporary file cannot be created.
     */
    public static AtomicFile create(final Path target) throws IOException
    {
        final Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute))
        {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        final Path directory = absolute.getParent();
        Files.createDirectories(directory);
        final Path temporary = createTemporary(directory, absolute.getFileName().toString());
        try
        {
            restrictToTarget(absolute, temporary);
        }
        catch (final IOException | RuntimeException ex)
        {
            deleteQuietly(temporary);
            throw ex;
        }
        return new AtomicFile(target, directory, temporary);
    }

    /**
     * @return the file being written or replaced, as given to {@link #create(Path)}.
     */
    public Path target()
    {
        return target;
    }

    /**
     * For writers that open the file by path. The file exists and is empty until written, so a writer that opens
     * without truncating (jhdf's {@code HdfFile.write(Path)}) finds no stale bytes.
     *
     * @return the absolute path of the temporary file, in the target's folder.
     */
    public Path temporary()
    {
        return temporary;
    }

    /**
     * @return the buffered stream into the temporary file, opened on the first call; the same stream afterwards.
     * @throws IOException           when the temporary file cannot be opened.
     * @throws IllegalStateException after {@link #commit()} or {@link #close()}.
     */
    public OutputStream stream() throws IOException
    {
        checkWritable("stream");
        if (null == stream)
        {
            stream = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(
                temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), BUFFER_BYTES));
        }
        return stream;
    }

    /**
     * @return the bytes written so far through {@link #stream()}, buffered or not; 0 when writing by path.
     */
    public long bytesWritten()
    {
        return null == stream ? 0 : stream.count;
    }

    /**
     * Flushes and closes the stream, forces the data to disk, applies the permissions, renames the temporary file
     * over the target (atomically where the file system can) and, best effort, forces the folder's entry to disk.
     *
     * @throws IOException           when any step but the last fails; the target is then unchanged and
     *                               {@link #close()} deletes the temporary file.
     * @throws IllegalStateException when already committed or closed.
     */
    public void commit() throws IOException
    {
        checkWritable("commit");
        if (null != stream)
        {
            stream.close();
        }
        force(temporary);
        copyPermissions(target, temporary);
        moveOver(temporary, target);
        committed = true;
        forceQuietly(directory);
    }

    /**
     * Deletes the temporary file unless committed; never throws. Closing again does nothing.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (!committed)
        {
            closeQuietly(stream);
            deleteQuietly(temporary);
        }
    }

    @Override
    public String toString()
    {
        return "AtomicFile[target=" + target + " temporary=" + temporary + " committed=" + committed + "]";
    }

    private void checkWritable(final String action)
    {
        if (committed || closed)
        {
            throw new IllegalStateException("cannot " + action + " an atomic file that is "
                + (committed ? "committed" : "closed") + " [target=" + target + "]");
        }
    }

    private static Path createTemporary(final Path directory, final String name) throws IOException
    {
        final String prefix = "." + (name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name) + ".";
        for (int attempt = 1; ; attempt++)
        {
            final String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), RADIX);
            final Path temporary = directory.resolve(prefix + random + TEMPORARY_SUFFIX);
            try
            {
                // O_CREAT | O_EXCL with mode 0666, so the umask applies as to any new file
                return Files.createFile(temporary);
            }
            catch (final FileAlreadyExistsException ex)
            {
                if (attempt == MAX_ATTEMPTS)
                {
                    throw ex;
                }
            }
        }
    }

    private static void restrictToTarget(final Path target, final Path temporary) throws IOException
    {
        if (isPosixFile(target))
        {
            final Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            permissions.addAll(Files.getPosixFilePermissions(target));
            permissions.add(PosixFilePermission.OWNER_READ);
            permissions.add(PosixFilePermission.OWNER_WRITE);
            Files.setPosixFilePermissions(temporary, permissions);
        }
    }

    private static void copyPermissions(final Path target, final Path temporary) throws IOException
    {
        if (isPosixFile(target))
        {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        }
    }

    private static boolean isPosixFile(final Path file)
    {
        return Files.isRegularFile(file) && null != Files.getFileAttributeView(file, PosixFileAttributeView.class);
    }

    private static void force(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
    }

    private static void moveOver(final Path temporary, final Path target) throws IOException
    {
        try
        {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void forceQuietly(final Path directory)
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException | RuntimeException ignored)
        {
            // some platforms cannot open or sync a folder; the rename itself has happened
        }
    }

    private static void closeQuietly(final OutputStream stream)
    {
        if (null != stream)
        {
            try
            {
                stream.close();
            }
            catch (final IOException | RuntimeException ignored)
            {
                // the file is abandoned and deleted; a failed flush changes nothing
            }
        }
    }

    private static void deleteQuietly(final Path temporary)
    {
        try
        {
            Files.deleteIfExists(temporary);
        }
        catch (final IOException | RuntimeException ignored)
        {
            // best effort: a stray hidden .tmp file is harmless and never mistaken for the target
        }
    }

    /**
     * Counts the bytes written into it.
     */
    private static final class CountingOutputStream extends OutputStream
    {
        private final OutputStream delegate;
        private long count;

        CountingOutputStream(final OutputStream delegate)
        {
            this.delegate = delegate;
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
