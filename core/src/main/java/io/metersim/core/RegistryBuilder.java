package io.metersim.core;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import java.util.List;
import java.util.Locale;

/**
 * Gathers resources row by row into the columns a {@link Registry} keeps. Not thread-safe.
 */
final class RegistryBuilder
{
    private final ObjectArrayList<String> venNames = new ObjectArrayList<>();
    private final Object2IntOpenHashMap<String> venIndex = new Object2IntOpenHashMap<>();
    private final ObjectArrayList<Object2IntOpenHashMap<String>> rowById = new ObjectArrayList<>();
    private final IntArrayList venOf = new IntArrayList();
    private final ByteArrayList statuses = new ByteArrayList();
    private final ObjectArrayList<String> ids = new ObjectArrayList<>();
    private final ObjectArrayList<String> names = new ObjectArrayList<>();
    private final ObjectArrayList<String> meters = new ObjectArrayList<>();
    private final ObjectArrayList<String> types = new ObjectArrayList<>();
    /** VEN index and folded resource id to the first row with them, built on the first case check only. */
    private Object2IntOpenHashMap<String> rowByFoldedId;

    RegistryBuilder()
    {
        venIndex.defaultReturnValue(-1);
    }

    /**
     * @return -1 when added, or the row already holding this (ven, resource id).
     */
    int add(
        final String ven,
        final String resourceId,
        final String resourceName,
        final ResourceStatus status,
        final String meterPointId,
        final String resourceType)
    {
        int v = venIndex.getInt(ven);
        if (v < 0)
        {
            v = venNames.size();
            venNames.add(ven);
            venIndex.put(ven, v);
            final Object2IntOpenHashMap<String> rows = new Object2IntOpenHashMap<>();
            rows.defaultReturnValue(-1);
            rowById.add(rows);
        }
        final int row = ids.size();
        final int previous = rowById.get(v).putIfAbsent(resourceId, row);
        if (previous >= 0)
        {
            return previous;
        }
        venOf.add(v);
        statuses.add((byte)status.ordinal());
        ids.add(resourceId);
        names.add(resourceName);
        meters.add(meterPointId.isEmpty() ? "" : meterPointId);
        types.add(resourceType.isEmpty() ? "" : resourceType);
        return -1;
    }

    /**
     * Checks the row just added against the VEN's earlier rows for an id that differs only in letter case; call it
     * once per row, in order, to check every row.
     *
     * @param row a row added, the last one checked so far.
     * @return the first earlier row of the same VEN whose id equals this row's ignoring case, or -1.
     */
    int sameIdInOtherCase(final int row)
    {
        if (null == rowByFoldedId)
        {
            rowByFoldedId = new Object2IntOpenHashMap<>();
            rowByFoldedId.defaultReturnValue(-1);
        }
        final String id = ids.get(row);
        // NUL never occurs in a registry field, so the key is unambiguous
        final String key = venOf.getInt(row) + "\u0000" + id.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return rowByFoldedId.putIfAbsent(key, row);
    }

    /**
     * @param row a row added.
     * @return its resource id.
     */
    String resourceId(final int row)
    {
        return ids.get(row);
    }

    Registry build()
    {
        return build(List.of());
    }

    /**
     * @param warnings what is odd about the resources but did not stop them from loading.
     */
    Registry build(final List<String> warnings)
    {
        rowByFoldedId = null;
        final int venCount = venNames.size();
        final int[] venOfRows = venOf.toIntArray();
        final int[] venRowStart = new int[venCount + 1];
        for (final int v : venOfRows)
        {
            venRowStart[v + 1]++;
        }
        for (int v = 0; v < venCount; v++)
        {
            venRowStart[v + 1] += venRowStart[v];
        }
        final int[] fill = venRowStart.clone();
        final int[] rowsByVen = new int[venOfRows.length];
        for (int row = 0; row < venOfRows.length; row++)
        {
            rowsByVen[fill[venOfRows[row]]++] = row;
        }
        for (final Object2IntOpenHashMap<String> rows : rowById)
        {
            rows.trim();
        }
        venIndex.trim();
        return new Registry(new Registry.Columns(
            venNames.toArray(new String[0]), venIndex, rowById.toArray(newMapArray(venCount)), venOfRows,
            venRowStart, rowsByVen, ids.toArray(new String[0]), names.toArray(new String[0]),
            meters.toArray(new String[0]), types.toArray(new String[0]), List.copyOf(warnings)),
            statuses.toByteArray());
    }

    @SuppressWarnings("unchecked")
    private static Object2IntOpenHashMap<String>[] newMapArray(final int length)
    {
        return (Object2IntOpenHashMap<String>[])new Object2IntOpenHashMap<?>[length];
    }
}
