package io.metersim.influx;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.RunSummary;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import io.metersim.core.TickTotals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink against a real influxd: what is collected is what a query reads back, exactly.
 */
class InfluxSinkTest
{
    @TempDir
    static Path dir;

    private static InfluxServer server;

    @BeforeAll
    static void startServer() throws IOException
    {
        Assumptions.assumeTrue(InfluxServer.installed(), InfluxServer.SKIP);
        server = InfluxServer.start(dir);
    }

    @AfterAll
    static void stopServer() throws InterruptedException
    {
        if (null != server)
        {
            server.close();
        }
    }

    @Test
    void shouldWriteWhatWasCollectedExactlyWithTwoWorkers()
    {
        server.createDatabase("exact");
        final MeterSimulator simulator = Fixture.simulator(40, 7, 5, 48);
        final Fixture.Totals totals = new Fixture.Totals();
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), "exact")
            .withBatching(500, 2, 2));

        final RunSummary run = TickLoop.builder(simulator).ticks(30).threads(2).sink(totals).sink(influx).build()
            .run();

        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome(), () -> String.valueOf(run.failure()));
        final long lines = totals.meterLines() + totals.venLines();
        assertEquals(40 * 7 * 30, totals.meterLines());
        assertEquals(new SinkCounts("influx", "lines", lines, lines, 0, 0, 0), influx.counts());
        assertEquals(List.of((double)totals.meterLines(), totals.watts(), totals.load3Watts()),
            server.row("exact", "SELECT count(total_w), sum(total_w), sum(load_3) FROM meter_power"));
        assertEquals(List.of((double)totals.venLines(), totals.watts(), (double)totals.resources(),
            (double)totals.missing()), server.row("exact",
            "SELECT count(total_w), sum(total_w), sum(resources), sum(missing) FROM ven_power"));
        assertEquals(List.of(), influx.notes());
    }

    @Test
    void shouldMatchTheFixtureFormulaPerResource()
    {
        server.createDatabase("formula");
        // VEN-0 reads meters 0..2 with resources R-0..R-2: watts(m, k, t) = 1000 m + 100 k + t
        final MeterSimulator simulator = Fixture.simulator(1, 3, 3, 24);
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), "formula"));

        TickLoop.builder(simulator).ticks(10).sink(influx).build().run();

        // per resource m over t = 0..9: 10 x (6000 m + 1500) + 6 x 45
        assertEquals(List.of(10.0, 10 * (6000.0 * 2 + 1500) + 6 * 45.0), server.row("formula",
            "SELECT count(total_w), sum(total_w) FROM meter_power WHERE resource_id = 'R-2'"));
        assertEquals(List.of(10.0, 10 * (100.0 * 4 * 3 + 3000) + 3 * 45.0), server.row("formula",
            "SELECT count(load_4), sum(load_4) FROM ven_power WHERE ven = 'VEN-0'"));
        final String last = server.query("formula", "SELECT last(total_w) FROM ven_power");
        assertTrue(last.contains("[[" + (Fixture.T0_MILLIS + 9 * 3_600_000L) + ","), last);
    }

    @Test
    void shouldEscapeTagsSoTheServerReadsThemBack()
    {
        server.createDatabase("escaped");
        final MeterSimulator simulator = Fixture.simulator(Registry.of(List.of(
            new ResourceSpec("Her ning,=Ø", "h 1,=x", "", ResourceStatus.APPROVED, Fixture.meterId(0), ""))), 1, 4);
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), "escaped"));

        TickLoop.builder(simulator).ticks(2).sink(influx).build().run();

        assertEquals(new SinkCounts("influx", "lines", 4, 4, 0, 0, 0), influx.counts());
        final String tags = server.query("escaped", "SHOW TAG VALUES FROM meter_power WITH KEY IN (resource_id, ven)");
        assertTrue(tags.contains("[\"resource_id\",\"h 1,=x\"]") && tags.contains("[\"ven\",\"Her ning,=Ø\"]"),
            tags);
    }

    @Test
    void shouldCountAPartialWriteAsDroppedWithTheServersMessage()
    {
        server.createDatabase("conflict");
        // total_w already a string in this shard: every meter_power line conflicts, every ven_power line is written
        assertEquals("204 ", server.write("conflict", "meter_power,ven=x total_w=\"text\" " + Fixture.T0_MILLIS));
        final MeterSimulator simulator = Fixture.simulator(2, 3, 3, 24);
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), "conflict"));

        final RunSummary run = TickLoop.builder(simulator).ticks(5).sink(influx).build().run();

        assertEquals(RunSummary.Outcome.COMPLETED, run.outcome());
        assertEquals(new SinkCounts("influx", "lines", 40, 10, 0, 30, 0), influx.counts());
        assertEquals(List.of(10.0), server.row("conflict", "SELECT count(total_w) FROM ven_power"));
        assertTrue(influx.notes().get(0).startsWith("30 of 40 lines dropped by the server: "),
            influx.notes()::toString);
        assertTrue(influx.notes().get(0).contains("field type conflict"), influx.notes()::toString);
    }

    @Test
    void shouldRefuseAMissingDatabaseBeforeTheFirstTick()
    {
        final AtomicInteger collections = new AtomicInteger();
        final MeterSimulator simulator = Fixture.simulator(1, 1, 1, 4);
        final TickLoop loop = TickLoop.builder(simulator).ticks(1).sink(counting(collections))
            .sink(InfluxSink.create(InfluxSink.Options.v1(server.url(), "nope"))).build();

        final MetersimException refused = assertThrows(MetersimException.class, loop::run);

        assertEquals("sink cannot start: database nope not found on " + server.url() + " (use --influx-create-db) "
            + "[influx=" + server.url() + " db=nope] [sink=influx]", refused.getMessage());
        assertEquals(0, collections.get());
    }

    @Test
    void shouldCreateTheDatabaseWhenAsked()
    {
        final MeterSimulator simulator = Fixture.simulator(1, 2, 2, 4);
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), "created")
            .withCreateDatabase(true));

        TickLoop.builder(simulator).ticks(3).sink(influx).build().run();

        assertEquals(List.of(6.0), server.row("created", "SELECT count(total_w) FROM meter_power"));
    }

    @Test
    void shouldRefuseAnUnreachableServerInOneLine() throws IOException
    {
        final URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(closed, "metersim"));

        final InfluxException refused = assertThrows(InfluxException.class, () -> influx.open(1));

        assertTrue(refused.getMessage().startsWith("InfluxDB not reachable at " + closed + ": "), refused::getMessage);
        assertTrue(refused.getMessage().endsWith(" (GET /ping) [influx=" + closed + " db=metersim]"),
            refused::getMessage);
        influx.close();
    }

    @Test
    void shouldSplitABatchTheServerFindsTooLarge(@TempDir final Path small) throws Exception
    {
        try (InfluxServer tiny = InfluxServer.start(small, "  max-body-size = 20000"))
        {
            tiny.createDatabase("split");
            final MeterSimulator simulator = Fixture.simulator(10, 20, 4, 24);
            final Fixture.Totals totals = new Fixture.Totals();
            // influxd applies max-body-size to the body as sent: without gzip these lines are 168 kB
            final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(tiny.url(), "split").withGzip(false));

            TickLoop.builder(simulator).ticks(4).sink(totals).sink(influx).build().run();

            final long lines = totals.meterLines() + totals.venLines();
            assertEquals(new SinkCounts("influx", "lines", lines, lines, 0, 0, 0), influx.counts());
            assertTrue(influx.splits() > 0, "the 168 kB body was split");
            assertEquals(List.of((double)totals.meterLines(), totals.watts()),
                tiny.row("split", "SELECT count(total_w), sum(total_w) FROM meter_power"));
        }
    }

    /**
     * influxd stops after tick 3 and stays down while the run goes on: the batches fill, the collections block
     * (backpressure holds the ticks), and once it is back on the same port and data every line is there.
     */
    @Test
    void shouldLoseNothingWhenTheServerRestartsMidRun() throws Exception
    {
        server.createDatabase("restart");
        final MeterSimulator simulator = Fixture.simulator(10, 5, 5, 100);
        final Fixture.Totals totals = new Fixture.Totals();
        final InfluxSink influx = InfluxSink.create(InfluxSink.Options.v1(server.url(), "restart")
            .withBatching(20, 2, 1).withTiming(Duration.ofMinutes(5), Duration.ZERO, Duration.ofMinutes(1)));
        final AtomicLong waitsAtStop = new AtomicLong(-1);
        final CollectionSink stopper = new CollectionSink()
        {
            @Override
            public String name()
            {
                return "stopper";
            }

            @Override
            public void onTickEnd(final TickTotals tick)
            {
                if (3 == tick.tick())
                {
                    try
                    {
                        server.stopProcess();
                        waitsAtStop.set(influx.backpressureWaits());
                    }
                    catch (final InterruptedException ex)
                    {
                        throw new IllegalStateException(ex);
                    }
                }
            }
        };
        final TickLoop loop = TickLoop.builder(simulator).ticks(60).sink(totals).sink(influx).sink(stopper).build();
        final AtomicReference<RunSummary> summary = new AtomicReference<>();
        final Thread runner = new Thread(() -> summary.set(loop.run()), "restart-run");
        runner.start();

        // down: the sender retries, every batch fills, and a collection waits
        while (runner.isAlive() && (waitsAtStop.get() < 0 || influx.backpressureWaits() == waitsAtStop.get()
            || 0 == influx.counts().retried()))
        {
            Thread.sleep(10);
        }
        final long ticksWhileDown = simulator.position();
        Thread.sleep(200);
        assertEquals(ticksWhileDown, simulator.position(), "the ticks are held while the server is down");
        server.startProcess();
        runner.join();

        assertEquals(RunSummary.Outcome.COMPLETED, summary.get().outcome(), () -> summary.get().toString());
        assertEquals(60, summary.get().ticks());
        final SinkCounts counts = influx.counts();
        final long lines = totals.meterLines() + totals.venLines();
        assertEquals(lines, counts.accepted());
        assertEquals(lines, counts.delivered(), counts::toString);
        assertTrue(counts.retried() > 0, counts::toString);
        assertEquals(List.of((double)totals.meterLines(), totals.watts()),
            server.row("restart", "SELECT count(total_w), sum(total_w) FROM meter_power"));
        assertEquals(List.of((double)totals.venLines(), totals.watts()),
            server.row("restart", "SELECT count(total_w), sum(total_w) FROM ven_power"));
    }

    private static CollectionSink counting(final AtomicInteger collections)
    {
        return new CollectionSink()
        {
            @Override
            public String name()
            {
                return "counting";
            }

            @Override
            public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
            {
                collections.incrementAndGet();
            }
        };
    }
}
