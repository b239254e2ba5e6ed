package io.metersim.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TempFolderTest
{
    @Test
    void shouldDeleteTheFolderWithEverythingInIt() throws IOException
    {
        final TempFolder folder = TempFolder.create("metersim-temp-folder-test");
        final Path file = folder.resolve("a.h5");
        final Path nested = folder.resolve("sub").resolve("b.h5");
        Files.createDirectories(nested.getParent());
        Files.writeString(file, "a");
        Files.writeString(nested, "b");
        final Path root = file.getParent();
        assertTrue(root.getFileName().toString().startsWith("metersim-temp-folder-test"));

        folder.close();

        assertFalse(Files.exists(root));
    }
}
