#!/usr/bin/env python3
"""Summarises a JSONFormatBenchmarks run exported by package-benchmark as JMH JSON.

Reads the benchmark tool's output (the JMH export is the one line that is a JSON array; every
other line is ignored) and prints, for each benchmark: events/s, MB/s, allocations per event
and the ratio against Foundation's JSONSerialization measured in the same run on the same bytes.

Each benchmark in JSONFormatBenchmarks handles a fixed number N of events per measured
iteration, given by its tag `events`, which package-benchmark appends to its name
("decode medium (events: 1000)"), so:
  events/s              = N / median wall-clock time of one iteration
  allocations per event = mean mallocCountTotal of one iteration / N
  MB/s                  = events/s x input bytes per event / 1e6 (1e6 bytes = 1 MB)

Usage: bench_json_summary.py JMH_OUTPUT_FILE [--markdown]
"""

import json
import re
import statistics
import sys

MEDIUM_BYTES = 1_201  # Tests/Data/bench/medium_event.json
MINIMAL_BYTES = 55  # {"specversion":"1.0","id":"1","source":"/s","type":"t"}
INPUT_BYTES = {"medium": MEDIUM_BYTES, "minimal": MINIMAL_BYTES, "batch": MEDIUM_BYTES}
ROWS = [
    ("decode", "medium"),
    ("encode", "medium"),
    ("decode", "minimal"),
    ("encode", "minimal"),
    ("decode", "batch"),
    ("encode", "batch"),
]
BASELINE = {"decode": "Foundation jsonObject", "encode": "Foundation data"}
PREFIX = re.compile(r"^package\.benchmark\.\w+\.")
# HTTPBindingBenchmarks: each row against the same-run structured-mode figure and against
# building the same header fields directly with swift-http-types (the floor of binary mode).
HTTP_ROWS = ["HTTP binary encode medium", "HTTP binary decode medium", "HTTP structured encode medium",
             "HTTP structured decode medium"]
HTTP_FIELDS_BASELINE = "HTTPFields baseline medium"


def load(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.strip()
            if not line.startswith("["):
                continue
            try:
                elements = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(elements, list) and elements and "primaryMetric" in elements[0]:
                return elements
    sys.exit(f"no JMH export found in {path}")


def figures(element, events):
    secondary = element["secondaryMetrics"]
    wall_us = secondary["Time (wall clock)"]["rawData"][0]
    mallocs = secondary["Malloc (total)"]["rawData"][0]
    median_us = statistics.median(wall_us)
    return {
        "events_per_s": events / (median_us * 1e-6),
        "allocs_per_event": statistics.fmean(mallocs) / events,
        "samples": len(wall_us),
        # Spread: the events/s at the slowest and fastest quartile of iterations.
        "p75_events_per_s": events / (quantile(wall_us, 0.75) * 1e-6),
        "p25_events_per_s": events / (quantile(wall_us, 0.25) * 1e-6),
    }


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def print_table(header, table, markdown):
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
        for row in table:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(str(row[i])) for row in [header] + table) for i in range(len(header))]
        for row in [header] + table:
            print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                            for i, cell in enumerate(row)))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    markdown = "--markdown" in sys.argv[2:]
    results = {}
    for element in load(sys.argv[1]):
        name = PREFIX.sub("", element["benchmark"]).replace("_", " ")
        match = re.fullmatch(r"(.*) \(events: (\d+)\)", name)
        if match is None:
            sys.exit(f"benchmark {name!r} has no 'events' tag: cannot tell how many events an iteration is")
        results[match.group(1)] = figures(element, int(match.group(2)))

    header = ["benchmark", "events/s", "MB/s", "allocs/event", "Foundation events/s",
              "Foundation allocs/event", "vs Foundation", "samples", "events/s p75..p25"]
    table = []
    for operation, input_name in ROWS:
        name = f"{operation} {input_name}"
        ours = results.get(name)
        if ours is None:
            continue
        base = results.get(f"{BASELINE[operation]} {input_name}")
        size = INPUT_BYTES[input_name]
        table.append([
            name,
            f"{ours['events_per_s']:,.0f}",
            f"{ours['events_per_s'] * size / 1e6:,.1f}",
            f"{ours['allocs_per_event']:.2f}",
            f"{base['events_per_s']:,.0f}" if base else "-",
            f"{base['allocs_per_event']:.2f}" if base else "-",
            f"{ours['events_per_s'] / base['events_per_s']:.1f}x" if base else "-",
            str(ours["samples"]),
            f"{ours['p75_events_per_s']:,.0f}..{ours['p25_events_per_s']:,.0f}",
        ])

    if table:
        print_table(header, table, markdown)
    http_table = []
    floor = results.get(HTTP_FIELDS_BASELINE)
    for name in HTTP_ROWS:
        ours = results.get(name)
        if ours is None:
            continue
        structured = results.get(name.replace("binary", "structured"))
        http_table.append([
            name,
            f"{ours['events_per_s']:,.0f}",
            f"{ours['allocs_per_event']:.2f}",
            f"{ours['events_per_s'] / structured['events_per_s']:.2f}x" if structured else "-",
            f"{ours['events_per_s'] / floor['events_per_s']:.2f}x" if floor else "-",
            f"{ours['p75_events_per_s']:,.0f}..{ours['p25_events_per_s']:,.0f}",
        ])
    if http_table:
        http_header = ["HTTP binding", "events/s", "allocs/event", "vs structured", "vs HTTPFields floor",
                       "events/s p75..p25"]
        if floor:
            http_table.append([HTTP_FIELDS_BASELINE, f"{floor['events_per_s']:,.0f}",
                               f"{floor['allocs_per_event']:.2f}", "-", "1.00x", "-"])
        print()
        print_table(http_header, http_table, markdown)

    print()
    print(f"events/s: median over the samples; MB/s: events/s x input bytes ({MEDIUM_BYTES} medium "
          f"and batch, {MINIMAL_BYTES} minimal); allocs/event: mean mallocCountTotal per iteration "
          f"/ events per iteration.")
    print("Foundation: JSONSerialization.jsonObject(with:) for decode rows, "
          "JSONSerialization.data(withJSONObject:) for encode rows, same bytes, same run; "
          "vs Foundation = our events/s / Foundation's.")


if __name__ == "__main__":
    main()
