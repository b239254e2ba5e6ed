package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteANewFileAndLeaveNoTemporaryFile() throws IOException
    {
        final Path target = dir.resolve("out.bin");

        AtomicFile.write(target, out -> out.write(bytes("hello")));

        assertEquals("hello", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void shouldReplaceAnExistingFile() throws IOException
    {
        final Path target = Files.writeString(dir.resolve("out.txt"), "old, and longer than the new contents");

        AtomicFile.write(target, out -> out.write(bytes("new")));

        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void shouldKeepThePermissionsOfTheFileItReplaces() throws IOException
    {
        assumePosix();
        final Path target = Files.writeString(dir.resolve("kept.txt"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFile.write(target, out -> out.write(bytes("new")));

        assertEquals("rw-r-----", permissions(target));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void shouldReplaceAReadOnlyFileAndKeepItReadOnly() throws IOException
    {
        assumePosix();
        final Path target = Files.writeString(dir.resolve("read-only.txt"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));

        try (AtomicFile file = AtomicFile.create(target))
        {
            assertEquals("rw-r--r--", permissions(file.temporary()), "the owner can still write it");
            file.stream().write(bytes("new"));
            file.commit();
        }

        assertEquals("r--r--r--", permissions(target));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void shouldNeverShowAReplacementToMoreUsersThanTheTarget() throws IOException
    {
        assumePosix();
        final Path target = Files.writeString(dir.resolve("secret.txt"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));

        try (AtomicFile file = AtomicFile.create(target))
        {
            assertEquals("rw-------", permissions(file.temporary()));
        }
    }

    @Test
    void shouldGiveANewFileThePermissionsOfAPlainCreate() throws IOException
    {
        assumePosix();
        final Path plain = Files.createFile(dir.resolve("plain.txt"));
        final Path target = dir.resolve("new.txt");

        AtomicFile.write(target, out -> out.write(bytes("x")));

        assertEquals(permissions(plain), permissions(target), "0666 less the umask, as any new file, not 0600");
    }

    @Test
    void shouldGiveRwRRUnderTheUsualUmask() throws IOException
    {
        assumePosix();
        final Path plain = Files.createFile(dir.resolve("plain.txt"));
        assumeTrue("rw-r--r--".equals(permissions(plain)), "umask 022 [plain=" + permissions(plain) + "]");
        final Path target = dir.resolve("new.txt");

        AtomicFile.write(target, out -> out.write(bytes("x")));

        assertEquals("rw-r--r--", permissions(target));
    }

    @Test
    void shouldCreateMissingFolders() throws IOException
    {
        final Path target = dir.resolve("a").resolve("b").resolve("out.txt");

        AtomicFile.write(target, out -> out.write(bytes("deep")));

        assertEquals("deep", Files.readString(target));
        assertEquals(List.of(target), files(target.getParent()));
    }

    @Test
    void shouldRefuseADirectoryBeforeCreatingAnything() throws IOException
    {
        final Path target = Files.createDirectory(dir.resolve("folder"));

        final FileSystemException ex = assertThrows(FileSystemException.class, () -> AtomicFile.create(target));

        assertEquals(target + ": is a directory", ex.getMessage());
        assertEquals(target.toString(), ex.getFile());
        assertEquals(List.of(target), files(dir));
        assertEquals(List.of(), files(target));
    }

    @Test
    void shouldReportAFileWhereAFolderShouldBe() throws IOException
    {
        final Path blocker = Files.writeString(dir.resolve("blocker"), "not a folder");

        final IOException ex = assertThrows(IOException.class, () -> AtomicFile.create(blocker.resolve("out.txt")));

        assertEquals(blocker.toString(), ex.getMessage());
        assertEquals(List.of(blocker), files(dir));
    }

    @Test
    void shouldGiveEachWriterItsOwnHiddenTemporaryFileBesideTheTarget() throws IOException
    {
        final Path target = dir.resolve("shared.txt");

        try (AtomicFile first = AtomicFile.create(target); AtomicFile second = AtomicFile.create(target))
        {
            assertNotEquals(first.temporary(), second.temporary());
            for (final AtomicFile file : List.of(first, second))
            {
                assertEquals(dir, file.temporary().getParent());
                final String name = file.temporary().getFileName().toString();
                assertTrue(name.startsWith(".shared.txt.") && name.endsWith(AtomicFile.TEMPORARY_SUFFIX), name);
                assertTrue(Files.isRegularFile(file.temporary()));
                assertEquals(0, Files.size(file.temporary()));
                assertSame(target, file.target());
            }
            first.stream().write(bytes("first"));
            second.stream().write(bytes("second"));
            first.commit();
            assertEquals("first", Files.readString(target));
            second.commit();
        }

        assertEquals("second", Files.readString(target), "the last to commit wins");
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void shouldLetConcurrentWritersAllCommitWithoutLeftovers() throws Exception
    {
        final Path target = dir.resolve("race.txt");
        final int writers = 8;
        final CyclicBarrier start = new CyclicBarrier(writers);
        final ExecutorService pool = Executors.newFixedThreadPool(writers);
        try
        {
            final List<Future<?>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++)
            {
                final String contents = ("writer " + w + "\n").repeat(10_000);
                results.add(pool.submit(() ->
                {
                    start.await();
                    AtomicFile.write(target, out -> out.write(bytes(contents)));
                    return null;
                }));
            }
            for (final Future<?> result : results)
            {
                result.get();
            }
        }
        finally
        {
            pool.shutdown();
        }

        final Set<String> whole = IntStream.range(0, writers).mapToObj(w -> ("writer " + w + "\n").repeat(10_000))
            .collect(Collectors.toSet());
        assertTrue(whole.contains(Files.readString(target)), "one writer's whole contents");
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void shouldLeaveTheTargetUntouchedWhenClosedUncommitted() throws IOException
    {
        final Path target = Files.writeString(dir.resolve("kept.txt"), "old");
        final Path absent = dir.resolve("absent.txt");

        try (AtomicFile file = AtomicFile.create(target); AtomicFile other = AtomicFile.create(absent))
        {
            file.stream().write(bytes("half-written"));
            file.stream().flush();
            other.stream().write(bytes("never committed"));
        }

        assertEquals("old", Files.readString(target));
        assertFalse(Files.exists(absent));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void shouldKeepTheOldTargetWhenAWriteFails() throws IOException
    {
        final Path target = Files.writeString(dir.resolve("kept.txt"), "old");

        final IOException ex = assertThrows(IOException.class, () -> AtomicFile.write(target, out ->
        {
            out.write(new byte[200_000]);
            throw new IOException("disk full");
        }));

        assertEquals("disk full", ex.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void shouldCountTheBytesWritten() throws IOException
    {
        final Path target = dir.resolve("counted.bin");
        final byte[] large = new byte[200_000];
        large[large.length - 1] = 7;

        try (AtomicFile file = AtomicFile.create(target))
        {
            assertEquals(0, file.bytesWritten());
            final OutputStream out = file.stream();
            assertSame(out, file.stream());
            out.write('a');
            out.write(bytes("bcd"));
            out.write(bytes("xefx"), 1, 2);
            assertEquals(6, file.bytesWritten(), "counted while still buffered");
            out.write(large);
            file.commit();
            assertEquals(6 + large.length, file.bytesWritten());
        }

        assertEquals(6 + large.length, Files.size(target));
        final byte[] written = Files.readAllBytes(target);
        assertEquals("abcdef", new String(written, 0, 6, StandardCharsets.US_ASCII));
        assertEquals(7, written[written.length - 1]);
    }

    @Test
    void shouldCommitWhatAWriterWroteByPath() throws IOException
    {
        final Path target = Files.writeString(dir.resolve("by-path.txt"), "old");

        try (AtomicFile file = AtomicFile.create(target))
        {
            Files.writeString(file.temporary(), "written by path");
            file.commit();
            assertEquals(0, file.bytesWritten());
        }

        assertEquals("written by path", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void shouldCommitAfterTheCallerClosedTheStream() throws IOException
    {
        final Path target = dir.resolve("closed-early.txt");

        try (AtomicFile file = AtomicFile.create(target))
        {
            try (Writer writer = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8))
            {
                writer.write("K\u00f8leskab");
            }
            file.commit();
        }

        assertArrayEquals("K\u00f8leskab".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    }

    @Test
    void shouldRefuseUseAfterCommitOrClose() throws IOException
    {
        final Path target = dir.resolve("once.txt");
        final AtomicFile committed = AtomicFile.create(target);
        committed.commit();
        final AtomicFile closed = AtomicFile.create(target);
        closed.close();
        closed.close();
        committed.close();

        assertEquals("cannot commit an atomic file that is committed [target=" + target + "]",
            assertThrows(IllegalStateException.class, committed::commit).getMessage());
        assertEquals("cannot stream an atomic file that is closed [target=" + target + "]",
            assertThrows(IllegalStateException.class, closed::stream).getMessage());
        assertEquals("", Files.readString(target), "committed with nothing written");
        assertEquals(List.of(target), files(dir));
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void assumePosix()
    {
        assumeTrue(null != Files.getFileAttributeView(dir, PosixFileAttributeView.class), "POSIX file system");
    }

    private static String permissions(final Path file) throws IOException
    {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static List<Path> files(final Path folder) throws IOException
    {
        try (Stream<Path> files = Files.list(folder))
        {
            return files.sorted().toList();
        }
    }
}
