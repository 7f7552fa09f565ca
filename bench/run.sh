#!/usr/bin/env bash
# End-to-end benchmark of the built jar: wall time of whole `java -jar` runs (JVM start included), output
# volume, throughput, peak RSS, and the time to copy the same output on the same disk, so generation speed
# can be read against what the disk alone costs.
#
# Usage: bench/run.sh [--big] [--help]
#
# Cases (seed 42, start 2026-03-02, built-in profile):
#   disk  : {10,000 ; 100,000} subscribers x 1 day  x  --threads {1 ; 2}, output on the normal disk,
#           each followed by a copy of the output (cp -r to a sibling dir on the same disk, then sync)
#   tmpfs : 100,000 x 1 day, --threads 2, output in /dev/shm: generation cost without the disk
#   scale : 1,000,000 x 1 day, --threads 2 on the disk (with the copy), --threads 1 and 2 on tmpfs (only
#           with --big or BENCH_BIG=1)
#   big   : 1,000,000 x 10 days, --threads 2, java -Xmx512m (only with --big or BENCH_BIG=1; minutes,
#           ~41 GB of output): memory must stay flat; RSS is also sampled during the run
#
# Environment:
#   BENCH_REPEAT=N       repeat every case N times (default 1); best and median are reported
#   BENCH_JAVA_OPTS=...  extra JVM options, e.g. "-XX:+UseParallelGC -Xmx2g" (word-split on spaces)
#   BENCH_DIR=DIR        work dir on the normal disk, absent or empty (default: a new /tmp/cdrgen-bench.XXXXXX
#                        if /tmp is on the same file system as the project, else bench/results/work.XXXXXX)
#   BENCH_SHM_DIR=DIR    work dir for the tmpfs case (default: a new /dev/shm/cdrgen-bench.XXXXXX);
#                        BENCH_SHM_DIR=none skips the case
#   BENCH_BIG=1          same as --big
#   BENCH_JAR=FILE       benchmark this jar as it is (no build check), e.g. one built with -Dbuild.dir=...
#   BENCH_IDLE_WAIT=S    before each run, wait up to S seconds (default 60; 0: never) for the machine to be
#                        idle (under 20% of one core busy over 1 s): other processes skew the numbers
#   BENCH_DROP_CACHES=1  sync and drop the page cache before each copy (root only), so cp reads from disk
#                        instead of from the cache the generator just filled (default: no drop; see below)
#
# Timing rules (also printed with the table):
#   gen s      wall time of `java ... -jar cdrgen.jar ...` from fork to exit, measured with date +%s%N;
#              `sync` is run before it starts, and its dirty pages are NOT flushed inside this time.
#   flush s    time of the `sync` right after generation (writeback of what the run left dirty); not part
#              of gen s nor of copy s, shown so nothing is hidden.
#   cp s       `cp -r OUT OUT.copy` alone (source usually still in the page cache, see BENCH_DROP_CACHES).
#   copy s     cp -r + the `sync` after it: the copy's data is really on disk. gen/copy = gen s / copy s.
#   rows/s, MB/s, sub-days/s are computed from gen s (whole JVM run). MB = 10^6 bytes, MiB for RSS.
#   With BENCH_REPEAT > 1, cells read "best / median"; peak RSS is the largest seen over the repeats.
#   CPU split  runs use -v; its last line says how much CPU the workers, the writer thread, the JIT compilers
#              and GC pauses took, printed as a second table (medians)
#   CPU s      user+sys CPU time of the run (from /usr/bin/time): unlike wall time, barely moved by other load;
#              CPU us/row = CPU s / rows.
#   other CPU % share of the machine's CPU (all cores) used by other processes during gen s: /proc/stat
#              busy time minus the run's own user+sys (from /usr/bin/time). Above a few %, distrust the row.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/target/cdrgen.jar}
RESULTS="$ROOT/bench/results"
REPEAT=${BENCH_REPEAT:-1}
BIG=${BENCH_BIG:-0}
DROP_CACHES=${BENCH_DROP_CACHES:-0}
SHM_DIR=${BENCH_SHM_DIR:-}
read -r -a JAVA_OPTS <<< "${BENCH_JAVA_OPTS:-}"
SEED=42
START=2026-03-02

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
    case "$1" in
        --big) BIG=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench/run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

case "$REPEAT" in
    ''|*[!0-9]*|0) echo "BENCH_REPEAT must be a positive integer, got '$REPEAT'" >&2; exit 2 ;;
esac

die() { echo "bench/run.sh: $*" >&2; exit 1; }
log() { echo "[bench] $*" >&2; }

[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is needed for peak RSS: apt-get install time"
command -v java > /dev/null || die "java not found"

# ---------------------------------------------------------------- build if needed
if [ -z "${BENCH_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/config" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2> /dev/null)" ]; }; then
    log "building $JAR (missing or older than the sources)"
    (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
[ -f "$JAR" ] || die "build did not produce $JAR"

# ---------------------------------------------------------------- cleanup, whatever happens
TMP=
SAMPLER_PID=
TIME_PID=
MADE_BENCH_DIR=0
MADE_SHM_DIR=0
BENCH_DIR_OK=0   # set once BENCH_DIR is known to be ours (empty when we started): only then is it cleaned
SHM_DIR_OK=0
cleanup() {
    if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2> /dev/null || true; fi
    if [ -n "$TIME_PID" ] && [ -d "/proc/$TIME_PID" ]; then
        # An interrupted run: stop our java (the child of /usr/bin/time) and wait, before deleting its output.
        local child
        for child in $(pgrep -P "$TIME_PID" || true); do kill "$child" 2> /dev/null || true; done
        wait "$TIME_PID" 2> /dev/null || true
    fi
    if [ -n "$TMP" ]; then rm -rf "$TMP"; fi
    if [ "$BENCH_DIR_OK" = 1 ]; then
        rm -rf "$BENCH_DIR"/out "$BENCH_DIR"/out.copy
        if [ "$MADE_BENCH_DIR" = 1 ]; then rmdir "$BENCH_DIR" 2> /dev/null || true; fi
    fi
    if [ "$SHM_DIR_OK" = 1 ]; then
        rm -rf "$SHM_DIR"/out "$SHM_DIR"/out.copy
        if [ "$MADE_SHM_DIR" = 1 ]; then rmdir "$SHM_DIR" 2> /dev/null || true; fi
    fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- work dirs
same_fs() { [ "$(stat -c %d "$1")" = "$(stat -c %d "$2")" ]; }
mkdir -p "$RESULTS"
if [ -z "${BENCH_DIR:-}" ]; then
    # A new directory each time, so two benchmarks (or other users of /tmp) never collide.
    if same_fs /tmp "$ROOT"; then
        BENCH_DIR=$(mktemp -d /tmp/cdrgen-bench.XXXXXX)
    else
        BENCH_DIR=$(mktemp -d "$RESULTS/work.XXXXXX")
    fi
    MADE_BENCH_DIR=1
else
    [ -d "$BENCH_DIR" ] || MADE_BENCH_DIR=1
    mkdir -p "$BENCH_DIR"
fi
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
[ -z "$(ls -A "$BENCH_DIR")" ] || die "BENCH_DIR $BENCH_DIR is not empty; remove it or choose another"
BENCH_DIR_OK=1
DISK_FS=$(df --output=source,fstype "$BENCH_DIR" | tail -n 1 | awk '{print $1 " (" $2 ")"}')
if [ "$(stat -f -c %T "$BENCH_DIR")" = tmpfs ]; then
    log "warning: BENCH_DIR $BENCH_DIR is on tmpfs, the 'disk' cases will not touch a disk"
fi
if ! same_fs "$BENCH_DIR" "$ROOT"; then
    log "note: BENCH_DIR $BENCH_DIR is not on the project's file system"
fi
SHM_OK=0
if [ -z "$SHM_DIR" ] && [ -d /dev/shm ]; then
    SHM_DIR=$(mktemp -d /dev/shm/cdrgen-bench.XXXXXX)
    MADE_SHM_DIR=1
fi
if [ -z "$SHM_DIR" ]; then
    SHM_DIR=none
    log "no /dev/shm: skipping the tmpfs case"
fi
if [ "$SHM_DIR" != none ]; then
    [ -d "$SHM_DIR" ] || MADE_SHM_DIR=1
    mkdir -p "$SHM_DIR"
    SHM_DIR=$(cd "$SHM_DIR" && pwd)
    [ -z "$(ls -A "$SHM_DIR")" ] || die "BENCH_SHM_DIR $SHM_DIR is not empty"
    SHM_DIR_OK=1
    if [ "$(stat -f -c %T "$SHM_DIR")" = tmpfs ]; then
        SHM_OK=1
    else
        log "warning: $SHM_DIR is not tmpfs; skipping the tmpfs case"
    fi
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cdrgen-bench-meta.XXXXXX")

if [ "$DROP_CACHES" = 1 ] && [ ! -w /proc/sys/vm/drop_caches ]; then
    die "BENCH_DROP_CACHES=1 needs a writable /proc/sys/vm/drop_caches (root)"
fi

# ---------------------------------------------------------------- helpers
# (awk may be mawk, whose %d stops at 2^31-1: byte and row counts are printed with %.0f)
now_ns() { date +%s%N; }
TCK=$(getconf CLK_TCK)
NCPU=$(nproc)
IDLE_WAIT=${BENCH_IDLE_WAIT:-60}
# busy_ticks: machine-wide busy CPU time (user nice system irq softirq steal), in clock ticks
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }

# wait_idle: wait (at most IDLE_WAIT s) until under 20% of one core is busy over one second
wait_idle() {
    local waited=0 b0 b1 pct
    [ "$IDLE_WAIT" -gt 0 ] || return 0
    while :; do
        b0=$(busy_ticks)
        sleep 1
        b1=$(busy_ticks)
        pct=$(( (b1 - b0) * 100 / TCK ))
        [ "$pct" -gt 20 ] || return 0
        waited=$(( waited + 1 ))
        if [ "$waited" = 1 ]; then log "machine busy ($pct% of a core used by others): waiting up to ${IDLE_WAIT}s"; fi
        if [ "$waited" -ge "$IDLE_WAIT" ]; then
            log "still busy ($pct% of a core) after ${IDLE_WAIT}s: running anyway (see 'other CPU %')"
            return 0
        fi
    done
}

# stats FILE COLUMN -> "min median max" of a numeric column of a whitespace-separated file
stats() {
    awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "nan nan nan"; exit }
            if (NR % 2) med = v[(NR + 1) / 2]; else med = (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%s %s %s\n", v[1], med, v[NR]
        }'
}

# cell BEST MEDIAN FORMAT -> "best / median", or one value when there is a single repeat
cell() {
    if [ "$REPEAT" -gt 1 ]; then
        awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { printf f " / " f, a, b }'
    else
        awk -v a="$1" -v f="$3" 'BEGIN { printf f, a }'
    fi
}

# one_run DIR SUBS DAYS THREADS COPY(0|1) SAMPLE_RSS(0|1) EXTRA_JAVA_OPT... -> appends a line to $TMP/runs
# line: wall_ns rss_kb rows bytes flush_ns cp_ns copy_ns jvm_reported_s rss_sample_min_kb rss_sample_max_kb other_cpu_pct cpu_s
#       workers_cpu_s writer_cpu_s jit_s gc_s (the last four from cdrgen -v's 'CPU time:' line)
one_run() {
    local dir=$1 subs=$2 days=$3 threads=$4 copy=$5 sample=$6
    shift 6
    local out="$dir/out" runlog="$TMP/run.log" timelog="$TMP/time.txt"
    rm -rf "$out" "$out.copy"
    sync
    wait_idle
    local t0 t1 b0 b1 status=0
    b0=$(busy_ticks)
    t0=$(now_ns)
    /usr/bin/time -v -o "$timelog" \
        java ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"} "$@" -jar "$JAR" \
        --subscribers "$subs" --days "$days" --seed "$SEED" --start-date "$START" \
        --threads "$threads" --output-dir "$out" -v > "$runlog" 2>&1 &
    TIME_PID=$!
    if [ "$sample" = 1 ]; then
        sample_rss "$TIME_PID" > "$TMP/rss.samples" &
        SAMPLER_PID=$!
    fi
    wait "$TIME_PID" || status=$?
    t1=$(now_ns)
    b1=$(busy_ticks)
    TIME_PID=
    if [ -n "$SAMPLER_PID" ]; then
        kill "$SAMPLER_PID" 2> /dev/null || true
        wait "$SAMPLER_PID" 2> /dev/null || true
        SAMPLER_PID=
    fi
    if [ "$status" != 0 ]; then
        echo "---- java exited with $status; log tail:" >&2
        tail -n 30 "$runlog" >&2
        tail -n 25 "$timelog" >&2 || true
        exit 1
    fi
    local rss rows bytes reported
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timelog")
    rows=$(sed -n 's/.*"event_rows" *: *\([0-9][0-9]*\).*/\1/p' "$out/manifest.json")
    [ -n "$rows" ] || die "no event_rows in $out/manifest.json"
    bytes=$(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }')
    reported=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' "$runlog" | tail -n 1)
    # "CPU time: workers W s (N threads), writer R s, JIT compiling J s, GC pauses G s; wall T s" (-v)
    local split
    split=$(sed -n 's/.*CPU time: workers \([0-9.]*\) s ([0-9]* threads), writer \([0-9.]*\) s, JIT compiling \([0-9.]*\) s, GC pauses \([0-9.]*\) s;.*/\1 \2 \3 \4/p' "$runlog" | tail -n 1)
    split=${split:-nan nan nan nan}
    local other cpu
    cpu=$(awk '/User time \(seconds\)|System time \(seconds\)/ { t += $NF } END { printf "%.2f", t }' "$timelog")
    other=$(awk -v b="$(( b1 - b0 ))" -v tck="$TCK" -v ns="$(( t1 - t0 ))" -v n="$NCPU" '
        /User time \(seconds\)|System time \(seconds\)/ { own += $NF }
        END { o = (b / tck - own) / (ns / 1e9 * n) * 100; printf "%.1f", o < 0 ? 0 : o }' "$timelog")
    local flush_ns=0 cp_ns=0 copy_ns=0 t2 t3 t4
    if [ "$copy" = 1 ]; then
        t2=$(now_ns)
        sync
        flush_ns=$(( $(now_ns) - t2 ))
        if [ "$DROP_CACHES" = 1 ]; then
            echo 3 > /proc/sys/vm/drop_caches
        fi
        t2=$(now_ns)
        cp -r "$out" "$out.copy"
        t3=$(now_ns)
        sync
        t4=$(now_ns)
        cp_ns=$(( t3 - t2 ))
        copy_ns=$(( t4 - t2 ))
    fi
    local smin=0 smax=0
    if [ "$sample" = 1 ] && [ -s "$TMP/rss.samples" ]; then
        # Skip the first 20 s (JVM start, heap growing to its working size), then min and max.
        read -r smin smax < <(awk 'NR == 1 { t0 = $1 } $1 - t0 >= 20 { if (!n++ || $2 < lo) lo = $2; if ($2 > hi) hi = $2 }
                                  END { printf "%.0f %.0f\n", lo, hi }' "$TMP/rss.samples")
        cp "$TMP/rss.samples" "$RESULTS/rss-samples-$STAMP.txt"
    fi
    rm -rf "$out" "$out.copy"
    echo "$(( t1 - t0 )) $rss $rows $bytes $flush_ns $cp_ns $copy_ns ${reported:-nan} $smin $smax $other $cpu $split" >> "$TMP/runs"
}

# sample_rss TIME_PID: prints "epoch_s rss_kb" of the java child of /usr/bin/time every 5 s
sample_rss() {
    local parent=$1 pid=
    while [ -z "$pid" ]; do
        pid=$(pgrep -P "$parent" | head -n 1) || true
        [ -d "/proc/$parent" ] || return 0
        [ -n "$pid" ] || sleep 0.2
    done
    while [ -r "/proc/$pid/status" ]; do
        awk -v t="$(date +%s)" '/^VmRSS:/ { print t, $2 }' "/proc/$pid/status" 2> /dev/null || true
        sleep 5
    done
}

ROWS_MD="$TMP/table.md"
BIG_MD="$TMP/big.md"
CPU_MD="$TMP/cpu.md"
: > "$ROWS_MD"
: > "$BIG_MD"
: > "$CPU_MD"

# cpu_split_row NAME SUBS DAYS THREADS: medians of the run's CPU split (columns 13-16 of $TMP/runs)
cpu_split_row() {
    local w r j g cpu
    read -r _ w _ < <(stats "$TMP/runs" 13)
    read -r _ r _ < <(stats "$TMP/runs" 14)
    read -r _ j _ < <(stats "$TMP/runs" 15)
    read -r _ g _ < <(stats "$TMP/runs" 16)
    read -r _ cpu _ < <(stats "$TMP/runs" 12)
    echo "| $1 | $2 x $3 | $4 | $w | $r | $j | $g | $cpu |" >> "$CPU_MD"
}

# run_case NAME DIR SUBS DAYS THREADS COPY
run_case() {
    local name=$1 dir=$2 subs=$3 days=$4 threads=$5 copy=$6
    : > "$TMP/runs"
    local r
    for r in $(seq 1 "$REPEAT"); do
        log "$name: $subs subscribers x $days day(s), --threads $threads, run $r/$REPEAT"
        one_run "$dir" "$subs" "$days" "$threads" "$copy" 0
    done
    local wall_min wall_med _ rss rows bytes rep_min rep_med flush_med cp_min cp_med copy_min copy_med
    read -r wall_min wall_med _ < <(stats "$TMP/runs" 1)
    read -r _ _ rss < <(stats "$TMP/runs" 2)
    read -r _ rows _ < <(stats "$TMP/runs" 3)
    read -r _ bytes _ < <(stats "$TMP/runs" 4)
    read -r _ flush_med _ < <(stats "$TMP/runs" 5)
    read -r cp_min cp_med _ < <(stats "$TMP/runs" 6)
    read -r copy_min copy_med _ < <(stats "$TMP/runs" 7)
    read -r rep_min rep_med _ < <(stats "$TMP/runs" 8)
    local other_med other_max
    read -r _ other_med other_max < <(stats "$TMP/runs" 11)
    local cpu_min cpu_med
    read -r cpu_min cpu_med _ < <(stats "$TMP/runs" 12)
    sed "s/^/$name $subs $days $threads /" "$TMP/runs" >> "$TMP/raw"
    cpu_split_row "$name" "$subs" "$days" "$threads"
    local subdays=$(( subs * days ))
    local copycols="| - | - | - | -"
    if [ "$copy" = 1 ]; then
        copycols=$(awk -v fm="$flush_med" -v cb="$cp_min" -v cm="$cp_med" -v yb="$copy_min" -v ym="$copy_med" \
                       -v wb="$wall_min" -v wm="$wall_med" -v n="$REPEAT" '
            function c(a, b, f) { return n > 1 ? sprintf(f " / " f, a, b) : sprintf(f, a) }
            BEGIN {
                printf "| %.2f | %s | %s | %s", fm / 1e9, c(cb / 1e9, cm / 1e9, "%.2f"), c(yb / 1e9, ym / 1e9, "%.2f"),
                       c(wb / yb, wm / ym, "%.1f")
            }')
    fi
    awk -v name="$name" -v subs="$subs" -v days="$days" -v th="$threads" -v rows="$rows" -v bytes="$bytes" \
        -v wb="$wall_min" -v wm="$wall_med" -v rss="$rss" -v rb="$rep_min" -v rm="$rep_med" -v sd="$subdays" \
        -v n="$REPEAT" -v copycols="$copycols" -v om="$other_med" -v ox="$other_max" -v cb="$cpu_min" -v cm="$cpu_med" '
        function c(a, b, f) { return n > 1 ? sprintf(f " / " f, a, b) : sprintf(f, a) }
        BEGIN {
            printf "| %s | %d x %d | %d | %.0f | %.1f | %s | %s | %s | %s | %s | %s | %s | %d %s | %s |\n",
                name, subs, days, th, rows, bytes / 1e6, c(wb / 1e9, wm / 1e9, "%.2f"),
                c(rows / (wb / 1e9), rows / (wm / 1e9), "%.0f"),
                c(bytes / 1e6 / (wb / 1e9), bytes / 1e6 / (wm / 1e9), "%.1f"),
                c(sd / (wb / 1e9), sd / (wm / 1e9), "%.0f"),
                (rb == "nan" ? "-" : c(rb, rm, "%.2f")), c(cb, cm, "%.2f"), c(cb * 1e6 / rows, cm * 1e6 / rows, "%.2f"),
                rss / 1024, copycols,
                (n > 1 ? sprintf("%.0f (max %.0f)", om, ox) : sprintf("%.0f", om))
        }' >> "$ROWS_MD"
}

run_big() {
    local subs=1000000 days=10 threads=2
    # Estimate the output from the 100,000 x 1 case (bytes per subscriber-day) and check free space.
    local per_subday need avail
    per_subday=$(awk '$2 == 100000 && $3 == 1 { print $8 / 100000; exit }' "$TMP/raw")
    per_subday=${per_subday:-4200}
    need=$(awk -v p="$per_subday" -v n=$(( subs * days )) 'BEGIN { printf "%.0f", p * n * 1.15 / 1024 }')
    avail=$(df --output=avail -k "$BENCH_DIR" | tail -n 1 | tr -d ' ')
    if [ "$avail" -lt "$need" ]; then
        log "big: skipped, needs about $(( need / 1024 / 1024 )) GiB free in $BENCH_DIR, $(( avail / 1024 / 1024 )) GiB available"
        echo "| 1000000 x 10 | skipped: needs ~$(( need / 1024 / 1024 )) GiB free on $BENCH_DIR ||||||||||" >> "$BIG_MD"
        return 0
    fi
    : > "$TMP/runs"
    log "big: $subs subscribers x $days days, --threads $threads, -Xmx512m (~$(( need / 1024 / 1024 )) GiB written; takes minutes)"
    one_run "$BENCH_DIR" "$subs" "$days" "$threads" 0 1 -Xmx512m
    sed "s/^/big $subs $days $threads /" "$TMP/runs" >> "$TMP/raw"
    cpu_split_row big "$subs" "$days" "$threads"
    awk -v subs="$subs" -v days="$days" -v th="$threads" '
        {
            wall = $1 / 1e9
            printf "| %d x %d | %d | -Xmx512m | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.2f | %d | %s | %.0f |\n",
                subs, days, th, $3, $4 / 1e9, wall, $3 / wall, $4 / 1e6 / wall, $12, $12 * 1e6 / $3, $2 / 1024,
                ($9 > 0 ? sprintf("%.0f..%.0f", $9 / 1024, $10 / 1024) : "-"), $11
        }' "$TMP/runs" >> "$BIG_MD"
}

STAMP=$(date +%Y%m%d-%H%M%S)
: > "$TMP/raw"

run_case disk "$BENCH_DIR" 10000 1 1 1
run_case disk "$BENCH_DIR" 10000 1 2 1
run_case disk "$BENCH_DIR" 100000 1 1 1
run_case disk "$BENCH_DIR" 100000 1 2 1
if [ "$SHM_OK" = 1 ]; then
    run_case tmpfs "$SHM_DIR" 100000 1 2 1
fi
if [ "$BIG" = 1 ]; then
    # At scale: gen/copy on the disk, and --threads 1 against 2 without the disk.
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
    echo "## cdrgen end-to-end benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "- commit $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo '?')$( [ -n "$(git -C "$ROOT" status --porcelain 2> /dev/null)" ] && echo ' (dirty tree)'), jar $(stat -c %y "$JAR" | cut -d. -f1)"
    echo "- $(java -version 2>&1 | sed -n 2p), options: ${BENCH_JAVA_OPTS:-none}"
    echo "- $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), disk dir $BENCH_DIR on $DISK_FS, tmpfs dir $SHM_DIR"
    echo "- seed $SEED, start $START, built-in profile; repeats $REPEAT$( [ "$REPEAT" -gt 1 ] && echo ' (cells: best / median)'); page cache dropped before copy: $( [ "$DROP_CACHES" = 1 ] && echo yes || echo no)"
    echo
    echo "| case | subs x days | threads | rows | MB | gen s | rows/s | MB/s | sub-days/s | in-JVM s | CPU s | CPU us/row | peak RSS MiB | flush s | cp s | copy s | gen/copy | other CPU % |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    cat "$ROWS_MD"
    if [ -s "$BIG_MD" ]; then
        echo
        echo "Memory flatness (one run, output on $BENCH_DIR, no copy):"
        echo
        echo "| subs x days | threads | JVM | rows | GB | wall s | rows/s | MB/s | CPU s | CPU us/row | peak RSS MiB | RSS range after 20 s, MiB | other CPU % |"
        echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"
        cat "$BIG_MD"
    fi
    echo
    echo "Where the CPU time went (medians; from the \`CPU time:\` line cdrgen logs with -v at the end of a run):"
    echo
    echo "| case | subs x days | threads | workers CPU s | writer CPU s | JIT compiling s | GC pauses s | process CPU s |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    cat "$CPU_MD"
    echo
    echo "gen s: wall time of the whole java -jar run (JVM start, profile load, generation, file close), taken with"
    echo "date +%s%N around /usr/bin/time -v; rows/s, MB/s and sub-days/s are computed from it. in-JVM s: the time the"
    echo "generator logs for itself (GenerationRun only). peak RSS: /usr/bin/time -v 'Maximum resident set size'."
    echo "flush s: sync right after generation (not counted anywhere else). cp s: cp -r to a sibling dir on the same"
    echo "file system; copy s: cp -r plus the sync after it, so the copy is on disk; gen/copy = gen s / copy s."
    echo "Unless BENCH_DROP_CACHES=1, cp reads its source from the page cache the generator just filled."
    echo "CPU s: user+sys of the run (/usr/bin/time), hardly affected by other load; CPU us/row = CPU s / rows."
    echo "MB = 10^6 bytes (all files of the drop, manifest included). other CPU %: share of all cores used by other"
    echo "processes during gen s (/proc/stat busy minus the run's user+sys); rows with more than a few % are skewed."
    echo "Runs use -v (debug logging, ~1-3% slower than a plain run) for the CPU split: workers = generating and"
    echo "formatting, writer = the thread that hashes (SHA-256) and writes files, JIT = the compilers' elapsed time"
    echo "(inflated when they wait for a core). process CPU s = user+sys of the whole JVM, start-up included."
} > "$REPORT"
cp "$TMP/raw" "$RESULTS/run-$STAMP.raw.txt"
cat "$REPORT"
log "saved $REPORT (raw per-run numbers: run-$STAMP.raw.txt; columns: case subs days threads wall_ns rss_kb rows bytes flush_ns cp_ns copy_ns jvm_s rss_min_kb rss_max_kb other_cpu_pct cpu_s workers_cpu_s writer_cpu_s jit_s gc_s)"
