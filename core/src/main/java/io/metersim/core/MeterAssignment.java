package io.metersim.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which meter every registry row reads: its explicit meter when the data has it, none when the data lacks it, or a
 * meter chosen by a seeded hash of (seed, VEN, resource id) among the meters that have load series. The choice
 * depends on nothing else, so it does not change with the order in which statuses change, and every row has its
 * meter before it is approved.
 */
final class MeterAssignment
{
    static final byte EXPLICIT = 0;
    static final byte ASSIGNED = 1;
    static final byte NOT_FOUND = 2;

    private static final long FNV_OFFSET = 0xCBF2_9CE4_8422_2325L;
    private static final long FNV_PRIME = 0x0000_0100_0000_01B3L;

    private final int[] meterOf;
    private final byte[] kindOf;
    private final List<String> warnings;

    private MeterAssignment(final int[] meterOf, final byte[] kindOf, final List<String> warnings)
    {
        this.meterOf = meterOf;
        this.kindOf = kindOf;
        this.warnings = List.copyOf(warnings);
    }

    static MeterAssignment assign(final LoadData data, final Registry registry, final long seed)
    {
        final int[] candidates = metersWithSeries(data);
        final int[] meterOf = new int[registry.size()];
        final byte[] kindOf = new byte[registry.size()];
        final List<String> warnings = new ArrayList<>();
        for (int row = 0; row < registry.size(); row++)
        {
            final String explicit = registry.meterPointId(row);
            final String ven = registry.venName(registry.venOf(row));
            final String resourceId = registry.resourceId(row);
            if (explicit.isEmpty())
            {
                final long hash = mix(seed, ven, resourceId);
                meterOf[row] = candidates[(int)Long.remainderUnsigned(hash, candidates.length)];
                kindOf[row] = ASSIGNED;
            }
            else
            {
                meterOf[row] = data.meterIndex(explicit);
                kindOf[row] = meterOf[row] < 0 ? NOT_FOUND : EXPLICIT;
                if (meterOf[row] < 0)
                {
                    warnings.add("meter_point_id " + explicit + " is not in the data; the resource yields no readings"
                        + " [ven=" + ven + " resource_id=" + resourceId + " data=" + data.source() + "]");
                }
            }
        }
        return new MeterAssignment(meterOf, kindOf, warnings);
    }

    /**
     * @return the meter index the row reads, or -1 when its explicit meter is not in the data.
     */
    int meterOf(final int row)
    {
        return meterOf[row];
    }

    byte kindOf(final int row)
    {
        return kindOf[row];
    }

    List<String> warnings()
    {
        return warnings;
    }

    /**
     * The first SplitMix64 output for the seed, folded with 64-bit FNV-1a hashes of each id in turn, each fold
     * again taking the first SplitMix64 output for the folded value.
     */
    static long mix(final long seed, final String ven, final String resourceId)
    {
        final long h = SplitMix64.output(SplitMix64.output(seed, 1) ^ fnv1a64(ven), 1);
        return SplitMix64.output(h ^ fnv1a64(resourceId), 1);
    }

    static long fnv1a64(final String text)
    {
        long hash = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++)
        {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }

    private static int[] metersWithSeries(final LoadData data)
    {
        int count = 0;
        final int[] meters = new int[data.meterCount()];
        for (int m = 0; m < data.meterCount(); m++)
        {
            if (data.loadCount(m) > 0)
            {
                meters[count++] = m;
            }
        }
        return Arrays.copyOf(meters, count);
    }
}
