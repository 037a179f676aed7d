#!/usr/bin/env bash
# Builds and runs the JSON event format benchmarks (Benchmarks/, its own package) and prints
# events/s, MB/s and allocations per event for each, with the ratio against Foundation's
# JSONSerialization measured in the same run on the same bytes.
#
#   scripts/bench-json.sh                   # all benchmarks
#   scripts/bench-json.sh --filter 'decode.*'   # extra arguments go to `benchmark run`
#
# The run is single-threaded and pinned to one CPU (`taskset -c 0`, when available; set
# BENCH_CPU to choose another) after an unpinned build. The raw output is kept in
# $BENCH_OUTPUT_DIR (default: a fresh directory under /tmp), with the JMH export in it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo/Benchmarks"

out_dir="${BENCH_OUTPUT_DIR:-$(mktemp -d /tmp/bench-json.XXXXXX)}"
mkdir -p "$out_dir"

pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c "${BENCH_CPU:-0}")
fi

echo "== swift: $(swift --version 2>/dev/null | head -n 1)"
echo "== machine: $(nproc) CPUs, $(uname -m); running pinned with: ${pin[*]:-(no taskset)}"
echo "== input: $(wc -c < "$repo/Tests/Data/bench/medium_event.json") bytes, Tests/Data/bench/medium_event.json"

# Build everything first on all cores; the pinned run then only checks the build is current.
echo "== building (release)"
swift build -c release 2>&1 | tail -n 3

echo "== running (output: $out_dir/run.log)"
"${pin[@]}" swift package --disable-sandbox benchmark run \
    --format jmh --path stdout --no-progress "$@" > "$out_dir/run.log" 2> "$out_dir/run.err" || {
    echo "benchmark run failed; its output:" >&2
    tail -n 40 "$out_dir/run.log" "$out_dir/run.err" >&2
    exit 1
}
grep '^\[{' "$out_dir/run.log" > "$out_dir/results.jmh.json" || true

echo
python3 "$repo/scripts/bench_json_summary.py" "$out_dir/run.log"
echo
echo "JMH export (open in jmh.morethan.io): $out_dir/results.jmh.json"
