package io.metersim.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metersim.core.CollectionBuffer;
import io.metersim.core.CollectionSink;
import io.metersim.core.MeterSimulator;
import io.metersim.core.TickLoop;
import io.metersim.core.TickTotals;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end in real headless Chromium: a run at 10 ticks/s with the dashboard, the page opened over the DevTools
 * protocol, two updates read from the DOM as the page shows them, each equal to the run's own totals for that tick
 * (the fleet's {@link TickTotals#totalWatts()} and every VEN's {@link CollectionBuffer#totalWatts()}, recorded by a
 * separate sink), and a screenshot saved as {@code target/dashboard.png}. Skipped, with a message, without Chromium.
 */
class DashboardBrowserTest
{
    private static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(30);
    private static final String READ_DOM = "(function () { var tick = document.getElementById('tick');"
        + "if (!tick) { return JSON.stringify({tick: null}); }"
        + "return JSON.stringify({"
        + "tick: tick.dataset.tick || null,"
        + "total: document.getElementById('fleet-total').textContent,"
        + "updates: document.getElementById('updates').textContent,"
        + "charts: document.querySelectorAll('.uplot canvas').length,"
        + "event: document.getElementById('event').textContent,"
        + "vens: Array.from(document.querySelectorAll('#ven-table tbody tr')).map(function (r) {"
        + "  return [r.dataset.ven, r.querySelector('.ven-kw').textContent]; })}); })()";

    @TempDir
    Path profile;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldShowTheRunsOwnTotalsInTheBrowser() throws Exception
    {
        final Path executable = Chromium.executable();
        Assumptions.assumeTrue(null != executable, Chromium.SKIP);
        final Fixture fixture = new Fixture(8, 3, 7, 48);
        final MeterSimulator simulator = fixture.simulator();
        final RunTotals totals = new RunTotals(simulator);
        final DashboardSink dashboard = DashboardSink.create(simulator, DashboardSink.Options.onPort(0),
            () -> java.util.List.of(totals.counts()));
        final TickLoop loop = TickLoop.builder(simulator).untilStopped().interval(Duration.ofMillis(100))
            .sink(totals).sink(dashboard).build();
        final Thread runner = new Thread(loop::run, "dashboard-browser-run");
        runner.start();
        try (Chromium chromium = Chromium.start(executable, profile, 1280, 1080))
        {
            awaitUrl(dashboard);
            chromium.send("Emulation.setDeviceMetricsOverride", chromium.params().put("width", 1280)
                .put("height", 1080).put("deviceScaleFactor", 1).put("mobile", false));
            chromium.send("Page.navigate", chromium.params().put("url", dashboard.url().toString()));
            final JsonNode first = awaitUpdateAfter(chromium, null);
            final JsonNode second = awaitUpdateAfter(chromium, first.get("tick").asText());

            assertShowsRunTotals(first, totals, simulator);
            assertShowsRunTotals(second, totals, simulator);
            assertTrue(second.get("charts").asInt() >= 3, "the bundled uPlot drew the charts: " + second);
            assertEquals("none", second.get("event").asText());
            awaitTicksShown(chromium, 40);
            saveScreenshot(chromium, Path.of("target", "dashboard.png"));
        }
        finally
        {
            loop.stop();
            runner.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void assertShowsRunTotals(final JsonNode shown, final RunTotals totals, final MeterSimulator simulator)
    {
        final long tick = Long.parseLong(shown.get("tick").asText());
        final double[] run = totals.byTick.get(tick);
        assertNotNull(run, "the run recorded tick " + tick);
        assertEquals(kw(run[run.length - 1]), shown.get("total").asText(), "fleet total of tick " + tick);
        final JsonNode vens = shown.get("vens");
        assertEquals(simulator.venNames().size(), vens.size(), shown::toString);
        for (final JsonNode row : vens)
        {
            final int handle = simulator.venHandle(row.get(0).asText());
            assertEquals(kw(run[handle]), row.get(1).asText(), row.get(0).asText() + " at tick " + tick);
        }
    }

    /** The page shows kW with 3 decimals; the fixture's watts are integers, so the digits are exact. */
    private static String kw(final double watts)
    {
        return String.format(Locale.ROOT, "%.3f", watts / 1000.0);
    }

    private JsonNode awaitUpdateAfter(final Chromium chromium, final String previousTick) throws Exception
    {
        final long deadline = System.nanoTime() + UPDATE_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0)
        {
            final JsonNode shown = json.readTree(chromium.evaluate(READ_DOM).asText());
            final JsonNode tick = shown.get("tick");
            if (!tick.isNull() && !tick.asText().equals(previousTick))
            {
                if (null != previousTick)
                {
                    assertNotEquals(previousTick, tick.asText());
                }
                return shown;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the page showed no update after tick " + previousTick + " within "
            + UPDATE_TIMEOUT + "; chromium: " + chromium.stderr());
    }

    private void awaitTicksShown(final Chromium chromium, final int updates) throws Exception
    {
        final long deadline = System.nanoTime() + UPDATE_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0
            && Integer.parseInt(chromium.evaluate("document.getElementById('updates').textContent").asText())
            < updates)
        {
            Thread.sleep(50);
        }
    }

    private static void saveScreenshot(final Chromium chromium, final Path file) throws Exception
    {
        final JsonNode shot = chromium.send("Page.captureScreenshot", chromium.params().put("format", "png"));
        final byte[] png = Base64.getDecoder().decode(shot.get("data").asText());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
        assertEquals(0x89, png[0] & 0xFF, "a PNG");
    }

    private static void awaitUrl(final DashboardSink dashboard) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (null == dashboard.url() && System.nanoTime() - deadline < 0)
        {
            Thread.sleep(10);
        }
        assertNotNull(dashboard.url(), "the dashboard listens");
    }

    /**
     * The run's own totals per tick: each VEN's collection total by handle, then the tick's fleet total last.
     */
    private static final class RunTotals implements CollectionSink
    {
        final Map<Long, double[]> byTick = new ConcurrentHashMap<>();
        private final double[] current;

        RunTotals(final MeterSimulator simulator)
        {
            this.current = new double[simulator.venNames().size() + 1];
        }

        @Override
        public String name()
        {
            return "run-totals";
        }

        @Override
        public void onCollection(final int worker, final CollectionBuffer collected, final long collectNanos)
        {
            current[collected.venHandle()] = collected.totalWatts();
        }

        @Override
        public void onTickEnd(final TickTotals tick)
        {
            current[current.length - 1] = tick.totalWatts();
            byTick.put(tick.tick(), current.clone());
        }
    }
}
