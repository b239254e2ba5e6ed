package io.metersim.kafka;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickTotals;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Sends every collection to a Kafka topic: one record per resource per tick, keyed by the VEN's name (so each VEN's
 * ticks stay in order on one partition), its value the JSON object of that resource's {@code --format jsonl} line,
 * its headers {@code metersim.tick} (the run's tick, from 0) and {@code metersim.index} (the data row), in decimal.
 * <pre>{@code
 * KafkaSink kafka = new KafkaSink(KafkaSinkOptions.defaults("127.0.0.1:9092").withTransactions(true, ""));
 * RunSummary run = TickLoop.builder(simulator).ticks(24).sink(kafka).build().run();
 * }</pre>
 * One idempotent producer ({@code acks=all}, lz4, batched) is shared by every worker: each worker formats and sends
 * its own VENs' records. A tick ends only when the brokers have every record of it: {@link #onTickEnd} flushes the
 * producer, or, with {@link KafkaSinkOptions#transactional()}, commits the tick's transaction, which was begun
 * before the tick's first record on the loop thread, so every worker's records of a tick are in one transaction and
 * a {@code read_committed} consumer sees whole ticks or nothing. A broker outage therefore holds the ticks back: a
 * full buffer blocks {@link #onCollection}, the tick end waits, and the producer retries until the brokers are back
 * (idempotence keeps the records in order and single). Only a record still undelivered after the delivery timeout
 * fails, and then the sink fails with it. {@link #counts()} counts records exactly: once closed, accepted =
 * delivered + dropped + failed. Brokers that cannot be reached, or a topic that cannot be used, are one error from
 * {@link #open} before the first tick.
 * <p>
 * The Kafka client allocates per record (the record, its value's bytes, its header list); the sink adds nothing
 * else per record: keys are made once per VEN, headers once per tick and worker, the writer is reused.
 */
public final class KafkaSink implements CollectionSink
{
    private static final String RETRY_METRIC = "record-retry-total";
    private static final String PRODUCER_METRICS = "producer-metrics";
    private static final int COMMIT_ATTEMPTS = 2;

    private final KafkaSinkOptions options;
    private final Delivery delivery;
    private Producer<byte[], byte[]> producer;
    private Lane[] lanes = new Lane[0];
    private int partitions;
    private volatile long tick;

    // transactions, on the loop thread only
    private long settled;
    private long committed;
    private long aborted;
    private boolean usable = true;
    private long retried;

    /**
     * @param options where the records go and how the producer behaves; nothing connects before {@link #open}.
     */
    public KafkaSink(final KafkaSinkOptions options)
    {
        if (null == options)
        {
            throw new KafkaSinkException("missing Kafka sink options [argument=options]");
        }
        this.options = options;
        this.delivery = new Delivery();
    }

    @Override
    public String name()
    {
        return "kafka";
    }

    /**
     * Checks that the brokers answer and the topic exists (or creates it), then starts the producer, and with
     * transactions initialises them (aborting what a crashed run with the same transactional id left open).
     *
     * @param threads the workers that will send.
     * @throws KafkaSinkException naming the brokers and the topic when the run cannot start.
     */
    @Override
    public void open(final int threads) throws IOException
    {
        partitions = TopicCheck.verify(options);
        final Lane[] lanes = new Lane[threads];
        for (int w = 0; w < threads; w++)
        {
            lanes[w] = new Lane();
        }
        this.lanes = lanes;
        final KafkaProducer<byte[], byte[]> started;
        try
        {
            started = new KafkaProducer<>(ClientSettings.producer(options), new ByteArraySerializer(),
                new ByteArraySerializer());
        }
        catch (final KafkaException ex)
        {
            throw new KafkaSinkException("cannot start the producer: " + TopicCheck.message(ex)
                + TopicCheck.context(options), ex);
        }
        try
        {
            started.partitionsFor(options.topic());
            if (options.transactional())
            {
                started.initTransactions();
                started.beginTransaction();
            }
        }
        catch (final KafkaException ex)
        {
            started.close(Duration.ZERO);
            throw new KafkaSinkException("cannot start the producer: " + TopicCheck.message(ex)
                + TopicCheck.context(options, options.transactional()
                ? "transactionalId=" + options.effectiveTransactionalId() : ""), ex);
        }
        producer = started;
    }

    /**
     * Formats the VEN's records on the calling worker and hands them to the producer; blocks while the producer's
     * buffer is full (backpressure).
     *
     * @throws KafkaSinkException when a record already failed, or the producer refuses the send.
     */
    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        throws IOException
    {
        final Exception failure = delivery.firstFailure();
        if (null != failure)
        {
            throw notDelivered(failure);
        }
        final Lane lane = lanes[worker];
        final byte[] key = lane.key(collected);
        final Iterable<Header> headers = lane.headers(tick, collected.index());
        final String topic = options.topic();
        lane.format(collected);
        for (int r = 0, resources = collected.resourceCount(); r < resources; r++)
        {
            final ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, null, null, key, lane.value(r), headers);
            lane.accepted++;
            try
            {
                producer.send(record, delivery);
            }
            catch (final KafkaException | IllegalStateException ex)
            {
                lane.notSent++;
                throw new KafkaSinkException("cannot send: " + TopicCheck.message(ex) + TopicCheck.context(options,
                    "ven=" + collected.ven() + " tick=" + tick), ex);
            }
        }
    }

    /**
     * Waits until the brokers have every record of the tick: flushes the producer, or commits the tick's
     * transaction and begins the next one.
     *
     * @throws KafkaSinkException when records of the tick were not delivered (or the transaction not committed).
     */
    @Override
    public void onTickEnd(final TickTotals totals) throws IOException
    {
        if (options.transactional())
        {
            commitTick(totals.tick());
        }
        else
        {
            producer.flush();
        }
        tick = totals.tick() + 1;
        final Exception failure = delivery.firstFailure();
        if (null != failure)
        {
            throw notDelivered(failure);
        }
    }

    /**
     * Delivers what is still buffered; with transactions, aborts an incomplete tick (a failure stopped the run in
     * the middle of it), whose records then count as failed.
     */
    @Override
    public void flush() throws IOException
    {
        if (null == producer || !usable)
        {
            return;
        }
        if (options.transactional())
        {
            final long open = accepted() - settled;
            if (open > 0)
            {
                abortTick(open);
                throw new KafkaSinkException("the last tick was incomplete: its transaction was aborted"
                    + TopicCheck.context(options, "tick=" + tick + " records=" + open + " transactionalId="
                    + options.effectiveTransactionalId()));
            }
            // the next tick's transaction was begun but holds nothing: end it here, so that close() need not wait
            abortTick(0);
            return;
        }
        producer.flush();
        retried = retries();
    }

    /**
     * Closes the producer; a record still pending then fails, and is counted.
     */
    @Override
    public void close() throws IOException
    {
        if (null == producer)
        {
            return;
        }
        retried = retries();
        try
        {
            producer.close(options.openTimeout());
        }
        finally
        {
            producer = null;
            if (options.transactional())
            {
                aborted += accepted() - settled;
                settled = accepted();
            }
        }
    }

    /**
     * @return records accepted, delivered (acknowledged; with transactions, committed), retried (extra sends by
     *         the producer), dropped (refused by the brokers) and failed.
     */
    @Override
    public SinkCounts counts()
    {
        long notSent = 0;
        for (final Lane lane : lanes)
        {
            notSent += lane.notSent;
        }
        if (options.transactional())
        {
            return new SinkCounts(name(), "records", accepted(), committed, retried, 0, aborted);
        }
        return new SinkCounts(name(), "records", accepted(), delivery.acknowledged(), retried, delivery.refused(),
            delivery.failed() + notSent);
    }

    /**
     * @return the topic's partitions, known once {@link #open} succeeded.
     */
    public int partitions()
    {
        return partitions;
    }

    /**
     * @return the options the sink runs with.
     */
    public KafkaSinkOptions options()
    {
        return options;
    }

    private void commitTick(final long tickNumber)
    {
        final long accepted = accepted();
        final long open = accepted - settled;
        if (open == 0)
        {
            // nothing sent in this tick: the begun transaction carries over to the next one
            return;
        }
        try
        {
            commit();
        }
        catch (final KafkaException | IllegalStateException ex)
        {
            abortTick(open);
            throw new KafkaSinkException("tick not committed, its transaction was aborted: " + TopicCheck.message(ex)
                + TopicCheck.context(options, "tick=" + tickNumber + " records=" + open
                + " transactionalId=" + options.effectiveTransactionalId()), ex);
        }
        committed += open;
        settled = accepted;
        try
        {
            producer.beginTransaction();
        }
        catch (final KafkaException | IllegalStateException ex)
        {
            usable = false;
            throw new KafkaSinkException("cannot begin the next tick's transaction: " + TopicCheck.message(ex)
                + TopicCheck.context(options), ex);
        }
    }

    private void commit()
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                producer.commitTransaction();
                return;
            }
            catch (final TimeoutException ex)
            {
                // the brokers are still away: the same commit may be retried, and completes once they are back
                if (attempt >= COMMIT_ATTEMPTS)
                {
                    throw ex;
                }
            }
        }
    }

    private void abortTick(final long open)
    {
        aborted += open;
        settled += open;
        try
        {
            producer.abortTransaction();
        }
        catch (final RuntimeException ex)
        {
            // fenced or otherwise fatal: the producer can only be closed, the coordinator aborts the transaction
            usable = false;
        }
    }

    private long accepted()
    {
        long accepted = 0;
        for (final Lane lane : lanes)
        {
            accepted += lane.accepted;
        }
        return accepted;
    }

    private long retries()
    {
        for (final Map.Entry<MetricName, ? extends Metric> metric : producer.metrics().entrySet())
        {
            if (RETRY_METRIC.equals(metric.getKey().name()) && PRODUCER_METRICS.equals(metric.getKey().group()))
            {
                return (long)((Number)metric.getValue().metricValue()).doubleValue();
            }
        }
        return retried;
    }

    private KafkaSinkException notDelivered(final Exception failure)
    {
        return new KafkaSinkException("records not delivered: " + TopicCheck.message(failure)
            + TopicCheck.context(options, "tick=" + tick + " failed=" + delivery.failed()
            + " dropped=" + delivery.refused()), failure);
    }
}
