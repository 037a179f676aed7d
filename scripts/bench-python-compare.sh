#!/usr/bin/env bash
# Compares the Python CloudEvents SDK (PyPI cloudevents==2.2.0) with this package's JSON event
# format on the same bytes (Tests/Data/bench/medium_event.json), in one run, pinned to one CPU.
#
#   scripts/bench-python-compare.sh [--seconds S] [--rounds N] [--repeats N]
#
# The SDK goes into a virtual environment ($CLOUDEVENTS_PY_VENV, default
# /tmp/cloudevents-py-2.2.0), made and filled on first use. The Swift side is the
# ThroughputProbe executable of the Benchmarks package, built in release mode.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
version="2.2.0"
venv="${CLOUDEVENTS_PY_VENV:-/tmp/cloudevents-py-$version}"

if ! "$venv/bin/python" -c "import cloudevents, sys; sys.exit(cloudevents.__version__ != '$version')" 2>/dev/null; then
    echo "== installing cloudevents==$version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "cloudevents==$version"
fi

echo "== building ThroughputProbe (release)"
(cd "$repo/Benchmarks" && swift build -c release --product ThroughputProbe 2>&1 | tail -n 1)
probe="$(cd "$repo/Benchmarks" && swift build -c release --show-bin-path)/ThroughputProbe"

pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c "${BENCH_CPU:-0}")
fi
echo "== running, pinned with: ${pin[*]:-(no taskset)}"
"${pin[@]}" "$venv/bin/python" "$repo/scripts/bench_python_compare.py" \
    --probe "$probe" --input "$repo/Tests/Data/bench/medium_event.json" "$@"
