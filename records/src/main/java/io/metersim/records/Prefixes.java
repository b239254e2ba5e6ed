package io.metersim.records;

import io.metersim.core.CollectionBuffer;

import java.util.Arrays;

/**
 * The text of a record up to its index, {@code {"ven":…,"resource_id":…,"meter_point_id":…,"index":}, the same
 * for a resource every tick: escaped once per resource (by registry row) into one pool and copied from there. A row
 * is taken from the pool only while its VEN, id and meter are the very strings it was made from, so a registry
 * change is never missed. The pool stops growing at {@link #MAX_POOL_BYTES} (about 100 B per resource: 300,000
 * resources) by default; resources beyond it are escaped every time, still without allocating.
 */
final class Prefixes
{
    /** The most bytes kept per writer. */
    static final int MAX_POOL_BYTES = 32 << 20;

    private static final byte[] VEN = JsonText.ascii("{\"ven\":");
    private static final byte[] RESOURCE = JsonText.ascii(",\"resource_id\":");
    private static final byte[] METER = JsonText.ascii(",\"meter_point_id\":");
    private static final byte[] INDEX = JsonText.ascii(",\"index\":");
    private static final int FIXED_BYTES = VEN.length + RESOURCE.length + METER.length + INDEX.length;
    private static final int FIRST_ROWS = 256;

    private final int maxPoolBytes;
    private String[] vens = new String[FIRST_ROWS];
    private String[] ids = new String[FIRST_ROWS];
    private String[] meters = new String[FIRST_ROWS];
    private int[] starts = new int[FIRST_ROWS];
    private int[] lengths = new int[FIRST_ROWS];
    private byte[] pool = new byte[1 << 16];
    private int used;
    private int length;

    /**
     * @param maxPoolBytes the most bytes to keep; resources beyond are escaped every time.
     */
    Prefixes(final int maxPoolBytes)
    {
        this.maxPoolBytes = maxPoolBytes;
    }

    /**
     * @param collected a VEN's collection.
     * @param r         one of its resources.
     * @return where the resource's prefix starts in {@link #pool()}, {@link #length()} bytes long; or -1 when it
     *         is not kept, and then {@link #length()} is the most bytes {@link #write} takes for it.
     */
    int find(final CollectionBuffer collected, final int r)
    {
        final int row = collected.resourceIndex(r);
        final String ven = collected.ven();
        final String id = collected.resourceId(r);
        final String meter = collected.meterPointId(r);
        if (row < vens.length && vens[row] == ven && ids[row] == id && meters[row] == meter)
        {
            length = lengths[row];
            return starts[row];
        }
        return add(row, ven, id, meter);
    }

    /**
     * @return the pool of kept prefixes; read after {@link #find}, which may replace it.
     */
    byte[] pool()
    {
        return pool;
    }

    /**
     * @return the length of the prefix {@link #find} found, or the most bytes it may take.
     */
    int length()
    {
        return length;
    }

    /**
     * Writes the resource's prefix without keeping it.
     */
    static int write(final CollectionBuffer collected, final int r, final byte[] out, final int at)
    {
        int i = JsonText.raw(VEN, out, at);
        i = JsonText.string(collected.ven(), out, i);
        i = JsonText.raw(RESOURCE, out, i);
        i = JsonText.string(collected.resourceId(r), out, i);
        i = JsonText.raw(METER, out, i);
        i = JsonText.string(collected.meterPointId(r), out, i);
        return JsonText.raw(INDEX, out, i);
    }

    private int add(final int row, final String ven, final String id, final String meter)
    {
        final int most = FIXED_BYTES + JsonText.maxStringBytes(ven) + JsonText.maxStringBytes(id)
            + JsonText.maxStringBytes(meter);
        length = most;
        if (used + most > maxPoolBytes)
        {
            return -1;
        }
        if (row >= vens.length)
        {
            grow(Math.max(row + 1, vens.length * 2));
        }
        if (used + most > pool.length)
        {
            pool = Arrays.copyOf(pool, Math.min(maxPoolBytes, Math.max(used + most, pool.length * 2)));
        }
        final int start = used;
        final int end = write(ven, id, meter, start);
        vens[row] = ven;
        ids[row] = id;
        meters[row] = meter;
        starts[row] = start;
        lengths[row] = end - start;
        used = end;
        length = end - start;
        return start;
    }

    private int write(final String ven, final String id, final String meter, final int at)
    {
        int i = JsonText.raw(VEN, pool, at);
        i = JsonText.string(ven, pool, i);
        i = JsonText.raw(RESOURCE, pool, i);
        i = JsonText.string(id, pool, i);
        i = JsonText.raw(METER, pool, i);
        i = JsonText.string(meter, pool, i);
        return JsonText.raw(INDEX, pool, i);
    }

    private void grow(final int rows)
    {
        vens = Arrays.copyOf(vens, rows);
        ids = Arrays.copyOf(ids, rows);
        meters = Arrays.copyOf(meters, rows);
        starts = Arrays.copyOf(starts, rows);
        lengths = Arrays.copyOf(lengths, rows);
    }
}
