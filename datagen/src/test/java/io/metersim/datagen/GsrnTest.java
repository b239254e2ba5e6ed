package io.metersim.datagen;

import io.metersim.core.MetersimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GsrnTest
{
    @ParameterizedTest
    @ValueSource(strings = {"707057500057158458", "571313001234567891", "707057500057158496"})
    void shouldAcceptKnownValidIds(final String id)
    {
        assertTrue(Gsrn.isValid(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"571313001234567895", "857643212345678921", "707057500057158459"})
    void shouldRejectIdsWithWrongCheckDigit(final String id)
    {
        assertFalse(Gsrn.isValid(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"70705750005715845", "7070575000571584580", "70705750005715845x", " 07057500057158458",
        "７07057500057158458"})
    void shouldRejectMalformedIds(final String id)
    {
        assertFalse(Gsrn.isValid(id));
    }

    @Test
    void shouldComputeCheckDigitWithWeightsThreeOneFromTheRight()
    {
        assertEquals(8, Gsrn.checkDigit("70705750005715845"));
        assertEquals(1, Gsrn.checkDigit("57131300123456789"));
        assertEquals(0, Gsrn.checkDigit("00000000000000000"));
        // 9 at the rightmost (weight 3) alone: sum 27, check (10 - 7) mod 10 = 3
        assertEquals(3, Gsrn.checkDigit("00000000000000009"));
        // 9 next to it (weight 1): sum 9, check 1
        assertEquals(1, Gsrn.checkDigit("00000000000000090"));
        assertEquals("707057500057158458", Gsrn.complete("70705750005715845"));
    }

    @Test
    void shouldRefuseBodyThatIsNotSeventeenDigits()
    {
        final MetersimException e = assertThrows(MetersimException.class, () -> Gsrn.checkDigit("7070575000571584"));
        assertEquals("a GSRN body must be 17 digits [body=7070575000571584]", e.getMessage());
        final MetersimException letters =
            assertThrows(MetersimException.class, () -> Gsrn.complete("7070575000571584a"));
        assertEquals("a GSRN body must be 17 digits [body=7070575000571584a]", letters.getMessage());
    }

    @Test
    void shouldDrawDistinctValidElhubIdsDeterministically()
    {
        final String[] ids = Gsrn.drawUnique(new SplittableRandom(7L), 5_000);
        final Set<String> distinct = new HashSet<>();
        for (final String id : ids)
        {
            assertTrue(Gsrn.isValid(id), id);
            assertTrue(id.startsWith(Gsrn.ELHUB_PREFIX), id);
            assertTrue(distinct.add(id), id);
        }
        assertArrayEquals(ids, Gsrn.drawUnique(new SplittableRandom(7L), 5_000));
    }

    @Test
    void shouldRedrawSerialsThatCollide()
    {
        final String[] ids = Gsrn.drawUnique(new SplittableRandom(1L), 200_000);
        final Set<String> distinct = new HashSet<>();
        for (final String id : ids)
        {
            distinct.add(id);
        }
        assertEquals(ids.length, distinct.size());
    }
}
