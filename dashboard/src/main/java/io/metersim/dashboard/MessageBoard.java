package io.metersim.dashboard;

import java.nio.charset.StandardCharsets;

/**
 * The last messages the publisher posted, numbered from 1, for every browser to read at its own pace: a browser that
 * connects late gets the history, one that falls behind by more than the history skips the oldest. The publisher
 * posts; each browser's handler thread waits here, so a slow browser holds back only itself.
 */
final class MessageBoard
{
    private final String[] json;
    private long latest;
    private boolean closed;

    /**
     * @param history messages kept, at least 1.
     */
    MessageBoard(final int history)
    {
        this.json = new String[history];
    }

    synchronized void post(final String message)
    {
        latest++;
        json[(int)(latest % json.length)] = message;
        notifyAll();
    }

    synchronized void close()
    {
        closed = true;
        notifyAll();
    }

    synchronized boolean closed()
    {
        return closed;
    }

    /**
     * @return the number of the latest message, 0 before the first.
     */
    synchronized long latest()
    {
        return latest;
    }

    /**
     * @return the latest message, or null before the first.
     */
    synchronized String latestJson()
    {
        return 0 == latest ? null : json[(int)(latest % json.length)];
    }

    /**
     * Waits until a message after {@code seen} is posted, the board is closed or the time is up.
     *
     * @return the oldest message after {@code seen} still kept, as one Server-Sent Events frame (its id is its
     *         number), or null when there is none yet.
     */
    synchronized Frame next(final long seen, final long timeoutMillis) throws InterruptedException
    {
        if (latest <= seen && !closed)
        {
            wait(timeoutMillis);
        }
        if (latest <= seen)
        {
            return null;
        }
        final long number = Math.max(seen + 1, latest - json.length + 1);
        final String message = json[(int)(number % json.length)];
        return new Frame(number, ("id: " + number + "\nevent: tick\ndata: " + message + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One message ready for the wire.
     *
     * @param number the message's number.
     * @param bytes  the Server-Sent Events frame.
     */
    record Frame(long number, byte[] bytes)
    {
    }
}
