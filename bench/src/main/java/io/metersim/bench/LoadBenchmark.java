package io.metersim.bench;

import io.metersim.core.LoadData;
import io.metersim.datagen.GeneratorOptions;
import io.metersim.datagen.LoadGenerator;
import io.metersim.h5.H5LoadData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The load path: opening a 300-meter file (contiguous, and chunked with gzip), and generating the default data set
 * with and without writing it. h5-reader's writer writes contiguous datasets only; the gzip file is an h5py copy of
 * its output (1024-row chunks, deflate level 4), see {@link GzipCopy}.
 * <pre>
 * java -jar bench/target/benchmarks.jar LoadBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class LoadBenchmark
{
    private static final int FILE_METERS = 300;

    /**
     * The 300-meter file to open, written once per trial into a temporary folder.
     */
    @State(Scope.Benchmark)
    public static class InputFile
    {
        /** The datasets' layout: {@code contiguous} or {@code gzip}. */
        @Param({"contiguous", "gzip"})
        public String layout;

        private TempFolder folder;
        private Path file;

        /**
         * Generates 300 meters and writes them in the benchmarked layout.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            folder = TempFolder.create("metersim-load-bench");
            final Path contiguous = folder.resolve(FILE_METERS + "-meters-contiguous.h5");
            H5LoadData.write(BenchData.generate(FILE_METERS), contiguous);
            if ("gzip".equals(layout))
            {
                file = folder.resolve(FILE_METERS + "-meters-gzip.h5");
                GzipCopy.copy(contiguous, file);
            }
            else if ("contiguous".equals(layout))
            {
                file = contiguous;
            }
            else
            {
                throw new BenchException("unknown layout [layout=" + layout + " known=contiguous, gzip]");
            }
        }

        /**
         * Deletes the temporary folder.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            folder.close();
        }
    }

    /**
     * A temporary folder to write the generated data set into.
     */
    @State(Scope.Benchmark)
    public static class OutputFolder
    {
        private TempFolder folder;
        private Path file;

        /**
         * Creates the folder.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            folder = TempFolder.create("metersim-write-bench");
            file = folder.resolve("default.h5");
        }

        /**
         * Deletes the folder.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            folder.close();
        }
    }

    /**
     * @param input the file to open.
     * @return the loaded data, sunk by JMH.
     */
    @Benchmark
    public LoadData open(final InputFile input)
    {
        return H5LoadData.read(input.file);
    }

    /**
     * @return the generated default data set, sunk by JMH.
     */
    @Benchmark
    public LoadData generate()
    {
        return LoadGenerator.generate(GeneratorOptions.defaults());
    }

    /**
     * @param output where to write.
     * @return the generated default data set, after writing it (replacing the previous op's file).
     */
    @Benchmark
    public LoadData generateAndWrite(final OutputFolder output)
    {
        final LoadData data = LoadGenerator.generate(GeneratorOptions.defaults());
        H5LoadData.write(data, output.file);
        return data;
    }
}
