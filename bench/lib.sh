# Shared by bench/check, bench/baseline and bench/compare; sourced from the repository root.

BENCH_JAR=bench/target/benchmarks.jar
BENCH_DATA=bench/target/bench-data.h5
PYTHON_H5=${PYTHON_H5:-/usr/bin/python3}
PYTHON=${PYTHON:-python3}

# Builds bench/target/benchmarks.jar when it is missing or older than any main source, resource or pom it is made
# from.
ensure_jar() {
    local stale=""
    if [[ ! -f $BENCH_JAR ]]; then
        stale="missing"
    elif [[ -n $(find pom.xml core h5-reader datagen openadr records baseline bench/pom.xml bench/src -type f \
                 \( -name pom.xml -o -path '*/src/main/*' \) -newer "$BENCH_JAR" -print -quit) ]]; then
        stale="stale"
    fi
    if [[ -n $stale ]]; then
        echo "bench: $BENCH_JAR is $stale; building it (mvn -pl bench -am package)" >&2
        mvn -B -q ${MVN_FLAGS:-} -pl bench -am package -DskipTests
    fi
}

# Writes the default data set to bench/target/bench-data.h5 unless it is already there and newer than the jar.
ensure_data() {
    if [[ ! -f $BENCH_DATA || $BENCH_JAR -nt $BENCH_DATA ]]; then
        echo "bench: writing the default data set to $BENCH_DATA" >&2
        java -cp "$BENCH_JAR" io.metersim.bench.MakeBenchData "$BENCH_DATA"
    fi
}
