package io.metersim.h5;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.metersim.core.DataWarning;
import io.metersim.core.LoadData;
import io.metersim.core.LoadDataBuilder;
import io.metersim.core.LoadDataException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks {@code /meters} of one opened file in sorted group-name order and feeds every sound load to a
 * {@link LoadDataBuilder}. Problems confined to a load or meter become warnings; whole-file problems throw.
 * One instance per read.
 */
final class MeterTreeReader
{
    static final String METERS = "/meters";
    static final String LOAD_PREFIX = "load_";
    static final int USUAL_LOADS = 6;

    private final String file;
    private final LoadDataBuilder builder;
    private final MemoryBudget budget;
    private int seriesCount;
    private long longestSeries;
    /** Length and hash of each distinct timestamp column: at least the builder's axes, barring a hash collision. */
    private final Set<Long> axes = new HashSet<>();
    private int problems;
    private String firstProblemPath;
    private String firstProblem;
    /** The object being read, so that a jhdf failure deep in the tree is reported where it happened. */
    private String at = HdfFiles.ROOT;

    MeterTreeReader(final String file, final long memoryBudget)
    {
        this.file = file;
        this.builder = LoadData.builder(file);
        this.budget = new MemoryBudget(file, memoryBudget);
    }

    /**
     * @param hdf the opened file.
     * @return every sound meter and load, with warnings for the rest.
     * @throws LoadDataException when the file as a whole cannot be used.
     */
    LoadData read(final HdfFile hdf)
    {
        try
        {
            final Group meters = metersGroup(hdf);
            for (final String name : sortedNames(meters))
            {
                readMeter(meters.getChild(name), name);
            }
        }
        catch (final LoadDataException e)
        {
            throw e;
        }
        catch (final RuntimeException e)
        {
            throw HdfFiles.corrupt(file, at, e);
        }
        if (0 == builder.meterCount())
        {
            throw new LoadDataException(file, firstProblemPath,
                "no readable meter (" + problems + " problems found; first: " + firstProblem + ")");
        }
        budget.checkPool(METERS, seriesCount, axes.size(), longestSeries);
        return builder.build();
    }

    private Group metersGroup(final HdfFile hdf)
    {
        at = METERS;
        final Node child = hdf.getChild(METERS.substring(1));
        if (null == child)
        {
            throw new LoadDataException(file, METERS, "no /meters group (expected /meters/meter_<id>/load_<k>/power)");
        }
        final Node meters;
        try
        {
            meters = Links.resolve(child, METERS);
        }
        catch (final MeterProblem p)
        {
            throw new LoadDataException(file, METERS, p.problem() + ", no /meters group to read");
        }
        if (!(meters instanceof Group))
        {
            throw new LoadDataException(file, METERS, "/meters is a " + meters.getType() + ", expected a group");
        }
        return (Group)meters;
    }

    private List<String> sortedNames(final Group meters)
    {
        final List<String> names = new ArrayList<>(meters.getChildren().keySet());
        if (names.isEmpty())
        {
            throw new LoadDataException(file, METERS, "/meters is empty: no meter to load");
        }
        Collections.sort(names);
        return names;
    }

    private void readMeter(final Node child, final String name)
    {
        final String path = METERS + "/" + name;
        at = path;
        final Node node;
        try
        {
            node = Links.resolve(child, path);
        }
        catch (final MeterProblem p)
        {
            problem(name, p, "skipped");
            return;
        }
        if (!(node instanceof Group) || !name.startsWith(MeterAttributes.GROUP_PREFIX)
            || name.length() == MeterAttributes.GROUP_PREFIX.length())
        {
            problem(name, new MeterProblem(path, "not a meter group (expected a group named meter_<id>)"), "skipped");
            return;
        }
        final Group meter = (Group)node;
        final MeterAttributes attributes;
        try
        {
            attributes = MeterAttributes.of(meter, name, path);
        }
        catch (final MeterProblem p)
        {
            problem(name.substring(MeterAttributes.GROUP_PREFIX.length()), p, "meter skipped");
            return;
        }
        readLoads(meter, path, attributes);
    }

    private void readLoads(final Group meter, final String path, final MeterAttributes attributes)
    {
        final String meterId = attributes.meterId();
        final List<Integer> present = LoadNames.present(meter);
        final int declared = attributes.declaredLoads();
        final int expected = MeterAttributes.UNDECLARED == declared ? present.size() : declared;
        final List<Integer> wanted = MeterAttributes.UNDECLARED == declared ? present : LoadNames.upTo(declared);
        final List<LoadRows> loaded = new ArrayList<>(wanted.size());
        for (final int k : wanted)
        {
            final String loadPath = path + "/" + LOAD_PREFIX + k;
            at = loadPath;
            final Node load = meter.getChild(LOAD_PREFIX + k);
            if (null == load)
            {
                problem(DataWarning.Kind.MISSING_LOAD, meterId, new MeterProblem(loadPath,
                    LOAD_PREFIX + k + " is missing, num_load_components declares " + declared),
                    "no readings for it");
                continue;
            }
            try
            {
                final double[] rows = PowerDataset.read(load, loadPath, budget);
                budget.read(rows.length / 2);
                loaded.add(new LoadRows(k, loadPath + "/" + PowerDataset.NAME, rows));
            }
            catch (final MeterProblem p)
            {
                problem(meterId, p, "load skipped");
            }
        }
        if (loaded.isEmpty())
        {
            problem(meterId, new MeterProblem(path, expected == 0 ? "no load_<k> group" : "no sound load"),
                "meter skipped");
            return;
        }
        addMeter(attributes, path, expected, loaded);
        warnUndeclared(meterId, path, present, declared);
    }

    private void addMeter(
        final MeterAttributes attributes, final String path, final int expected, final List<LoadRows> loaded)
    {
        long rows = 0;
        long longest = 0;
        for (final LoadRows load : loaded)
        {
            rows += load.rows().length / 2;
            longest = Math.max(longest, load.rows().length / 2);
        }
        budget.addMeter(path, rows, longest);
        final int meter = builder.addMeter(attributes.meterId(), attributes.company(), path);
        if (expected < USUAL_LOADS)
        {
            builder.warn(new DataWarning(DataWarning.Kind.FEWER_LOADS, attributes.meterId(), path, expected
                + " load components, fewer than the usual " + USUAL_LOADS + "; its readings are what it has"));
        }
        for (final LoadRows load : loaded)
        {
            builder.addSeries(meter, load.loadIndex(), load.path(), load.rows());
            seriesCount++;
            longestSeries = Math.max(longestSeries, load.rows().length / 2);
            axes.add(timestampKey(load.rows()));
        }
    }

    private void warnUndeclared(
        final String meterId, final String path, final List<Integer> present, final int declared)
    {
        for (final int k : present)
        {
            if (MeterAttributes.UNDECLARED != declared && k >= declared)
            {
                builder.warn(new DataWarning(DataWarning.Kind.SKIPPED, meterId, path + "/" + LOAD_PREFIX + k,
                    LOAD_PREFIX + k + " lies beyond num_load_components " + declared + "; not read"));
            }
        }
    }

    private static long timestampKey(final double[] rows)
    {
        long hash = rows.length;
        for (int i = 0; i < rows.length; i += 2)
        {
            hash = 31 * hash + Double.doubleToLongBits(rows[i]);
        }
        return hash;
    }

    private void problem(final String meterId, final MeterProblem p, final String consequence)
    {
        problem(DataWarning.Kind.SKIPPED, meterId, p, consequence);
    }

    private void problem(
        final DataWarning.Kind kind, final String meterId, final MeterProblem p, final String consequence)
    {
        if (0 == problems++)
        {
            firstProblemPath = p.objectPath();
            firstProblem = p.problem();
        }
        builder.warn(new DataWarning(kind, meterId, p.objectPath(), p.problem() + "; " + consequence));
    }

    private record LoadRows(int loadIndex, String path, double[] rows)
    {
    }
}
