package io.metersim.openadr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.metersim.core.MetersimException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local OpenADR 3.0.1 test VTN on loopback (127.0.0.1), for tests and for {@code metersim vtn-stub}. It issues
 * OAuth2 client-credentials tokens with scopes (the VEN client's, and the business-logic client
 * {@link TestVtnOptions#BL_CLIENT_ID}'s, which may write events), registers VENs and resources (409 on a duplicate
 * name), serves one seeded program and one event that asks for USAGE reports, publishes the events posted to it
 * ({@code POST/GET/PUT/DELETE /events}) or given to {@link #publishEvents(Path)}, validates every request body against
 * the bundled specification's component schemas (400 listing the violations), keeps what it accepted and injects the
 * faults its {@link TestVtnOptions} ask for, deterministically from their seed.
 * <pre>{@code
 * try (TestVtn vtn = TestVtn.start(TestVtnOptions.defaults().withPort(0)))
 * {
 *     URI api = vtn.baseUri();   // http://127.0.0.1:<port>/openadr3/3.0.1
 * }
 * }</pre>
 */
public final class TestVtn implements AutoCloseable
{
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final TestVtnOptions options;
    private final HttpServer server;
    private final ExecutorService workers;
    private final VtnStore store;
    private final FaultPlan faults;
    private final StubEvents events;

    private TestVtn(
        final TestVtnOptions options,
        final HttpServer server,
        final ExecutorService workers,
        final VtnStore store,
        final FaultPlan faults,
        final StubEvents events)
    {
        this.options = options;
        this.server = server;
        this.workers = workers;
        this.store = store;
        this.faults = faults;
        this.events = events;
    }

    /**
     * Starts a stub bound to 127.0.0.1 only.
     *
     * @param options port, credentials, checks and faults.
     * @return the running stub; close it to stop.
     * @throws MetersimException when the port cannot be bound.
     */
    public static TestVtn start(final TestVtnOptions options)
    {
        // Without TCP_NODELAY, header and body writes meet delayed ACKs: about 40 ms per request on loopback.
        if (null == System.getProperty(NODELAY_PROPERTY))
        {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        final OpenAdrSchemas schemas = OpenAdrSchemas.bundled();
        final VtnStore store = new VtnStore();
        final FaultPlan faults = new FaultPlan(options);
        final VtnObjects objects = new VtnObjects();
        final StubEvents events = new StubEvents(schemas, objects.event());
        final HttpServer server;
        try
        {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 256);
        }
        catch (final IOException ex)
        {
            throw new MetersimException("cannot start the test VTN: " + ex.getMessage() + " [host=127.0.0.1 port="
                + options.port() + "]", ex);
        }
        final ExecutorService workers = Executors.newFixedThreadPool(options.threads(), runnable ->
        {
            final Thread thread = new Thread(runnable, "test-vtn");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext(options.basePath().isEmpty() ? "/" : options.basePath(),
            new VtnHandler(options, store, faults, schemas, objects, events));
        server.start();
        return new TestVtn(options, server, workers, store, faults, events);
    }

    /**
     * @return the port it listens on.
     */
    public int port()
    {
        return server.getAddress().getPort();
    }

    /**
     * @return the API root a client uses, e.g. {@code http://127.0.0.1:8081/openadr3/3.0.1}.
     */
    public URI baseUri()
    {
        return URI.create("http://127.0.0.1:" + port() + options.basePath());
    }

    /**
     * @return the options it runs with.
     */
    public TestVtnOptions options()
    {
        return options;
    }

    /**
     * @return the id of the seeded program.
     */
    public String programId()
    {
        return VtnObjects.PROGRAM_ID;
    }

    /**
     * @return the id of the seeded event, which asks for USAGE reports.
     */
    public String eventId()
    {
        return VtnObjects.EVENT_ID;
    }

    /**
     * Publishes the events of a file, a JSON array of OpenADR 3.0.1 {@code event} objects, as {@code POST /events}
     * would: each is checked against the bundled {@code event} schema, must name the stub's program and gets a new
     * id and creation time. Nothing is published unless every event passes.
     *
     * @param file the events file.
     * @return the ids given to the events, in file order.
     * @throws MetersimException naming the file, the event (position and name) and the field at fault.
     */
    public List<String> publishEvents(final Path file)
    {
        final List<String> ids = new ArrayList<>();
        for (final JsonNode event : StubEvents.readFile(file, events))
        {
            ids.add(events.add(event, now()).get("id").asText());
        }
        return ids;
    }

    /**
     * @param eventId an event's id.
     * @return its {@code eventName}, or null when it has none or no event has this id.
     */
    public String eventName(final String eventId)
    {
        final ObjectNode event = events.get(eventId);
        return null == event || !event.path("eventName").isTextual() ? null : event.get("eventName").asText();
    }

    /**
     * @return every event it publishes now, as JSON text, in creation order (the seeded event first).
     */
    public List<String> events()
    {
        final List<String> texts = new ArrayList<>();
        for (final ObjectNode event : events.list(null))
        {
            texts.add(event.toString());
        }
        return texts;
    }

    private static String now()
    {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * @return the body of every accepted report, in acceptance order (empty unless reports are kept).
     */
    public List<String> reports()
    {
        return store.reports();
    }

    /**
     * What the kept reports to one event from one VEN add up to: the VTN's side of the run's evaluation.
     *
     * @param eventId       the event the reports answer.
     * @param ven           their {@code clientName}.
     * @param reports       how many reports.
     * @param baselineKwh   the sum of their BASELINE payloads, in kWh ({@code KW} values times the interval hours).
     * @param deltaUsageKwh the sum of their DELTA_USAGE payloads, in kWh.
     */
    public record ReportTotals(String eventId, String ven, int reports, double baselineKwh, double deltaUsageKwh)
    {
    }

    /**
     * Adds up the BASELINE and DELTA_USAGE payloads of the kept reports, per event and VEN, for the reports that
     * carry any (empty unless reports are kept).
     *
     * @return the totals, sorted by event and VEN.
     */
    public List<ReportTotals> reportTotals()
    {
        return ReportSums.of(store.reports());
    }

    /**
     * @return accepted reports per event they answer, sorted by event id; counted while validation is on.
     */
    public Map<String, Long> reportsByEvent()
    {
        return store.reportsByEvent();
    }

    /**
     * @return how many reports it accepted.
     */
    public long reportCount()
    {
        return store.reportCount();
    }

    /**
     * @return the bytes of all accepted report bodies.
     */
    public long reportBytes()
    {
        return store.reportBytes();
    }

    /**
     * @return the registered VEN names, in registration order.
     */
    public List<String> venNames()
    {
        final List<String> names = new ArrayList<>();
        for (final VtnStore.Ven ven : store.vens())
        {
            names.add(ven.venName());
        }
        return names;
    }

    /**
     * @param venName a registered VEN's name.
     * @return its resources' names in registration order; empty for an unknown VEN.
     */
    public List<String> resourceNames(final String venName)
    {
        final VtnStore.Ven ven = store.venByName(venName);
        final List<String> names = new ArrayList<>();
        if (null != ven)
        {
            for (final VtnStore.Resource resource : store.resources(ven.id()))
            {
                names.add(resource.resourceName());
            }
        }
        return names;
    }

    /**
     * @return the detail of every request refused for violating a schema, in order.
     */
    public List<String> rejections()
    {
        return store.rejections();
    }

    /**
     * Revokes every token issued so far, so that the next request is answered 401, and from then on issues tokens
     * holding a line break, which the JDK's HTTP client refuses to put in a header: a fault no retry can mend.
     */
    void breakTokens()
    {
        store.breakTokens();
    }

    /**
     * @return tokens issued so far.
     */
    public int tokensIssued()
    {
        return store.tokensIssued();
    }

    /**
     * @return client connections (distinct client address and port) that requests came on so far; a client that
     *     keeps its connections alive uses few, one that opens a connection per request uses one per request.
     */
    public int clientConnections()
    {
        return store.clientConnections();
    }

    /**
     * @return injected 503 answers so far.
     */
    public int injectedServerErrors()
    {
        return faults.serverErrors();
    }

    /**
     * @return injected 429 answers so far.
     */
    public int injectedTooManyRequests()
    {
        return faults.tooManyRequests();
    }

    /**
     * Stops listening at once and releases the worker threads.
     */
    @Override
    public void close()
    {
        server.stop(0);
        workers.shutdownNow();
        try
        {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
