#!/usr/bin/env bash
# JMH microbenchmarks of cdrgen's hot paths (sources in src/jmh/java, Maven profile "jmh").
#
# Usage: bench/jmh.sh [JMH options] [benchmark regex ...]
#   bench/jmh.sh                        all benchmarks, short settings (about 2 minutes)
#   bench/jmh.sh ChunkGenerator         only the benchmarks matching a regex
#   bench/jmh.sh -i 10 -r 2s RowFormat  longer measurement of one group
#   bench/jmh.sh -l | -lp               list benchmarks (with their parameters)
#   bench/jmh.sh -p digits=19 putLong   one parameter value
#
# Defaults, each dropped when the same option is given: -f 1 -wi 2 -i 3 -w 1s -r 1s, plus -prof gc (for
# gc.alloc.rate.norm, bytes allocated per op; JMH_PROF_GC=0 leaves it out). JMH_JAVA_OPTS: options of the
# JVM that runs the JMH launcher (the forks get theirs with -jvmArgs).
#
# Builds first (mvn -Pjmh test-compile into target-jmh/, then dependency:build-classpath), then runs
# org.openjdk.jmh.Main. The output and a CSV go to bench/results/jmh-STAMP.{txt,csv}, followed by a short
# markdown summary: ns/op, B/op and, for the chunk benchmark, ns per event row.
# The same benchmarks without this script: mvn -B -q -Pjmh test-compile exec:exec [-Djmh.args="..."]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RESULTS="$ROOT/bench/results"
# The jmh profile builds into target-jmh/ (its own <directory>), never into the default build's target/.
BUILD_DIR="$ROOT/target-jmh"
read -r -a LAUNCHER_OPTS <<< "${JMH_JAVA_OPTS:-}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cdrgen-jmh.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

echo "[jmh] building benchmarks (mvn -Pjmh test-compile)" >&2
(cd "$ROOT" && mvn -B -q -Pjmh test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$TMP/classpath.txt")
[ -f "$BUILD_DIR/test-classes/META-INF/BenchmarkList" ] \
    || { echo "bench/jmh.sh: no $BUILD_DIR/test-classes/META-INF/BenchmarkList after the build" >&2; exit 1; }
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$TMP/classpath.txt")"

run_jmh() {
    java ${LAUNCHER_OPTS[@]+"${LAUNCHER_OPTS[@]}"} -cp "$CP" org.openjdk.jmh.Main "$@"
}

# Listing and help: pass straight through.
for a in "$@"; do
    case "$a" in
        -l|-lp|-lprof|-lrf|-h|-help|--help) run_jmh "$@"; exit 0 ;;
    esac
done

has() {
    local want=$1 a
    shift
    for a in "$@"; do [ "$a" = "$want" ] && return 0; done
    return 1
}

ARGS=()
for pair in "-f 1" "-wi 2" "-i 3" "-w 1s" "-r 1s"; do
    opt=${pair%% *}
    has "$opt" "$@" || ARGS+=("$opt" "${pair#* }")
done
if [ "${JMH_PROF_GC:-1}" = 1 ]; then
    has gc "$@" || ARGS+=(-prof gc)
fi
SUMMARY=1
if has -rf "$@" || has -rff "$@"; then
    SUMMARY=0
else
    mkdir -p "$RESULTS"
    STAMP=$(date +%Y%m%d-%H%M%S)
    CSV="$RESULTS/jmh-$STAMP.csv"
    TXT="$RESULTS/jmh-$STAMP.txt"
    ARGS+=(-rf csv -rff "$CSV")
fi

echo "[jmh] java -cp ... org.openjdk.jmh.Main ${ARGS[*]} $*" >&2
if [ "$SUMMARY" = 0 ]; then
    run_jmh "${ARGS[@]}" "$@"
    exit 0
fi
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
B0=$(busy_ticks)
T0=$(date +%s%N)
run_jmh "${ARGS[@]}" "$@" 2>&1 | tee "$TXT"
B1=$(busy_ticks)
T1=$(date +%s%N)
BUSY=$(awk -v b="$(( B1 - B0 ))" -v tck="$(getconf CLK_TCK)" -v ns="$(( T1 - T0 ))" 'BEGIN { printf "%.2f", b / tck / (ns / 1e9) }')

# Summary: one line per benchmark and parameter set, secondary results (":gc.alloc.rate.norm", ":rows")
# folded in. CSV fields: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: ..."
{
    echo
    echo "## JMH summary ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(java -version 2>&1 | sed -n 2p), $(nproc) cores)"
    echo
    echo "| benchmark | params | ns/op | ± (99.9%) | B/op (gc.alloc.rate.norm) | ns/row |"
    echo "|---|---|---:|---:|---:|---:|"
    awk -F, '
        { sub(/\r$/, "") }
        NR == 1 {
            for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); head[i] = h }
            next
        }
        {
            for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
            name = $1; sub(/^org\.cdrgen\./, "", name)
            metric = ""
            if (index(name, ":") > 0) { metric = substr(name, index(name, ":") + 1); name = substr(name, 1, index(name, ":") - 1) }
            params = ""
            for (i = 8; i <= NF; i++) if ($i != "") { p = head[i]; sub(/^Param: /, "", p); params = params (params == "" ? "" : " ") p "=" $i }
            key = name SUBSEP params
            if (!(key in seen)) { seen[key] = 1; order[++n] = key; names[key] = name; ps[key] = params }
            if (metric == "") { score[key] = $5; err[key] = $6; unit[key] = $7 }
            else if (metric == "gc.alloc.rate.norm") alloc[key] = $5
            else if (metric == "rows") perrow[key] = $5
        }
        function num(v, d) { return v == "" || v == "NaN" ? "-" : sprintf("%." d "f", v) }
        END {
            for (k = 1; k <= n; k++) {
                key = order[k]
                printf "| %s | %s | %s | %s | %s | %s |\n", names[key], ps[key], num(score[key], score[key] < 100 ? 2 : 0),
                       num(err[key], err[key] < 100 ? 2 : 0), num(alloc[key], 0), num(perrow[key], 0)
            }
        }' "$CSV"
    echo
    echo "Units: all scores ns/op (AverageTime). ns/row: ChunkGenerator.generate time divided by the event rows it made."
    echo "Machine CPU busy during the run: $BUSY of $(nproc) cores on average. A benchmark runs on one thread (-t N: N),"
    echo "so about 1 core (plus JIT and GC) is expected; much more means other processes shared the cores: distrust the scores."
} | tee -a "$TXT"
echo "[jmh] saved $TXT and $CSV" >&2
