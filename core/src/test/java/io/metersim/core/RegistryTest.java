package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.metersim.core.ResourceStatus.APPROVED;
import static io.metersim.core.ResourceStatus.PENDING;
import static io.metersim.core.ResourceStatus.SUSPENDED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RegistryTest
{
    private static final String HEADER = "ven,resource_id,resource_name,status,meter_point_id";
    private static final String EXPECTED_HEADER =
        "ven,resource_id,resource_name,status,meter_point_id[,resource_type]";

    @TempDir
    Path dir;

    @Test
    void shouldReadQuotedCommasEscapedQuotesLineBreaksAndSkipBlankLines() throws IOException
    {
        final Path file = write("registry.csv", "\uFEFF" + HEADER + ",resource_type\r\n"
            + "Herning,R1,\"Heat pump, garage\",APPROVED,707057500057158458,HEAT_PUMP\r\n"
            + "\r\n"
            + "Herning,R2,\"Say \"\"hi\"\"\",pending,,\r\n"
            + "  \n"
            + "Aarhus,R1,\"Two\nlines\",Suspended,,EV");

        final Registry registry = Registry.readCsv(file);

        assertEquals(List.of(
            new ResourceSpec("Herning", "R1", "Heat pump, garage", APPROVED, "707057500057158458", "HEAT_PUMP"),
            new ResourceSpec("Herning", "R2", "Say \"hi\"", PENDING, "", ""),
            new ResourceSpec("Aarhus", "R1", "Two\nlines", SUSPENDED, "", "EV")), registry.resources());
        assertEquals(List.of("Herning", "Aarhus"), registry.venNames());
        assertEquals(3, registry.size());
    }

    @Test
    void shouldKeepWhitespaceInsideQuotesAndStripUnquotedFields() throws IOException
    {
        final Path file = write("registry.csv", HEADER + ",resource_type\n"
            + "  Herning  ,R1,\"  padded name  \", approved ,\" 707 \",  EV  \n");

        final Registry registry = Registry.readCsv(file);

        assertEquals(List.of(new ResourceSpec("Herning", "R1", "  padded name  ", APPROVED, " 707 ", "EV")),
            registry.resources());
        registry.writeCsv(file);
        assertEquals(HEADER + ",resource_type\nHerning,R1,\"  padded name  \",APPROVED,\" 707 \",EV\n",
            Files.readString(file));
        assertEquals(registry.resources(), Registry.readCsv(file).resources());
    }

    @Test
    void shouldWarnOfResourceIdsOfOneVenThatDifferOnlyInCase() throws IOException
    {
        final Path file = write("registry.csv", HEADER + "\n"
            + "Herning,Heat-1,A,APPROVED,\n"
            + "Aarhus,heat-1,B,APPROVED,\n"
            + "Herning,R2,C,APPROVED,\n"
            + "Herning,HEAT-1,D,PENDING,\n"
            + "Herning,heat-1,E,PENDING,\n");

        final Registry registry = Registry.readCsv(file);

        assertEquals(5, registry.size());
        assertEquals(List.of(
            "resource_id HEAT-1 differs only in case from Heat-1 at line 2 [file=" + file + " line=5 ven=Herning]",
            "resource_id heat-1 differs only in case from Heat-1 at line 2 [file=" + file + " line=6 ven=Herning]"),
            registry.warnings());
        assertEquals(List.of("resource_id r1 differs only in case from R1 [ven=Herning index=1 first=0]"),
            Registry.of(List.of(new ResourceSpec("Herning", "R1", "", APPROVED, "", ""),
                new ResourceSpec("Herning", "r1", "", APPROVED, "", ""))).warnings());
        assertEquals(List.of(), Registry.synthetic(2, 3).warnings());
        assertEquals(List.of(), Registry.readCsv(write("plain.csv", HEADER + "\nHerning,R1,A,APPROVED,\n"))
            .warnings());
    }

    @Test
    void shouldReadFiveColumnFileWithoutTypes() throws IOException
    {
        final Path file = write("registry.csv", HEADER + "\nAalborg,A-1,Boiler,APPROVED,\n");

        assertEquals(List.of(new ResourceSpec("Aalborg", "A-1", "Boiler", APPROVED, "", "")),
            Registry.readCsv(file).resources());
    }

    static Stream<Arguments> malformed()
    {
        final String h = HEADER + "\n";
        return Stream.of(
            Arguments.of("empty file", "", "missing header, expected " + EXPECTED_HEADER, 1),
            Arguments.of("only blank lines", "\n\n", "missing header, expected " + EXPECTED_HEADER, 3),
            Arguments.of("wrong header", "ven,id\n", "unexpected header ven,id, expected " + EXPECTED_HEADER, 1),
            Arguments.of("too few fields", h + "Herning,R1,Name,APPROVED\n", "expected 5 fields, found 4", 2),
            Arguments.of("too many fields", h + "\nHerning,R1,N,APPROVED,,x\n", "expected 5 fields, found 6", 3),
            Arguments.of("unterminated quote", h + "\nHerning,R1,\"Name,APPROVED,\n", "unterminated quoted field 3", 3),
            Arguments.of("text after quote", h + "Herning,R1,\"Name\"x,APPROVED,\n",
                "unexpected character 'x' after closing quote of field 3", 2),
            Arguments.of("quote in field", h + "Herning,R1,Na\"me,APPROVED,\n", "quote inside unquoted field 3", 2),
            Arguments.of("empty ven", h + ",R1,Name,APPROVED,\n", "empty ven", 2),
            Arguments.of("blank resource id", h + "Herning, ,Name,APPROVED,\n", "empty resource_id", 2),
            Arguments.of("unknown status", h + "Herning,R1,Name,ACTIVE,\n",
                "unknown status: ACTIVE (allowed: PENDING, APPROVED, SUSPENDED)", 2),
            Arguments.of("byte order mark at the start of a row",
                h + "Herning,R1,A,APPROVED,\n\uFEFFKolding,K1,B,APPROVED,\n",
                "byte order mark (U+FEFF) in field 1", 3),
            Arguments.of("byte order mark inside a quoted field", h + "Herning,R1,\"A\uFEFF\",APPROVED,\n",
                "byte order mark (U+FEFF) in field 3", 2),
            Arguments.of("second byte order mark before the header", "\uFEFF\uFEFF" + h,
                "byte order mark (U+FEFF) in field 1", 1),
            Arguments.of("NUL in an unquoted field", h + "Herning,R\u00001,A,APPROVED,\n",
                "NUL character in field 2", 2),
            Arguments.of("NUL in a multi-line quoted field", h + "Herning,R1,\"two\nli\u0000nes\",APPROVED,\n",
                "NUL character in field 3", 2),
            Arguments.of("quoted blank ven", h + "\"  \",R1,Name,APPROVED,\n", "empty ven", 2),
            Arguments.of("duplicate after multi-line name",
                h + "Herning,R1,A,APPROVED,\nHerning,R2,\"multi\nline\",PENDING,\nHerning,R1,B,PENDING,\n",
                "duplicate resource_id R1 for ven Herning (first at line 2)", 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldRefuseMalformedRowNamingFileAndLine(
        final String name, final String content, final String problem, final int line) throws IOException
    {
        final Path file = write("bad.csv", content);

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class, () -> Registry.readCsv(file));

        assertEquals(problem + " [file=" + file + " line=" + line + "]", ex.getMessage());
        assertEquals(line, ex.line());
        assertEquals(file.toString(), ex.file());
    }

    @Test
    void shouldRefuseMissingFile()
    {
        final Path file = dir.resolve("absent.csv");

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class, () -> Registry.readCsv(file));

        assertEquals("cannot read registry: no such file or folder [file=" + file + "]",
            ex.getMessage());
    }

    @Test
    void shouldRefuseNonUtf8File() throws IOException
    {
        final Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "\nHerning,R1,K\u00f8leskab,APPROVED,\n").getBytes(StandardCharsets.ISO_8859_1));

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class, () -> Registry.readCsv(file));

        assertEquals("registry is not UTF-8 text [file=" + file + "]", ex.getMessage());
    }

    @Test
    void shouldWriteSameFormatAtomicallyAndReadItBack() throws IOException
    {
        final Registry registry = Registry.of(List.of(
            new ResourceSpec("Herning", "R1", "Heat pump, garage", APPROVED, "707057500057158458", "HEAT_PUMP"),
            new ResourceSpec("Herning", "R2", "Say \"hi\"", PENDING, "", ""),
            new ResourceSpec("Aarhus", "R1", "Two\nlines", SUSPENDED, "", "EV")));
        final Path file = write("out.csv", "old content");

        registry.writeCsv(file);

        assertEquals(HEADER + ",resource_type\n"
            + "Herning,R1,\"Heat pump, garage\",APPROVED,707057500057158458,HEAT_PUMP\n"
            + "Herning,R2,\"Say \"\"hi\"\"\",PENDING,,\n"
            + "Aarhus,R1,\"Two\nlines\",SUSPENDED,,EV\n", Files.readString(file));
        assertEquals(registry.resources(), Registry.readCsv(file).resources());
        try (var files = Files.list(dir))
        {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void shouldGiveANewFileThePermissionsOfAPlainWrite() throws IOException
    {
        assumeTrue(null != Files.getFileAttributeView(dir, PosixFileAttributeView.class), "POSIX file system");
        final Path plain = write("plain.csv", "x");
        final Path file = dir.resolve("new.csv");

        Registry.synthetic(1, 1).writeCsv(file);

        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
            PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void shouldKeepThePermissionsOfTheFileItReplaces() throws IOException
    {
        assumeTrue(null != Files.getFileAttributeView(dir, PosixFileAttributeView.class), "POSIX file system");
        final Path file = write("kept.csv", "old content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        Registry.synthetic(1, 1).writeCsv(file);

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(HEADER + "\nVEN-00001,VEN-00001-R0001,VEN-00001-R0001,APPROVED,\n", Files.readString(file));
    }

    @Test
    void shouldWriteFiveColumnsWhenNoResourceHasAType() throws IOException
    {
        final Path file = dir.resolve("five.csv");

        Registry.synthetic(1, 2).writeCsv(file);

        assertEquals(HEADER + "\nVEN-00001,VEN-00001-R0001,VEN-00001-R0001,APPROVED,\n"
            + "VEN-00001,VEN-00001-R0002,VEN-00001-R0002,APPROVED,\n", Files.readString(file));
    }

    @Test
    void shouldReportUnwritableTarget() throws IOException
    {
        final Path blocker = write("blocker", "a file where a folder should be");
        final Path file = blocker.resolve("out.csv");

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class,
            () -> Registry.synthetic(1, 1).writeCsv(file));

        assertEquals("cannot write registry: a file is in the way [at=" + blocker
            + "] [file=" + file + "]", ex.getMessage());
    }

    @Test
    void shouldRefuseADirectoryAsTarget() throws IOException
    {
        final Path folder = Files.createDirectory(dir.resolve("folder.csv"));

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class,
            () -> Registry.synthetic(1, 1).writeCsv(folder));

        assertEquals("cannot write registry: is a directory"
            + " [file=" + folder + "]", ex.getMessage());
        try (var files = Files.list(folder))
        {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void shouldCreateMissingFolders() throws IOException
    {
        final Path file = dir.resolve("missing-dir").resolve("deeper").resolve("out.csv");

        Registry.synthetic(1, 1).writeCsv(file);

        assertEquals(HEADER + "\nVEN-00001,VEN-00001-R0001,VEN-00001-R0001,APPROVED,\n", Files.readString(file));
    }

    @Test
    void shouldRefuseALoneSurrogateAndKeepTheOldFile() throws IOException
    {
        final Path file = write("kept.csv", "old content");
        final Registry registry = Registry.of(
            List.of(new ResourceSpec("Herning", "R1", "bad \uD800", APPROVED, "", "")));

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class, () -> registry.writeCsv(file));

        assertEquals("cannot write registry: text that cannot be encoded or decoded in UTF-8 [file=" + file + "]",
            ex.getMessage());
        assertEquals("old content", Files.readString(file));
        try (var files = Files.list(dir))
        {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void shouldBuildSyntheticRegistryInOrder()
    {
        final Registry registry = Registry.synthetic(3, 120);

        assertEquals(List.of("VEN-00001", "VEN-00002", "VEN-00003"), registry.venNames());
        assertEquals(360, registry.size());
        assertEquals(new ResourceSpec("VEN-00001", "VEN-00001-R0001", "VEN-00001-R0001", APPROVED, "", ""),
            registry.resource(0));
        assertEquals(new ResourceSpec("VEN-00003", "VEN-00003-R0120", "VEN-00003-R0120", APPROVED, "", ""),
            registry.resource(359));
    }

    @Test
    void shouldRefuseNegativeSyntheticCounts()
    {
        final MetersimException ex = assertThrows(MetersimException.class, () -> Registry.synthetic(2, -1));

        assertEquals("negative count [vens=2 resourcesPerVen=-1]", ex.getMessage());
    }

    @Test
    void shouldRefuseDuplicateInList()
    {
        final List<ResourceSpec> resources = List.of(
            new ResourceSpec("Herning", "R1", "a", APPROVED, "", ""),
            new ResourceSpec("Aarhus", "R1", "b", APPROVED, "", ""),
            new ResourceSpec("Herning", "R1", "c", PENDING, "", ""));

        final RegistryFormatException ex = assertThrows(RegistryFormatException.class, () -> Registry.of(resources));

        assertEquals("duplicate resource_id R1 [ven=Herning index=2 first=0]", ex.getMessage());
    }

    @Test
    void shouldRefuseMissingListOrResource()
    {
        final List<ResourceSpec> withNull = Arrays.asList(
            new ResourceSpec("Herning", "R1", "a", APPROVED, "", ""), null);

        assertEquals("missing resource list",
            assertThrows(RegistryFormatException.class, () -> Registry.of(null)).getMessage());
        assertEquals("missing resource [index=1]",
            assertThrows(RegistryFormatException.class, () -> Registry.of(withNull)).getMessage());
    }

    @Test
    void shouldRefuseResourceSpecWithoutMandatoryFields()
    {
        assertEquals("empty ven [resource_id=R1]", assertThrows(RegistryFormatException.class,
            () -> new ResourceSpec("", "R1", "n", APPROVED, "", "")).getMessage());
        assertEquals("empty resource_id [ven=Herning]", assertThrows(RegistryFormatException.class,
            () -> new ResourceSpec("Herning", null, "n", APPROVED, "", "")).getMessage());
        assertEquals("missing status [ven=Herning resource_id=R1]", assertThrows(RegistryFormatException.class,
            () -> new ResourceSpec("Herning", "R1", "n", null, "", "")).getMessage());
        assertEquals(new ResourceSpec("Herning", "R1", "", APPROVED, "", ""),
            new ResourceSpec("Herning", "R1", null, APPROVED, null, null));
    }

    @Test
    void shouldParseStatusesAndTimeModesInAnyCase()
    {
        assertArrayEquals(new ResourceStatus[] {PENDING, APPROVED, SUSPENDED}, new ResourceStatus[] {
            ResourceStatus.parse("pending"), ResourceStatus.parse(" APPROVED "), ResourceStatus.parse("Suspended")});
        assertEquals(TimeMode.CONTINUOUS, TimeMode.parse("continuous"));
        assertEquals(TimeMode.RAW, TimeMode.parse("RAW"));
        assertEquals("unknown status: ACTIVE [allowed=PENDING, APPROVED, SUSPENDED]",
            assertThrows(MetersimException.class, () -> ResourceStatus.parse("ACTIVE")).getMessage());
        assertEquals("unknown time mode: wall [allowed=RAW, CONTINUOUS]",
            assertThrows(MetersimException.class, () -> TimeMode.parse("wall")).getMessage());
    }

    private Path write(final String name, final String content) throws IOException
    {
        return Files.writeString(dir.resolve(name), content);
    }
}
