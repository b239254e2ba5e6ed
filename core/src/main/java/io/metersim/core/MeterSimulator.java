package io.metersim.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays load data for every VEN of a registry: one shared cursor moved by {@link #increaseTime()}, and collections
 * of the approved resources' readings at the cursor. Thread-safe: any number of threads may collect (each into its
 * own {@link CollectionBuffer}) and advance the cursor while others change statuses.
 * <p>
 * Status changes publish a new immutable snapshot of the VEN's approved resources with release semantics; a
 * collection loads it once with acquire semantics, so it sees the old set or the new one, never a mix. Writers
 * serialise among themselves on a lock and never block collectors.
 */
public final class MeterSimulator
{
    private static final VarHandle SNAPSHOTS = MethodHandles.arrayElementVarHandle(VenSnapshot[].class);

    private final LoadData data;
    private final Registry registry;
    private final SimulatorOptions options;
    private final SharedCursor cursor;
    private final MeterAssignment assignment;
    private final CollectionBuffer.Pools pools;
    private final String[] venNames;
    private final String[] loadIds;
    private final VenSnapshot[] snapshots;
    private final byte[] statuses;
    private final Object writeLock = new Object();
    private final boolean continuous;
    private final int cycleLength;
    private final long cycleMillis;
    private final int maxResources;
    private final int maxReadings;

    private MeterSimulator(final LoadData data, final Registry registry, final SimulatorOptions options)
    {
        this.data = data;
        this.registry = registry;
        this.options = options;
        this.cycleLength = data.cycleLength();
        this.cursor = new SharedCursor(cycleLength);
        this.assignment = MeterAssignment.assign(data, registry, options.assignmentSeed());
        this.pools = new CollectionBuffer.Pools(data);
        this.venNames = registry.venNames().toArray(new String[0]);
        this.loadIds = loadIds(data);
        this.statuses = registry.statusesCopy();
        this.continuous = options.timeMode() == TimeMode.CONTINUOUS;
        this.cycleMillis = cycleLength * data.intervalMillis();
        this.snapshots = new VenSnapshot[venNames.length];
        int resources = 0;
        int readings = 0;
        for (int v = 0; v < venNames.length; v++)
        {
            snapshots[v] = VenSnapshot.build(data, registry, assignment, statuses, v);
            resources = Math.max(resources, registry.endOfVen(v) - registry.firstOfVen(v));
            readings = Math.max(readings, slotsOfVen(v));
        }
        this.maxResources = resources;
        this.maxReadings = readings;
    }

    /**
     * @param data     the load data to replay.
     * @param registry the VENs and resources; statuses start as it has them.
     * @param options  the assignment seed and time mode.
     * @return a simulator with its cursor at index 0 of cycle 0.
     */
    public static MeterSimulator create(final LoadData data, final Registry registry, final SimulatorOptions options)
    {
        if (null == data || null == registry || null == options)
        {
            throw new MetersimException("missing argument [data=" + (null != data) + " registry="
                + (null != registry) + " options=" + (null != options) + "]");
        }
        return new MeterSimulator(data, registry, options);
    }

    /**
     * @return the load data replayed.
     */
    public LoadData data()
    {
        return data;
    }

    /**
     * @return the options the simulator was created with.
     */
    public SimulatorOptions options()
    {
        return options;
    }

    /**
     * @return which timestamps readings carry.
     */
    public TimeMode timeMode()
    {
        return options.timeMode();
    }

    /**
     * @return the VEN names in registry order; a VEN's handle is its position here.
     */
    public List<String> venNames()
    {
        return List.of(venNames);
    }

    /**
     * @param ven a VEN name.
     * @return its handle, for the allocation-free collection methods.
     * @throws UnknownVenException naming the VEN and the known ones.
     */
    public int venHandle(final String ven)
    {
        final int handle = null == ven ? -1 : registry.venIndex(ven);
        if (handle < 0)
        {
            throw new UnknownVenException(ven, registry.knownVens());
        }
        return handle;
    }

    /**
     * @param handle a VEN handle.
     * @return the VEN's name.
     * @throws UnknownVenException when no VEN has this handle.
     */
    public String venName(final int handle)
    {
        checkHandle(handle);
        return venNames[handle];
    }

    /**
     * Advances the shared cursor by one row; after the last row it wraps to index 0 of the next cycle. Lock-free and
     * exact under concurrency (a volatile read-modify-write).
     *
     * @return the new index.
     */
    public int increaseTime()
    {
        return SharedCursor.indexOf(cursor.incrementAndGet());
    }

    /**
     * @return the cursor's index (acquire load).
     */
    public int currentIndex()
    {
        return SharedCursor.indexOf(cursor.getAcquire());
    }

    /**
     * A snapshot of the cursor to collect every VEN at the same row with {@link #collectAt}.
     *
     * @return the position: index and completed cycles (acquire load).
     */
    public long position()
    {
        return cursor.getAcquire();
    }

    /**
     * @param index a row, 0 to {@code data().cycleLength() - 1}.
     * @param cycle completed cycles, 0 or more.
     * @return the position of that row in that cycle.
     * @throws MetersimException when either is out of range.
     */
    public long positionOf(final int index, final long cycle)
    {
        if (index < 0 || index >= cycleLength || cycle < 0 || cycle > Integer.MAX_VALUE)
        {
            throw new MetersimException("position out of range [index=" + index + " cycle=" + cycle
                + " cycleLength=" + cycleLength + "]");
        }
        return SharedCursor.positionOf(index, cycle);
    }

    /**
     * @param position a position.
     * @return its row index.
     */
    public static int indexOf(final long position)
    {
        return SharedCursor.indexOf(position);
    }

    /**
     * @param position a position.
     * @return its completed cycles.
     */
    public static long cycleOf(final long position)
    {
        return SharedCursor.cycleOf(position);
    }

    /**
     * @return a buffer large enough for any VEN of this simulator, whatever statuses change to.
     */
    public CollectionBuffer newBuffer()
    {
        return new CollectionBuffer(pools, loadIds, maxResources, maxReadings);
    }

    /**
     * Collects the VEN's approved resources at the cursor, read once. Allocates nothing.
     *
     * @param ven  a VEN name.
     * @param into the buffer to fill.
     * @return {@code into}.
     * @throws UnknownVenException naming the VEN and the known ones.
     */
    public CollectionBuffer collectNextMetering(final String ven, final CollectionBuffer into)
    {
        return collectAt(venHandle(ven), cursor.getAcquire(), into);
    }

    /**
     * Collects the VEN's approved resources at the cursor, read once. Allocates nothing.
     *
     * @param venHandle a VEN handle.
     * @param into      the buffer to fill.
     * @return {@code into}.
     * @throws UnknownVenException when no VEN has this handle.
     */
    public CollectionBuffer collectNextMetering(final int venHandle, final CollectionBuffer into)
    {
        return collectAt(venHandle, cursor.getAcquire(), into);
    }

    /**
     * Collects the VEN's approved resources at a given position, e.g. one {@link #position()} for every VEN of a
     * tick. Allocates nothing.
     *
     * @param venHandle a VEN handle.
     * @param position  a position from {@link #position()} or {@link #positionOf}.
     * @param into      the buffer to fill.
     * @return {@code into}.
     * @throws UnknownVenException when no VEN has this handle.
     * @throws MetersimException   when the position's index is outside the data, or the buffer is missing or was
     *                             made by another simulator.
     */
    public CollectionBuffer collectAt(final int venHandle, final long position, final CollectionBuffer into)
    {
        checkHandle(venHandle);
        if (SharedCursor.indexOf(position) < 0 || SharedCursor.indexOf(position) >= cycleLength)
        {
            throw positionSlowPath(position);
        }
        if (null == into || !into.belongsTo(pools))
        {
            throw bufferSlowPath(venHandle, into);
        }
        final VenSnapshot snapshot = (VenSnapshot)SNAPSHOTS.getAcquire(snapshots, venHandle);
        final long shift = continuous ? SharedCursor.cycleOf(position) * cycleMillis : 0L;
        into.collect(venNames[venHandle], venHandle, position, snapshot, shift);
        return into;
    }

    /**
     * The original simulator's result shape: allocates a map and records on every call.
     *
     * @param ven a VEN name.
     * @return resource id to its readings at the cursor, in registry order, only resources with a reading.
     * @throws UnknownVenException naming the VEN and the known ones.
     */
    public Map<String, ResourceMeterData> collectNextMetering(final String ven)
    {
        final CollectionBuffer buffer = collectNextMetering(ven, newBuffer());
        final Map<String, ResourceMeterData> result = new LinkedHashMap<>();
        for (int r = 0; r < buffer.resourceCount(); r++)
        {
            final int count = buffer.readingCount(r);
            if (count > 0)
            {
                final List<MeterReading> readings = new ArrayList<>(count);
                for (int i = buffer.readingOffset(r); i < buffer.readingOffset(r) + count; i++)
                {
                    readings.add(new MeterReading(buffer.timestampMillis(i), buffer.loadId(i), buffer.powerW(i)));
                }
                result.put(buffer.resourceId(r), new ResourceMeterData(
                    buffer.resourceId(r), buffer.meterPointId(r), readings));
            }
        }
        return result;
    }

    /**
     * Changes a resource's status; the next collection of its VEN sees the change. A newly approved resource reads
     * its meter (explicit, or assigned by seed) from that collection on.
     *
     * @param ven        the VEN's name.
     * @param resourceId the resource's id.
     * @param status     the new status.
     * @throws UnknownVenException      when the VEN is unknown; nothing changes.
     * @throws UnknownResourceException when the VEN has no such resource; nothing changes.
     * @throws MetersimException        when the status is missing; nothing changes.
     */
    public void updateResourceStatus(final String ven, final String resourceId, final ResourceStatus status)
    {
        final int row = rowOf(ven, resourceId);
        final int handle = registry.venOf(row);
        if (null == status)
        {
            throw new MetersimException("missing status [ven=" + ven + " resource_id=" + resourceId
                + " allowed=" + ResourceStatus.allowed() + "]");
        }
        synchronized (writeLock)
        {
            if (statuses[row] != status.ordinal())
            {
                statuses[row] = (byte)status.ordinal();
                final VenSnapshot snapshot = VenSnapshot.build(data, registry, assignment, statuses, handle);
                SNAPSHOTS.setRelease(snapshots, handle, snapshot);
            }
        }
    }

    /**
     * As {@link #updateResourceStatus(String, String, ResourceStatus)} with the status given as text.
     *
     * @param ven        the VEN's name.
     * @param resourceId the resource's id.
     * @param status     the new status's name, in any letter case.
     * @throws UnknownVenException      when the VEN is unknown; nothing changes.
     * @throws UnknownResourceException when the VEN has no such resource; nothing changes.
     * @throws MetersimException        when the text names no status; nothing changes.
     */
    public void updateResourceStatus(final String ven, final String resourceId, final String status)
    {
        rowOf(ven, resourceId);
        updateResourceStatus(ven, resourceId, ResourceStatus.parse(status));
    }

    /**
     * The meter a resource reads when approved, whatever its status now: its explicit {@code meter_point_id} when
     * the data has that meter, the meter assigned by seed when it has none, {@code ""} when its explicit meter is
     * not in the data (it yields no readings). The assignment is fixed at creation and never changes.
     *
     * @param ven        the VEN's name.
     * @param resourceId the resource's id.
     * @return the id of the meter it reads, or {@code ""} for none.
     * @throws UnknownVenException      when the VEN is unknown.
     * @throws UnknownResourceException when the VEN has no such resource.
     */
    public String assignedMeter(final String ven, final String resourceId)
    {
        final int meter = assignment.meterOf(rowOf(ven, resourceId));
        return meter < 0 ? "" : data.meterId(meter);
    }

    /**
     * @return the registry with the current statuses, e.g. to persist with {@link Registry#writeCsv}.
     */
    public Registry registry()
    {
        synchronized (writeLock)
        {
            return registry.withStatuses(statuses.clone());
        }
    }

    /**
     * @return counts by status per VEN and in total, and the assignment the approved resources use.
     */
    public SimulatorStatistics statistics()
    {
        synchronized (writeLock)
        {
            return StatisticsCounter.count(registry, assignment, statuses);
        }
    }

    /**
     * @return one warning per resource whose explicit meter is not in the data; never repeated per collection.
     */
    public List<String> warnings()
    {
        return assignment.warnings();
    }

    /**
     * @return the registry row of the VEN's resource.
     * @throws UnknownVenException      when the VEN is unknown.
     * @throws UnknownResourceException when the VEN has no such resource.
     */
    private int rowOf(final String ven, final String resourceId)
    {
        final int handle = venHandle(ven);
        final int row = null == resourceId ? -1 : registry.rowOf(handle, resourceId);
        if (row < 0)
        {
            throw new UnknownResourceException(ven, resourceId, registry.knownResources(handle));
        }
        return row;
    }

    private void checkHandle(final int handle)
    {
        if (handle < 0 || handle >= venNames.length)
        {
            throw new UnknownVenException("#" + handle, registry.knownVens());
        }
    }

    private MetersimException bufferSlowPath(final int venHandle, final CollectionBuffer into)
    {
        return new MetersimException((null == into ? "missing buffer" : "buffer made by another simulator")
            + "; use this simulator's newBuffer() [ven=" + venNames[venHandle] + "]");
    }

    private MetersimException positionSlowPath(final long position)
    {
        return new MetersimException("position out of range [index=" + SharedCursor.indexOf(position) + " cycle="
            + SharedCursor.cycleOf(position) + " cycleLength=" + cycleLength + "]");
    }

    private int slotsOfVen(final int ven)
    {
        int slots = 0;
        for (int p = registry.firstOfVen(ven); p < registry.endOfVen(ven); p++)
        {
            slots += VenSnapshot.slotsOf(data, assignment.meterOf(registry.rowAt(p)));
        }
        return slots;
    }

    private static String[] loadIds(final LoadData data)
    {
        int maxLoad = -1;
        for (int s = 0; s < data.seriesCount(); s++)
        {
            maxLoad = Math.max(maxLoad, data.seriesLoad(s));
        }
        final String[] ids = new String[maxLoad + 1];
        for (int k = 0; k <= maxLoad; k++)
        {
            ids[k] = ("load_" + k).intern();
        }
        return ids;
    }
}
