package io.metersim.h5;

import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

import java.lang.reflect.Array;
import java.math.BigInteger;

/**
 * The attributes of one {@code /meters/meter_<id>} group, as the original's {@code list_meters} reads them.
 * Construction throws {@link MeterProblem} when an attribute is present but unusable.
 */
final class MeterAttributes
{
    static final String METER_ID = "meter_id";
    static final String COMPANY = "company";
    static final String NUM_LOAD_COMPONENTS = "num_load_components";
    static final String GROUP_PREFIX = "meter_";

    /** Upper bound on {@code num_load_components}; a larger value is taken as corrupt rather than allocated for. */
    static final int MAX_LOAD_COMPONENTS = 1024;

    static final int UNDECLARED = -1;

    private final String meterId;
    private final String company;
    private final int declaredLoads;

    private MeterAttributes(final String meterId, final String company, final int declaredLoads)
    {
        this.meterId = meterId;
        this.company = company;
        this.declaredLoads = declaredLoads;
    }

    /**
     * @param meter     the meter group.
     * @param groupName its name, {@code meter_<id>}; the id when the group has no {@code meter_id} attribute.
     * @param path      its object path, for problems.
     * @return the parsed attributes.
     * @throws MeterProblem when an attribute has a type or value that cannot be used, or cannot be read.
     */
    static MeterAttributes of(final Group meter, final String groupName, final String path)
    {
        try
        {
            return parse(meter, groupName, path);
        }
        catch (final MeterProblem p)
        {
            throw p;
        }
        catch (final RuntimeException e)
        {
            // jhdf refuses attribute types it cannot decode; that confines the damage to this meter
            throw new MeterProblem(path, "attributes cannot be read: " + e.getMessage());
        }
    }

    private static MeterAttributes parse(final Group meter, final String groupName, final String path)
    {
        final Attribute idAttribute = meter.getAttribute(METER_ID);
        // stripped either way, so that "meter_ 42" and meter_id " 42" name the same meter
        final String meterId = null == idAttribute
            ? groupName.substring(GROUP_PREFIX.length()).strip()
            : idText(idAttribute, path);
        if (meterId.isEmpty())
        {
            throw new MeterProblem(path, "meter_id is empty");
        }
        final Attribute companyAttribute = meter.getAttribute(COMPANY);
        final String company = null == companyAttribute ? null : companyText(companyAttribute, path);
        final Attribute loadsAttribute = meter.getAttribute(NUM_LOAD_COMPONENTS);
        final int declaredLoads = null == loadsAttribute ? UNDECLARED : declaredLoads(loadsAttribute, path);
        return new MeterAttributes(meterId, company, declaredLoads);
    }

    String meterId()
    {
        return meterId;
    }

    /**
     * @return the company, or null when the group has none.
     */
    String company()
    {
        return company;
    }

    /**
     * @return {@code num_load_components}, or {@link #UNDECLARED}.
     */
    int declaredLoads()
    {
        return declaredLoads;
    }

    private static String idText(final Attribute attribute, final String path)
    {
        checkType(attribute, path, true, true, "a string or integer");
        final Object value = single(attribute, path);
        if (value instanceof String)
        {
            return ((String)value).strip();
        }
        if (isInteger(value))
        {
            return value.toString();
        }
        throw new MeterProblem(path,
            "meter_id has unsupported type " + typeName(value) + ", expected a string or integer");
    }

    private static String companyText(final Attribute attribute, final String path)
    {
        checkType(attribute, path, true, false, "a string");
        final Object value = single(attribute, path);
        if (value instanceof String)
        {
            return (String)value;
        }
        throw new MeterProblem(path, "company has unsupported type " + typeName(value) + ", expected a string");
    }

    private static int declaredLoads(final Attribute attribute, final String path)
    {
        checkType(attribute, path, false, true, "an integer");
        final Object value = single(attribute, path);
        if (!isInteger(value))
        {
            throw new MeterProblem(path, "num_load_components has unsupported type " + typeName(value)
                + ", expected an integer");
        }
        final BigInteger count = new BigInteger(value.toString());
        if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(MAX_LOAD_COMPONENTS)) > 0)
        {
            throw new MeterProblem(path, "num_load_components is " + count + ", expected 1 to " + MAX_LOAD_COMPONENTS);
        }
        return count.intValue();
    }

    /**
     * Refuses an attribute by its HDF5 datatype before its value is looked at: jhdf decodes an object reference as
     * its address (a Long) and h5py's bool, an enum, as the String "TRUE", both of which would pass as values.
     */
    private static void checkType(
        final Attribute attribute,
        final String path,
        final boolean textAllowed,
        final boolean integerAllowed,
        final String expected)
    {
        final DataType type = attribute.getDataType();
        final boolean text = type instanceof StringData || type instanceof VariableLength;
        final boolean integer = type instanceof FixedPoint;
        if (!(textAllowed && text) && !(integerAllowed && integer))
        {
            throw new MeterProblem(path, attribute.getName() + " has unsupported type " + PowerDataset.describe(type)
                + ", expected " + expected);
        }
    }

    /**
     * @return the attribute's value, unwrapped from a one-element array as some writers store scalars.
     */
    private static Object single(final Attribute attribute, final String path)
    {
        // checked before getData, which allocates for every element the attribute's dataspace declares
        if (attribute.getSize() > 1)
        {
            throw new MeterProblem(path,
                attribute.getName() + " holds " + attribute.getSize() + " values, expected one");
        }
        final Object data = attribute.getData();
        if (null != data && data.getClass().isArray())
        {
            if (Array.getLength(data) != 1)
            {
                throw new MeterProblem(path, attribute.getName() + " holds " + Array.getLength(data)
                    + " values, expected one");
            }
            return Array.get(data, 0);
        }
        return data;
    }

    private static boolean isInteger(final Object value)
    {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
            || value instanceof BigInteger;
    }

    private static String typeName(final Object value)
    {
        return null == value ? "none (empty attribute)" : value.getClass().getSimpleName();
    }
}
