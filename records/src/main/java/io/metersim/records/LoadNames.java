package io.metersim.records;

import io.metersim.core.CollectionBuffer;

import java.util.Arrays;

/**
 * The field name of each load, {@code "load_k":}, escaped once per load and kept while the collection's load id is
 * the very string it was made from.
 */
final class LoadNames
{
    private String[] ids = new String[8];
    private byte[][] names = new byte[8][];

    /**
     * @param collected a VEN's collection.
     * @param reading   one of its readings.
     * @return the reading's field name, quoted, with its colon.
     */
    byte[] name(final CollectionBuffer collected, final int reading)
    {
        final int load = collected.loadIndex(reading);
        final String id = collected.loadId(reading);
        if (load < ids.length && ids[load] == id)
        {
            return names[load];
        }
        return add(load, id);
    }

    private byte[] add(final int load, final String id)
    {
        if (load >= ids.length)
        {
            ids = Arrays.copyOf(ids, Math.max(load + 1, ids.length * 2));
            names = Arrays.copyOf(names, ids.length);
        }
        final byte[] text = new byte[JsonText.maxStringBytes(id) + 1];
        final int end = JsonText.string(id, text, 0);
        text[end] = ':';
        final byte[] name = Arrays.copyOf(text, end + 1);
        ids[load] = id;
        names[load] = name;
        return name;
    }
}
