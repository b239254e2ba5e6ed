package io.metersim.openadr;

import com.sun.net.httpserver.HttpServer;
import io.metersim.core.MetersimException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local OpenADR 3.0.1 test VTN on loopback (127.0.0.1), for tests and for {@code metersim vtn-stub}. It issues
 * OAuth2 client-credentials tokens, registers VENs and resources (409 on a duplicate name), serves one seeded program
 * and one event that asks for USAGE reports, validates every request body against the bundled specification's
 * component schemas (400 listing the violations), keeps what it accepted and injects the faults its
 * {@link TestVtnOptions} ask for, deterministically from their seed.
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

    private TestVtn(
        final TestVtnOptions options,
        final HttpServer server,
        final ExecutorService workers,
        final VtnStore store,
        final FaultPlan faults)
    {
        this.options = options;
        this.server = server;
        this.workers = workers;
        this.store = store;
        this.faults = faults;
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
            new VtnHandler(options, store, faults, schemas));
        server.start();
        return new TestVtn(options, server, workers, store, faults);
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
     * @return the body of every accepted report, in acceptance order (empty unless reports are kept).
     */
    public List<String> reports()
    {
        return store.reports();
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
