package io.metersim.flink;

import io.metersim.core.CollectionBuffer;
import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Arrays;
import java.util.Objects;

/**
 * One resource's readings at one tick, as {@link ReplaySource} emits them: the same values {@code metersim run}
 * writes as one JSON line. Immutable; serialised by {@link ReplayRecordSerializer}.
 */
@TypeInfo(ReplayRecordTypeInfo.Factory.class)
public final class ReplayRecord
{
    /** {@link #timestampMillis()} of a resource without a reading at this tick. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final String ven;
    private final String resourceId;
    private final String meterPointId;
    private final long tick;
    private final int index;
    private final long timestampMillis;
    private final double[] watts;
    private final double totalWatts;

    /**
     * @param ven             the VEN's name.
     * @param resourceId      the resource's id.
     * @param meterPointId    the meter it reads.
     * @param tick            the tick, 0 for the run's first.
     * @param index           the data row read at this tick.
     * @param timestampMillis the first reading's timestamp, epoch ms, or {@link #NO_TIMESTAMP}.
     * @param watts           watts per load component {@code k}, NaN where the resource has no reading; copied.
     * @param totalWatts      the sum of the readings.
     */
    public ReplayRecord(
        final String ven,
        final String resourceId,
        final String meterPointId,
        final long tick,
        final int index,
        final long timestampMillis,
        final double[] watts,
        final double totalWatts)
    {
        this(watts.clone(), ven, resourceId, meterPointId, tick, index, timestampMillis, totalWatts);
    }

    /**
     * Takes {@code watts} without copying it: for the arrays this package makes and never shares.
     */
    private ReplayRecord(
        final double[] watts,
        final String ven,
        final String resourceId,
        final String meterPointId,
        final long tick,
        final int index,
        final long timestampMillis,
        final double totalWatts)
    {
        this.ven = Objects.requireNonNull(ven, "ven");
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.meterPointId = Objects.requireNonNull(meterPointId, "meterPointId");
        this.tick = tick;
        this.index = index;
        this.timestampMillis = timestampMillis;
        this.watts = watts;
        this.totalWatts = totalWatts;
    }

    /**
     * @param collected one VEN's collection.
     * @param r         a resource of it.
     * @param tick      the tick it was collected at.
     * @return the resource's record.
     */
    static ReplayRecord of(final CollectionBuffer collected, final int r, final long tick)
    {
        final double[] watts = new double[collected.loadCount()];
        Arrays.fill(watts, Double.NaN);
        final int offset = collected.readingOffset(r);
        final int end = offset + collected.readingCount(r);
        for (int i = offset; i < end; i++)
        {
            watts[collected.loadIndex(i)] = collected.powerW(i);
        }
        final long timestamp = end > offset ? collected.timestampMillis(offset) : NO_TIMESTAMP;
        return new ReplayRecord(watts, collected.ven(), collected.resourceId(r), collected.meterPointId(r), tick,
            collected.index(), timestamp, collected.resourceTotalWatts(r));
    }

    /**
     * For the serializer: takes the array without copying it.
     */
    static ReplayRecord owning(
        final String ven,
        final String resourceId,
        final String meterPointId,
        final long tick,
        final int index,
        final long timestampMillis,
        final double[] watts,
        final double totalWatts)
    {
        return new ReplayRecord(watts, ven, resourceId, meterPointId, tick, index, timestampMillis, totalWatts);
    }

    /**
     * @return the VEN's name.
     */
    public String ven()
    {
        return ven;
    }

    /**
     * @return the resource's id.
     */
    public String resourceId()
    {
        return resourceId;
    }

    /**
     * @return the meter the resource reads.
     */
    public String meterPointId()
    {
        return meterPointId;
    }

    /**
     * @return the tick, 0 for the run's first; the same tick is the same position for every VEN.
     */
    public long tick()
    {
        return tick;
    }

    /**
     * @return the data row read.
     */
    public int index()
    {
        return index;
    }

    /**
     * @return whether the resource had a reading at this tick.
     */
    public boolean hasTimestamp()
    {
        return NO_TIMESTAMP != timestampMillis;
    }

    /**
     * @return the first reading's timestamp in epoch ms (the record's event time), or {@link #NO_TIMESTAMP}.
     */
    public long timestampMillis()
    {
        return timestampMillis;
    }

    /**
     * @return how many load components {@link #watts(int)} covers.
     */
    public int loadCount()
    {
        return watts.length;
    }

    /**
     * @param load a load component {@code k}.
     * @return its watts, NaN when the resource has no reading of it (or the data has no such component).
     */
    public double watts(final int load)
    {
        return load >= 0 && load < watts.length ? watts[load] : Double.NaN;
    }

    /**
     * @return the sum of the resource's readings in watts.
     */
    public double totalWatts()
    {
        return totalWatts;
    }

    double[] wattsArray()
    {
        return watts;
    }

    @Override
    public boolean equals(final Object other)
    {
        if (this == other)
        {
            return true;
        }
        if (!(other instanceof ReplayRecord))
        {
            return false;
        }
        final ReplayRecord that = (ReplayRecord)other;
        return tick == that.tick && index == that.index && timestampMillis == that.timestampMillis
            && Double.compare(totalWatts, that.totalWatts) == 0 && ven.equals(that.ven)
            && resourceId.equals(that.resourceId) && meterPointId.equals(that.meterPointId)
            && Arrays.equals(watts, that.watts);
    }

    @Override
    public int hashCode()
    {
        int hash = Objects.hash(ven, resourceId, meterPointId, tick, index, timestampMillis, totalWatts);
        hash = 31 * hash + Arrays.hashCode(watts);
        return hash;
    }

    @Override
    public String toString()
    {
        return "ReplayRecord[ven=" + ven + " resource_id=" + resourceId + " meter_point_id=" + meterPointId
            + " tick=" + tick + " index=" + index + " timestamp=" + timestampMillis + " watts="
            + Arrays.toString(watts) + " total_w=" + totalWatts + "]";
    }
}
