package io.metersim.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tick loop against the fixtures' formula: a resource on meter m reads 6000 m + 1500 + 6 t watts at row t
 * (the sum over k = 0..5 of 1000 m + 100 k + t), so every tick's total is known without running the engine.
 */
class TickLoopTest
{
    private static final int ROWS = 24;
    private static final int VENS = 7;
    private static final int RESOURCES = 3;

    private final MeterSimulator sim = MeterSimulator.create(
        TestLoads.formula(12, ROWS), registry(), new SimulatorOptions(1L, TimeMode.CONTINUOUS));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 16})
    void shouldCollectEveryVenOncePerTickAtOnePositionThenAdvance(final int threads)
    {
        final RecordingSink sink = new RecordingSink();

        final RunSummary run = TickLoop.builder(sim).ticks(30).threads(threads).sink(sink).build().run();

        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome());
        assertEquals(30, run.ticks());
        assertEquals(Math.min(threads, VENS), run.threads());
        assertEquals(30L * VENS * RESOURCES * 6, run.readings());
        assertEquals(6, MeterSimulator.indexOf(sim.position()));
        assertEquals(1, MeterSimulator.cycleOf(sim.position()));
        for (int tick = 0; tick < 30; tick++)
        {
            final int t = tick % ROWS;
            assertEquals(expectedTickWatts(t), sink.tickWatts.get(tick), 1e-6, "tick " + tick);
            assertEquals(VENS, sink.vensPerTick.get(tick), "VENs handed over before tick " + tick + " ended");
            assertEquals(t, sink.tickIndex.get(tick));
            assertEquals(TestLoads.millis(t) + (tick / ROWS) * ROWS * TestLoads.HOUR_MILLIS,
                sink.tickTimestamp.get(tick));
        }
        assertEquals(List.of("open", "flush", "close"), sink.lifecycle);
    }

    @Test
    void shouldHandEachWorkerItsVensInRegistryOrder()
    {
        final RecordingSink sink = new RecordingSink();

        TickLoop.builder(sim).ticks(1).threads(3).sink(sink).build().run();

        final List<String> seen = new ArrayList<>();
        for (int w = 0; w < 3; w++)
        {
            seen.addAll(sink.vensByWorker[w]);
        }
        assertEquals(sim.venNames(), seen);
    }

    @Test
    void shouldSumTheLoadComponentsOfTheTick()
    {
        final double[] load3 = new double[1];
        TickLoop.builder(sim).ticks(1).threads(2).sink(new CollectionSink()
        {
            @Override
            public String name()
            {
                return "load3";
            }

            @Override
            public void onTickEnd(final TickTotals tick)
            {
                load3[0] = tick.loadWatts(3);
            }
        }).build().run();

        double expected = 0;
        for (int v = 0; v < VENS; v++)
        {
            for (int r = 0; r < RESOURCES; r++)
            {
                expected += TestLoads.watts(meterOf(v, r), 3, 0);
            }
        }
        assertEquals(expected, load3[0], 1e-9);
    }

    @Test
    void shouldStopAfterTheCurrentTickWhenASinkFailsAndStillFlushAndCloseEverySink()
    {
        final RecordingSink healthy = new RecordingSink();
        final FailingSink failing = new FailingSink(4);

        final RunSummary run = TickLoop.builder(sim).untilStopped().threads(2).sink(failing).sink(healthy)
            .build().run();

        assertEquals(RunSummary.Outcome.FAILED, run.outcome());
        assertEquals("failing", run.failedSink());
        assertTrue(run.failure().getMessage().contains("disk full"), run.failure().getMessage());
        assertEquals(5, run.ticks(), "the tick in which the sink failed completes");
        assertEquals(5, healthy.tickWatts.size());
        assertEquals(5 * VENS, healthy.collections);
        assertEquals(List.of("open", "flush", "close"), healthy.lifecycle);
        assertTrue(failing.closed);
        assertSame(run.failure(), run.sinkFailures().get("failing"));
    }

    @Test
    void shouldKeepRunningPastAnIsolatedSinkAndReportIt()
    {
        final RecordingSink healthy = new RecordingSink();
        final FailingSink failing = new FailingSink(2);

        final RunSummary run = TickLoop.builder(sim).ticks(10).sink(failing, TickLoop.SinkPolicy.ISOLATE)
            .sink(healthy).build().run();

        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome());
        assertNull(run.failedSink());
        assertEquals(10, healthy.tickWatts.size());
        assertEquals(2 * VENS + 1, failing.calls, "no call after the failure");
        assertTrue(run.sinkFailures().get("failing").getMessage().contains("disk full"));
    }

    @Test
    void shouldStopWhenAskedFromAnotherThread() throws InterruptedException
    {
        final CountDownLatch ticking = new CountDownLatch(3);
        final CollectionSink counter = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "counter";
            }

            @Override
            public void onTickEnd(final TickTotals tick)
            {
                ticking.countDown();
            }
        };
        final TickLoop loop = TickLoop.builder(sim).untilStopped().interval(Duration.ofMillis(2)).threads(2)
            .sink(counter).build();
        final AtomicReference<RunSummary> result = new AtomicReference<>();
        final Thread runner = new Thread(() -> result.set(loop.run()));
        runner.start();

        assertTrue(ticking.await(10, TimeUnit.SECONDS));
        loop.stop();
        runner.join(10_000);

        assertFalse(runner.isAlive());
        assertEquals(RunSummary.Outcome.STOPPED, result.get().outcome());
        assertTrue(result.get().ticks() >= 3);
    }

    @Test
    void shouldPaceTicksToTheInterval()
    {
        final RunSummary run = TickLoop.builder(sim).ticks(5).interval(Duration.ofMillis(20)).build().run();

        // four waits between five ticks: a lower bound only, never a timing threshold on the fast side
        assertTrue(run.wallNanos() >= TimeUnit.MILLISECONDS.toNanos(80), "wall " + run.wallNanos());
    }

    @Test
    void shouldRefuseASecondRunAndBadSettings()
    {
        final TickLoop loop = TickLoop.builder(sim).ticks(1).build();
        loop.run();

        assertTrue(assertThrows(MetersimException.class, loop::run).getMessage().contains("runs once"));
        assertThrows(MetersimException.class, () -> TickLoop.builder(sim).threads(0));
        assertThrows(MetersimException.class, () -> TickLoop.builder(sim).ticks(0));
        assertThrows(MetersimException.class, () -> TickLoop.builder(sim).interval(Duration.ofSeconds(-1)));
        assertThrows(UnknownVenException.class, () -> TickLoop.builder(sim).vens(List.of("Atlantis")));
    }

    @Test
    void shouldNameTheSinkThatCannotOpenAndCloseTheOnesAlreadyOpen()
    {
        final RecordingSink opened = new RecordingSink();
        final CollectionSink refusing = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "influx";
            }

            @Override
            public void open(final int threads) throws IOException
            {
                throw new IOException("database metersim not found");
            }
        };

        final MetersimException ex = assertThrows(MetersimException.class,
            () -> TickLoop.builder(sim).ticks(1).sink(opened).sink(refusing).build().run());

        assertEquals("sink cannot start: database metersim not found [sink=influx]", ex.getMessage());
        assertEquals(List.of("open", "close"), opened.lifecycle);
        assertEquals(0, sim.position());
    }

    @Test
    void shouldCollectOnlyTheSelectedVens()
    {
        final RecordingSink sink = new RecordingSink();

        final RunSummary run = TickLoop.builder(sim).vens(List.of("VEN-2", "VEN-5")).ticks(1).sink(sink).build()
            .run();

        assertEquals(2, run.vens());
        assertEquals(List.of("VEN-2", "VEN-5"), sink.vensByWorker[0]);
    }

    @Test
    void shouldRunTheReadmeEmbeddingExample()
    {
        final MeterSimulator sim = this.sim;
        // --- the README's example, as written there ---
        final double[] kilowatts = new double[2];                  // one slot per worker: no lock, no sharing
        final CollectionSink sum = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "sum";
            }

            @Override
            public void onCollection(final int worker, final CollectionBuffer collected, final long nanos)
            {
                kilowatts[worker] += collected.totalWatts() / 1000;
            }
        };
        final RunSummary run = TickLoop.builder(sim).ticks(100).threads(2).sink(sum).build().run();
        // --- end of the example ---

        double expected = 0;
        for (int tick = 0; tick < 100; tick++)
        {
            expected += expectedTickWatts(tick % ROWS) / 1000;
        }
        assertEquals(100, run.ticks());
        assertEquals(expected, kilowatts[0] + kilowatts[1], 1e-6);
    }

    static double expectedTickWatts(final int t)
    {
        double total = 0;
        for (int v = 0; v < VENS; v++)
        {
            for (int r = 0; r < RESOURCES; r++)
            {
                total += 6000.0 * meterOf(v, r) + 1500.0 + 6.0 * t;
            }
        }
        return total;
    }

    static int meterOf(final int ven, final int resource)
    {
        return (ven * RESOURCES + resource) % 12;
    }

    static Registry registry()
    {
        final RegistryBuilder builder = new RegistryBuilder();
        for (int v = 0; v < VENS; v++)
        {
            for (int r = 0; r < RESOURCES; r++)
            {
                builder.add("VEN-" + v, "R" + r, "R" + r, ResourceStatus.APPROVED,
                    TestLoads.METERS.get(meterOf(v, r)), "");
            }
        }
        return builder.build();
    }

    /** Records what the loop hands over; tick-end values are read from the view during the call. */
    static final class RecordingSink implements CollectionSink
    {
        final List<Double> tickWatts = new ArrayList<>();
        final List<Integer> vensPerTick = new ArrayList<>();
        final List<Integer> tickIndex = new ArrayList<>();
        final List<Long> tickTimestamp = new ArrayList<>();
        final List<String> lifecycle = new CopyOnWriteArrayList<>();
        @SuppressWarnings("unchecked")
        final List<String>[] vensByWorker = new List[16];
        final int[] perWorker = new int[16];
        int collections;

        RecordingSink()
        {
            for (int w = 0; w < vensByWorker.length; w++)
            {
                vensByWorker[w] = new ArrayList<>();
            }
        }

        @Override
        public String name()
        {
            return "recording";
        }

        @Override
        public void open(final int threads)
        {
            lifecycle.add("open");
        }

        @Override
        public void onCollection(final int worker, final CollectionBuffer collected, final long nanos)
        {
            if (vensByWorker[worker].size() < VENS)
            {
                vensByWorker[worker].add(collected.ven());
            }
            perWorker[worker]++;
        }

        @Override
        public void onTickEnd(final TickTotals tick)
        {
            int handed = 0;
            for (int w = 0; w < perWorker.length; w++)
            {
                handed += perWorker[w];
                perWorker[w] = 0;
            }
            collections += handed;
            vensPerTick.add(handed);
            tickWatts.add(tick.totalWatts());
            tickIndex.add(tick.index());
            tickTimestamp.add(tick.timestampMillis());
        }

        @Override
        public void flush()
        {
            lifecycle.add("flush");
        }

        @Override
        public void close()
        {
            lifecycle.add("close");
        }
    }

    /** Fails on its n-th collection (0-based). */
    static final class FailingSink implements CollectionSink
    {
        private final int failAt;
        int calls;
        boolean closed;

        FailingSink(final int failAtTick)
        {
            this.failAt = failAtTick * VENS;
        }

        @Override
        public String name()
        {
            return "failing";
        }

        @Override
        public synchronized void onCollection(final int worker, final CollectionBuffer collected, final long nanos)
            throws IOException
        {
            if (calls++ == failAt)
            {
                throw new IOException("disk full [file=/tmp/out.jsonl]");
            }
        }

        @Override
        public void close()
        {
            closed = true;
        }
    }
}
