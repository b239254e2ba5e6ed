package io.metersim.baseline;

import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.UnknownResourceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One VEN's (or one resource's) load read straight from the time-major {@link LoadData} pool, in continuous time:
 * position {@code p} is row {@code p mod cycleLength} of cycle {@code p / cycleLength}, as the replay wraps, and
 * starts at the data's first timestamp plus {@code p} intervals. Its kW at a position is the weighted sum of the
 * series its resources read (a meter read by {@code n} resources counts {@code n} times).
 */
public final class VenLoad implements LoadSeries
{
    private final LoadData data;
    private final int[] series;
    private final double[] weights;
    private final int cycleLength;
    private final long startMillis;
    private final long intervalMillis;

    private VenLoad(final LoadData data, final int[] meterWeights)
    {
        this.data = data;
        int count = 0;
        for (int m = 0; m < meterWeights.length; m++)
        {
            count += meterWeights[m] > 0 ? data.loadCount(m) : 0;
        }
        this.series = new int[count];
        this.weights = new double[count];
        int at = 0;
        for (int m = 0; m < meterWeights.length; m++)
        {
            for (int k = 0; meterWeights[m] > 0 && k < data.loadCount(m); k++)
            {
                series[at] = data.firstSeries(m) + k;
                weights[at++] = meterWeights[m] / 1000.0;
            }
        }
        this.cycleLength = data.cycleLength();
        this.startMillis = data.seriesCount() == 0 ? 0L : data.timestampMillis(0, 0);
        this.intervalMillis = data.intervalMillis();
    }

    /**
     * @param simulator the simulator whose data, assignment and statuses to use.
     * @param ven       a VEN name.
     * @return the VEN's aggregate: the sum of its approved resources' loads.
     * @throws io.metersim.core.UnknownVenException when the simulator has no such VEN.
     */
    public static VenLoad ofVen(final MeterSimulator simulator, final String ven)
    {
        simulator.venHandle(ven);
        return aggregates(simulator, ven).get(ven);
    }

    /**
     * @param simulator  the simulator whose data and assignment to use.
     * @param ven        the VEN's name.
     * @param resourceId one of its resources, whatever its status.
     * @return the resource's load.
     * @throws io.metersim.core.UnknownVenException when the VEN is unknown.
     * @throws UnknownResourceException              when the VEN has no such resource.
     */
    public static VenLoad ofResource(final MeterSimulator simulator, final String ven, final String resourceId)
    {
        final LoadData data = simulator.data();
        final int[] weights = new int[data.meterCount()];
        final int meter = data.meterIndex(simulator.assignedMeter(ven, resourceId));
        if (meter >= 0)
        {
            weights[meter] = 1;
        }
        return new VenLoad(data, weights);
    }

    /**
     * @param simulator the simulator whose data, assignment and statuses to use.
     * @return every VEN's aggregate of its approved resources, by VEN name in registry order.
     */
    public static Map<String, VenLoad> all(final MeterSimulator simulator)
    {
        return aggregates(simulator, null);
    }

    /**
     * @param only a VEN name, or null for every VEN.
     */
    private static Map<String, VenLoad> aggregates(final MeterSimulator simulator, final String only)
    {
        final LoadData data = simulator.data();
        final Registry registry = simulator.registry();
        final Map<String, int[]> weights = new LinkedHashMap<>();
        for (final String ven : registry.venNames())
        {
            if (null == only || only.equals(ven))
            {
                weights.put(ven, new int[data.meterCount()]);
            }
        }
        for (int row = 0; row < registry.size(); row++)
        {
            final ResourceSpec resource = registry.resource(row);
            if (resource.status() == ResourceStatus.APPROVED && weights.containsKey(resource.ven()))
            {
                final int meter = data.meterIndex(simulator.assignedMeter(resource.ven(), resource.resourceId()));
                if (meter >= 0)
                {
                    weights.get(resource.ven())[meter]++;
                }
            }
        }
        final Map<String, VenLoad> loads = new LinkedHashMap<>();
        for (final Map.Entry<String, int[]> entry : weights.entrySet())
        {
            loads.put(entry.getKey(), new VenLoad(data, entry.getValue()));
        }
        return loads;
    }

    /**
     * @param simulator the simulator.
     * @return {@link #all} as a list in registry order.
     */
    public static List<VenLoad> list(final MeterSimulator simulator)
    {
        return new ArrayList<>(all(simulator).values());
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

    /**
     * @return as many positions as the replay's cursor can reach.
     */
    @Override
    public long length()
    {
        return (long)Integer.MAX_VALUE * cycleLength;
    }

    /**
     * @return how many series the sum reads per position.
     */
    public int seriesCount()
    {
        return series.length;
    }

    /**
     * @param position a position, 0 or more.
     * @return the kW there (readings that are NaN count as 0).
     */
    public double kwAt(final long position)
    {
        return sumRow((int)(position % cycleLength));
    }

    @Override
    public void gatherKw(final long[] positions, final int count, final double[] into)
    {
        final int cycleLength = this.cycleLength;
        for (int i = 0; i < count; i++)
        {
            into[i] = sumRow((int)(positions[i] % cycleLength));
        }
    }

    private double sumRow(final int row)
    {
        final LoadData data = this.data;
        final int[] series = this.series;
        final double[] weights = this.weights;
        double kw = 0;
        for (int j = 0; j < series.length; j++)
        {
            final double watts = data.watts(series[j], row);
            if (watts == watts)
            {
                kw += weights[j] * watts;
            }
        }
        return kw;
    }
}
