package io.metersim.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Checks and reads one {@code load_<k>/power} dataset: float64, shape (N, 2) with N &gt; 0, rows
 * {@code [unix_seconds, watts]}. Anything else throws {@link MeterProblem} so the reader can skip just that load.
 */
final class PowerDataset
{
    static final String NAME = "power";

    private static final int COLUMNS = 2;
    private static final int FLOAT64_BYTES = 8;

    private PowerDataset()
    {
    }

    /**
     * @param load     the {@code load_<k>} node.
     * @param loadPath its object path.
     * @return the rows laid out flat: {@code [t0, w0, t1, w1, ...]}.
     * @throws MeterProblem when the load has no sound power dataset.
     */
    static double[] read(final Node load, final String loadPath)
    {
        if (!(load instanceof Group))
        {
            throw new MeterProblem(loadPath,
                load.getName() + " is a " + load.getType() + ", expected a group holding power");
        }
        final Node power = ((Group)load).getChild(NAME);
        if (null == power)
        {
            throw new MeterProblem(loadPath, "no power dataset");
        }
        if (!(power instanceof Dataset))
        {
            throw new MeterProblem(loadPath + "/" + NAME,
                "power is a " + power.getType() + ", expected a float64 dataset");
        }
        final Dataset dataset = (Dataset)power;
        final String path = loadPath + "/" + NAME;
        checkType(dataset.getDataType(), path);
        checkShape(dataset.getDimensions(), path);
        return flatRows(dataset, path);
    }

    private static void checkType(final DataType type, final String path)
    {
        if (!(type instanceof FloatingPoint) || type.getSize() != FLOAT64_BYTES)
        {
            throw new MeterProblem(path, "power has dtype " + describe(type) + ", expected float64");
        }
    }

    private static void checkShape(final int[] dimensions, final String path)
    {
        if (dimensions.length != 2 || dimensions[1] != COLUMNS)
        {
            throw new MeterProblem(path, "power has shape " + shape(dimensions) + ", expected (N, 2)");
        }
        if (0 == dimensions[0])
        {
            throw new MeterProblem(path, "power has zero rows");
        }
    }

    private static double[] flatRows(final Dataset dataset, final String path)
    {
        final Object flat;
        try
        {
            flat = dataset.getDataFlat();
        }
        catch (final RuntimeException e)
        {
            // jhdf reports unsupported filters and damaged chunks from here; the damage is confined to this load
            throw new MeterProblem(path, "power cannot be read: " + e.getMessage());
        }
        if (!(flat instanceof double[]))
        {
            throw new MeterProblem(path,
                "power reads as " + flat.getClass().getSimpleName() + ", expected double[]");
        }
        return (double[])flat;
    }

    private static String describe(final DataType type)
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
        return type.getClass().getSimpleName();
    }

    private static String shape(final int[] dimensions)
    {
        if (1 == dimensions.length)
        {
            return "(" + dimensions[0] + ",)";
        }
        return Arrays.stream(dimensions).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
