package io.metersim.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares every string and number with what Jackson's own UTF-8 generator writes for it, the writer this text
 * replaced and the independent reference: escapes, UTF-8, surrogates, longs, NaN and the infinities.
 */
class JsonTextTest
{
    private final byte[] out = new byte[4096];

    @Test
    void shouldEscapeKnownStringsAsTheJsonSpecAndJacksonDo() throws IOException
    {
        assertEquals("\"a\\\"b\\\\c/\"", string("a\"b\\c/"));
        assertEquals("\"\\b\\t\\n\\f\\r\\u0000\\u001F\u007F\"", string("\b\t\n\f\r\u0000\u001F\u007F"));
        assertEquals("\"Århus €\"", string("Århus €"));
        assertEquals("\"x\\uD83D\\uDE00y\"", string("x\uD83D\uDE00y"));
        for (final String text : new String[] {"", "Herning", "a\"b\\c", "\u0000\u001F\u007F\u0080\u07FF\u0800\uFFFF",
            "x\uD83D\uDE00y", "lone \uD83D", "\uDE00 lone"})
        {
            assertEquals(jackson(text), string(text), text);
        }
    }

    @Test
    void shouldWriteRandomStringsAsJacksonDoes() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(3);
        final char[] chars = new char[40];
        for (int i = 0; i < 50_000; i++)
        {
            final int length = random.nextInt(chars.length + 1);
            for (int c = 0; c < length; c++)
            {
                // a third ASCII (controls and escapes included), the rest anywhere in the BMP, surrogates too
                chars[c] = (char)(0 == random.nextInt(3) ? random.nextInt(0x80) : random.nextInt(0x10000));
            }
            final String text = new String(chars, 0, length);
            assertEquals(jackson(text), string(text), () -> Arrays.toString(text.toCharArray()));
        }
    }

    @Test
    void shouldWriteLongsAndNonFiniteDoublesAsJacksonDoes() throws IOException
    {
        final long[] longs = {0, 1, 9, 10, -1, -10, 1_736_928_000_000L, Long.MAX_VALUE, Long.MIN_VALUE,
            Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (final long value : longs)
        {
            assertEquals(Long.toString(value), text(JsonText.number(value, out, 0)));
        }
        final SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++)
        {
            final long value = random.nextLong() >> random.nextInt(64);
            assertEquals(Long.toString(value), text(JsonText.number(value, out, 0)));
        }
        for (final double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        {
            assertEquals(jackson(value), text(JsonText.number(value, out, 0)));
        }
    }

    private String string(final String text)
    {
        return text(JsonText.string(text, out, 0));
    }

    private String text(final int end)
    {
        return new String(out, 0, end, StandardCharsets.UTF_8);
    }

    private static String jackson(final String text) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes))
        {
            json.writeString(text);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String jackson(final double value) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes))
        {
            json.writeNumber(value);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
