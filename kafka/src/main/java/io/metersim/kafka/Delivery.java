package io.metersim.kafka;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one callback of every record: counts what the brokers acknowledged, refused and failed, and keeps the first
 * failure. Runs on the producer's I/O thread, or on the sending thread when a record fails before it is queued.
 * Without transactions an acknowledged record is delivered; with them, delivery is decided by the tick's commit.
 */
final class Delivery implements Callback
{
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    @Override
    public void onCompletion(final RecordMetadata metadata, final Exception exception)
    {
        if (null == exception)
        {
            acknowledged.increment();
            return;
        }
        if (isRefusal(exception))
        {
            refused.increment();
        }
        else
        {
            failed.increment();
        }
        firstFailure.compareAndSet(null, exception);
    }

    /**
     * @param exception a record's failure.
     * @return whether the record itself was refused (too large, invalid): dropped and counted, never retried.
     */
    static boolean isRefusal(final Exception exception)
    {
        return exception instanceof RecordTooLargeException || exception instanceof RecordBatchTooLargeException
            || exception instanceof InvalidRecordException;
    }

    /**
     * @return the first record that failed, or null.
     */
    Exception firstFailure()
    {
        return firstFailure.get();
    }

    /**
     * @return records acknowledged by the brokers; without transactions, the records delivered.
     */
    long acknowledged()
    {
        return acknowledged.sum();
    }

    /**
     * @return records the brokers refused (counted as dropped without transactions).
     */
    long refused()
    {
        return refused.sum();
    }

    /**
     * @return records that failed otherwise: the delivery timeout passed, the producer closed, an error.
     */
    long failed()
    {
        return failed.sum();
    }

}
