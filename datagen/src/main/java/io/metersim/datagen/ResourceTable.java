package io.metersim.datagen;

import io.metersim.core.MetersimException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV table shipped as a class-path resource: {@code #} comment lines, one header line, then rows of cells.
 */
final class ResourceTable
{
    private final String name;
    private final List<String[]> rows;
    private final List<Integer> lineNumbers;

    private ResourceTable(final String name, final List<String[]> rows, final List<Integer> lineNumbers)
    {
        this.name = name;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    /**
     * @param name    the resource name beside this class, e.g. {@code bdew-h0-hourly.csv}.
     * @param columns the number of cells every row (and the header) must have.
     * @return the rows after the header.
     * @throws MetersimException when the resource is missing, unreadable or a row has the wrong cell count.
     */
    static ResourceTable load(final String name, final int columns)
    {
        try (InputStream in = ResourceTable.class.getResourceAsStream(name))
        {
            if (null == in)
            {
                throw new MetersimException("datagen resource missing from the class path [resource=" + name + "]");
            }
            return parse(name, columns, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
        catch (final IOException e)
        {
            throw new MetersimException("cannot read datagen resource [resource=" + name + "]", e);
        }
    }

    static ResourceTable parse(final String name, final int columns, final BufferedReader reader) throws IOException
    {
        final List<String[]> rows = new ArrayList<>();
        final List<Integer> lineNumbers = new ArrayList<>();
        boolean header = true;
        int lineNumber = 0;
        for (String line = reader.readLine(); null != line; line = reader.readLine())
        {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            final String[] cells = line.split(",", -1);
            if (cells.length != columns)
            {
                throw new MetersimException("expected " + columns + " cells, found " + cells.length + " [resource="
                    + name + " line=" + lineNumber + "]");
            }
            if (!header)
            {
                rows.add(cells);
                lineNumbers.add(lineNumber);
            }
            header = false;
        }
        return new ResourceTable(name, rows, lineNumbers);
    }

    int rowCount()
    {
        return rows.size();
    }

    String text(final int row, final int column)
    {
        return rows.get(row)[column].trim();
    }

    double number(final int row, final int column)
    {
        final String cell = text(row, column);
        try
        {
            final double value = Double.parseDouble(cell);
            if (Double.isFinite(value) && value >= 0.0)
            {
                return value;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below with the line
        }
        throw new MetersimException("expected a finite number >= 0, found '" + cell + "' [resource=" + name
            + " line=" + lineNumbers.get(row) + " column=" + (column + 1) + "]");
    }

    void requireRows(final int expected)
    {
        if (rows.size() != expected)
        {
            throw new MetersimException("expected " + expected + " rows, found " + rows.size() + " [resource="
                + name + "]");
        }
    }
}
