package io.metersim.datagen;

import io.metersim.core.MetersimException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TablesTest
{
    @Test
    void shouldLoadTheBdewH0TableAsPublished()
    {
        final Tables tables = Tables.load();
        // load-data-notes 1.1: winter workday 39 W at 03-04 h and 187 W at 19 h; Sundays 207-209 W at 12 h
        assertEquals(38.51, tables.h0[Tables.WINTER][Tables.WORKDAY][3], 1e-9);
        assertEquals(187.08, tables.h0[Tables.WINTER][Tables.WORKDAY][19], 1e-9);
        assertEquals(206.70, tables.h0[Tables.WINTER][Tables.SUNDAY][12], 1e-9);
        assertEquals(209.44, tables.h0[Tables.SUMMER][Tables.SUNDAY][12], 1e-9);
    }

    @Test
    void shouldLoadEndUseShapesWithMeanOne()
    {
        final Tables tables = Tables.load();
        for (final double[] shape : new double[][] {
            tables.water[0], tables.water[1], tables.light, tables.appliances[0], tables.appliances[1]})
        {
            assertEquals(1.0, mean(shape), 5e-4);
        }
        assertEquals(1.0, mean(tables.waterMonths), 5e-4);
        assertEquals(7, argMax(tables.water[0]), "water heater peaks at 07-08 h (load-data-notes 2.3)");
        assertEquals(20, argMax(tables.light), "lighting peaks at 20-21 h (load-data-notes 2.3)");
    }

    @Test
    void shouldMatchTheBdewDynamisationFactors()
    {
        // load-data-notes 1.1: F(1)=1.242, F(182)=0.796, F(213)=0.788, F(365)=1.257
        assertEquals(1.242, Tables.dynamisation(1), 5e-4);
        assertEquals(0.796, Tables.dynamisation(182), 5e-4);
        assertEquals(0.788, Tables.dynamisation(213), 5e-4);
        assertEquals(1.257, Tables.dynamisation(365), 5e-4);
    }

    @Test
    void shouldNameResourceAndLineOfABadCellCount() throws IOException
    {
        final MetersimException e = assertThrows(MetersimException.class,
            () -> parse("# comment\nhour,a\n0,1.0\n1,2.0,3.0\n"));
        assertEquals("expected 2 cells, found 3 [resource=test.csv line=4]", e.getMessage());
    }

    @Test
    void shouldNameResourceLineAndColumnOfABadNumber() throws IOException
    {
        final ResourceTable table = parse("hour,a\n\n0,1.5\n1,abc\n2,-1\n3,NaN\n");
        assertEquals(4, table.rowCount());
        assertEquals(1.5, table.number(0, 1));
        assertEquals("expected a finite number >= 0, found 'abc' [resource=test.csv line=4 column=2]",
            assertThrows(MetersimException.class, () -> table.number(1, 1)).getMessage());
        assertEquals("expected a finite number >= 0, found '-1' [resource=test.csv line=5 column=2]",
            assertThrows(MetersimException.class, () -> table.number(2, 1)).getMessage());
        assertEquals("expected a finite number >= 0, found 'NaN' [resource=test.csv line=6 column=2]",
            assertThrows(MetersimException.class, () -> table.number(3, 1)).getMessage());
        assertEquals("expected 24 rows, found 4 [resource=test.csv]",
            assertThrows(MetersimException.class, () -> table.requireRows(24)).getMessage());
    }

    @Test
    void shouldReportAMissingResource()
    {
        final MetersimException e = assertThrows(MetersimException.class, () -> ResourceTable.load("nope.csv", 2));
        assertEquals("datagen resource missing from the class path [resource=nope.csv]", e.getMessage());
    }

    private static ResourceTable parse(final String text) throws IOException
    {
        return ResourceTable.parse("test.csv", 2, new BufferedReader(new StringReader(text)));
    }

    private static double mean(final double[] values)
    {
        double sum = 0.0;
        for (final double v : values)
        {
            sum += v;
        }
        return sum / values.length;
    }

    private static int argMax(final double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
