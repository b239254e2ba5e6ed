package io.metersim.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the DevTools protocol with the JDK's WebSocket client: one page, commands
 * answered by id, events ignored. A fresh user-data-dir per instance; {@link #close()} kills the browser and its
 * children.
 */
final class Chromium implements AutoCloseable
{
    static final String SKIP = "Chromium is not installed (Debian: apt-get install -y chromium; .ci/run installs it): "
        + "skipping the dashboard's browser test";

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Process process;
    private final List<String> stderr = new ArrayList<>();
    private WebSocket socket;

    private Chromium(final Process process)
    {
        this.process = process;
    }

    /**
     * @return the browser's executable, or null when none is installed.
     */
    static Path executable()
    {
        final String path = System.getenv().getOrDefault("PATH", "");
        for (final String name : new String[] {"chromium", "chromium-browser", "google-chrome"})
        {
            for (final String dir : path.split(java.io.File.pathSeparator))
            {
                final Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * Starts the browser on about:blank and attaches to its page.
     */
    static Chromium start(final Path executable, final Path userDataDir, final int width, final int height)
        throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
            "--window-size=" + width + "," + height, "--user-data-dir=" + userDataDir,
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final Chromium chromium = new Chromium(process);
        try
        {
            chromium.attach(chromium.awaitDevTools());
            return chromium;
        }
        catch (final IOException | InterruptedException | RuntimeException ex)
        {
            chromium.close();
            throw ex;
        }
    }

    private URI awaitDevTools() throws IOException
    {
        final CompletableFuture<URI> found = new CompletableFuture<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = lines.readLine()))
                {
                    synchronized (stderr)
                    {
                        stderr.add(line);
                    }
                    final Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find())
                    {
                        found.complete(URI.create(matcher.group(1)));
                    }
                }
            }
            catch (final IOException ex)
            {
                found.completeExceptionally(ex);
            }
            found.completeExceptionally(new IOException("chromium exited before DevTools listened: " + stderr()));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try
        {
            return found.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            throw new IOException("chromium did not announce DevTools within " + STARTUP + ": " + stderr(), ex);
        }
    }

    private void attach(final URI browser) throws IOException, InterruptedException
    {
        final URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
        final HttpResponse<String> targets = http.send(HttpRequest.newBuilder(list).build(),
            HttpResponse.BodyHandlers.ofString());
        String page = null;
        for (final JsonNode target : json.readTree(targets.body()))
        {
            if ("page".equals(target.path("type").asText()))
            {
                page = target.get("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (null == page)
        {
            throw new IOException("chromium has no page target: " + targets.body());
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).join();
    }

    /**
     * Sends one command and waits for its result.
     *
     * @throws IOException when the browser answers with an error or not in time.
     */
    JsonNode send(final String method, final ObjectNode params) throws IOException
    {
        final int id = ids.incrementAndGet();
        final ObjectNode command = json.createObjectNode().put("id", id).put("method", method);
        command.set("params", null == params ? json.createObjectNode() : params);
        final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        socket.sendText(json.writeValueAsString(command), true).join();
        final JsonNode reply;
        try
        {
            reply = answer.get(COMMAND.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            throw new IOException("no answer to " + method + ": " + ex, ex);
        }
        if (reply.has("error"))
        {
            throw new IOException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    ObjectNode params()
    {
        return json.createObjectNode();
    }

    /**
     * @return the value of a JavaScript expression in the page, by value.
     */
    JsonNode evaluate(final String expression) throws IOException
    {
        final JsonNode result = send("Runtime.evaluate", params().put("expression", expression)
            .put("returnByValue", true));
        if (result.has("exceptionDetails"))
        {
            throw new IOException("the page threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    String stderr()
    {
        synchronized (stderr)
        {
            return String.join(" | ", stderr);
        }
    }

    @Override
    public void close() throws InterruptedException
    {
        if (null != socket)
        {
            socket.abort();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Collects the fragments of each message and completes the command it answers. */
    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            message.append(data);
            if (last)
            {
                try
                {
                    final JsonNode node = json.readTree(message.toString());
                    final CompletableFuture<JsonNode> answer = node.has("id") ? answers.remove(node.get("id").asInt())
                        : null;
                    if (null != answer)
                    {
                        answer.complete(node);
                    }
                }
                catch (final IOException ex)
                {
                    answers.values().forEach(a -> a.completeExceptionally(ex));
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
