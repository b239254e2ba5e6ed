package io.metersim.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OpaqueDataType;
import io.jhdf.object.datatype.Reference;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.object.message.DataLayout;
import io.metersim.core.Failures;
import io.metersim.core.LoadDataException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Checks and reads one {@code load_<k>/power} dataset: float64, shape (N, 2) with N &gt; 0, rows
 * {@code [unix_seconds, watts]}. Anything else throws {@link MeterProblem} so the reader can skip just that load;
 * a dataset that would not fit the memory budget throws {@link LoadDataException} before it is read.
 */
final class PowerDataset
{
    static final String NAME = "power";

    /** At most this many rows: the flat {@code [t, w, ...]} array must fit one Java array. */
    static final long MAX_ROWS = (Integer.MAX_VALUE - 16) / 2;

    private static final int COLUMNS = 2;
    private static final int FLOAT64_BYTES = 8;

    private PowerDataset()
    {
    }

    /**
     * @param load     the {@code load_<k>} node, possibly a soft link to it.
     * @param loadPath its object path.
     * @param budget   the read's memory budget.
     * @return the rows laid out flat: {@code [t0, w0, t1, w1, ...]}.
     * @throws MeterProblem      when the load has no sound power dataset.
     * @throws LoadDataException when reading it would exceed the memory budget.
     */
    static double[] read(final Node load, final String loadPath, final MemoryBudget budget)
    {
        final String path = loadPath + "/" + NAME;
        String at = loadPath;
        try
        {
            final Dataset dataset = dataset(load, loadPath);
            at = path;
            checkType(dataset.getDataType(), path);
            final long rows = checkShape(dataset.getDimensionsAsLong(), path);
            budget.checkRead(path, rows, DataLayout.CONTIGUOUS == dataset.getDataLayout());
            return flatRows(dataset, path, rows);
        }
        catch (final MeterProblem | LoadDataException e)
        {
            throw e;
        }
        catch (final RuntimeException e)
        {
            // jhdf refuses layouts, messages and filters it cannot decode (virtual, external raw data, a damaged or
            // failed chunk) from anywhere in here; the damage is confined to this load
            throw new MeterProblem(at, NAME + " cannot be read: " + detail(e));
        }
    }

    private static Dataset dataset(final Node load, final String loadPath)
    {
        final Node group = Links.resolve(load, loadPath);
        if (!(group instanceof Group))
        {
            throw new MeterProblem(loadPath,
                load.getName() + " is a " + group.getType() + ", expected a group holding power");
        }
        final Node child = ((Group)group).getChild(NAME);
        if (null == child)
        {
            throw new MeterProblem(loadPath, "no power dataset");
        }
        final String path = loadPath + "/" + NAME;
        final Node power = Links.resolve(child, path);
        if (!(power instanceof Dataset))
        {
            throw new MeterProblem(path, "power is a " + power.getType() + ", expected a float64 dataset");
        }
        return (Dataset)power;
    }

    private static void checkType(final DataType type, final String path)
    {
        if (!(type instanceof FloatingPoint) || type.getSize() != FLOAT64_BYTES)
        {
            throw new MeterProblem(path, "power has dtype " + describe(type) + ", expected float64");
        }
    }

    private static long checkShape(final long[] dimensions, final String path)
    {
        if (dimensions.length != 2 || dimensions[1] != COLUMNS)
        {
            throw new MeterProblem(path, "power has shape " + shape(dimensions) + ", expected (N, 2)");
        }
        if (0 == dimensions[0])
        {
            throw new MeterProblem(path, "power has zero rows");
        }
        if (dimensions[0] < 0 || dimensions[0] > MAX_ROWS)
        {
            throw new MeterProblem(path, "power declares " + Long.toUnsignedString(dimensions[0])
                + " rows, more than the " + MAX_ROWS + " one array holds");
        }
        return dimensions[0];
    }

    private static double[] flatRows(final Dataset dataset, final String path, final long rows)
    {
        final Object flat = dataset.getDataFlat();
        if (!(flat instanceof double[]))
        {
            throw new MeterProblem(path,
                "power reads as " + flat.getClass().getSimpleName() + ", expected double[]");
        }
        if (((double[])flat).length != rows * COLUMNS)
        {
            throw new MeterProblem(path, "power reads as " + ((double[])flat).length + " values, its shape declares "
                + rows * COLUMNS);
        }
        return (double[])flat;
    }

    /**
     * @param e a jhdf failure.
     * @return its message, with its cause's when jhdf wrapped one.
     */
    static String detail(final Throwable e)
    {
        final String own = Failures.describe(e);
        final Throwable cause = e.getCause();
        if (null == cause || cause == e || null == cause.getMessage() || own.contains(cause.getMessage()))
        {
            return own;
        }
        return own + ": " + cause.getMessage();
    }

    /**
     * @param type an HDF5 datatype.
     * @return its name as h5py users know it: float64, int32, string, reference, enum, opaque, ...
     */
    static String describe(final DataType type)
    {
        final int bits = type.getSize() * Byte.SIZE;
        if (type instanceof FloatingPoint)
        {
            return "float" + bits;
        }
        if (type instanceof FixedPoint)
        {
            return (((FixedPoint)type).isSigned() ? "int" : "uint") + bits;
        }
        if (type instanceof StringData || type instanceof VariableLength)
        {
            return "string";
        }
        if (type instanceof Reference)
        {
            return "reference";
        }
        if (type instanceof EnumDataType)
        {
            return "enum (h5py's bool is one)";
        }
        if (type instanceof OpaqueDataType)
        {
            return "opaque";
        }
        if (type instanceof CompoundDataType)
        {
            return "compound";
        }
        if (type instanceof ArrayDataType)
        {
            return "array";
        }
        if (type instanceof BitField)
        {
            return "bitfield";
        }
        return type.getClass().getSimpleName();
    }

    private static String shape(final long[] dimensions)
    {
        if (1 == dimensions.length)
        {
            return "(" + Long.toUnsignedString(dimensions[0]) + ",)";
        }
        return Arrays.stream(dimensions).mapToObj(Long::toUnsignedString).collect(Collectors.joining(", ", "(", ")"));
    }
}
