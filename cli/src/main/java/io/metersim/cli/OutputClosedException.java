package io.metersim.cli;

import java.io.IOException;

/**
 * The reader of standard output went away (a closed pipe, as in {@code metersim run | head -1}): the run stops
 * after the tick and exits 0, as {@code yes | head} does.
 */
final class OutputClosedException extends IOException
{
    private static final long serialVersionUID = 1L;

    OutputClosedException()
    {
        super("standard output was closed by its reader [stream=stdout]");
    }
}
