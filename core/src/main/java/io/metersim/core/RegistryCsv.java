package io.metersim.core;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes registry CSV files (RFC 4180 quoting, UTF-8). Unquoted fields are stripped of surrounding blanks;
 * quoted fields are kept exactly as quoted.
 */
final class RegistryCsv
{
    static final String HEADER = "ven,resource_id,resource_name,status,meter_point_id";
    static final String TYPE_COLUMN = "resource_type";
    private static final int STATUS_FIELD = 3;

    private final String file;
    private final String text;
    private final List<String> fields = new ArrayList<>(6);
    private final StringBuilder field = new StringBuilder();
    /** Per data row, the start (inclusive) and end (exclusive) char index of its raw status field; or null. */
    private final IntArrayList statusRanges;
    private final List<String> warnings = new ArrayList<>();
    private int statusStart;
    private int statusEnd;
    private int pos;
    private int line = 1;

    private RegistryCsv(final String file, final String text, final IntArrayList statusRanges)
    {
        this.file = file;
        this.text = text;
        this.statusRanges = statusRanges;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    static Registry read(final Path path)
    {
        return new RegistryCsv(path.toString(), decode(path, readBytes(path)), null).parse();
    }

    private static byte[] readBytes(final Path path)
    {
        try
        {
            return Files.readAllBytes(path);
        }
        catch (final IOException ex)
        {
            throw new RegistryFormatException(path.toString(), "cannot read registry: " + Failures.describe(ex), ex);
        }
    }

    /**
     * Decodes strictly, so that every char maps back to exactly the bytes it came from.
     */
    private static String decode(final Path path, final byte[] bytes)
    {
        try
        {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        }
        catch (final CharacterCodingException ex)
        {
            throw new RegistryFormatException(path.toString(), "registry is not UTF-8 text", ex);
        }
    }

    private Registry parse()
    {
        final int columns = parseHeader();
        final RegistryBuilder builder = new RegistryBuilder();
        final IntArrayList lines = new IntArrayList();
        while (pos < text.length())
        {
            final int recordLine = line;
            if (!nextRecord(recordLine))
            {
                continue;
            }
            if (fields.size() != columns)
            {
                throw fail(recordLine, "expected " + columns + " fields, found " + fields.size());
            }
            final String ven = fields.get(0);
            final String resourceId = fields.get(1);
            if (ven.isBlank())
            {
                throw fail(recordLine, "empty ven");
            }
            if (resourceId.isBlank())
            {
                throw fail(recordLine, "empty resource_id");
            }
            final ResourceStatus status = ResourceStatus.parseOrNull(fields.get(STATUS_FIELD));
            if (null == status)
            {
                throw fail(recordLine, ResourceStatus.unknown(fields.get(STATUS_FIELD).strip())
                    + " (allowed: " + ResourceStatus.allowed() + ")");
            }
            final String type = columns == 6 ? fields.get(5) : "";
            final int previous = builder.add(ven, resourceId, fields.get(2), status, fields.get(4), type);
            if (previous >= 0)
            {
                throw fail(recordLine, "duplicate resource_id " + resourceId + " for ven " + ven
                    + " (first at line " + lines.getInt(previous) + ")");
            }
            final int twin = builder.sameIdInOtherCase(lines.size());
            if (twin >= 0)
            {
                warnings.add("resource_id " + resourceId + " differs only in case from " + builder.resourceId(twin)
                    + " at line " + lines.getInt(twin) + " [file=" + file + " line=" + recordLine + " ven=" + ven
                    + "]");
            }
            lines.add(recordLine);
            if (null != statusRanges)
            {
                statusRanges.add(statusStart);
                statusRanges.add(statusEnd);
            }
        }
        return builder.build(warnings);
    }

    private int parseHeader()
    {
        while (pos < text.length())
        {
            final int recordLine = line;
            if (nextRecord(recordLine))
            {
                final String header = String.join(",", fields.stream().map(String::strip).toList());
                if (header.equals(HEADER))
                {
                    return 5;
                }
                if (header.equals(HEADER + "," + TYPE_COLUMN))
                {
                    return 6;
                }
                throw fail(recordLine, "unexpected header " + header + ", expected " + HEADER + "[," + TYPE_COLUMN
                    + "]");
            }
        }
        throw fail(line, "missing header, expected " + HEADER + "[," + TYPE_COLUMN + "]");
    }

    /**
     * Reads one record into {@link #fields}: unquoted fields stripped, quoted ones as they are.
     *
     * @return false for a blank line.
     */
    private boolean nextRecord(final int recordLine)
    {
        fields.clear();
        while (true)
        {
            final int start = pos;
            final boolean quoted = pos < text.length() && text.charAt(pos) == '"';
            if (quoted)
            {
                quoted(recordLine);
            }
            else
            {
                unquoted(recordLine);
            }
            if (fields.size() == STATUS_FIELD)
            {
                statusStart = start;
                statusEnd = pos;
            }
            fields.add(quoted ? field.toString() : field.toString().strip());
            if (pos >= text.length() || delimiter() != ',')
            {
                break;
            }
        }
        return fields.size() > 1 || !fields.get(0).isBlank();
    }

    /**
     * Reads an unquoted field into {@link #field}, up to its delimiter or the end of the text.
     */
    private void unquoted(final int recordLine)
    {
        field.setLength(0);
        while (pos < text.length())
        {
            final char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r')
            {
                return;
            }
            if (c == '"')
            {
                throw fail(recordLine, "quote inside unquoted field " + (fields.size() + 1));
            }
            checkChar(recordLine, c);
            field.append(c);
            pos++;
        }
    }

    /**
     * Reads a quoted field into {@link #field}, up to its delimiter or the end of the text.
     */
    private void quoted(final int recordLine)
    {
        field.setLength(0);
        pos++;
        while (true)
        {
            if (pos >= text.length())
            {
                throw fail(recordLine, "unterminated quoted field " + (fields.size() + 1));
            }
            final char c = text.charAt(pos++);
            if (c == '"')
            {
                if (pos < text.length() && text.charAt(pos) == '"')
                {
                    field.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            checkChar(recordLine, c);
            line += c == '\n' ? 1 : 0;
            field.append(c);
        }
        if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0)
        {
            throw fail(recordLine, "unexpected character '" + text.charAt(pos) + "' after closing quote of field "
                + (fields.size() + 1));
        }
    }

    /**
     * Refuses the characters no registry field holds and that would make a name look right and match nothing: a
     * byte order mark past the start of the file (a separate VEN "\uFEFFKolding") and NUL.
     */
    private void checkChar(final int recordLine, final char c)
    {
        if (c == '\uFEFF')
        {
            throw fail(recordLine, "byte order mark (U+FEFF) in field " + (fields.size() + 1));
        }
        if (c == '\u0000')
        {
            throw fail(recordLine, "NUL character in field " + (fields.size() + 1));
        }
    }

    /**
     * Consumes the delimiter at {@link #pos}.
     *
     * @return ',' when another field follows, '\n' at the end of the record.
     */
    private char delimiter()
    {
        final char c = text.charAt(pos++);
        if (c == ',')
        {
            return ',';
        }
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n')
        {
            pos++;
        }
        line++;
        return '\n';
    }

    private RegistryFormatException fail(final int recordLine, final String problem)
    {
        return new RegistryFormatException(file, recordLine, problem);
    }

    static void write(final Registry registry, final Path path)
    {
        try
        {
            AtomicFile.write(path, out ->
            {
                // an encoder that reports, as Files.newBufferedWriter's does, rather than writes '?' for a lone
                // surrogate
                final Writer writer = new BufferedWriter(
                    new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()));
                writeRows(registry, writer);
                writer.flush();
            });
        }
        catch (final IOException ex)
        {
            throw new RegistryFormatException(path.toString(), "cannot write registry: " + Failures.describe(ex), ex);
        }
    }

    /**
     * Rewrites the status field of every row of {@code path} whose status differs from {@code updated}'s, and
     * copies every other byte as it is.
     *
     * @return how many status fields changed.
     */
    static int writeStatusChanges(final Registry updated, final Path path)
    {
        final byte[] bytes = readBytes(path);
        final String text = decode(path, bytes);
        final IntArrayList ranges = new IntArrayList();
        final Registry current = new RegistryCsv(path.toString(), text, ranges).parse();
        final ResourceStatus[] changed = changedStatuses(current, updated, path);
        final IntArrayList byteRanges = new IntArrayList();
        final List<ResourceStatus> statuses = new ArrayList<>();
        int charAt = 0;
        int byteAt = 0;
        for (int row = 0; row < changed.length; row++)
        {
            if (null != changed[row])
            {
                final int start = ranges.getInt(2 * row);
                final int end = ranges.getInt(2 * row + 1);
                byteAt += utf8Length(text, charAt, start);
                final int byteStart = byteAt;
                byteAt += utf8Length(text, start, end);
                charAt = end;
                byteRanges.add(byteStart);
                byteRanges.add(byteAt);
                statuses.add(changed[row]);
            }
        }
        if (statuses.isEmpty())
        {
            return 0;
        }
        try
        {
            AtomicFile.write(path, out ->
            {
                int copied = 0;
                for (int i = 0; i < statuses.size(); i++)
                {
                    out.write(bytes, copied, byteRanges.getInt(2 * i) - copied);
                    out.write(statuses.get(i).name().getBytes(StandardCharsets.US_ASCII));
                    copied = byteRanges.getInt(2 * i + 1);
                }
                out.write(bytes, copied, bytes.length - copied);
            });
        }
        catch (final IOException ex)
        {
            throw new RegistryFormatException(path.toString(), "cannot write registry: " + Failures.describe(ex), ex);
        }
        return statuses.size();
    }

    /**
     * @return per row of {@code current}, the status {@code updated} gives it when that differs, else null.
     */
    private static ResourceStatus[] changedStatuses(final Registry current, final Registry updated, final Path path)
    {
        final ResourceStatus[] changed = new ResourceStatus[current.size()];
        for (int row = 0; row < updated.size(); row++)
        {
            final String ven = updated.venName(updated.venOf(row));
            final String id = updated.resourceId(row);
            final int v = current.venIndex(ven);
            final int at = v < 0 ? -1 : current.rowOf(v, id);
            if (at < 0)
            {
                throw new RegistryFormatException(path.toString(), "resource_id " + id + " of ven " + ven
                    + " is not in the registry file, nothing written", null);
            }
            if (current.status(at) != updated.status(row))
            {
                changed[at] = updated.status(row);
            }
        }
        return changed;
    }

    /**
     * @return the UTF-8 length of the chars from {@code from} (inclusive) to {@code to} (exclusive) of strictly
     *         decoded text, in which every surrogate is paired.
     */
    private static int utf8Length(final String text, final int from, final int to)
    {
        int length = 0;
        for (int i = from; i < to; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                length += 1;
            }
            else if (c < 0x800)
            {
                length += 2;
            }
            else if (Character.isSurrogate(c))
            {
                length += 2; // a pair is four bytes
            }
            else
            {
                length += 3;
            }
        }
        return length;
    }

    private static void writeRows(final Registry registry, final Writer out) throws IOException
    {
        final boolean types = registry.hasTypes();
        out.write(types ? HEADER + "," + TYPE_COLUMN + "\n" : HEADER + "\n");
        for (int row = 0; row < registry.size(); row++)
        {
            out.write(quote(registry.venName(registry.venOf(row))));
            out.write(',');
            out.write(quote(registry.resourceId(row)));
            out.write(',');
            out.write(quote(registry.resourceName(row)));
            out.write(',');
            out.write(registry.status(row).name());
            out.write(',');
            out.write(quote(registry.meterPointId(row)));
            if (types)
            {
                out.write(',');
                out.write(quote(registry.resourceType(row)));
            }
            out.write('\n');
        }
    }

    /**
     * Quotes a field holding a delimiter, a quote, or surrounding blanks (which reading strips from unquoted fields).
     */
    static String quote(final String value)
    {
        final boolean plain = value.equals(value.strip()) && value.indexOf(',') < 0 && value.indexOf('"') < 0
            && value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
