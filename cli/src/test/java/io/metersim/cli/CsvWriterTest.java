package io.metersim.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest
{
    @Test
    void shouldLeavePlainFieldsAsTheyAre()
    {
        assertEquals("Herning", CsvWriter.field("Herning"));
        assertEquals("", CsvWriter.field(""));
    }

    @Test
    void shouldQuoteFieldsWithDelimitersQuotesOrLineBreaks()
    {
        assertEquals("\"Hotel, Herning\"", CsvWriter.field("Hotel, Herning"));
        assertEquals("\"the \"\"best\"\" bakery\"", CsvWriter.field("the \"best\" bakery"));
        assertEquals("\"two\nlines\"", CsvWriter.field("two\nlines"));
        assertEquals("\"cr\rhere\"", CsvWriter.field("cr\rhere"));
    }
}
