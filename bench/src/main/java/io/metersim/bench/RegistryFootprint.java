package io.metersim.bench;

import io.metersim.core.LoadData;
import io.metersim.core.MeterSimulator;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.SimulatorOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the heap a registry, and a simulator over it, retain per resource beyond the resources' strings, against
 * the 64-byte target. Run in a JVM of its own with the serial collector, so that heap use after a full collection is
 * exact: {@code java -XX:+UseSerialGC -Xmx4g -cp bench/target/benchmarks.jar io.metersim.bench.RegistryFootprint}.
 * Prints one line per measurement and exits 1 when a figure misses the target.
 */
public final class RegistryFootprint
{
    private static final int VENS = 10_000;
    private static final int RESOURCES_PER_VEN = 120;
    private static final double TARGET_BYTES = 64.0;
    private static final int OBJECT_ALIGNMENT = 8;
    private static final int STRING_BYTES = 24;
    private static final int ARRAY_HEADER_BYTES = 16;

    private RegistryFootprint()
    {
    }

    /**
     * @param args none.
     */
    public static void main(final String[] args)
    {
        final LoadData data = BenchData.generate(8);
        final long empty = usedAfterGc();
        final Registry registry = Registry.synthetic(VENS, RESOURCES_PER_VEN);
        final long withRegistry = usedAfterGc();
        final MeterSimulator simulator = MeterSimulator.create(data, registry, SimulatorOptions.defaults());
        final long withSimulator = usedAfterGc();

        final int resources = VENS * RESOURCES_PER_VEN;
        final long strings = stringBytes(registry);
        final double registryBytes = (double)(withRegistry - empty - strings) / resources;
        final double simulatorBytes = (double)(withSimulator - withRegistry) / resources;
        System.out.printf(Locale.ROOT, "footprint: %d resources, strings %.1f B per resource%n",
            resources, (double)strings / resources);
        System.out.printf(Locale.ROOT, "footprint: registry %.1f B per resource beyond its strings (target <= %.0f) %s%n",
            registryBytes, TARGET_BYTES, verdict(registryBytes));
        System.out.printf(Locale.ROOT, "footprint: simulator state %.1f B per resource on top of the registry%n",
            simulatorBytes);
        keepAlive(data, registry, simulator);
        System.exit(registryBytes <= TARGET_BYTES ? 0 : 1);
    }

    private static String verdict(final double bytes)
    {
        return bytes <= TARGET_BYTES ? "ok" : "MISS";
    }

    private static long stringBytes(final Registry registry)
    {
        final Map<String, Boolean> seen = new IdentityHashMap<>();
        long bytes = 0;
        for (final ResourceSpec resource : registry.resources())
        {
            bytes += size(seen, resource.ven()) + size(seen, resource.resourceId()) + size(seen, resource.resourceName())
                + size(seen, resource.meterPointId()) + size(seen, resource.resourceType());
        }
        return bytes;
    }

    private static long size(final Map<String, Boolean> seen, final String value)
    {
        if (null != seen.put(value, Boolean.TRUE))
        {
            return 0;
        }
        final long array = ARRAY_HEADER_BYTES + value.length();
        return STRING_BYTES + (array + OBJECT_ALIGNMENT - 1) / OBJECT_ALIGNMENT * OBJECT_ALIGNMENT;
    }

    private static long usedAfterGc()
    {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++)
        {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void keepAlive(final Object... objects)
    {
        if (objects.length == 0)
        {
            throw new IllegalStateException("nothing to keep");
        }
    }
}
