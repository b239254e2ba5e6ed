package io.metersim.kafka;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.TickTotals;
import io.metersim.records.JsonRecordWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The expectation, from the same run: every jsonl line the records must equal, each tick's total watts as the
 * loop summed it, and a hook that can hold a tick end (to take the broker away at a known tick).
 */
final class ReferenceSink implements CollectionSink
{
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final List<Double> tickWatts = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong ticksEnded = new AtomicLong();
    private ByteArrayOutputStream[] blocks;
    private JsonRecordWriter[] writers;
    private volatile long holdAt = -1;
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    /**
     * At the end of tick {@code tick}, count down {@link #reached} and wait for {@link #release}.
     */
    ReferenceSink holdAt(final long tick)
    {
        this.holdAt = tick;
        return this;
    }

    @Override
    public String name()
    {
        return "reference";
    }

    @Override
    public void open(final int threads) throws IOException
    {
        blocks = new ByteArrayOutputStream[threads];
        writers = new JsonRecordWriter[threads];
        for (int w = 0; w < threads; w++)
        {
            blocks[w] = new ByteArrayOutputStream();
            writers[w] = new JsonRecordWriter(blocks[w]);
        }
    }

    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        throws IOException
    {
        writers[worker].write(collected);
        writers[worker].flush();
        for (final String line : blocks[worker].toString(StandardCharsets.UTF_8).split("\n"))
        {
            if (!line.isEmpty())
            {
                lines.add(line);
            }
        }
        blocks[worker].reset();
    }

    @Override
    public void onTickEnd(final TickTotals tick)
    {
        tickWatts.add(tick.totalWatts());
        ticksEnded.incrementAndGet();
        if (tick.tick() == holdAt)
        {
            reached.countDown();
            try
            {
                release.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
