package io.metersim.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the command in-process with captured streams, and finds the shared fixtures.
 */
final class Cli
{
    static final String[] METERS = {"707057500057158458", "707057500057158465", "707057500057158472",
        "707057500057158489"};

    private Cli()
    {
    }

    /**
     * What one invocation printed and returned.
     */
    record Result(int code, String out, String err)
    {
        List<String> outLines()
        {
            return out.lines().toList();
        }

        @Override
        public String toString()
        {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result run(final Path workDir, final String... args)
    {
        return run(workDir, Map.of(), args);
    }

    static Result run(final Path workDir, final Map<String, String> env, final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8))
        {
            code = Main.execute(args, outStream, errStream, new HashMap<>(env), workDir);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * @return {@code testdata/fixtures}, found beside the working directory or one of its parents.
     */
    static Path fixtures()
    {
        for (Path dir = Path.of("").toAbsolutePath(); null != dir; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("testdata").resolve("fixtures");
            if (Files.isDirectory(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("no testdata/fixtures beside " + Path.of("").toAbsolutePath()
            + " or its parents");
    }

    /**
     * @return the repository's {@code config} folder, found from the working directory (the module folder).
     */
    static Path repoConfig()
    {
        for (Path dir = Path.of("").toAbsolutePath(); null != dir; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("config").resolve("metersim.properties");
            if (Files.isRegularFile(candidate))
            {
                return candidate.getParent();
            }
        }
        throw new IllegalStateException("no config/metersim.properties above " + Path.of("").toAbsolutePath());
    }

    /**
     * Writes a resources CSV over the small fixture: Herning reads meters 0 and 1 (and has one pending resource),
     * Aarhus reads meter 3.
     */
    static Path fixtureResources(final Path dir)
    {
        return write(dir.resolve("resources.csv"), String.join("\n",
            "ven,resource_id,resource_name,status,meter_point_id,resource_type",
            "Herning,h-1,Hotel Herning (DSR),APPROVED," + METERS[0] + ",Hotels",
            "Herning,h-2,Herning Gymnasium (DSR),APPROVED," + METERS[1] + ",Schools",
            "Herning,h-3,Bager Jensen Herning (DSR),PENDING," + METERS[2] + ",Bakeries",
            "Aarhus,a-1,Clever ladepark Aarhus (EV),APPROVED," + METERS[3] + ",Charging stations",
            ""));
    }

    /**
     * A working folder set up for a command over the small seed-layout fixture: an empty config file, the data, and
     * the fixture's resources file, written into {@code dir}.
     *
     * @param config    {@code --config FILE}.
     * @param data      {@code --data FILE}.
     * @param resources {@code --resources FILE}.
     */
    record Workdir(String config, String data, String resources)
    {
        /**
         * @param more arguments after these.
         * @return {@code --config … --data … --resources …} and {@code more}.
         */
        String[] args(final String... more)
        {
            final String[] all = new String[6 + more.length];
            System.arraycopy(new String[] {"--config", config, "--data", data, "--resources", resources}, 0, all, 0, 6);
            System.arraycopy(more, 0, all, 6, more.length);
            return all;
        }

        /**
         * @param more arguments after these.
         * @return {@code run --config … --data … --resources …} and {@code more}.
         */
        String[] run(final String... more)
        {
            return command("run", more);
        }

        /**
         * @param name the command.
         * @param more arguments after these.
         * @return {@code name --config … --data … --resources …} and {@code more}.
         */
        String[] command(final String name, final String... more)
        {
            final String[] all = new String[1 + 6 + more.length];
            all[0] = name;
            System.arraycopy(args(more), 0, all, 1, 6 + more.length);
            return all;
        }
    }

    /**
     * @param dir the test's folder.
     * @return the folder set up with an empty {@code empty.properties}, the fixture data and its resources.
     */
    static Workdir workdir(final Path dir)
    {
        return workdir(dir, "empty.properties");
    }

    /**
     * @param dir    the test's folder.
     * @param config the name of the empty configuration file.
     * @return the folder set up with that configuration file, the fixture data and its resources.
     */
    static Workdir workdir(final Path dir, final String config)
    {
        return new Workdir(write(dir.resolve(config), "").toString(),
            fixtures().resolve("seed-layout-small.h5").toString(), fixtureResources(dir).toString());
    }

    /**
     * @param node a JSON object.
     * @return its field names in document order.
     */
    static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Path write(final Path file, final String text)
    {
        try
        {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static String read(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
