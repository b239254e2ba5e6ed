package io.metersim.plot;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

import javax.imageio.ImageIO;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A chart written to a PNG file and decoded again, with the data area and the axes that map values to its pixels.
 */
final class Rendered
{
    final BufferedImage image;
    final Rectangle2D area;
    final XYPlot plot;

    private Rendered(final BufferedImage image, final Rectangle2D area, final XYPlot plot)
    {
        this.image = image;
        this.area = area;
        this.plot = plot;
    }

    /**
     * Writes the chart through {@link Charts#write(JFreeChart, Path, int, int)}, decodes the file, and draws it once
     * more off-screen only to learn where the data area lies.
     */
    static Rendered of(final JFreeChart chart, final Path png, final int width, final int height)
    {
        Charts.write(chart, png, width, height);
        final ChartRenderingInfo info = new ChartRenderingInfo();
        Charts.render(chart, width, height, info);
        try
        {
            return new Rendered(ImageIO.read(png.toFile()), info.getPlotInfo().getDataArea(), chart.getXYPlot());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    int x(final double value)
    {
        return (int)Math.round(plot.getDomainAxis().valueToJava2D(value, area, RectangleEdge.BOTTOM));
    }

    int y(final double value)
    {
        return (int)Math.round(plot.getRangeAxis().valueToJava2D(value, area, RectangleEdge.LEFT));
    }

    int rgb(final int x, final int y)
    {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    /**
     * @return the mean y of the pixels in column {@code x} inside the data area that are near {@code rgb} (each
     *         channel within {@code tolerance}), or -1 when none is.
     */
    double lineY(final int x, final int rgb, final int tolerance)
    {
        return lineY(x, rgb, tolerance, (int)Math.ceil(area.getMinY()) + 1, (int)area.getMaxY() - 1);
    }

    /**
     * @return as {@link #lineY(int, int, int)}, searching rows {@code top} (included) to {@code bottom} (excluded).
     */
    double lineY(final int x, final int rgb, final int tolerance, final int top, final int bottom)
    {
        double sum = 0;
        int count = 0;
        for (int y = top; y < bottom; y++)
        {
            if (near(rgb(x, y), rgb, tolerance))
            {
                sum += y;
                count++;
            }
        }
        return count == 0 ? -1 : sum / count;
    }

    static boolean near(final int a, final int b, final int tolerance)
    {
        return Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) <= tolerance
            && Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) <= tolerance
            && Math.abs((a & 0xFF) - (b & 0xFF)) <= tolerance;
    }

    static double luminance(final int rgb)
    {
        return 0.2126 * (rgb >> 16 & 0xFF) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
    }
}
