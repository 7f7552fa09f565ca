#!/usr/bin/env bash
# End-to-end benchmark of the built jar: whole `java -jar` runs (JVM start included), their throughput, CPU
# split and peak RSS (read from each run's --metrics-file), and the time to copy the same output on the same
# disk. How each number is taken: bench/README.md, "How things are timed".
#
# Usage: bench/run.sh [--smoke | --big] [--help]
#
# Cases (seed 42, start 2026-03-02, built-in profile):
#   disk  : {10,000 ; 100,000} subscribers x 1 day x --threads {1 ; 2}, output on the normal disk, each
#           followed by a copy of the output (cp -r to a sibling dir on the same disk, then sync)
#   tmpfs : 100,000 x 1 day, --threads 2, output in /dev/shm: generation cost without the disk
#   scale : 1,000,000 x 1 day, --threads 2 on the disk (with the copy), --threads 1 and 2 on tmpfs (--big)
#   big   : 1,000,000 x 10 days, --threads 2, java -Xmx512m (--big; minutes, ~41 GB of output): memory must
#           stay flat; RSS is also sampled every 5 s
#   --smoke runs only the first case, without waiting for an idle machine: a check that the script works.
#
# Environment:
#   BENCH_REPEAT=N       repeat every case N times (default 1); cells then read "best / median"
#   BENCH_JAVA_OPTS=...  extra JVM options, e.g. "-XX:+UseParallelGC -Xmx2g" (word-split on spaces)
#   BENCH_DIR=DIR        work dir on the normal disk, absent or empty (default: a new /tmp/cdrgen-bench.XXXXXX
#                        if /tmp is on the project's file system, else bench/results/work.XXXXXX)
#   BENCH_SHM_DIR=DIR    work dir of the tmpfs cases (default: a new /dev/shm/cdrgen-bench.XXXXXX); none: skip them
#   BENCH_BIG=1          same as --big
#   BENCH_JAR=FILE       benchmark this jar as it is (no build check); it must know --metrics-file
#   BENCH_IDLE_WAIT=S    before each run, wait up to S seconds (default 60, --smoke 0) for the machine to be idle
#   BENCH_DROP_CACHES=1  drop the page cache before each copy (root only), so cp reads from the disk
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/target/cdrgen.jar}
RESULTS="$ROOT/bench/results"
REPEAT=${BENCH_REPEAT:-1}
BIG=${BENCH_BIG:-0}
SMOKE=0
DROP_CACHES=${BENCH_DROP_CACHES:-0}
SHM_DIR=${BENCH_SHM_DIR:-}
read -r -a JAVA_OPTS <<< "${BENCH_JAVA_OPTS:-}"
SEED=42
START=2026-03-02

while [ $# -gt 0 ]; do
    case "$1" in
        --big) BIG=1 ;;
        --smoke) SMOKE=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
IDLE_WAIT=${BENCH_IDLE_WAIT:-$([ "$SMOKE" = 1 ] && echo 0 || echo 60)}

die() { echo "bench/run.sh: $*" >&2; exit 1; }
log() { echo "[bench] $*" >&2; }
case "$REPEAT" in ''|*[!0-9]*|0) die "BENCH_REPEAT must be a positive integer, got '$REPEAT'" ;; esac
[ "$SMOKE$BIG" != 11 ] || die "--smoke and --big exclude each other"
command -v java > /dev/null || die "java not found"
command -v python3 > /dev/null || die "python3 is needed to read the runs' --metrics-file JSON"
if [ "$DROP_CACHES" = 1 ] && [ ! -w /proc/sys/vm/drop_caches ]; then
    die "BENCH_DROP_CACHES=1 needs a writable /proc/sys/vm/drop_caches (root)"
fi

if [ -z "${BENCH_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/config" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2> /dev/null)" ]; }; then
    log "building $JAR (missing or older than the sources)"
    (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
[ -f "$JAR" ] || die "no jar at $JAR"

# ---------------------------------------------------------------- work dirs, removed whatever happens
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cdrgen-bench-meta.XXXXXX")
JAVA_PID=''
SAMPLER_PID=''
CLEAN_DIRS=()
MADE_DIRS=()
cleanup() {
    [ -z "$SAMPLER_PID" ] || kill "$SAMPLER_PID" 2> /dev/null || true
    if [ -n "$JAVA_PID" ]; then kill "$JAVA_PID" 2> /dev/null || true; wait "$JAVA_PID" 2> /dev/null || true; fi
    local d
    for d in ${CLEAN_DIRS[@]+"${CLEAN_DIRS[@]}"}; do rm -rf "$d/out" "$d/out.copy"; done
    for d in ${MADE_DIRS[@]+"${MADE_DIRS[@]}"}; do rmdir "$d" 2> /dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT

# work_dir VAR TEMPLATE: VAR names an empty directory of ours (a new one from TEMPLATE when VAR is empty);
# only such a directory is cleaned at the end. (Not run in $(...): the lists must outlive the call.)
work_dir() {
    local dir=${!1}
    if [ -z "$dir" ]; then dir=$(mktemp -d "$2"); MADE_DIRS+=("$dir"); fi
    if [ ! -d "$dir" ]; then mkdir -p "$dir"; MADE_DIRS+=("$dir"); fi
    dir=$(cd "$dir" && pwd)
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty; remove it or choose another"
    CLEAN_DIRS+=("$dir")
    printf -v "$1" '%s' "$dir"
}
same_fs() { [ "$(stat -c %d "$1")" = "$(stat -c %d "$2")" ]; }
mkdir -p "$RESULTS"
if same_fs /tmp "$ROOT"; then DISK_TEMPLATE=/tmp/cdrgen-bench.XXXXXX; else DISK_TEMPLATE=$RESULTS/work.XXXXXX; fi
BENCH_DIR=${BENCH_DIR:-}
work_dir BENCH_DIR "$DISK_TEMPLATE"
[ "$(stat -f -c %T "$BENCH_DIR")" != tmpfs ] || log "warning: $BENCH_DIR is on tmpfs: the disk cases touch no disk"
SHM_OK=0
if [ "$SMOKE" = 0 ] && [ "$SHM_DIR" != none ] && { [ -n "$SHM_DIR" ] || [ -d /dev/shm ]; }; then
    work_dir SHM_DIR /dev/shm/cdrgen-bench.XXXXXX
    if [ "$(stat -f -c %T "$SHM_DIR")" = tmpfs ]; then SHM_OK=1; else log "$SHM_DIR is not tmpfs: no tmpfs cases"; fi
else
    SHM_DIR=none
fi

# ---------------------------------------------------------------- one run
TCK=$(getconf CLK_TCK)
now_ns() { date +%s%N; }
# machine-wide busy CPU time (user nice system irq softirq steal), in clock ticks
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }

# Waits (at most IDLE_WAIT s) until other processes use under 20% of one core over a second.
wait_idle() {
    local waited=0 b0 pct
    while [ "$waited" -lt "$IDLE_WAIT" ]; do
        b0=$(busy_ticks); sleep 1
        pct=$(( ($(busy_ticks) - b0) * 100 / TCK ))
        [ "$pct" -gt 20 ] || return 0
        [ "$waited" -gt 0 ] || log "machine busy ($pct% of a core): waiting up to ${IDLE_WAIT}s"
        waited=$(( waited + 1 ))
    done
    [ "$IDLE_WAIT" = 0 ] || log "still busy after ${IDLE_WAIT}s: running anyway (see 'other CPU %')"
}

# Prints "epoch_s rss_kb" of process PID every 5 s while it lives.
sample_rss() {
    while [ -r "/proc/$1/status" ]; do
        awk -v t="$(date +%s)" '/^VmRSS:/ { print t, $2 }' "/proc/$1/status" 2> /dev/null || true
        sleep 5
    done
}

# one_run CASE DIR SUBS DAYS THREADS COPY(0|1) SAMPLE_RSS(0|1) [JAVA_OPT...]: appends one line to runs.jsonl
one_run() {
    local name=$1 dir=$2 subs=$3 days=$4 threads=$5 copy=$6 sample=$7
    shift 7
    local out="$dir/out" metrics="$TMP/metrics.json" status=0
    rm -rf "$out" "$out.copy" "$metrics"
    sync
    wait_idle
    local b0 t0 t1 b1
    b0=$(busy_ticks); t0=$(now_ns)
    java ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"} "$@" -jar "$JAR" --subscribers "$subs" --days "$days" --seed "$SEED" \
        --start-date "$START" --threads "$threads" --output-dir "$out" --quiet --metrics-file "$metrics" \
        > "$TMP/run.log" 2>&1 &
    JAVA_PID=$!
    if [ "$sample" = 1 ]; then sample_rss "$JAVA_PID" > "$TMP/rss.samples" & SAMPLER_PID=$!; fi
    wait "$JAVA_PID" || status=$?
    t1=$(now_ns); b1=$(busy_ticks)
    JAVA_PID=
    if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2> /dev/null || true; wait "$SAMPLER_PID" 2> /dev/null || true; SAMPLER_PID=; fi
    if [ "$status" != 0 ] || [ ! -s "$metrics" ]; then
        tail -n 30 "$TMP/run.log" >&2
        die "java exited with $status$([ -s "$metrics" ] || echo ', no --metrics-file written')"
    fi
    local flush_ns=null cp_ns=null copy_ns=null t2 t3
    if [ "$copy" = 1 ]; then
        t2=$(now_ns); sync; flush_ns=$(( $(now_ns) - t2 ))
        [ "$DROP_CACHES" = 0 ] || echo 3 > /proc/sys/vm/drop_caches
        t2=$(now_ns); cp -r "$out" "$out.copy"; t3=$(now_ns); sync
        cp_ns=$(( t3 - t2 )); copy_ns=$(( $(now_ns) - t2 ))
    fi
    local smin=0 smax=0
    if [ "$sample" = 1 ] && [ -s "$TMP/rss.samples" ]; then
        # From 20 s on (JVM start and heap growth are over): the least and most RSS seen.
        read -r smin smax < <(awk 'NR == 1 { t0 = $1 } $1 - t0 >= 20 { if (!n++ || $2 < lo) lo = $2; if ($2 > hi) hi = $2 }
                                  END { printf "%.0f %.0f\n", lo, hi }' "$TMP/rss.samples")
        cp "$TMP/rss.samples" "$RESULTS/rss-samples-$STAMP.txt"
    fi
    rm -rf "$out" "$out.copy"
    printf '{"case":"%s","subs":%d,"days":%d,"threads":%d,"jvm":"%s","wall_ns":%d,"busy_s":%s,"flush_ns":%s,"cp_ns":%s,"copy_ns":%s,"rss_min_kb":%d,"rss_max_kb":%d,"metrics":%s}\n' \
        "$name" "$subs" "$days" "$threads" "$*" "$(( t1 - t0 ))" "$(awk -v t="$(( b1 - b0 ))" -v k="$TCK" 'BEGIN { print t / k }')" \
        "$flush_ns" "$cp_ns" "$copy_ns" "$smin" "$smax" "$(tr -d '\n' < "$metrics")" >> "$RUNS"
}

# run_case CASE DIR SUBS DAYS THREADS COPY
run_case() {
    local r
    for r in $(seq 1 "$REPEAT"); do
        log "$1: $3 subscribers x $4 day(s), --threads $5, run $r/$REPEAT"
        one_run "$@" 0
    done
}

# 1,000,000 x 10 days with -Xmx512m, if the disk has room for it (estimated from the 100,000 x 1 runs).
run_big() {
    local need avail
    need=$(python3 -c 'import json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
per = [r["metrics"]["bytes"] / r["subs"] for r in runs if r["subs"] == 100000 and "metrics" in r]
print(round((per[0] if per else 4200) * 10_000_000 * 1.15 / 1024))' "$RUNS")
    avail=$(df --output=avail -k "$BENCH_DIR" | tail -n 1 | tr -d ' ')
    if [ "$avail" -lt "$need" ]; then
        log "big: skipped, needs ~$(( need >> 20 )) GiB free in $BENCH_DIR, $(( avail >> 20 )) GiB available"
        printf '{"case":"big","subs":1000000,"days":10,"threads":2,"jvm":"-Xmx512m","skipped":"needs ~%d GiB free"}\n' \
            "$(( need >> 20 ))" >> "$RUNS"
        return 0
    fi
    log "big: 1000000 subscribers x 10 days, --threads 2, -Xmx512m (~$(( need >> 20 )) GiB written; minutes)"
    one_run big "$BENCH_DIR" 1000000 10 2 0 1 -Xmx512m
}

STAMP=$(date +%Y%m%d-%H%M%S)
RUNS="$TMP/runs.jsonl"
: > "$RUNS"
run_case disk "$BENCH_DIR" 10000 1 1 1
if [ "$SMOKE" = 0 ]; then
    run_case disk "$BENCH_DIR" 10000 1 2 1
    run_case disk "$BENCH_DIR" 100000 1 1 1
    run_case disk "$BENCH_DIR" 100000 1 2 1
    [ "$SHM_OK" = 0 ] || run_case tmpfs "$SHM_DIR" 100000 1 2 1
fi
if [ "$BIG" = 1 ]; then
    run_case disk "$BENCH_DIR" 1000000 1 2 1
    if [ "$SHM_OK" = 1 ]; then
        run_case tmpfs "$SHM_DIR" 1000000 1 1 0
        run_case tmpfs "$SHM_DIR" 1000000 1 2 0
    fi
    run_big
fi

# ---------------------------------------------------------------- report
REPORT="$RESULTS/run-$STAMP.md"
{
    echo "## cdrgen end-to-end benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)$([ "$SMOKE" = 0 ] || echo ' (smoke run)')"
    echo
    echo "- commit $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo '?')$([ -z "$(git -C "$ROOT" status --porcelain 2> /dev/null)" ] || echo ' (dirty tree)'), jar $JAR of $(stat -c %y "$JAR" | cut -d. -f1)"
    echo "- $(java -version 2>&1 | sed -n 2p), options: ${BENCH_JAVA_OPTS:-none}"
    echo "- $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), disk dir $BENCH_DIR on $(df --output=source,fstype "$BENCH_DIR" | tail -n 1 | awk '{ print $1 " (" $2 ")" }'), tmpfs dir $SHM_DIR"
    echo "- seed $SEED, start $START, built-in profile; repeats $REPEAT$([ "$REPEAT" = 1 ] || echo ' (cells: best / median)'); page cache dropped before copy: $([ "$DROP_CACHES" = 1 ] && echo yes || echo no)"
    echo
    python3 "$ROOT/bench/report.py" "$RUNS" "$(nproc)" "$REPEAT"
} > "$REPORT"
cp "$RUNS" "$RESULTS/run-$STAMP.runs.jsonl"
cat "$REPORT"
log "saved $REPORT (every run's measures and --metrics-file: run-$STAMP.runs.jsonl)"
