package io.metersim.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of one collection, reused from one collection to the next: columns of readings (struct-of-arrays) and
 * flyweight views of the VEN's resources. A reading holds only its series; its power, timestamp and load index are
 * read through the series from the immutable load data when asked for, which keeps the collection loop at one store
 * per reading. A buffer belongs to the simulator whose {@link MeterSimulator#newBuffer()} made it and is sized for
 * its largest VEN; collecting into it allocates nothing. Not thread-safe: one buffer per collecting thread. Values
 * stay valid until the next collection into the same buffer.
 * <p>
 * A {@link DemandResponse} may change a collection's readings after it is collected and before any sink sees it:
 * {@link #powerW}, {@link #resourceTotalWatts}, {@link #totalWatts} and {@link #loadTotalWatts} then give the
 * changed values, {@link #unmodifiedPowerW}, {@link #unmodifiedResourceTotalWatts} and {@link #unmodifiedTotalWatts}
 * the values as replayed (the counterfactual: what the load would have been without the response), and
 * {@link #resourceModified} tells which resources the response changed.
 */
public final class CollectionBuffer
{
    private static final VenSnapshot EMPTY = VenSnapshot.empty();

    private final String[] loadIds;
    private final double[] loadTotals;
    private final Pools pools;
    private int rowBase;
    private int axisBase;
    private long shift;
    private VenSnapshot snapshot = EMPTY;
    private String ven = "";
    private int venHandle = -1;
    private long position;
    private int resourceCount;
    private int readingTotal;
    private int missingCount;
    private double totalWatts;
    private int[] readingOffset;
    private int[] readingCount;
    private double[] resourceTotal;
    private int[] readingSeries;
    // the response's changes, stamped with the collection they belong to, so a new collection needs no clearing
    private long sequence;
    private int modifiedResources;
    private double unmodifiedTotal;
    private long[] resourceModifiedAt;
    private double[] unmodifiedResourceTotal;
    private long[] readingModifiedAt;
    private double[] respondedWatts;
    // a uniform response changes two loads of a set of resources, and is read through the set: a shed keeps one
    // share per load, so its loop writes nothing per resource; a payback keeps each resource's two new readings, so
    // its loop writes two values per resource instead of two readings, their stamps and four totals
    private boolean sixLoadsEach;
    private long uniformAt;
    private boolean uniformPayback;
    private int uniformFirstLoad;
    private int uniformSecondLoad;
    private double shedFirstShare;
    private double shedSecondShare;
    private long[] uniformResources;
    private double[] paidFirst;
    private double[] paidSecond;

    CollectionBuffer(final Pools pools, final String[] loadIds, final int resourceCapacity, final int readingCapacity)
    {
        this.pools = pools;
        this.loadIds = loadIds;
        this.loadTotals = new double[loadIds.length];
        this.readingOffset = new int[resourceCapacity];
        this.readingCount = new int[resourceCapacity];
        this.resourceTotal = new double[resourceCapacity];
        this.readingSeries = new int[readingCapacity];
        this.resourceModifiedAt = new long[resourceCapacity];
        this.unmodifiedResourceTotal = new double[resourceCapacity];
        this.readingModifiedAt = new long[readingCapacity];
        this.respondedWatts = new double[readingCapacity];
        this.uniformResources = new long[words(resourceCapacity)];
        this.paidFirst = new double[resourceCapacity];
        this.paidSecond = new double[resourceCapacity];
    }

    private static int words(final int bits)
    {
        return (bits + Long.SIZE - 1) / Long.SIZE;
    }

    /**
     * @return whether this buffer was made for the simulator whose pools these are.
     */
    boolean belongsTo(final Pools simulatorPools)
    {
        return pools == simulatorPools;
    }

    /**
     * Fills the buffer with the readings of every resource of the snapshot at the position's index.
     *
     * @param shift milliseconds added to every timestamp (0 in {@link TimeMode#RAW}).
     */
    void collect(final String venName, final int handle, final long at, final VenSnapshot venSnapshot, final long shift)
    {
        final Pools pools = this.pools;
        if (venSnapshot.resourceCount > readingOffset.length || venSnapshot.slotCount > readingSeries.length)
        {
            growSlowPath(venSnapshot.resourceCount, venSnapshot.slotCount);
        }
        final int resources = venSnapshot.resourceCount;
        final int[] spans = venSnapshot.seriesSpans;
        final double[] watts = pools.watts;
        final int[] seriesLoad = pools.seriesLoad;
        final int rowBase = SharedCursor.indexOf(at) * pools.seriesCount;
        final int[] readingSeries = this.readingSeries;
        final int[] readingOffset = this.readingOffset;
        final int[] readingCount = this.readingCount;
        final double[] resourceTotal = this.resourceTotal;
        Arrays.fill(loadTotals, 0.0);
        missingCount = 0;
        double l0 = 0.0;
        double l1 = 0.0;
        double l2 = 0.0;
        double l3 = 0.0;
        double l4 = 0.0;
        double l5 = 0.0;
        double total = 0.0;
        int out = 0;
        boolean sixLoadsEach = true;
        for (int r = 0; r < resources; r++)
        {
            final int from = spans[2 * r];
            final int end = spans[2 * r + 1];
            if (end - from == 6 && seriesLoad[from] == 0 && seriesLoad[from + 5] == 5)
            {
                final int p = rowBase + from;
                final double w0 = watts[p];
                final double w1 = watts[p + 1];
                final double w2 = watts[p + 2];
                final double w3 = watts[p + 3];
                final double w4 = watts[p + 4];
                final double w5 = watts[p + 5];
                final double sum = w0 + w1 + w2 + w3 + w4 + w5;
                // pool values are finite or NaN: a NaN sum means a missing reading, left to the general path
                if (sum == sum)
                {
                    l0 += w0;
                    l1 += w1;
                    l2 += w2;
                    l3 += w3;
                    l4 += w4;
                    l5 += w5;
                    readingSeries[out] = from;
                    readingSeries[out + 1] = from + 1;
                    readingSeries[out + 2] = from + 2;
                    readingSeries[out + 3] = from + 3;
                    readingSeries[out + 4] = from + 4;
                    readingSeries[out + 5] = from + 5;
                    readingOffset[r] = out;
                    readingCount[r] = 6;
                    resourceTotal[r] = sum;
                    total += sum;
                    out += 6;
                    continue;
                }
            }
            out = collectSpan(r, watts, seriesLoad, rowBase, from, end, out);
            total += resourceTotal[r];
            sixLoadsEach = false;
        }
        if (loadTotals.length >= 6)
        {
            addLoadTotals(l0, l1, l2, l3, l4, l5);
        }
        this.rowBase = rowBase;
        this.axisBase = SharedCursor.indexOf(at) * pools.axisCount;
        this.shift = shift;
        this.snapshot = venSnapshot;
        this.ven = venName;
        this.venHandle = handle;
        this.position = at;
        this.resourceCount = resources;
        this.readingTotal = out;
        this.totalWatts = total;
        this.unmodifiedTotal = total;
        this.modifiedResources = 0;
        this.sixLoadsEach = sixLoadsEach;
        this.sequence++;
    }

    /**
     * The general path: any number of loads in any order, NaN slots dropped and counted as missing.
     *
     * @return the next free reading.
     */
    private int collectSpan(
        final int r,
        final double[] watts,
        final int[] seriesLoad,
        final int rowBase,
        final int from,
        final int end,
        final int offset)
    {
        int out = offset;
        double sum = 0.0;
        for (int s = from; s < end; s++)
        {
            final double w = watts[rowBase + s];
            if (w == w)
            {
                readingSeries[out++] = s;
                sum += w;
                loadTotals[seriesLoad[s]] += w;
            }
        }
        missingCount += end - from - (out - offset);
        readingOffset[r] = offset;
        readingCount[r] = out - offset;
        resourceTotal[r] = sum;
        return out;
    }

    private void addLoadTotals(
        final double l0, final double l1, final double l2, final double l3, final double l4, final double l5)
    {
        final double[] loadTotals = this.loadTotals;
        loadTotals[0] += l0;
        loadTotals[1] += l1;
        loadTotals[2] += l2;
        loadTotals[3] += l3;
        loadTotals[4] += l4;
        loadTotals[5] += l5;
    }

    private void growSlowPath(final int resources, final int slots)
    {
        if (resources > readingOffset.length)
        {
            readingOffset = new int[resources];
            readingCount = new int[resources];
            resourceTotal = new double[resources];
            resourceModifiedAt = new long[resources];
            unmodifiedResourceTotal = new double[resources];
            uniformResources = new long[words(resources)];
            paidFirst = new double[resources];
            paidSecond = new double[resources];
        }
        if (slots > readingSeries.length)
        {
            readingSeries = new int[slots];
            readingModifiedAt = new long[slots];
            respondedWatts = new double[slots];
        }
    }

    /**
     * @return the VEN collected, or {@code ""} before the first collection.
     */
    public String ven()
    {
        return ven;
    }

    /**
     * @return the handle of the VEN collected, or -1 before the first collection.
     */
    public int venHandle()
    {
        return venHandle;
    }

    /**
     * @return the row index collected.
     */
    public int index()
    {
        return SharedCursor.indexOf(position);
    }

    /**
     * @return the completed cycles of the cursor when it was read.
     */
    public long cycle()
    {
        return SharedCursor.cycleOf(position);
    }

    /**
     * @return the cursor position collected (see {@link MeterSimulator#position()}).
     */
    public long position()
    {
        return position;
    }

    /**
     * @return the approved resources of the VEN, in registry order; those without readings included.
     */
    public int resourceCount()
    {
        return resourceCount;
    }

    /**
     * @param r a resource, 0 to {@link #resourceCount()} - 1.
     * @return its id.
     */
    public String resourceId(final int r)
    {
        return snapshot.resourceIds[Objects.checkIndex(r, resourceCount)];
    }

    /**
     * @param r a resource.
     * @return its name.
     */
    public String resourceName(final int r)
    {
        return snapshot.resourceNames[Objects.checkIndex(r, resourceCount)];
    }

    /**
     * @param r a resource.
     * @return the meter it reads (explicit or assigned).
     */
    public String meterPointId(final int r)
    {
        return snapshot.meterPointIds[Objects.checkIndex(r, resourceCount)];
    }

    /**
     * @param r a resource.
     * @return the first of its readings; they are {@code [offset, offset + count)}.
     */
    public int readingOffset(final int r)
    {
        return readingOffset[Objects.checkIndex(r, resourceCount)];
    }

    /**
     * @param r a resource.
     * @return how many readings it has (0 when its meter has none at this index).
     */
    public int readingCount(final int r)
    {
        return readingCount[Objects.checkIndex(r, resourceCount)];
    }

    /**
     * @param r a resource.
     * @return the sum of its readings in watts.
     */
    public double resourceTotalWatts(final int r)
    {
        final int checked = Objects.checkIndex(r, resourceCount);
        return inUniformResponse(checked) ? afterUniformResponse(checked) : resourceTotal[checked];
    }

    /**
     * A resource's total after a uniform response, in the response's own arithmetic: a shed adds both changes at
     * once, a payback one after the other.
     */
    private double afterUniformResponse(final int r)
    {
        final int first = rowBase + readingSeries[6 * r];
        final double firstBefore = pools.watts[first + uniformFirstLoad];
        final double secondBefore = pools.watts[first + uniformSecondLoad];
        if (uniformPayback)
        {
            return resourceTotal[r] + (paidFirst[r] - firstBefore) + (paidSecond[r] - secondBefore);
        }
        return resourceTotal[r]
            + ((shed(firstBefore, shedFirstShare) - firstBefore)
            + (shed(secondBefore, shedSecondShare) - secondBefore));
    }

    /**
     * @return what a resource's reading reads after a uniform response changed it to {@code changed}: the replayed
     *         value itself when the change is none, as a reading the response leaves alone.
     */
    private static double unlessUnchanged(final double changed, final double replayed)
    {
        return changed - replayed != 0.0 ? changed : replayed;
    }

    /**
     * @return a reading after shedding a share of it: {@code w - max(0, w) * share}, the response's own formula.
     */
    private static double shed(final double replayed, final double share)
    {
        return replayed - Math.max(0.0, replayed) * share;
    }

    /**
     * @return the readings over all resources.
     */
    public int readingTotal()
    {
        return readingTotal;
    }

    /**
     * @return the load slots that had no reading at this index (past a series' end, or NaN in the source).
     */
    public int missingCount()
    {
        return missingCount;
    }

    /**
     * @param reading a reading, 0 to {@link #readingTotal()} - 1.
     * @return its timestamp in epoch milliseconds.
     */
    public long timestampMillis(final int reading)
    {
        final Pools pools = this.pools;
        final int series = readingSeries[Objects.checkIndex(reading, readingTotal)];
        return pools.timestamps[axisBase + pools.seriesAxis[series]] + shift;
    }

    /**
     * @param reading a reading.
     * @return its load component {@code k}.
     */
    public int loadIndex(final int reading)
    {
        return pools.seriesLoad[readingSeries[Objects.checkIndex(reading, readingTotal)]];
    }

    /**
     * @param reading a reading.
     * @return its load id {@code load_k}; a shared constant, not built per call.
     */
    public String loadId(final int reading)
    {
        return loadIds[loadIndex(reading)];
    }

    /**
     * @param reading a reading.
     * @return its power in watts.
     */
    public double powerW(final int reading)
    {
        final int checked = Objects.checkIndex(reading, readingTotal);
        if (readingModifiedAt[checked] == sequence)
        {
            return respondedWatts[checked];
        }
        final double replayed = pools.watts[rowBase + readingSeries[checked]];
        return uniformAt == sequence ? afterUniformResponse(checked, replayed) : replayed;
    }

    /**
     * A reading after a uniform response: reading {@code 6r + k} is load {@code k} of resource {@code r}.
     */
    private double afterUniformResponse(final int reading, final double replayed)
    {
        final int r = reading / 6;
        if (!inUniformResponse(r))
        {
            return replayed;
        }
        final int load = reading - 6 * r;
        if (load == uniformFirstLoad)
        {
            return uniformPayback ? unlessUnchanged(paidFirst[r], replayed) : shed(replayed, shedFirstShare);
        }
        if (load == uniformSecondLoad)
        {
            return uniformPayback ? unlessUnchanged(paidSecond[r], replayed) : shed(replayed, shedSecondShare);
        }
        return replayed;
    }

    private boolean inUniformResponse(final int r)
    {
        return uniformAt == sequence && (uniformResources[r >>> 6] & 1L << r) != 0;
    }

    /**
     * @param reading a reading.
     * @return its power in watts as replayed, before any demand response; equals {@link #powerW} when the
     *         response did not change it.
     */
    public double unmodifiedPowerW(final int reading)
    {
        return pools.watts[rowBase + readingSeries[Objects.checkIndex(reading, readingTotal)]];
    }

    /**
     * @param r a resource.
     * @return whether the demand response changed any of its readings in this collection.
     */
    public boolean resourceModified(final int r)
    {
        final int checked = Objects.checkIndex(r, resourceCount);
        return resourceModifiedAt[checked] == sequence
            || inUniformResponse(checked) && changedByUniformResponse(checked);
    }

    private boolean changedByUniformResponse(final int r)
    {
        final int first = rowBase + readingSeries[6 * r];
        final double firstBefore = pools.watts[first + uniformFirstLoad];
        final double secondBefore = pools.watts[first + uniformSecondLoad];
        if (uniformPayback)
        {
            return paidFirst[r] - firstBefore != 0.0 || paidSecond[r] - secondBefore != 0.0;
        }
        return shed(firstBefore, shedFirstShare) != firstBefore || shed(secondBefore, shedSecondShare) != secondBefore;
    }

    /**
     * @param r a resource.
     * @return the sum of its readings as replayed, before any demand response.
     */
    public double unmodifiedResourceTotalWatts(final int r)
    {
        final int checked = Objects.checkIndex(r, resourceCount);
        return resourceModifiedAt[checked] == sequence ? unmodifiedResourceTotal[checked] : resourceTotal[checked];
    }

    /**
     * @return the VEN's total power in watts as replayed, before any demand response.
     */
    public double unmodifiedTotalWatts()
    {
        return unmodifiedTotal;
    }

    /**
     * @return how many resources the demand response changed in this collection.
     */
    public int modifiedResourceCount()
    {
        int modified = modifiedResources;
        for (int r = 0; uniformAt == sequence && r < resourceCount; r++)
        {
            modified += inUniformResponse(r) && changedByUniformResponse(r) ? 1 : 0;
        }
        return modified;
    }

    /**
     * @param r a resource.
     * @return its registry row: the resource's index over the whole registry, stable whatever the statuses.
     */
    public int resourceIndex(final int r)
    {
        return snapshot.registryRows[Objects.checkIndex(r, resourceCount)];
    }

    // the columns as they are, for the response's loop over every resource of a collection; read only

    int[] registryRows()
    {
        return snapshot.registryRows;
    }

    /**
     * @return the snapshot collected: the same object for as long as the VEN's statuses do not change.
     */
    VenSnapshot snapshot()
    {
        return snapshot;
    }

    int[] readingOffsets()
    {
        return readingOffset;
    }

    int[] readingCounts()
    {
        return readingCount;
    }

    int[] readingSeries()
    {
        return readingSeries;
    }

    int rowBase()
    {
        return rowBase;
    }

    double[] wattsPool()
    {
        return pools.watts;
    }

    int[] seriesLoads()
    {
        return pools.seriesLoad;
    }

    int registryRowUnchecked(final int r)
    {
        return snapshot.registryRows[r];
    }

    int readingOffsetUnchecked(final int r)
    {
        return readingOffset[r];
    }

    int readingCountUnchecked(final int r)
    {
        return readingCount[r];
    }

    int loadIndexUnchecked(final int reading)
    {
        return pools.seriesLoad[readingSeries[reading]];
    }

    double unmodifiedPowerWUnchecked(final int reading)
    {
        return pools.watts[rowBase + readingSeries[reading]];
    }

    double resourceTotalUnchecked(final int r)
    {
        return resourceTotal[r];
    }

    /**
     * @return whether every resource of this collection has six readings, loads 0 to 5 in order, so that reading
     *         {@code 6r + k} is load {@code k} of resource {@code r} (the layout a uniform shed needs).
     */
    boolean sixLoadsEach()
    {
        return sixLoadsEach;
    }

    /**
     * Starts a uniform shed of this collection: every resource of the set reads {@code w - max(0, w) * share} for
     * the two loads. The caller adds the totals with {@link #addResponseTotals}. Only for a collection with
     * {@link #sixLoadsEach()}.
     *
     * @param resources the set: resource {@code r} is bit {@code r & 63} of word {@code r >>> 6}, every word up to
     *                  the last resource given; copied.
     */
    void beginUniformShed(final long[] resources, final int firstLoad, final double firstShare, final int secondLoad,
        final double secondShare)
    {
        beginUniform(resources, firstLoad, secondLoad, false);
        shedFirstShare = firstShare;
        shedSecondShare = secondShare;
    }

    /**
     * Starts a uniform payback of this collection: every resource of the set (as for {@link #beginUniformShed})
     * reads {@link #paidFirst()}{@code [r]} for the first load and {@link #paidSecond()}{@code [r]} for the second,
     * which the caller writes for each of them. The caller adds the totals with {@link #addResponseTotals}. Only for
     * a collection with {@link #sixLoadsEach()}.
     */
    void beginUniformPayback(final long[] resources, final int firstLoad, final int secondLoad)
    {
        beginUniform(resources, firstLoad, secondLoad, true);
    }

    private void beginUniform(final long[] resources, final int firstLoad, final int secondLoad,
        final boolean payback)
    {
        System.arraycopy(resources, 0, uniformResources, 0, resources.length);
        uniformAt = sequence;
        uniformPayback = payback;
        uniformFirstLoad = firstLoad;
        uniformSecondLoad = secondLoad;
    }

    /**
     * @return per resource, its first load's reading in a uniform payback.
     */
    double[] paidFirst()
    {
        return paidFirst;
    }

    /**
     * @return per resource, its second load's reading in a uniform payback.
     */
    double[] paidSecond()
    {
        return paidSecond;
    }

    /**
     * The response's change of two readings of resource {@code r} at once (the water heater and heating); a reading
     * of -1 is skipped. {@code before} values are the readings as replayed.
     */
    void respondPair(final int r, final int first, final double firstBefore, final double firstWatts,
        final int second, final double secondBefore, final double secondWatts)
    {
        final double firstDelta = first >= 0 ? firstWatts - firstBefore : 0.0;
        final double secondDelta = second >= 0 ? secondWatts - secondBefore : 0.0;
        if (firstDelta == 0.0 && secondDelta == 0.0)
        {
            return;
        }
        final long sequence = this.sequence;
        if (resourceModifiedAt[r] != sequence)
        {
            resourceModifiedAt[r] = sequence;
            unmodifiedResourceTotal[r] = resourceTotal[r];
            modifiedResources++;
        }
        final int[] seriesLoad = pools.seriesLoad;
        if (firstDelta != 0.0)
        {
            readingModifiedAt[first] = sequence;
            respondedWatts[first] = firstWatts;
            loadTotals[seriesLoad[readingSeries[first]]] += firstDelta;
        }
        if (secondDelta != 0.0)
        {
            readingModifiedAt[second] = sequence;
            respondedWatts[second] = secondWatts;
            loadTotals[seriesLoad[readingSeries[second]]] += secondDelta;
        }
        resourceTotal[r] += firstDelta + secondDelta;
        totalWatts += firstDelta + secondDelta;
    }

    /**
     * Adds what a uniform shed ({@link #beginUniformShed}) changed to the VEN's and the loads' totals.
     */
    void addResponseTotals(final int firstLoad, final double firstDelta, final int secondLoad,
        final double secondDelta)
    {
        if (firstLoad < loadTotals.length)
        {
            loadTotals[firstLoad] += firstDelta;
        }
        if (secondLoad < loadTotals.length)
        {
            loadTotals[secondLoad] += secondDelta;
        }
        totalWatts += firstDelta + secondDelta;
    }

    /**
     * Takes resource {@code r} out of this collection's uniform shed.
     */
    void leaveUniformShed(final int r)
    {
        uniformResources[r >>> 6] &= ~(1L << r);
    }

    /**
     * The response's change of one reading of resource {@code r}: the reading now reads {@code watts}, and the
     * resource's, the VEN's and the load's totals move with it. Called at most once per reading and collection.
     */
    void respond(final int r, final int reading, final double watts)
    {
        final double before = pools.watts[rowBase + readingSeries[reading]];
        final double delta = watts - before;
        if (delta == 0.0)
        {
            return;
        }
        if (resourceModifiedAt[r] != sequence)
        {
            resourceModifiedAt[r] = sequence;
            unmodifiedResourceTotal[r] = resourceTotal[r];
            modifiedResources++;
        }
        readingModifiedAt[reading] = sequence;
        respondedWatts[reading] = watts;
        resourceTotal[r] += delta;
        totalWatts += delta;
        loadTotals[pools.seriesLoad[readingSeries[reading]]] += delta;
    }

    /**
     * @return the VEN's total power in watts.
     */
    public double totalWatts()
    {
        return totalWatts;
    }

    /**
     * @return how many load components {@link #loadTotalWatts} covers ({@code 0} to {@code loadCount() - 1}).
     */
    public int loadCount()
    {
        return loadTotals.length;
    }

    /**
     * @param loadIndex a load component {@code k}.
     * @return the VEN's total power of that component in watts, 0 for a component the data does not have.
     */
    public double loadTotalWatts(final int loadIndex)
    {
        return loadIndex >= 0 && loadIndex < loadTotals.length ? loadTotals[loadIndex] : 0.0;
    }

    /**
     * The load data's pools, strides and per-series tables, as the collection loop reads them.
     */
    static final class Pools
    {
        final double[] watts;
        final long[] timestamps;
        final int[] seriesLoad;
        final int[] seriesAxis;
        final int seriesCount;
        final int axisCount;

        Pools(final LoadData data)
        {
            this.watts = data.wattsPool();
            this.timestamps = data.timestampPool();
            this.seriesCount = data.seriesCount();
            this.axisCount = data.axisCount();
            this.seriesLoad = new int[seriesCount];
            this.seriesAxis = new int[seriesCount];
            for (int s = 0; s < seriesCount; s++)
            {
                seriesLoad[s] = data.seriesLoad(s);
                seriesAxis[s] = data.seriesAxis(s);
            }
        }
    }
}
