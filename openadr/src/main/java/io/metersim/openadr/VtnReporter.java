package io.metersim.openadr;

import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.EventTimeline;
import io.metersim.core.Failures;
import io.metersim.core.MetersimException;
import io.metersim.core.Registry;
import io.metersim.core.ResourceSpec;
import io.metersim.core.ResourceStatus;
import io.metersim.core.SinkCounts;
import org.HdrHistogram.ConcurrentHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The OpenADR 3.0.1 VTN client: fetches an OAuth2 token, registers VENs and their approved resources idempotently,
 * and sends one {@code POST /reports} per VEN per {@code ticksPerReport} collections. {@link #submit} writes the
 * report JSON from the collection at once (the caller reuses its buffer right after) and queues it in a bounded
 * outbox; {@code maxInFlight} sender threads deliver it with retries. When the outbox is full {@code submit} blocks
 * (backpressure), or with the drop policy drops and counts the report. {@link #shutdown()} flushes what is pending
 * within the flush deadline and says exactly what was not delivered. Thread-safe; collections of one VEN must be
 * submitted in order.
 * <p>
 * It is also a {@link CollectionSink}: on a {@code TickLoop} each collection is {@link #submit}ted on the thread
 * that collected it (blocking there when the outbox is full, which slows the tick instead of losing reports), and
 * closing the sink is {@link #shutdown()}. Its counts are in reports: accepted = submitted, delivered = sent,
 * dropped = dropped by the drop policy, failed = refused by the VTN, failed in any other way (a sender counts every
 * exception of a send and goes on) or abandoned at the flush deadline; they always add up to accepted.
 * <pre>{@code
 * try (VtnReporter reporter = VtnReporter.connect(ReporterOptions.defaults(vtn, "id", "secret")))
 * {
 *     reporter.register(simulator.registry());
 *     reporter.submit("Herning", simulator.collectNextMetering("Herning", buffer));
 * }
 * }</pre>
 */
public final class VtnReporter implements CollectionSink, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(VtnReporter.class);
    private static final long POLL_MILLIS = 50;
    private static final Pattern BEARER = Pattern.compile("Bearer [^\"]*");
    /** OpenADR 3.0.1's longest venName and report resourceName. */
    private static final int MAX_NAME = 128;
    private static final String SHORTEST_LOAD_SUFFIX = "/load_0";
    /** Set in {@link #state} once shutdown has begun; the bits below it count the submits in progress. */
    private static final int CLOSED = 1 << 30;

    private final ReporterOptions options;
    private final VtnClient client;
    private final Registrar registrar;
    private final Registrar.Target target;
    private final ReportWriter writer;
    private final BlockingQueue<Pending> outbox;
    private final Map<String, ReportWriter.Batch> batches = new ConcurrentHashMap<>();
    private final List<Thread> senders = new ArrayList<>();
    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3);
    private final LongAdder submitted = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder retriedReports = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final AtomicLong unfinished = new AtomicLong();
    private final List<String> undelivered = new ArrayList<>();
    /**
     * Submit and shutdown as one state machine: {@link #CLOSED} once shutdown has begun, plus the number of submits
     * in progress. A submit enters only while the bit is clear; shutdown sets it, then waits for the submits in
     * progress to leave, so every report accepted is counted before the summary is taken.
     */
    private final AtomicInteger state = new AtomicInteger();
    /** The flush deadline, set before {@link #CLOSED}: a submit still waiting for room then gives up. */
    private volatile long closeDeadlineNanos;
    /** Set once the shutdown flush is queued: senders then stop when the outbox is empty. */
    private volatile boolean draining;
    private volatile DeliverySummary summary;
    /** The events that ask for BASELINE or DELTA_USAGE, as the event poller last saw them. */
    private volatile ReportRequests requests;

    /** A built report waiting for delivery. */
    private record Pending(String ven, long firstPosition, byte[] body, long submittedNanos)
    {
    }

    private VtnReporter(final ReporterOptions options, final VtnClient client, final Registrar registrar,
        final Registrar.Target target)
    {
        this.options = options;
        this.client = client;
        this.registrar = registrar;
        this.target = target;
        this.writer = new ReportWriter(target.programId(), target.eventId(), options);
        this.requests = ReportRequests.none(writer);
        this.outbox = new ArrayBlockingQueue<>(options.outboxCapacity());
        for (int i = 0; i < options.maxInFlight(); i++)
        {
            final Thread sender = new Thread(this::sendLoop, "vtn-sender-" + i);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    /**
     * Fetches a token and settles the program and event (given, or discovered: the first event whose report
     * descriptors ask for USAGE), then starts the senders.
     *
     * @param options where the VTN is and how to report.
     * @return a reporter ready for {@link #register} and {@link #submit}.
     * @throws VtnException when the VTN refuses the token or has no fitting program or event.
     */
    public static VtnReporter connect(final ReporterOptions options)
    {
        final VtnClient client = new VtnClient(options);
        final Registrar registrar = new Registrar(client);
        try
        {
            client.checkCredentials();
            final Registrar.Target target = registrar.target(options.programId(), options.eventId());
            LOG.info("reporting to {} program={} event={}", options.vtn(), target.programId(), target.eventId());
            return new VtnReporter(options, client, registrar, target);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new MetersimException("interrupted while connecting to the VTN [vtn=" + options.vtn() + "]", ex);
        }
    }

    /**
     * @return the program reports name.
     */
    public String programId()
    {
        return target.programId();
    }

    /**
     * @return the event reports answer.
     */
    public String eventId()
    {
        return target.eventId();
    }

    /**
     * Registers every VEN of the registry and its APPROVED resources (named by resource id), reusing what the VTN
     * already has, so that a restart registers nothing twice. VENs register in parallel, {@code maxInFlight} at a
     * time.
     *
     * @param registry the VENs and resources.
     * @return each VEN's name mapped to its VTN id, in registry order.
     * @throws VtnException when the VTN refuses a registration.
     * @throws MetersimException before anything is sent, when a VEN name or a resource's report entry name
     *                           ({@code <resource_id>/load_0}, the shortest) would exceed OpenADR's 128 characters.
     */
    public Map<String, String> register(final Registry registry)
    {
        refuseLongNames(registry);
        final Map<String, List<ResourceSpec>> approved = new LinkedHashMap<>();
        for (final String ven : registry.venNames())
        {
            approved.put(ven, new ArrayList<>());
        }
        for (final ResourceSpec spec : registry.resources())
        {
            if (spec.status() == ResourceStatus.APPROVED)
            {
                approved.get(spec.ven()).add(spec);
            }
        }
        final ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.maxInFlight(),
            Math.max(1, approved.size())), runnable -> new Thread(runnable, "vtn-register"));
        try
        {
            final Map<String, Future<String>> pending = new LinkedHashMap<>();
            approved.forEach((ven, resources) -> pending.put(ven, pool.submit(() -> register(ven, resources))));
            final Map<String, String> ids = new LinkedHashMap<>();
            for (final Map.Entry<String, Future<String>> entry : pending.entrySet())
            {
                ids.put(entry.getKey(), registered(entry.getKey(), entry.getValue()));
            }
            return ids;
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    private static String registered(final String ven, final Future<String> venId)
    {
        try
        {
            return venId.get();
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException)
            {
                throw (RuntimeException)ex.getCause();
            }
            throw new MetersimException("registration failed [ven=" + ven + "]", ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new MetersimException("interrupted while registering [ven=" + ven + "]", ex);
        }
    }

    /**
     * Registers one VEN and the given resources, reusing what the VTN already has.
     *
     * @param ven       the VEN's name.
     * @param resources its resources, each registered under its resource id.
     * @return the VEN's VTN id.
     * @throws VtnException when the VTN refuses a registration.
     */
    public String register(final String ven, final List<ResourceSpec> resources)
    {
        try
        {
            final String venId = registrar.ven(ven);
            final int created = registrar.resources(venId, resources);
            LOG.info("VEN {} registered as {}: {} resources new, {} existing", ven, venId, created,
                resources.size() - created);
            return venId;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new MetersimException("interrupted while registering [ven=" + ven + "]", ex);
        }
    }

    /**
     * OpenADR 3.0.1 limits {@code venName} and a report's {@code resourceName} to 128 characters; a name over that
     * would make every report of the VEN schema-invalid, so it is refused here, before the first request. Every
     * resource counts, approved or not, because a status can change during the run.
     */
    static void refuseLongNames(final Registry registry)
    {
        for (final String ven : registry.venNames())
        {
            if (ven.length() > MAX_NAME)
            {
                throw new MetersimException("VEN name too long for OpenADR (venName has at most " + MAX_NAME
                    + " characters) [ven=" + ven.substring(0, 32) + "... length=" + ven.length() + "]");
            }
        }
        for (final ResourceSpec spec : registry.resources())
        {
            final int entry = spec.resourceId().length() + SHORTEST_LOAD_SUFFIX.length();
            if (entry > MAX_NAME)
            {
                throw new MetersimException("resource id too long for OpenADR reports: each reading is reported as "
                    + "<resource_id>/load_<k>, a resourceName of at most " + MAX_NAME + " characters, so resource ids "
                    + "may have at most " + (MAX_NAME - SHORTEST_LOAD_SUFFIX.length()) + " [ven=" + spec.ven()
                    + " resource=" + spec.resourceId().substring(0, 32) + "... length=" + spec.resourceId().length()
                    + "]");
            }
        }
    }

    /**
     * Writes the collection into the VEN's report now and queues the report once it holds {@code ticksPerReport}
     * collections. Blocks while the outbox is full unless the drop policy is on, which drops and counts the report.
     *
     * @param ven       the VEN's name, the report's {@code clientName}.
     * @param collected the VEN's collection; not kept, reusable as soon as this returns.
     * @throws MetersimException when the reporter is closed or the caller is interrupted while blocked.
     */
    public void submit(final String ven, final CollectionBuffer collected)
    {
        if (!enter())
        {
            throw new MetersimException("reporter is closed [ven=" + ven + " position=" + collected.position() + "]");
        }
        try
        {
            submitEntered(ven, collected);
        }
        finally
        {
            state.decrementAndGet();
        }
    }

    /**
     * @return true when the reporter is open, counting this submit as in progress.
     */
    private boolean enter()
    {
        while (true)
        {
            final int current = state.get();
            if ((current & CLOSED) != 0)
            {
                return false;
            }
            if (state.compareAndSet(current, current + 1))
            {
                return true;
            }
        }
    }

    private void submitEntered(final String ven, final CollectionBuffer collected)
    {
        if (!ven.equals(collected.ven()))
        {
            throw new MetersimException("collection is of another VEN [ven=" + ven + " collected=" + collected.ven()
                + "]");
        }
        final ReportWriter.Batch batch = batches.computeIfAbsent(ven, name -> writer.newBatch());
        final ReportWriter.Addressee to = requests.addressee(ven, collected);
        final byte[] report;
        final long firstPosition;
        synchronized (batch)
        {
            report = batch.append(ven, collected, to);
            firstPosition = batch.finishedFirstPosition();
        }
        if (null != report)
        {
            enqueue(new Pending(ven, firstPosition, report, System.nanoTime()));
        }
    }

    /**
     * Starts polling the VTN's events of this reporter's program for the given VENs, on threads of its own, with
     * this reporter's HTTP client, token and retry rules (see {@link EventPoller}). Each timeline goes to
     * {@code onTimeline}; events whose report descriptors ask for BASELINE or DELTA_USAGE make the VENs' reports
     * during those events answer them, carrying those payloads. The first listing is taken before this returns.
     *
     * @param venNames   the VENs that poll, e.g. the run's.
     * @param interval   wall time between one VEN's polls, e.g. PT30S.
     * @param shared     one listing per interval serves every VEN, instead of one per VEN.
     * @param onTimeline receives every new timeline, e.g. {@code DemandResponse::replaceEvents}.
     * @return the running poller; close it before this reporter.
     * @throws MetersimException when the interval is not positive or there is no VEN.
     */
    public EventPoller pollEvents(final List<String> venNames, final Duration interval, final boolean shared,
        final Consumer<EventTimeline> onTimeline)
    {
        return new EventPoller(client, writer, next -> requests = next, target.programId(), venNames, interval,
            shared, onTimeline).start();
    }

    @Override
    public String name()
    {
        return "vtn";
    }

    /**
     * Submits the collection: {@link #submit(String, CollectionBuffer)} under the VEN's name.
     */
    @Override
    public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
    {
        submit(collected.ven(), collected);
    }

    @Override
    public SinkCounts counts()
    {
        final ReporterStatistics s = statistics();
        return new SinkCounts(name(), "reports", s.submitted(), s.sent(), s.retries(), s.dropped(),
            s.failed() + s.abandoned());
    }

    /**
     * @return the counters now.
     */
    public ReporterStatistics statistics()
    {
        return new ReporterStatistics(submitted.sum(), sent.sum(), retriedReports.sum(), client.retries(),
            client.tokenRefreshes(), failed.sum(), dropped.sum(), abandoned.sum(), bytesSent.sum(),
            latencyMicros.getValueAtPercentile(50.0) / 1000.0, latencyMicros.getValueAtPercentile(99.0) / 1000.0,
            latencyMicros.getMaxValue() / 1000.0);
    }

    /**
     * Stops accepting collections, waits for the submits in progress (one still waiting for outbox room at the flush
     * deadline abandons its report), queues the partly filled reports, waits up to the flush deadline for every
     * pending report, then abandons what is left. Every report accepted is in the summary as delivered, failed,
     * dropped or abandoned. Idempotent.
     *
     * @return what was delivered and, line by line, what was not.
     */
    public synchronized DeliverySummary shutdown()
    {
        if (null != summary)
        {
            return summary;
        }
        final long deadline = System.nanoTime() + options.flushDeadline().toNanos();
        closeDeadlineNanos = deadline;
        state.getAndUpdate(current -> current | CLOSED);
        awaitSubmits();
        for (final Map.Entry<String, ReportWriter.Batch> entry : batches.entrySet())
        {
            final ReportWriter.Batch batch = entry.getValue();
            synchronized (batch)
            {
                final long firstPosition = batch.firstPosition();
                final byte[] report = batch.finish();
                if (null != report)
                {
                    enqueueBefore(new Pending(entry.getKey(), firstPosition, report, System.nanoTime()), deadline);
                }
            }
        }
        draining = true;
        try
        {
            while (unfinished.get() > 0 && System.nanoTime() - deadline < 0)
            {
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        stopSenders();
        for (Pending left = outbox.poll(); null != left; left = outbox.poll())
        {
            abandon(left);
        }
        summary = new DeliverySummary(statistics(), undeliveredLines());
        LOG.info("{}", summary);
        return summary;
    }

    /**
     * Same as {@link #shutdown()}.
     */
    @Override
    public void close()
    {
        shutdown();
    }

    /**
     * Waits until no submit is in progress; they finish by the flush deadline and a poll interval at most.
     */
    private void awaitSubmits()
    {
        boolean interrupted = false;
        while ((state.get() & ~CLOSED) != 0)
        {
            try
            {
                TimeUnit.MILLISECONDS.sleep(1);
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(final Pending pending)
    {
        submitted.increment();
        unfinished.incrementAndGet();
        if (options.dropWhenFull())
        {
            if (!outbox.offer(pending))
            {
                unfinished.decrementAndGet();
                dropped.increment();
                note(pending, "dropped: outbox full (capacity " + options.outboxCapacity() + ")");
            }
            return;
        }
        try
        {
            while (!outbox.offer(pending, POLL_MILLIS, TimeUnit.MILLISECONDS))
            {
                if ((state.get() & CLOSED) != 0 && System.nanoTime() - closeDeadlineNanos >= 0)
                {
                    abandon(pending);
                    return;
                }
            }
        }
        catch (final InterruptedException ex)
        {
            unfinished.decrementAndGet();
            dropped.increment();
            note(pending, "dropped: interrupted while the outbox was full");
            Thread.currentThread().interrupt();
            throw new MetersimException("interrupted while the outbox was full [ven=" + pending.ven() + "]", ex);
        }
    }

    /**
     * Queues a report of the shutdown flush, waiting for room until the deadline at most.
     */
    private void enqueueBefore(final Pending pending, final long deadline)
    {
        submitted.increment();
        unfinished.incrementAndGet();
        try
        {
            if (outbox.offer(pending, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS))
            {
                return;
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        abandon(pending);
    }

    private void sendLoop()
    {
        try
        {
            while (!draining || !outbox.isEmpty())
            {
                final Pending pending = outbox.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (null != pending)
                {
                    deliverCounted(pending);
                }
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Delivers, and keeps the sender alive should counting or logging itself fail (the report is counted first).
     */
    private void deliverCounted(final Pending pending) throws InterruptedException
    {
        try
        {
            deliver(pending);
        }
        catch (final RuntimeException | Error ex)
        {
            LOG.warn("sender kept running after an unexpected failure [ven={}]", pending.ven(), ex);
        }
    }

    /**
     * Sends one report and counts it exactly once, as sent, failed or (when interrupted) abandoned. Any other
     * failure of the send, such as a token the JDK refuses to put in a header, counts as failed and leaves the
     * sender running.
     */
    private void deliver(final Pending pending) throws InterruptedException
    {
        final VtnClient.Answer answer;
        try
        {
            answer = client.send("POST", "/reports", pending.body());
        }
        catch (final VtnException ex)
        {
            fail(pending, "failed: " + ex.getMessage());
            return;
        }
        catch (final InterruptedException ex)
        {
            abandon(pending);
            throw ex;
        }
        catch (final RuntimeException | Error ex)
        {
            fail(pending, "failed: unexpected failure: " + oneLine(redactBearer(Failures.describe(ex))));
            return;
        }
        if (answer.attempts() > 1)
        {
            retriedReports.increment();
        }
        if (answer.ok())
        {
            sent.increment();
            bytesSent.add(pending.body().length);
            latencyMicros.recordValue(Math.max(0, (System.nanoTime() - pending.submittedNanos()) / 1000));
            unfinished.decrementAndGet();
        }
        else
        {
            fail(pending, answer.status() < 0 ? "failed: " + answer.detail() : "failed: HTTP " + answer.status()
                + " after " + answer.attempts() + " attempts: " + answer.detail());
        }
    }

    /**
     * @return the text without the credential of a bearer header, which the JDK quotes when it refuses the header.
     */
    static String redactBearer(final String text)
    {
        return BEARER.matcher(text).replaceAll("Bearer <redacted>");
    }

    /**
     * @return the text with line breaks shown as {@code \n} and {@code \r}, so that one report stays one line.
     */
    static String oneLine(final String text)
    {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private void fail(final Pending pending, final String reason)
    {
        failed.increment();
        unfinished.decrementAndGet();
        note(pending, reason);
    }

    private void abandon(final Pending pending)
    {
        abandoned.increment();
        unfinished.decrementAndGet();
        note(pending, "abandoned: still pending at the flush deadline (" + options.flushDeadline() + ")");
    }

    private void note(final Pending pending, final String reason)
    {
        final String line = "ven=" + pending.ven() + " firstPosition=" + pending.firstPosition() + " bytes="
            + pending.body().length + " " + reason;
        LOG.warn("report not delivered: {}", line);
        synchronized (undelivered)
        {
            if (undelivered.size() < DeliverySummary.MAX_LINES)
            {
                undelivered.add(line);
            }
        }
    }

    private List<String> undeliveredLines()
    {
        synchronized (undelivered)
        {
            return new ArrayList<>(undelivered);
        }
    }

    private void stopSenders()
    {
        for (final Thread sender : senders)
        {
            sender.interrupt();
        }
        for (final Thread sender : senders)
        {
            try
            {
                sender.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
