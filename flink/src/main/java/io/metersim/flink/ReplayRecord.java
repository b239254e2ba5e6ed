package io.metersim.flink;

import io.metersim.core.CollectionBuffer;
import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Arrays;
import java.util.Objects;

/**
 * One resource's readings at one tick, as {@link ReplaySource} emits them: the same values {@code metersim run}
 * writes as one JSON line. Serialised by {@link ReplayRecordSerializer}.
 * <p>
 * <b>Reused.</b> The source's reader emits one instance per reader and points it at each resource of its
 * collection in turn, so that emitting allocates and copies nothing: the record takes the tick and the timestamp
 * (its event time) and reads everything else from the reader's collection of the VEN when asked, the watts once per
 * record. Only this package changes a record; the public API reads it. A record handed to an operator is therefore
 * valid during the call that receives it:
 * <ul>
 *   <li>with object reuse enabled (as {@link ReplayJob} runs), an operator that keeps a record after the call
 *       returns (in a list, a buffer, state held as objects, another thread) must keep {@link #copy()}; reading it,
 *       writing it out or serialising it within the call needs nothing;</li>
 *   <li>with object reuse disabled (Flink's default), Flink hands every chained operator its own deep copy
 *       ({@link ReplayRecordSerializer#copy(ReplayRecord)}), which may be kept as it is.</li>
 * </ul>
 * Records crossing the network or going into checkpoints are serialised, so they are never shared.
 */
@TypeInfo(ReplayRecordTypeInfo.Factory.class)
public final class ReplayRecord
{
    /** {@link #timestampMillis()} of a resource without a reading at this tick. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private static final double[] NO_WATTS = new double[0];

    private String ven;
    private String resourceId;
    private String meterPointId;
    private long tick;
    private int index;
    private long timestampMillis;
    private double totalWatts;
    private double[] watts;
    /**
     * Whether the ids, row, total and watts are those of resource {@link #resource} of {@link #collection} rather
     * than the fields; pointing at a resource stores no reference, so the reader's loop has no GC write barrier.
     */
    private boolean viewing;
    /** While viewing: whether {@link #watts} holds the resource's watts already. */
    private boolean wattsRead;
    private CollectionBuffer collection;
    private int resource;

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
     * @return an empty record for {@link #point} or {@link #set} to overwrite: the reader's one instance.
     */
    static ReplayRecord reusable()
    {
        return new ReplayRecord(NO_WATTS, "", "", "", 0L, 0, NO_TIMESTAMP, 0.0);
    }

    /**
     * Makes this record resource {@code r} of a collection, valid while the collection holds this VEN's readings:
     * takes the tick and the first reading's timestamp, reads the rest from the collection when asked. Allocates,
     * copies and stores no reference (once the collection is known).
     *
     * @param collected one VEN's collection.
     * @param r         a resource of it.
     * @param tick      the tick it was collected at.
     * @return this record.
     */
    ReplayRecord point(final CollectionBuffer collected, final int r, final long tick)
    {
        if (collected != collection)
        {
            collection = collected;
        }
        this.resource = r;
        this.viewing = true;
        this.wattsRead = false;
        this.tick = tick;
        this.timestampMillis = collected.readingCount(r) > 0
            ? collected.timestampMillis(collected.readingOffset(r)) : NO_TIMESTAMP;
        return this;
    }

    /**
     * Overwrites this record with another's values, as a record of its own (the serializer's copy into a reused
     * instance).
     *
     * @param from the record to copy.
     * @return this record.
     */
    ReplayRecord set(final ReplayRecord from)
    {
        if (from != this)
        {
            final double[] source = from.wattsArray();
            System.arraycopy(source, 0, wattsFor(source.length), 0, source.length);
            this.ven = from.ven();
            this.resourceId = from.resourceId();
            this.meterPointId = from.meterPointId();
            this.index = from.index();
            this.totalWatts = from.totalWatts();
            this.tick = from.tick;
            this.timestampMillis = from.timestampMillis;
            this.viewing = false;
        }
        return this;
    }

    /**
     * @return the watts per load, read from the collection first when this record views one.
     */
    double[] wattsArray()
    {
        if (viewing && !wattsRead)
        {
            readWatts();
        }
        return watts;
    }

    private void readWatts()
    {
        final CollectionBuffer collected = collection;
        final int r = resource;
        final double[] watts = wattsFor(collected.loadCount());
        Arrays.fill(watts, Double.NaN);
        final int offset = collected.readingOffset(r);
        final int end = offset + collected.readingCount(r);
        for (int i = offset; i < end; i++)
        {
            watts[collected.loadIndex(i)] = collected.powerW(i);
        }
        wattsRead = true;
    }

    private double[] wattsFor(final int loads)
    {
        if (watts.length != loads)
        {
            watts = new double[loads];
        }
        return watts;
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
     * @return a record of its own with this one's values, unchanged when the source moves this one on: what an
     *         operator keeps when the job reuses objects.
     */
    public ReplayRecord copy()
    {
        return new ReplayRecord(wattsArray().clone(), ven(), resourceId(), meterPointId(), tick, index(),
            timestampMillis, totalWatts());
    }

    /**
     * @return the VEN's name.
     */
    public String ven()
    {
        return viewing ? collection.ven() : ven;
    }

    /**
     * @return the resource's id.
     */
    public String resourceId()
    {
        return viewing ? collection.resourceId(resource) : resourceId;
    }

    /**
     * @return the meter the resource reads.
     */
    public String meterPointId()
    {
        return viewing ? collection.meterPointId(resource) : meterPointId;
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
        return viewing ? collection.index() : index;
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
        return viewing ? collection.loadCount() : watts.length;
    }

    /**
     * @param load a load component {@code k}.
     * @return its watts, NaN when the resource has no reading of it (or the data has no such component).
     */
    public double watts(final int load)
    {
        final double[] watts = wattsArray();
        return load >= 0 && load < watts.length ? watts[load] : Double.NaN;
    }

    /**
     * @return the sum of the resource's readings in watts.
     */
    public double totalWatts()
    {
        return viewing ? collection.resourceTotalWatts(resource) : totalWatts;
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
        return tick == that.tick && index() == that.index() && timestampMillis == that.timestampMillis
            && Double.compare(totalWatts(), that.totalWatts()) == 0 && ven().equals(that.ven())
            && resourceId().equals(that.resourceId()) && meterPointId().equals(that.meterPointId())
            && Arrays.equals(wattsArray(), that.wattsArray());
    }

    @Override
    public int hashCode()
    {
        int hash = Objects.hash(ven(), resourceId(), meterPointId(), tick, index(), timestampMillis, totalWatts());
        hash = 31 * hash + Arrays.hashCode(wattsArray());
        return hash;
    }

    @Override
    public String toString()
    {
        return "ReplayRecord[ven=" + ven() + " resource_id=" + resourceId() + " meter_point_id=" + meterPointId()
            + " tick=" + tick + " index=" + index() + " timestamp=" + timestampMillis + " watts="
            + Arrays.toString(wattsArray()) + " total_w=" + totalWatts() + "]";
    }
}
