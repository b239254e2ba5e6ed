package io.metersim.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a run: the shutdown hook asks the tick loop to stop after the current tick and waits until the
 * output is flushed and the summary printed.
 */
final class StopSignal implements AutoCloseable
{
    private static final long FINISH_WAIT_SECONDS = 60;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;
    private volatile Runnable onStop = () -> { };

    StopSignal()
    {
        hook = new Thread(this::onShutdown, "metersim-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested()
    {
        return requested;
    }

    /**
     * @param action what Ctrl-C does besides setting {@link #requested()}, e.g. stopping a tick loop; runs at once
     *               when Ctrl-C came before it was set.
     */
    void onStop(final Runnable action)
    {
        onStop = action;
        if (requested)
        {
            action.run();
        }
    }

    /**
     * Tells a waiting shutdown hook that the run has finished, and unregisters it.
     */
    @Override
    public void close()
    {
        finished.countDown();
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // the JVM is already shutting down: the hook is running and waits for the countDown above
        }
    }

    private void onShutdown()
    {
        requested = true;
        onStop.run();
        try
        {
            finished.await(FINISH_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
