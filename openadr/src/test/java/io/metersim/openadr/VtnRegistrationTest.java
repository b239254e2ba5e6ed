package io.metersim.openadr;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.FormulaFleet;
import io.metersim.core.MeterSimulator;
import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registration through real loopback sockets: a registry as large as the CLI's default one with the CLI's
 * concurrency, and a VTN that refuses connections for a while or for good.
 */
class VtnRegistrationTest
{
    /** Like the CLI's default registry: 8 VENs, 288 resources of which 252 are APPROVED. */
    private static final int VENS = 8;
    private static final int RESOURCES_PER_VEN = 36;
    private static final long POLL_MILLIS = 5;
    private static final long WAIT_LIMIT_MILLIS = 30_000;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            open.get(i).close();
        }
    }

    @Test
    void shouldRegisterARegistryAsLargeAsTheDefaultOneWithTheCliConcurrencyOnKeptAliveConnections()
    {
        // The vtn-stub's options (validation on, 4 threads) and the CLI's reporter options (8 in flight).
        final TestVtn vtn = track(TestVtn.start(TestVtnOptions.defaults().withPort(0)));
        final ReporterOptions options = ReporterOptions.defaults(vtn.baseUri(), TestVtnOptions.DEFAULT_CLIENT_ID,
            TestVtnOptions.DEFAULT_CLIENT_SECRET);
        final Registry registry = largeRegistry();
        final VtnReporter reporter = track(VtnReporter.connect(options));

        final Map<String, String> ids = reporter.register(registry);

        assertEquals(252, registry.resources().stream().filter(r -> r.status() == ResourceStatus.APPROVED).count());
        assertEquals(List.of("V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8"), List.copyOf(ids.keySet()));
        assertEquals(List.of("ven-1", "ven-2", "ven-3", "ven-4", "ven-5", "ven-6", "ven-7", "ven-8"),
            ids.values().stream().sorted().toList());
        for (final String ven : registry.venNames())
        {
            assertEquals(approvedIds(registry, ven), vtn.resourceNames(ven), ven);
        }
        assertEquals(List.of(), vtn.rejections());
        assertEquals(0, reporter.statistics().retries());
        // 8 VENs x (look-up, create, list) + 252 creates + token + program/event discovery = 279 requests; kept-alive
        // connections carry them: one per request in flight, plus at most as many again while one is handed back.
        final int connections = vtn.clientConnections();
        assertTrue(connections >= 1 && connections <= 2 * options.maxInFlight() + 1, "connections: " + connections);
    }

    @Test
    void shouldRefuseNamesLongerThanOpenAdrAllowsBeforeSendingAnything()
    {
        // OpenADR 3.0.1: venName and a report's resourceName have at most 128 characters; a reading is reported as
        // <resource_id>/load_<k>, so a resource id may have 128 - "/load_0".length() = 121 at most.
        final TestVtn vtn = track(TestVtn.start(TestVtnOptions.defaults().withPort(0)));
        final VtnReporter reporter = track(VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(),
            TestVtnOptions.DEFAULT_CLIENT_ID, TestVtnOptions.DEFAULT_CLIENT_SECRET)));
        final String longest = "r".repeat(121);

        final Map<String, String> ids = reporter.register(Registry.of(List.of(
            new ResourceSpec("Herning", longest, "long", ResourceStatus.APPROVED, "", ""))));
        final MetersimException resource = assertThrows(MetersimException.class, () -> reporter.register(
            Registry.of(List.of(new ResourceSpec("Aarhus", longest + "r", "longer", ResourceStatus.PENDING, "", "")))));
        final MetersimException ven = assertThrows(MetersimException.class, () -> reporter.register(
            Registry.of(List.of(new ResourceSpec("v".repeat(129), "R1", "one", ResourceStatus.APPROVED, "", "")))));

        assertEquals(List.of("Herning"), List.copyOf(ids.keySet()));
        assertEquals(List.of(longest), vtn.resourceNames("Herning"));
        assertTrue(resource.getMessage().contains("resource ids may have at most 121 [ven=Aarhus resource=rrrr"),
            resource.getMessage());
        assertTrue(resource.getMessage().endsWith("... length=122]"), resource.getMessage());
        assertTrue(ven.getMessage().contains("venName has at most 128 characters") && ven.getMessage().contains(
            "length=129]"), ven.getMessage());
        assertEquals(List.of(), vtn.resourceNames("Aarhus"));
        assertEquals(List.of(), vtn.rejections());
    }

    @Test
    void shouldRetryRegistrationWithBackoffWhileTheVtnRefusesConnectionsAndFinishOnceItListensAgain()
        throws Exception
    {
        final TestVtn first = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        final int port = first.port();
        final VtnReporter reporter = track(VtnReporter.connect(ReporterOptions.defaults(first.baseUri(),
                TestVtnOptions.DEFAULT_CLIENT_ID, TestVtnOptions.DEFAULT_CLIENT_SECRET)
            .withRetries(40, Duration.ofMillis(10), Duration.ofMillis(200), 7)));
        first.close();
        final Registry registry = FormulaFleet.registry(2, 3);
        final ExecutorService background = Executors.newSingleThreadExecutor();
        try
        {
            final Future<Map<String, String>> registering = background.submit(() -> reporter.register(registry));
            awaitRetry(reporter);
            // A restarted VTN on the same port: it knows neither the token nor the VENs.
            final TestVtn second = track(TestVtn.start(TestVtnOptions.defaults().withPort(port)));

            final Map<String, String> ids = registering.get(WAIT_LIMIT_MILLIS, TimeUnit.MILLISECONDS);

            assertEquals(List.of("V1", "V2"), List.copyOf(ids.keySet()));
            assertEquals(List.of("R1", "R2", "R3"), second.resourceNames("V1"));
            assertEquals(List.of("R4", "R5", "R6"), second.resourceNames("V2"));
            assertTrue(reporter.statistics().retries() >= 1, reporter.statistics().toString());
            assertTrue(reporter.statistics().tokenRefreshes() >= 1, reporter.statistics().toString());
        }
        finally
        {
            background.shutdownNow();
        }
    }

    @Test
    void shouldGiveUpAfterMaxAttemptsWhenNothingAcceptsTheConnectionAndNameTheAddress()
    {
        final TestVtn vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0));
        final int port = vtn.port();
        final MeterSimulator simulator = FormulaFleet.simulator(1, 2, 2);
        final VtnReporter reporter = track(VtnReporter.connect(ReporterOptions.defaults(vtn.baseUri(),
                TestVtnOptions.DEFAULT_CLIENT_ID, TestVtnOptions.DEFAULT_CLIENT_SECRET)
            .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(20), 3)));
        vtn.close();

        final VtnException refused = assertThrows(VtnException.class, () -> reporter.register(simulator.registry()));
        final CollectionBuffer buffer = simulator.collectAt(0, 0, simulator.newBuffer());
        final int bytes = new ReportWriter(reporter.programId(), reporter.eventId(), ReporterOptions.defaults(
            URI.create("http://127.0.0.1:1"), "a", "b")).newBatch().append("V1", buffer).length;
        reporter.submit("V1", buffer);
        final DeliverySummary summary = reporter.shutdown();

        assertEquals("listing refused [request=GET /vens?venName=V1&skip=0&limit=50 status=-1 body="
            + "cannot connect to 127.0.0.1:" + port + " after 3 attempts]", refused.getMessage());
        assertEquals(-1, refused.status());
        assertEquals(List.of("ven=V1 firstPosition=0 bytes=" + bytes + " failed: cannot connect to "
            + "127.0.0.1:" + port + " after 3 attempts"), summary.undelivered());
        assertEquals(1, summary.statistics().failed());
        assertEquals(2 + 2, summary.statistics().retries()); // 2 for the VEN look-up, 2 for the report
    }

    @Test
    void shouldDescribeAConnectFailureByItsAddressEvenWithoutAMessage()
    {
        final URI uri = URI.create("http://127.0.0.1:18081/openadr3/3.0.1/vens");
        final ConnectException refused = new ConnectException();
        refused.initCause(new ClosedChannelException());

        assertEquals("cannot connect to 127.0.0.1:18081", VtnClient.describe(refused, uri));
        assertEquals("cannot connect to 127.0.0.1:18081 (connection refused)",
            VtnClient.describe(new ConnectException("Connection refused"), uri));
        assertEquals("cannot connect to example.org:80",
            VtnClient.describe(new ConnectException(), URI.create("http://example.org/vens")));
        assertEquals("connection closed",
            VtnClient.describe(new IOException(null, new IOException("connection closed")), uri));
        assertEquals("the connection was closed", VtnClient.describe(new ClosedChannelException(), uri));
    }

    /**
     * @return VENs V1..V8 with 36 resources each; every eighth is PENDING or SUSPENDED, the other 252 APPROVED.
     */
    private static Registry largeRegistry()
    {
        final List<ResourceSpec> resources = new ArrayList<>();
        int n = 1;
        for (int v = 1; v <= VENS; v++)
        {
            for (int r = 0; r < RESOURCES_PER_VEN; r++, n++)
            {
                final ResourceStatus status = n % 8 != 0 ? ResourceStatus.APPROVED
                    : n % 16 == 0 ? ResourceStatus.SUSPENDED : ResourceStatus.PENDING;
                resources.add(new ResourceSpec("V" + v, "R" + n, "Resource " + n, status, Integer.toString(n),
                    "heat-pump"));
            }
        }
        return Registry.of(resources);
    }

    private static List<String> approvedIds(final Registry registry, final String ven)
    {
        return registry.resources().stream()
            .filter(r -> r.ven().equals(ven) && r.status() == ResourceStatus.APPROVED)
            .map(ResourceSpec::resourceId)
            .toList();
    }

    /**
     * Waits until the reporter has retried at least once, i.e. a connection was refused and the retry is pending.
     */
    private static void awaitRetry(final VtnReporter reporter) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_LIMIT_MILLIS);
        while (reporter.statistics().retries() == 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("no retry within " + WAIT_LIMIT_MILLIS + " ms");
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    private <T extends AutoCloseable> T track(final T closeable)
    {
        open.add(closeable);
        return closeable;
    }
}
