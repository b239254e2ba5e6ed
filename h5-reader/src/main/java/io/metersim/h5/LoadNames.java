package io.metersim.h5;

import io.jhdf.api.Group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the {@code load_<k>} children of a meter group.
 */
final class LoadNames
{
    private LoadNames()
    {
    }

    /**
     * @param meter a meter group.
     * @return the {@code k} of every child named {@code load_<k>} (canonical decimal), ascending.
     */
    static List<Integer> present(final Group meter)
    {
        final List<Integer> loads = new ArrayList<>();
        for (final String name : meter.getChildren().keySet())
        {
            final int k = loadIndex(name);
            if (k >= 0)
            {
                loads.add(k);
            }
        }
        Collections.sort(loads);
        return loads;
    }

    /**
     * @param count how many loads a meter declares.
     * @return {@code 0 .. count - 1}.
     */
    static List<Integer> upTo(final int count)
    {
        final List<Integer> loads = new ArrayList<>(count);
        for (int k = 0; k < count; k++)
        {
            loads.add(k);
        }
        return loads;
    }

    /**
     * @param name a child's name.
     * @return {@code k} when the name is {@code load_<k>}, else -1.
     */
    static int loadIndex(final String name)
    {
        if (!name.startsWith(MeterTreeReader.LOAD_PREFIX))
        {
            return -1;
        }
        final String digits = name.substring(MeterTreeReader.LOAD_PREFIX.length());
        final boolean canonical = !digits.isEmpty() && digits.length() <= 4
            && (digits.length() == 1 || digits.charAt(0) != '0');
        for (int i = 0; canonical && i < digits.length(); i++)
        {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9')
            {
                return -1;
            }
        }
        return canonical ? Integer.parseInt(digits) : -1;
    }
}
