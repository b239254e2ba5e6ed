package io.metersim.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page, its bundled scripts and styles, and the Server-Sent Events stream, on the JDK's HTTP server bound to
 * 127.0.0.1. Every browser's stream is written by its own handler thread from the {@link MessageBoard}.
 */
final class DashboardServer
{
    static final int MAX_STREAMS = 16;

    private static final String RESOURCES = "/io/metersim/dashboard/";
    private static final long KEEP_ALIVE_MILLIS = 1_000;
    private static final byte[] HELLO = "retry: 1000\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "event: end\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8);

    private final MessageBoard board;
    private final Map<String, Resource> files = new LinkedHashMap<>();
    private final AtomicInteger streams = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    DashboardServer(final MessageBoard board)
    {
        this.board = board;
        add("/", "index.html", "text/html; charset=utf-8");
        add("/static/dashboard.js", "static/dashboard.js", "text/javascript; charset=utf-8");
        add("/static/dashboard.css", "static/dashboard.css", "text/css; charset=utf-8");
        add("/static/uPlot.iife.min.js", "static/uPlot.iife.min.js", "text/javascript; charset=utf-8");
        add("/static/uPlot.min.css", "static/uPlot.min.css", "text/css; charset=utf-8");
        add("/static/uPlot.LICENSE", "static/uPlot.LICENSE", "text/plain; charset=utf-8");
    }

    /**
     * Listens on 127.0.0.1.
     *
     * @param port the port, 0 for any free one.
     * @return the page's address.
     * @throws DashboardException when the port cannot be had.
     */
    URI start(final int port)
    {
        final InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try
        {
            server = HttpServer.create(address, 64);
        }
        catch (final BindException ex)
        {
            throw new DashboardException("cannot listen on 127.0.0.1:" + port + ", the port is in use or not "
                + "allowed; choose another with --dashboard PORT, or 0 for any free port [port=" + port + "]", ex);
        }
        catch (final IOException ex)
        {
            throw new DashboardException("cannot listen on 127.0.0.1:" + port + ": " + ex.getMessage() + " [port="
                + port + "]", ex);
        }
        executor = Executors.newCachedThreadPool(runnable ->
        {
            final Thread thread = new Thread(runnable, "metersim-dashboard-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /**
     * Ends every stream (each browser gets an {@code end} event) and stops listening.
     */
    void stop()
    {
        board.close();
        if (null != server)
        {
            server.stop(1);
            executor.shutdownNow();
        }
    }

    private void add(final String path, final String resource, final String contentType)
    {
        files.put(path, new Resource(load(resource), contentType));
    }

    private static byte[] load(final String resource)
    {
        try (InputStream in = DashboardServer.class.getResourceAsStream(RESOURCES + resource))
        {
            if (null == in)
            {
                throw new DashboardException("the dashboard page is incomplete: " + resource
                    + " is missing from the classpath [resource=" + RESOURCES + resource + "]");
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new DashboardException("cannot read the dashboard page's " + resource + " [resource=" + RESOURCES
                + resource + "]", ex);
        }
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            final String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod()))
            {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
            }
            else if ("/events".equals(path))
            {
                stream(exchange);
            }
            else if ("/latest.json".equals(path))
            {
                latest(exchange);
            }
            else if (files.containsKey(path))
            {
                final Resource file = files.get(path);
                respond(exchange, 200, file.contentType(), file.bytes());
            }
            else
            {
                respond(exchange, 404, "text/plain; charset=utf-8",
                    ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void latest(final HttpExchange exchange) throws IOException
    {
        final String json = board.latestJson();
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (null == json)
        {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        respond(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(final HttpExchange exchange, final int status, final String type, final byte[] body)
        throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head)
        {
            exchange.getResponseBody().write(body);
        }
    }

    private void stream(final HttpExchange exchange) throws IOException
    {
        if (streams.incrementAndGet() > MAX_STREAMS)
        {
            streams.decrementAndGet();
            respond(exchange, 503, "text/plain; charset=utf-8", ("at most " + MAX_STREAMS
                + " dashboards at once\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        try
        {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            final OutputStream out = exchange.getResponseBody();
            out.write(HELLO);
            out.flush();
            follow(out, lastEventId(exchange));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final IOException ex)
        {
            // the browser went away: its stream ends, nothing else does
        }
        finally
        {
            streams.decrementAndGet();
        }
    }

    private void follow(final OutputStream out, final long resumeAfter) throws IOException, InterruptedException
    {
        long seen = resumeAfter;
        while (true)
        {
            final MessageBoard.Frame frame = board.next(seen, KEEP_ALIVE_MILLIS);
            if (null != frame)
            {
                out.write(frame.bytes());
                seen = frame.number();
            }
            else if (board.closed())
            {
                out.write(END);
                out.flush();
                return;
            }
            else
            {
                out.write(KEEP_ALIVE);
            }
            out.flush();
        }
    }

    /**
     * @return the message a reconnecting browser saw last, when it belongs to this run; else 0 for all history.
     */
    private long lastEventId(final HttpExchange exchange)
    {
        final String header = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (null == header)
        {
            return 0;
        }
        try
        {
            final long id = Long.parseLong(header.trim());
            return id >= 0 && id <= board.latest() ? id : 0;
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    /**
     * A page file held in memory.
     */
    private record Resource(byte[] bytes, String contentType)
    {
    }
}
