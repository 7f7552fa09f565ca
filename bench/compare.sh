#!/usr/bin/env bash
# Side by side: an older jar against this checkout's build, on the cases of issue 16's targets, interleaved
# (old, new, old, new, ...) so that a busy spell of the shared machine hits both, several repetitions, medians.
#
# Usage: bench/compare.sh OLD.jar [CASE...]        (default: all cases; BENCH_REPEAT=N, default 3)
#
# Cases (seed 42, start 2026-03-02, built-in profile, output in /dev/shm, each run's output deleted after it):
#   plain2   1,000,000 x 1 day, plain CSV, --threads 2        target 1: >= 2.4M rows/s
#   plain1   1,000,000 x 1 day, plain CSV, --threads 1        target 3: plain2 >= 1.6 x plain1
#   zstd     1,000,000 x 1 day, --compress zstd, --threads 2  target 2: >= 1.8M rows/s
#   gzip     1,000,000 x 1 day, --compress gzip, --threads 2  target 2: >= 0.8M rows/s (old jar: ~100 s a run)
#   small    1,000 x 1 day                                     target 4: <= 0.45 s through bin/cdrgen,
#                                                              <= 0.55 s through plain java -jar
#
# Each cell: median over the repetitions of wall s (the whole process, JVM start included) / rows/s from it,
# and process CPU s (user+sys of the JVM, from --metrics-file: the steadier number on a shared machine). The
# other processes' share of the CPU during each run is printed too (/proc/stat busy time minus the run's).
# Every run's line goes to bench/results/compare-STAMP.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OLD=${1:?usage: bench/compare.sh OLD.jar [CASE...]}
shift
NEW=$ROOT/target/cdrgen.jar
REPEAT=${BENCH_REPEAT:-3}
CASES=${*:-plain2 plain1 zstd gzip small}
[ -f "$OLD" ] || { echo "bench/compare.sh: no jar at $OLD" >&2; exit 2; }
[ -f "$NEW" ] || { echo "bench/compare.sh: no $NEW; build it with mvn -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$ROOT/bench/results"
LOG=$ROOT/bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ).txt
OUT=$(mktemp -d /dev/shm/cdrgen-compare.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }

# run LABEL CASE COMMAND... : one run, one line "case label wall_s rows cpu_s other_cpu_pct"
run() {
    local label=$1 case=$2
    shift 2
    rm -rf "$OUT/drop" "$OUT/m.json"
    sync
    local b0 t0 t1 b1
    b0=$(busy); t0=$(date +%s%N)
    "$@" --seed 42 --start-date 2026-03-02 --quiet --output-dir "$OUT/drop" --metrics-file "$OUT/m.json" > /dev/null
    t1=$(date +%s%N); b1=$(busy)
    python3 - "$OUT/m.json" "$case" "$label" "$t0" "$t1" "$b0" "$b1" "$(nproc)" "$(getconf CLK_TCK)" << 'PY' | tee -a "$LOG"
import json, sys
m = json.load(open(sys.argv[1]))
case, label = sys.argv[2], sys.argv[3]
t0, t1, b0, b1, ncpu, hz = (float(x) for x in sys.argv[4:])
wall = (t1 - t0) / 1e9
other = max(0.0, (b1 - b0) / hz - m["process_cpu_s"]) / (wall * ncpu) * 100
print(f"{case} {label} {wall:.3f} {m['rows']} {m['process_cpu_s']:.2f} {other:.0f}")
PY
    rm -rf "$OUT/drop"
}

# A case's runs: the old jar and the new one through plain java -jar, and the new build through bin/cdrgen
# (the command the README documents: parallel collector, CDS archive, first-tier compiler for short runs); the
# old build through its own bin/cdrgen too when OLD.jar sits in a checkout's target/ with one.
OLD_LAUNCHER=$(dirname "$OLD")/../bin/cdrgen
trio() { # CASE OPTIONS...
    local case=$1
    shift
    run old "$case" java -jar "$OLD" "$@"
    [ -x "$OLD_LAUNCHER" ] && run old-bin-cdrgen "$case" "$OLD_LAUNCHER" "$@"
    run new "$case" java -jar "$NEW" "$@"
    run new-bin-cdrgen "$case" "$ROOT/bin/cdrgen" "$@"
}

one() { # CASE
    case $1 in
        plain2) trio plain2 --subscribers 1000000 --threads 2 ;;
        plain1) trio plain1 --subscribers 1000000 --threads 1 ;;
        zstd)   trio zstd --subscribers 1000000 --threads 2 --compress zstd ;;
        gzip)   trio gzip --subscribers 1000000 --threads 2 --compress gzip ;;
        small)  trio small --subscribers 1000 ;;
        *) echo "bench/compare.sh: unknown case '$1'" >&2; exit 2 ;;
    esac
}

set -- $CASES
one "$1" > /dev/null # once, not counted: the jars in the page cache, tmpfs pages allocated
: > "$LOG"
for r in $(seq "$REPEAT"); do
    for c in $CASES; do one "$c"; done
done
python3 - "$LOG" << 'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    case, label, wall, rows, cpu, other = line.split()
    runs.setdefault((case, label), []).append((float(wall), int(rows), float(cpu), int(other)))
print("| case | jar | runs | wall s (in run order) | median wall s | rows/s (median) | CPU s (median) | other CPU % (max) |")
print("|---|---|---:|---|---:|---:|---:|---:|")
for (case, label), rs in runs.items():
    walls = [r[0] for r in rs]
    med = statistics.median(walls)
    print(f"| {case} | {label} | {len(rs)} | {', '.join(f'{w:.2f}' for w in walls)} | {med:.2f} | "
          f"{rs[0][1] / med:,.0f} | {statistics.median(r[2] for r in rs):.2f} | {max(r[3] for r in rs)} |")
PY
