#!/usr/bin/env python3
"""Markdown tables of bench/run.sh's runs.

Usage: report.py RUNS.jsonl NCPU REPEAT

Each line of RUNS.jsonl is one run: what run.sh measured around the java process (case, subs, days,
threads, jvm, wall_ns, busy_s, flush_ns, cp_ns, copy_ns, rss_min_kb, rss_max_kb; copy times are null
without a copy) and, under "metrics", the run's own --metrics-file object. A line with "skipped" is a
case that did not run. How each number is taken is in bench/README.md ("How things are timed").
"""
import json
import statistics
import sys


def main(path, ncpu, repeat):
    groups = {}
    for line in open(path, encoding="utf-8"):
        run = json.loads(line)
        key = (run["case"], run["subs"], run["days"], run["threads"], run.get("jvm", ""))
        groups.setdefault(key, []).append(run)
    cell = Cells(repeat)
    print("| case | subs x days | threads | rows | MB | gen s | rows/s | MB/s | sub-days/s | in-JVM s | CPU s"
          " | CPU us/row | peak RSS MiB | flush s | cp s | copy s | gen/copy | other CPU % |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (case, subs, days, threads, _), runs in groups.items():
        if case != "big":
            print(case_row(case, subs, days, threads, runs, ncpu, cell))
    big = [(key, runs) for key, runs in groups.items() if key[0] == "big"]
    if big:
        print("\nMemory flatness (one run, output on the disk, no copy):\n")
        print("| subs x days | threads | JVM | rows | GB | wall s | rows/s | MB/s | CPU s | CPU us/row | peak RSS MiB"
              " | RSS range after 20 s, MiB | other CPU % |")
        print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
        for (_, subs, days, threads, jvm), runs in big:
            print(big_row(subs, days, threads, jvm, runs[0], ncpu))
    print("\nWhere the CPU time went (medians, from --metrics-file):\n")
    print("| case | subs x days | threads | workers CPU s | writer CPU s | JIT compiling s | GC pauses s"
          " | process CPU s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for (case, subs, days, threads, _), runs in groups.items():
        measured = [r["metrics"] for r in runs if "metrics" in r]
        if measured:
            split = [f2(median(m[k] for m in measured)) for k in
                     ("workers_cpu_s", "writer_cpu_s", "jit_cpu_s", "gc_pause_s", "process_cpu_s")]
            print(f"| {case} | {subs} x {days} | {threads} | " + " | ".join(split) + " |")
    print("\nTiming rules: bench/README.md, \"How things are timed\".")


class Cells:
    """"best / median" over the repeats, or one value."""

    def __init__(self, repeat):
        self.repeat = repeat

    def __call__(self, best, med, fmt):
        return fmt.format(best) if self.repeat == 1 else f"{fmt.format(best)} / {fmt.format(med)}"


def case_row(case, subs, days, threads, runs, ncpu, cell):
    if "skipped" in runs[0]:
        return f"| {case} | {subs} x {days} | {threads} | skipped: {runs[0]['skipped']} |"
    m = runs[0]["metrics"]
    rows, mb = m["rows"], m["bytes"] / 1e6
    wall = [r["wall_ns"] / 1e9 for r in runs]
    w_best, w_med = min(wall), median(wall)
    jvm = [r["metrics"]["elapsed_s"] for r in runs]
    cpu = [r["metrics"]["process_cpu_s"] for r in runs]
    rss = max(r["metrics"]["peak_rss_bytes"] or 0 for r in runs) / 2**20
    other = [other_cpu(r, ncpu) for r in runs]
    cols = [case, f"{subs} x {days}", str(threads), f"{rows:,}", f"{mb:.1f}",
            cell(w_best, w_med, "{:.2f}"), cell(rows / w_best, rows / w_med, "{:,.0f}"),
            cell(mb / w_best, mb / w_med, "{:.1f}"), cell(subs * days / w_best, subs * days / w_med, "{:,.0f}"),
            cell(min(jvm), median(jvm), "{:.2f}"), cell(min(cpu), median(cpu), "{:.2f}"),
            cell(min(cpu) * 1e6 / rows, median(cpu) * 1e6 / rows, "{:.2f}"), f"{rss:.0f}"]
    if runs[0]["copy_ns"] is None:
        cols += ["-"] * 4
    else:
        cp = [r["cp_ns"] / 1e9 for r in runs]
        copy = [r["copy_ns"] / 1e9 for r in runs]
        cols += [f"{median(r['flush_ns'] / 1e9 for r in runs):.2f}", cell(min(cp), median(cp), "{:.2f}"),
                 cell(min(copy), median(copy), "{:.2f}"),
                 cell(w_best / min(copy), w_med / median(copy), "{:.1f}")]
    cols.append(f"{median(other):.0f}" if len(runs) == 1 else f"{median(other):.0f} (max {max(other):.0f})")
    return "| " + " | ".join(cols) + " |"


def big_row(subs, days, threads, jvm, run, ncpu):
    if "skipped" in run:
        return f"| {subs} x {days} | {threads} | {jvm} | skipped: {run['skipped']} |"
    m = run["metrics"]
    wall = run["wall_ns"] / 1e9
    sampled = "-" if not run["rss_max_kb"] else f"{run['rss_min_kb'] / 1024:.0f}..{run['rss_max_kb'] / 1024:.0f}"
    return (f"| {subs} x {days} | {threads} | {jvm} | {m['rows']:,} | {m['bytes'] / 1e9:.1f} | {wall:.1f}"
            f" | {m['rows'] / wall:,.0f} | {m['bytes'] / 1e6 / wall:.1f} | {m['process_cpu_s']:.1f}"
            f" | {m['process_cpu_s'] * 1e6 / m['rows']:.2f} | {(m['peak_rss_bytes'] or 0) / 2**20:.0f} | {sampled}"
            f" | {other_cpu(run, ncpu):.0f} |")


def other_cpu(run, ncpu):
    """Share of all cores that other processes used during the run: machine busy time minus the run's own."""
    wall = run["wall_ns"] / 1e9
    own = run["metrics"]["process_cpu_s"] or 0
    return max(0.0, (run["busy_s"] - own) / (wall * ncpu) * 100)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def f2(value):
    return f"{value:.2f}"


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
