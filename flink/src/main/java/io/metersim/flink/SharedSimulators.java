package io.metersim.flink;

import io.metersim.core.MeterSimulator;

import java.util.HashMap;
import java.util.Map;

/**
 * The simulators of this JVM (of this job's class loader on a task manager), one per data file, registry, seed and
 * time mode, counted by reference: the first reader loads the data, every later reader of the same replay shares it,
 * the last one to close drops it. Readers only collect at positions they compute, never move its cursor, so sharing
 * it changes no reading.
 */
final class SharedSimulators
{
    private static final Map<String, Entry> ENTRIES = new HashMap<>();
    private static long loads;

    private SharedSimulators()
    {
    }

    /**
     * @param config the replay.
     * @return its simulator, loaded now when no reader of this JVM holds it.
     */
    static MeterSimulator acquire(final ReplayConfig config)
    {
        final String key = config.simulatorKey();
        synchronized (ENTRIES)
        {
            final Entry held = ENTRIES.get(key);
            if (null != held)
            {
                held.references++;
                return held.simulator;
            }
        }
        // loaded outside the lock so one slow load does not hold back readers of other replays; a second reader
        // that races this one loads its own copy once and gives it up below
        final MeterSimulator loaded = config.loadSimulator();
        synchronized (ENTRIES)
        {
            final Entry raced = ENTRIES.get(key);
            if (null != raced)
            {
                raced.references++;
                return raced.simulator;
            }
            ENTRIES.put(key, new Entry(loaded));
            loads++;
            return loaded;
        }
    }

    /**
     * @param config the replay whose simulator a reader no longer needs.
     */
    static void release(final ReplayConfig config)
    {
        synchronized (ENTRIES)
        {
            final Entry held = ENTRIES.get(config.simulatorKey());
            if (null != held && --held.references == 0)
            {
                ENTRIES.remove(config.simulatorKey());
            }
        }
    }

    /**
     * @return how many readers hold the replay's simulator, 0 when none is loaded (for tests).
     */
    static int references(final ReplayConfig config)
    {
        synchronized (ENTRIES)
        {
            final Entry held = ENTRIES.get(config.simulatorKey());
            return null == held ? 0 : held.references;
        }
    }

    /**
     * @return how many simulators this JVM has loaded and kept so far (for tests: one per replay, not per reader).
     */
    static long loads()
    {
        synchronized (ENTRIES)
        {
            return loads;
        }
    }

    private static final class Entry
    {
        final MeterSimulator simulator;
        int references = 1;

        Entry(final MeterSimulator simulator)
        {
            this.simulator = simulator;
        }
    }
}
