package io.metersim.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A sink inside a running loop: its policy and, once it has thrown, its first failure. Workers read the failure
 * before every call (acquire) and stop calling a failed sink.
 */
final class SinkSlot
{
    private static final VarHandle FAILURE;

    static
    {
        try
        {
            FAILURE = MethodHandles.lookup().findVarHandle(SinkSlot.class, "failure", Throwable.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    final CollectionSink sink;
    final TickLoop.SinkPolicy policy;
    @SuppressWarnings("unused") // accessed through FAILURE
    private Throwable failure;

    SinkSlot(final CollectionSink sink, final TickLoop.SinkPolicy policy)
    {
        this.sink = sink;
        this.policy = policy;
    }

    /**
     * @return whether the sink has not failed (acquire load).
     */
    boolean liveAcquire()
    {
        return null == FAILURE.getAcquire(this);
    }

    /**
     * Records the sink's first failure (compare-and-set, release); later ones are suppressed into it.
     *
     * @return whether this was the first.
     */
    boolean fail(final Throwable cause)
    {
        if (FAILURE.compareAndSet(this, null, cause))
        {
            return true;
        }
        final Throwable first = failureAcquire();
        if (first != cause)
        {
            first.addSuppressed(cause);
        }
        return false;
    }

    /**
     * @return the first failure, or null (acquire load).
     */
    Throwable failureAcquire()
    {
        return (Throwable)FAILURE.getAcquire(this);
    }
}
