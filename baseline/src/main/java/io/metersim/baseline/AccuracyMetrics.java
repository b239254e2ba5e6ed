package io.metersim.baseline;

/**
 * How well a baseline predicts load where nothing was curtailed, with the notes' sign convention (bias is baseline
 * minus actual; eemeter uses the opposite sign).
 *
 * @param intervals    how many intervals the metrics cover.
 * @param biasKw       mean(baseline - actual), kW.
 * @param biasPercent  bias / mean(actual) x 100.
 * @param rmseKw       root mean square of (baseline - actual), kW.
 * @param cvRmsePercent RMSE / mean(actual) x 100.
 */
public record AccuracyMetrics(int intervals, double biasKw, double biasPercent, double rmseKw, double cvRmsePercent)
{
    static AccuracyMetrics of(final double[] baseline, final double[] actual, final int count)
    {
        if (count <= 0)
        {
            throw new BaselineException("no intervals to measure accuracy on [intervals=" + count + "]");
        }
        double error = 0;
        double squared = 0;
        double load = 0;
        for (int i = 0; i < count; i++)
        {
            final double e = baseline[i] - actual[i];
            error += e;
            squared += e * e;
            load += actual[i];
        }
        final double meanActual = load / count;
        final double bias = error / count;
        final double rmse = Math.sqrt(squared / count);
        return new AccuracyMetrics(count, bias, 100.0 * bias / meanActual, rmse, 100.0 * rmse / meanActual);
    }
}
