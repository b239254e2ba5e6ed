package io.metersim.h5;

import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.Filter;
import io.jhdf.filter.FilterManager;

import java.util.Arrays;

/**
 * HDF5's Fletcher32 filter (id 3), verifying the checksum that jhdf 0.13.0's own filter only strips. Registered
 * with jhdf's {@link FilterManager} in place of that one, so every chunk jhdf decodes is checked; a mismatch
 * throws, which the reader reports as an unreadable {@code power} and skips that load, as h5py refuses to read it.
 */
final class Fletcher32Filter implements Filter
{
    static final int ID = 3;

    private static final int CHECKSUM_BYTES = 4;
    private static final int BLOCK_WORDS = 360;
    private static final int LOW_16 = 0xffff;

    static
    {
        FilterManager.addFilter(new Fletcher32Filter());
    }

    /**
     * Makes sure the verifying filter is registered; idempotent, cheap after the first call.
     */
    static void register()
    {
        // the static initializer does the work once
    }

    @Override
    public int getId()
    {
        return ID;
    }

    @Override
    public String getName()
    {
        return "fletcher32";
    }

    @Override
    public byte[] decode(final byte[] encoded, final int[] filterData)
    {
        if (encoded.length < CHECKSUM_BYTES)
        {
            throw new HdfFilterException("fletcher32 chunk of " + encoded.length + " bytes has no checksum");
        }
        final int length = encoded.length - CHECKSUM_BYTES;
        final int stored = (encoded[length] & 0xff) | (encoded[length + 1] & 0xff) << 8
            | (encoded[length + 2] & 0xff) << 16 | (encoded[length + 3] & 0xff) << 24;
        final int computed = checksum(encoded, length);
        // HDF5 1.6.0 to 1.6.2 stored the bytes of each half swapped; H5Zfletcher32.c accepts both
        if (stored != computed && stored != swapBytesOfHalves(computed))
        {
            throw new HdfFilterException("fletcher32 checksum mismatch: stored=" + hex(stored) + " computed="
                + hex(computed) + ", the chunk is corrupt");
        }
        return Arrays.copyOf(encoded, length);
    }

    /**
     * H5_checksum_fletcher32 of H5checksum.c: 16-bit big-endian words, sums folded every 360 words, a trailing
     * odd byte taken as the high byte of a last word.
     *
     * @param data   the bytes.
     * @param length how many of them.
     * @return the checksum, {@code sum2 << 16 | sum1}.
     */
    static int checksum(final byte[] data, final int length)
    {
        long sum1 = 0;
        long sum2 = 0;
        int words = length / 2;
        int at = 0;
        while (words > 0)
        {
            final int block = Math.min(words, BLOCK_WORDS);
            words -= block;
            for (int i = 0; i < block; i++)
            {
                sum1 += (data[at] & 0xff) << 8 | (data[at + 1] & 0xff);
                at += 2;
                sum2 += sum1;
            }
            sum1 = (sum1 & LOW_16) + (sum1 >>> 16);
            sum2 = (sum2 & LOW_16) + (sum2 >>> 16);
        }
        if (length % 2 != 0)
        {
            sum1 += (data[at] & 0xff) << 8;
            sum2 += sum1;
            sum1 = (sum1 & LOW_16) + (sum1 >>> 16);
            sum2 = (sum2 & LOW_16) + (sum2 >>> 16);
        }
        sum1 = (sum1 & LOW_16) + (sum1 >>> 16);
        sum2 = (sum2 & LOW_16) + (sum2 >>> 16);
        return (int)(sum2 << 16 | sum1);
    }

    private static int swapBytesOfHalves(final int value)
    {
        return (value & 0x00ff00ff) << 8 | (value >>> 8) & 0x00ff00ff;
    }

    private static String hex(final int value)
    {
        return String.format("0x%08x", value);
    }
}
