package io.metersim.flink;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * {@link ReplayRecord}'s place in Flink's type system: one opaque type with its own serializer (never Kryo, never
 * the POJO serializer).
 */
public final class ReplayRecordTypeInfo extends TypeInformation<ReplayRecord>
{
    /** The one instance. */
    public static final ReplayRecordTypeInfo INSTANCE = new ReplayRecordTypeInfo();

    /** The most load components a record may carry; more means a corrupt stream. */
    static final int MAX_LOADS = 4096;

    private static final long serialVersionUID = 1L;

    private ReplayRecordTypeInfo()
    {
    }

    @Override
    public boolean isBasicType()
    {
        return false;
    }

    @Override
    public boolean isTupleType()
    {
        return false;
    }

    @Override
    public int getArity()
    {
        return 1;
    }

    @Override
    public int getTotalFields()
    {
        return 1;
    }

    @Override
    public Class<ReplayRecord> getTypeClass()
    {
        return ReplayRecord.class;
    }

    @Override
    public boolean isKeyType()
    {
        return false;
    }

    @Override
    public TypeSerializer<ReplayRecord> createSerializer(final SerializerConfig config)
    {
        return ReplayRecordSerializer.INSTANCE;
    }

    @Override
    public String toString()
    {
        return "ReplayRecord";
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof ReplayRecordTypeInfo;
    }

    @Override
    public int hashCode()
    {
        return ReplayRecordTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(final Object other)
    {
        return other instanceof ReplayRecordTypeInfo;
    }

    private Object readResolve()
    {
        return INSTANCE;
    }

    /**
     * Named by {@link ReplayRecord}'s {@code @TypeInfo}: Flink finds the type information through it.
     */
    public static final class Factory extends TypeInfoFactory<ReplayRecord>
    {
        @Override
        public TypeInformation<ReplayRecord> createTypeInfo(
            final Type type, final Map<String, TypeInformation<?>> genericParameters)
        {
            return INSTANCE;
        }
    }
}
