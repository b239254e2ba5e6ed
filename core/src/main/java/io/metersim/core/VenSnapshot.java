package io.metersim.core;

/**
 * The approved resources of one VEN at one moment, flattened for the collection loop: per resource its id, name,
 * meter and the span {@code [first, end)} of its meter's series. A meter's series are consecutive in the time-major
 * pool, so a resource's readings are one contiguous stretch of a pool row; load index and time axis come from the
 * data's small per-series tables. That keeps the per-VEN metadata at 8 bytes per resource, so a tick over many VENs
 * streams little more than the pool rows it reads. Immutable; replaced as a whole when a status changes, so a
 * collection sees the old set or the new one.
 */
final class VenSnapshot
{
    final int resourceCount;
    final int slotCount;
    final String[] resourceIds;
    final String[] resourceNames;
    final String[] meterPointIds;
    /** {@code [first0, end0, first1, end1, ...]}: the series span of each resource. */
    final int[] seriesSpans;
    /** The registry row of each resource: its global index, the key of per-resource state such as the response's. */
    final int[] registryRows;

    private VenSnapshot(final int resourceCount, final int slotCount)
    {
        this.resourceCount = resourceCount;
        this.slotCount = slotCount;
        this.resourceIds = new String[resourceCount];
        this.resourceNames = new String[resourceCount];
        this.meterPointIds = new String[resourceCount];
        this.seriesSpans = new int[2 * resourceCount];
        this.registryRows = new int[resourceCount];
    }

    /**
     * @param statuses the current status ordinal of every registry row.
     */
    static VenSnapshot build(
        final LoadData data,
        final Registry registry,
        final MeterAssignment assignment,
        final byte[] statuses,
        final int ven)
    {
        final byte approved = (byte)ResourceStatus.APPROVED.ordinal();
        int resources = 0;
        int slots = 0;
        for (int p = registry.firstOfVen(ven); p < registry.endOfVen(ven); p++)
        {
            final int row = registry.rowAt(p);
            if (statuses[row] == approved)
            {
                resources++;
                slots += slotsOf(data, assignment.meterOf(row));
            }
        }
        final VenSnapshot snapshot = new VenSnapshot(resources, slots);
        int r = 0;
        for (int p = registry.firstOfVen(ven); p < registry.endOfVen(ven); p++)
        {
            final int row = registry.rowAt(p);
            if (statuses[row] == approved)
            {
                final int meter = assignment.meterOf(row);
                snapshot.resourceIds[r] = registry.resourceId(row);
                snapshot.resourceNames[r] = registry.resourceName(row);
                snapshot.meterPointIds[r] = meter >= 0 ? data.meterId(meter) : registry.meterPointId(row);
                final int first = meter >= 0 ? data.firstSeries(meter) : 0;
                snapshot.seriesSpans[2 * r] = first;
                snapshot.seriesSpans[2 * r + 1] = first + slotsOf(data, meter);
                snapshot.registryRows[r] = row;
                r++;
            }
        }
        return snapshot;
    }

    static VenSnapshot empty()
    {
        return new VenSnapshot(0, 0);
    }

    static int slotsOf(final LoadData data, final int meter)
    {
        return meter < 0 ? 0 : data.loadCount(meter);
    }
}
