package io.metersim.core;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes registry CSV files (RFC 4180 quoting, UTF-8).
 */
final class RegistryCsv
{
    static final String HEADER = "ven,resource_id,resource_name,status,meter_point_id";
    static final String TYPE_COLUMN = "resource_type";

    private final String file;
    private final String text;
    private final List<String> fields = new ArrayList<>(6);
    private final StringBuilder field = new StringBuilder();
    private int pos;
    private int line = 1;

    private RegistryCsv(final String file, final String text)
    {
        this.file = file;
        this.text = text;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    static Registry read(final Path path)
    {
        final String text;
        try
        {
            text = Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (final CharacterCodingException ex)
        {
            throw new RegistryFormatException(path.toString(), "registry is not UTF-8 text", ex);
        }
        catch (final IOException ex)
        {
            throw new RegistryFormatException(path.toString(), "cannot read registry: " + ex, ex);
        }
        return new RegistryCsv(path.toString(), text).parse();
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
            final String ven = fields.get(0).strip();
            final String resourceId = fields.get(1).strip();
            if (ven.isEmpty())
            {
                throw fail(recordLine, "empty ven");
            }
            if (resourceId.isEmpty())
            {
                throw fail(recordLine, "empty resource_id");
            }
            final ResourceStatus status = ResourceStatus.parseOrNull(fields.get(3));
            if (null == status)
            {
                throw fail(recordLine, ResourceStatus.unknown(fields.get(3).strip())
                    + " (allowed: " + ResourceStatus.allowed() + ")");
            }
            final String type = columns == 6 ? fields.get(5).strip() : "";
            final int previous = builder.add(
                ven, resourceId, fields.get(2).strip(), status, fields.get(4).strip(), type);
            if (previous >= 0)
            {
                throw fail(recordLine, "duplicate resource_id " + resourceId + " for ven " + ven
                    + " (first at line " + lines.getInt(previous) + ")");
            }
            lines.add(recordLine);
        }
        return builder.build();
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
     * Reads one record into {@link #fields}.
     *
     * @return false for a blank line.
     */
    private boolean nextRecord(final int recordLine)
    {
        fields.clear();
        while (true)
        {
            final char end = pos < text.length() && text.charAt(pos) == '"' ? quoted(recordLine) : unquoted(recordLine);
            fields.add(field.toString());
            if (end != ',')
            {
                break;
            }
        }
        return fields.size() > 1 || !fields.get(0).isBlank();
    }

    /**
     * Reads an unquoted field into {@link #field} and consumes its delimiter.
     *
     * @return ',' when another field follows, '\n' at the end of the record.
     */
    private char unquoted(final int recordLine)
    {
        field.setLength(0);
        while (pos < text.length())
        {
            final char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r')
            {
                return delimiter();
            }
            if (c == '"')
            {
                throw fail(recordLine, "quote inside unquoted field " + (fields.size() + 1));
            }
            field.append(c);
            pos++;
        }
        return '\n';
    }

    private char quoted(final int recordLine)
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
            line += c == '\n' ? 1 : 0;
            field.append(c);
        }
        if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0)
        {
            throw fail(recordLine, "unexpected character '" + text.charAt(pos) + "' after closing quote of field "
                + (fields.size() + 1));
        }
        return pos < text.length() ? delimiter() : '\n';
    }

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
            throw new RegistryFormatException(path.toString(), "cannot write registry: " + ex, ex);
        }
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
     * Quotes a field holding a delimiter, a quote, or surrounding blanks (which reading would strip).
     */
    static String quote(final String value)
    {
        final boolean plain = value.equals(value.strip()) && value.indexOf(',') < 0 && value.indexOf('"') < 0
            && value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
