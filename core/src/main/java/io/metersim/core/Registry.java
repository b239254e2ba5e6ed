package io.metersim.core;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The VENs and their resources, immutable, in file order.
 * <p>
 * Memory: resources are held as columns, not objects. Per resource that is one {@code int} VEN index, one
 * {@code byte} status, four references (id, name, meter point id, type; empty values share the {@code ""} literal),
 * one {@code int} in the VEN-ordered row list and one slot in its VEN's open-addressing id index (a reference and an
 * {@code int}, at most 2.7 slots per resource at fastutil's 0.75 load factor): 4 + 1 + 16 + 4 + 22 = 47 bytes with
 * compressed references, plus the strings themselves. {@link #resources()} builds {@link ResourceSpec} objects on
 * demand and does not keep them.
 */
public final class Registry
{
    private final Columns columns;
    private final byte[] statuses;

    Registry(final Columns columns, final byte[] statuses)
    {
        this.columns = columns;
        this.statuses = statuses;
    }

    /**
     * Reads a registry CSV: header {@code ven,resource_id,resource_name,status,meter_point_id[,resource_type]},
     * RFC 4180 quoting, UTF-8 with or without a byte order mark, blank lines skipped. Unquoted fields are stripped of
     * surrounding blanks, quoted fields are kept as they are. Resource ids of one VEN that differ only in letter case
     * are accepted and reported in {@link #warnings()}.
     *
     * @param file the CSV file.
     * @return the registry, in file order.
     * @throws RegistryFormatException naming the file and line of the first malformed or duplicate row (including a
     *                                 byte order mark past the start of the file or a NUL character), or the file
     *                                 when it cannot be read.
     */
    public static Registry readCsv(final Path file)
    {
        return RegistryCsv.read(file);
    }

    /**
     * @param resources the resources, in the order to keep.
     * @return a registry of them.
     * @throws RegistryFormatException when the list or one of its resources is missing, or two resources share a VEN
     *                                 and resource id.
     */
    public static Registry of(final List<ResourceSpec> resources)
    {
        if (null == resources)
        {
            throw new RegistryFormatException("missing resource list");
        }
        final RegistryBuilder builder = new RegistryBuilder();
        final List<String> warnings = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++)
        {
            final ResourceSpec r = resources.get(i);
            if (null == r)
            {
                throw new RegistryFormatException("missing resource [index=" + i + "]");
            }
            final int previous = builder.add(
                r.ven(), r.resourceId(), r.resourceName(), r.status(), r.meterPointId(), r.resourceType());
            if (previous >= 0)
            {
                throw new RegistryFormatException("duplicate resource_id " + r.resourceId() + " [ven=" + r.ven()
                    + " index=" + i + " first=" + previous + "]");
            }
            final int twin = builder.sameIdInOtherCase(i);
            if (twin >= 0)
            {
                warnings.add("resource_id " + r.resourceId() + " differs only in case from "
                    + builder.resourceId(twin) + " [ven=" + r.ven() + " index=" + i + " first=" + twin + "]");
            }
        }
        return builder.build(warnings);
    }

    /**
     * A registry for load tests: VENs {@code VEN-00001}, {@code VEN-00002}, ... each with resources
     * {@code VEN-00001-R0001}, ... named like their ids, all approved, none with a meter id (all assigned).
     *
     * @param vens            how many VENs.
     * @param resourcesPerVen how many resources each.
     * @return the registry.
     * @throws MetersimException when a count is negative.
     */
    public static Registry synthetic(final int vens, final int resourcesPerVen)
    {
        if (vens < 0 || resourcesPerVen < 0)
        {
            throw new MetersimException("negative count [vens=" + vens + " resourcesPerVen=" + resourcesPerVen + "]");
        }
        final RegistryBuilder builder = new RegistryBuilder();
        final StringBuilder text = new StringBuilder(24);
        for (int v = 1; v <= vens; v++)
        {
            text.setLength(0);
            final String ven = appendPadded(text.append("VEN-"), v, 5).toString();
            for (int r = 1; r <= resourcesPerVen; r++)
            {
                text.setLength(ven.length());
                final String id = appendPadded(text.append("-R"), r, 4).toString();
                builder.add(ven, id, id, ResourceStatus.APPROVED, "", "");
            }
        }
        return builder.build();
    }

    /**
     * Writes the registry as CSV in {@link #readCsv} format to a temporary file beside {@code file}, then renames it
     * over {@code file} atomically (see {@link AtomicFile}), creating missing folders. The {@code resource_type}
     * column is written when any resource has a type.
     *
     * @param file the file to write.
     * @throws RegistryFormatException naming the file when it cannot be written.
     */
    public void writeCsv(final Path file)
    {
        RegistryCsv.write(this, file);
    }

    /**
     * Saves this registry's statuses into the registry CSV it was read from, changing nothing but the status field of
     * each row whose status differs from this registry's: every other byte (byte order mark, line ends, blank lines,
     * quoting, the letter case of unchanged statuses) stays as it is. A changed field is written as the status's
     * name, e.g. {@code APPROVED}. The file is re-read, so a row edited meanwhile keeps its edit; the new content
     * goes to a temporary file renamed over {@code file} (see {@link AtomicFile}). Nothing is written when no status
     * changed.
     *
     * @param file the registry CSV holding every resource of this registry.
     * @return how many status fields changed.
     * @throws RegistryFormatException naming the file when it cannot be read, parsed or written, or lacks one of
     *                                 this registry's resources; the file is then unchanged.
     */
    public int writeStatusChanges(final Path file)
    {
        return RegistryCsv.writeStatusChanges(this, file);
    }

    /**
     * @return what is odd about the resources but did not stop them from loading, e.g. resource ids of one VEN that
     *         differ only in letter case, each naming the file, line and VEN or the list index; empty when nothing is.
     */
    public List<String> warnings()
    {
        return columns.warnings;
    }

    /**
     * @return the resources in file order; built on each call.
     */
    public List<ResourceSpec> resources()
    {
        final List<ResourceSpec> resources = new ArrayList<>(size());
        for (int row = 0; row < size(); row++)
        {
            resources.add(resource(row));
        }
        return Collections.unmodifiableList(resources);
    }

    /**
     * @param row a row, 0 to {@link #size()} - 1, in file order.
     * @return the resource on that row, built on each call.
     */
    public ResourceSpec resource(final int row)
    {
        return new ResourceSpec(venName(columns.venOf[row]), columns.ids[row], columns.names[row], status(row),
            columns.meters[row], columns.types[row]);
    }

    /**
     * @return how many resources the registry holds.
     */
    public int size()
    {
        return columns.ids.length;
    }

    /**
     * @return the VEN names in order of first appearance.
     */
    public List<String> venNames()
    {
        return List.of(columns.venNames);
    }

    int venCount()
    {
        return columns.venNames.length;
    }

    String venName(final int ven)
    {
        return columns.venNames[ven];
    }

    int venIndex(final String ven)
    {
        return columns.venIndex.getInt(ven);
    }

    /**
     * @return the row of the VEN's resource with this id, or -1.
     */
    int rowOf(final int ven, final String resourceId)
    {
        return columns.rowById[ven].getInt(resourceId);
    }

    int firstOfVen(final int ven)
    {
        return columns.venRowStart[ven];
    }

    int endOfVen(final int ven)
    {
        return columns.venRowStart[ven + 1];
    }

    /**
     * @param position a position from {@link #firstOfVen} (inclusive) to {@link #endOfVen} (exclusive).
     * @return the row there; a VEN's rows are in file order.
     */
    int rowAt(final int position)
    {
        return columns.rowsByVen[position];
    }

    int venOf(final int row)
    {
        return columns.venOf[row];
    }

    String resourceId(final int row)
    {
        return columns.ids[row];
    }

    String resourceName(final int row)
    {
        return columns.names[row];
    }

    String meterPointId(final int row)
    {
        return columns.meters[row];
    }

    String resourceType(final int row)
    {
        return columns.types[row];
    }

    ResourceStatus status(final int row)
    {
        return ResourceStatus.ofOrdinal(statuses[row]);
    }

    byte[] statusesCopy()
    {
        return statuses.clone();
    }

    boolean hasTypes()
    {
        for (final String type : columns.types)
        {
            if (!type.isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return a registry with the same resources and these statuses.
     */
    Registry withStatuses(final byte[] newStatuses)
    {
        return new Registry(columns, newStatuses);
    }

    /**
     * @return the VEN names, sorted, shortened to {@code limit} for an error message.
     */
    static String shortList(final String[] names, final int limit)
    {
        final String[] sorted = names.clone();
        Arrays.sort(sorted);
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(limit, sorted.length); i++)
        {
            text.append(i == 0 ? "" : ", ").append(sorted[i]);
        }
        if (sorted.length > limit)
        {
            text.append(", ... (").append(sorted.length - limit).append(" more)");
        }
        return text.toString();
    }

    String knownVens()
    {
        return shortList(columns.venNames, 20);
    }

    String knownResources(final int ven)
    {
        final String[] ids = new String[endOfVen(ven) - firstOfVen(ven)];
        for (int p = firstOfVen(ven); p < endOfVen(ven); p++)
        {
            ids[p - firstOfVen(ven)] = columns.ids[rowAt(p)];
        }
        return shortList(ids, 20);
    }

    private static StringBuilder appendPadded(final StringBuilder text, final int value, final int width)
    {
        final String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++)
        {
            text.append('0');
        }
        return text.append(digits);
    }

    /**
     * The columns every registry derived from one source shares; only statuses differ between them.
     */
    record Columns(
        String[] venNames,
        Object2IntOpenHashMap<String> venIndex,
        Object2IntOpenHashMap<String>[] rowById,
        int[] venOf,
        int[] venRowStart,
        int[] rowsByVen,
        String[] ids,
        String[] names,
        String[] meters,
        String[] types,
        List<String> warnings)
    {
    }
}
