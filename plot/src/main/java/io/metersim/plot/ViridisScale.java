package io.metersim.plot;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;

/**
 * Viridis between two bounds: perceptually uniform and rising in lightness from dark purple to yellow, so a heatmap
 * reads the same in grey. Linear interpolation between viridis at 0, 0.25, 0.5, 0.75 and 1; values outside the
 * bounds take the end colours, {@code NaN} none.
 */
final class ViridisScale implements PaintScale
{
    static final Color LOWEST = new Color(0x440154);
    static final Color HIGHEST = new Color(0xFDE725);
    private static final Color[] ANCHORS = {LOWEST, new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962),
        HIGHEST};

    private final double lower;
    private final double upper;

    ViridisScale(final double lower, final double upper)
    {
        this.lower = lower;
        this.upper = upper > lower ? upper : lower + 1.0;
    }

    @Override
    public double getLowerBound()
    {
        return lower;
    }

    @Override
    public double getUpperBound()
    {
        return upper;
    }

    @Override
    public Paint getPaint(final double value)
    {
        if (Double.isNaN(value))
        {
            return Color.WHITE;
        }
        final double at = Math.max(0.0, Math.min(1.0, (value - lower) / (upper - lower))) * (ANCHORS.length - 1);
        final int from = Math.min((int)at, ANCHORS.length - 2);
        final double t = at - from;
        final Color a = ANCHORS[from];
        final Color b = ANCHORS[from + 1];
        return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t),
            mix(a.getBlue(), b.getBlue(), t));
    }

    private static int mix(final int a, final int b, final double t)
    {
        return (int)Math.round(a + (b - a) * t);
    }
}
