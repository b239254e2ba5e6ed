package io.metersim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one invocation runs against: its streams, environment and working directory.
 */
final class CliContext
{
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path workDir;
    private final boolean verbose;
    private final boolean terminal;

    CliContext(
        final PrintStream out, final PrintStream err, final Map<String, String> env, final Path workDir,
        final boolean verbose,
        final boolean terminal)
    {
        this.out = out;
        this.err = err;
        this.env = env;
        this.workDir = workDir;
        this.verbose = verbose;
        this.terminal = terminal;
    }

    PrintStream out()
    {
        return out;
    }

    PrintStream err()
    {
        return err;
    }

    String env(final String name)
    {
        return env.get(name);
    }

    Path workDir()
    {
        return workDir;
    }

    boolean verbose()
    {
        return verbose;
    }

    /**
     * @return true when a person watches a terminal, so a progress bar may redraw itself.
     */
    boolean terminal()
    {
        return terminal;
    }

    Path resolve(final Path path)
    {
        return workDir.resolve(path).normalize();
    }
}
