package io.metersim.kafka;

import io.metersim.core.FormulaFleet;
import io.metersim.core.RunSummary;
import io.metersim.core.SinkCounts;
import io.metersim.core.TickLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker restart in the middle of a run: the ticks wait while it is away, and once it is back every record is
 * there exactly once (idempotence), in order per VEN, and a read_committed consumer sees whole ticks.
 */
final class KafkaSinkRestartTest
{
    private static final int VENS = 4;
    private static final int RESOURCES_PER_VEN = 3;
    private static final int METERS = VENS * RESOURCES_PER_VEN;
    private static final long TICKS = 12;
    private static final long DOWN_AFTER_TICK = 4;
    /** How long the broker stays away: long enough for the producer to meet the outage; nothing is timed. */
    private static final long OUTAGE_MILLIS = 1_500;

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception
    {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception
    {
        if (null != broker)
        {
            broker.close();
        }
    }

    @ParameterizedTest(name = "transactional={0}")
    @ValueSource(booleans = {false, true})
    void shouldHoldTheTicksWhileTheBrokerIsAwayAndLoseNothing(final boolean transactional) throws Exception
    {
        final String topic = "restart-" + transactional;
        broker.createTopic(topic, 2);
        final ReferenceSink reference = new ReferenceSink().holdAt(DOWN_AFTER_TICK);
        final KafkaSink kafka = new KafkaSink(KafkaSinkOptions.defaults(broker.bootstrap()).withTopic(topic)
            .withTransactions(transactional, "restart-" + transactional));
        final TickLoop loop = TickLoop.builder(FormulaFleet.simulator(VENS, RESOURCES_PER_VEN, 48)).ticks(TICKS)
            .threads(2).sink(kafka).sink(reference).build();
        final ExecutorService runner = Executors.newSingleThreadExecutor();
        try
        {
            final Future<RunSummary> running = runner.submit(loop::run);
            assertTrue(reference.reached.await(2, TimeUnit.MINUTES), "the run reached the tick");
            broker.stopBroker();
            reference.release.countDown();
            Thread.sleep(OUTAGE_MILLIS);
            assertEquals(DOWN_AFTER_TICK + 1, reference.ticksEnded.get(),
                "no tick ends while the broker is away");
            broker.startBroker();
            final RunSummary run = running.get(3, TimeUnit.MINUTES);

            assertEquals(RunSummary.Outcome.COMPLETED, run.outcome(), () -> String.valueOf(run.failure()));
            Records.verify(broker.readAll(topic, transactional), reference, METERS, TICKS, METERS);
            final SinkCounts counts = run.sinks().get(0);
            assertEquals(TICKS * METERS, counts.accepted());
            assertEquals(TICKS * METERS, counts.delivered());
            assertTrue(counts.complete(), counts::toString);
            System.out.println("restart transactional=" + transactional + ": " + counts);
        }
        finally
        {
            reference.release.countDown();
            runner.shutdownNow();
        }
    }
}
