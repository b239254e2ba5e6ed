package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.metersim.core.ResourceStatus.APPROVED;
import static io.metersim.core.ResourceStatus.PENDING;
import static io.metersim.core.ResourceStatus.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistryStatusWriteTest
{
    private static final String HEADER = "ven,resource_id,resource_name,status,meter_point_id,resource_type";
    /** BOM, CRLF, blank lines, lower-case and quoted statuses, multi-byte text, a multi-line field, no final EOL. */
    private static final String ORIGINAL = "\uFEFF" + HEADER + "\r\n"
        + "Herning,R1,\"K\u00f8leskab, garage \uD83D\uDE42\",approved,707,HEAT\r\n"
        + "\r\n"
        + "Herning,R2,\"two\r\nlines\",pending,,\r\n"
        + "   \r\n"
        + "Aarhus,A1,\u00c6r\u00f8,\"Suspended\",,EV\r\n"
        + "Aarhus,A2,x, pending ,,EV";

    @TempDir
    Path dir;

    @Test
    void shouldChangeOnlyTheStatusFieldsThatChangedAndKeepEveryOtherByte() throws IOException
    {
        final Path file = write(ORIGINAL);
        final Registry read = Registry.readCsv(file);

        final int changed = withStatuses(read, APPROVED, APPROVED, PENDING, APPROVED).writeStatusChanges(file);

        assertEquals(3, changed);
        assertArrayEquals(bytes(ORIGINAL.replace(",pending,", ",APPROVED,").replace("\"Suspended\"", "PENDING")
            .replace(" pending ", "APPROVED")), Files.readAllBytes(file));
        assertEquals(List.of(APPROVED, APPROVED, PENDING, APPROVED),
            Registry.readCsv(file).resources().stream().map(ResourceSpec::status).toList());
        try (var files = Files.list(dir))
        {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void shouldWriteNothingWhenNoStatusChanged() throws IOException
    {
        final Path file = write(ORIGINAL);

        assertEquals(0, Registry.readCsv(file).writeStatusChanges(file));

        assertArrayEquals(bytes(ORIGINAL), Files.readAllBytes(file));
    }

    @Test
    void shouldSaveAStatusChangedThroughTheSimulator() throws IOException
    {
        final Path file = write(ORIGINAL);
        final MeterSimulator simulator = MeterSimulator.create(TestLoads.formula(4, 5), Registry.readCsv(file),
            SimulatorOptions.defaults());
        simulator.updateResourceStatus("Herning", "R1", SUSPENDED);
        simulator.updateResourceStatus("Aarhus", "A1", SUSPENDED);

        assertEquals(1, simulator.registry().writeStatusChanges(file));

        assertArrayEquals(bytes(ORIGINAL.replace(",approved,", ",SUSPENDED,")), Files.readAllBytes(file));
    }

    @Test
    void shouldKeepAnEditMadeToTheFileSinceItWasRead() throws IOException
    {
        final Path file = write(ORIGINAL);
        final Registry read = Registry.readCsv(file);
        final String edited = ORIGINAL.replace("\u00c6r\u00f8", "\u00c6r\u00f8sk\u00f8bing")
            + "\r\nOdense,O1,y,pending,,\r\n";
        Files.write(file, bytes(edited));

        assertEquals(1, withStatuses(read, APPROVED, SUSPENDED, SUSPENDED, PENDING).writeStatusChanges(file));

        assertArrayEquals(bytes(edited.replace(",pending,,\r\n   ", ",SUSPENDED,,\r\n   ")),
            Files.readAllBytes(file));
    }

    @Test
    void shouldRefuseAResourceTheFileDoesNotHoldAndLeaveTheFile() throws IOException
    {
        final Path file = write(ORIGINAL);
        final Registry other = Registry.of(List.of(
            new ResourceSpec("Herning", "R1", "", SUSPENDED, "", ""),
            new ResourceSpec("Herning", "R9", "", APPROVED, "", "")));

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class,
            () -> other.writeStatusChanges(file));

        assertEquals("resource_id R9 of ven Herning is not in the registry file, nothing written [file=" + file + "]",
            ex.getMessage());
        assertEquals(file.toString(), ex.file());
        assertArrayEquals(bytes(ORIGINAL), Files.readAllBytes(file));
    }

    @Test
    void shouldRefuseAFileThatNoLongerParsesNamingItsLine() throws IOException
    {
        final Path file = write(ORIGINAL);
        final Registry read = Registry.readCsv(file);
        final String broken = ORIGINAL + "\r\nOdense,O1,\"open";
        Files.write(file, bytes(broken));

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class,
            () -> withStatuses(read, PENDING, PENDING, PENDING, PENDING).writeStatusChanges(file));

        assertEquals("unterminated quoted field 3 [file=" + file + " line=9]", ex.getMessage());
        assertArrayEquals(bytes(broken), Files.readAllBytes(file));
    }

    private static Registry withStatuses(final Registry registry, final ResourceStatus... statuses)
    {
        final byte[] ordinals = new byte[statuses.length];
        for (int i = 0; i < statuses.length; i++)
        {
            ordinals[i] = (byte)statuses[i].ordinal();
        }
        return registry.withStatuses(ordinals);
    }

    private Path write(final String content) throws IOException
    {
        return Files.write(dir.resolve("resources.csv"), bytes(content));
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
