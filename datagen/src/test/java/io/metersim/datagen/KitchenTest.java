package io.metersim.datagen;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KitchenTest
{
    /**
     * A dinner's size is log-normal with sigma 0.6 and mean 1, so (by the log-normal's formulas) its median is
     * exp(-0.18) = 0.8353 and the share of dinners above 1.6 x the usual (the ones that take the oven) is
     * P(Z > (ln 1.6 + 0.18) / 0.6) = P(Z > 1.0834) = 0.1393.
     */
    @Test
    void shouldDrawDinnerSizesFromALogNormalOfMeanOne()
    {
        final SplittableRandom random = new SplittableRandom(2024L);
        final double[] sizes = new double[200_000];
        for (int i = 0; i < sizes.length; i++)
        {
            sizes[i] = Kitchen.mealSize(random);
        }
        assertEquals(1.0, Fleet.mean(sizes), 0.01, "mean");
        assertEquals(0.8353, Fleet.median(sizes), 0.01, "median");
        assertEquals(0.1393, Arrays.stream(sizes).filter(s -> s > 1.6).count() / (double)sizes.length, 0.005,
            "share above 1.6");
    }
}
