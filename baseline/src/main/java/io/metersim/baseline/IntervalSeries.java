package io.metersim.baseline;

/**
 * A load series held as an array of kW, e.g. one VEN's replayed aggregate or a test's hand-made days.
 */
public final class IntervalSeries implements LoadSeries
{
    private final long startMillis;
    private final long intervalMillis;
    private final double[] kw;

    private IntervalSeries(final long startMillis, final long intervalMillis, final double[] kw)
    {
        this.startMillis = startMillis;
        this.intervalMillis = intervalMillis;
        this.kw = kw;
    }

    /**
     * @param startMillis    the start of the first interval, epoch milliseconds.
     * @param intervalMillis the interval length, above 0.
     * @param kw             the mean kW of each interval; copied.
     * @return the series.
     * @throws BaselineException when the interval is not positive or the values are missing.
     */
    public static IntervalSeries of(final long startMillis, final long intervalMillis, final double[] kw)
    {
        if (intervalMillis <= 0 || null == kw)
        {
            throw new BaselineException("bad interval series [interval_ms=" + intervalMillis + " values="
                + (null == kw ? "missing" : kw.length) + "]");
        }
        return new IntervalSeries(startMillis, intervalMillis, kw.clone());
    }

    @Override
    public long startMillis()
    {
        return startMillis;
    }

    @Override
    public long intervalMillis()
    {
        return intervalMillis;
    }

    @Override
    public long length()
    {
        return kw.length;
    }

    /**
     * @param position a position, 0 to {@link #length()} - 1.
     * @return the kW there.
     */
    public double kw(final long position)
    {
        return kw[(int)position];
    }

    @Override
    public void gatherKw(final long[] positions, final int count, final double[] into)
    {
        final double[] kw = this.kw;
        for (int i = 0; i < count; i++)
        {
            into[i] = kw[(int)positions[i]];
        }
    }
}
