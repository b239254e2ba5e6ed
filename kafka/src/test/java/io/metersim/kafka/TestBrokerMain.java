package io.metersim.kafka;

import java.io.IOException;

/**
 * Runs a {@link TestBroker} until standard input closes (or for {@code args[0]} seconds), for trying the CLI by
 * hand: prints {@code bootstrap=HOST:PORT} once it serves.
 */
public final class TestBrokerMain
{
    private TestBrokerMain()
    {
    }

    /**
     * @param args optionally the seconds to run; else until standard input closes.
     * @throws Exception when the broker cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        try (TestBroker broker = TestBroker.start())
        {
            System.out.println("bootstrap=" + broker.bootstrap());
            System.out.flush();
            if (args.length > 0)
            {
                Thread.sleep(Long.parseLong(args[0]) * 1000L);
            }
            else
            {
                awaitEndOfInput();
            }
        }
        System.exit(0);
    }

    private static void awaitEndOfInput()
    {
        try
        {
            while (System.in.read() >= 0)
            {
                Thread.onSpinWait();
            }
        }
        catch (final IOException ex)
        {
            // standard input is gone: stop
        }
    }
}
