#!/usr/bin/env python3
"""Python CloudEvents SDK (PyPI `cloudevents`) vs this package, on the same bytes, in one run.

Times the Python SDK decoding the reference event (Tests/Data/bench/medium_event.json) from bytes
and encoding it back, through both of its APIs:
  - `cloudevents.v1` (the 1.x API, kept in 2.x): `cloudevents.v1.http.from_json(bytes)` and
    `cloudevents.v1.conversion.to_json(event)`;
  - `cloudevents.core` (the 2.x API): `JSONFormat().read(None, bytes)` and `.write(event)`;
then runs this package's ThroughputProbe (Swift, release build) on the same file and prints
events/s for each and the Swift speed-up.

Python figures: timeit, best of --repeats repeats of about --seconds/2 s each (timeit turns the
garbage collector off while timing, which favours Python). Swift figures: best of --rounds
rounds of about --seconds s each, monotonic clock, no benchmark framework.

Usage: bench_python_compare.py --probe PATH [--input FILE] [--seconds S] [--rounds N]
       [--repeats N]
"""

import argparse
import json
import os
import subprocess
import sys
import timeit


def read_input(path):
    with open(path, "rb") as handle:
        return handle.read().rstrip(b" \t\r\n")


def best_rate(statement, seconds, repeats):
    """Events/s of `statement` (one event per call): the best of `repeats` timed repeats."""
    timer = timeit.Timer(statement)
    number, elapsed = timer.autorange()  # smallest 1, 2, 5, 10, ... taking >= 0.2 s
    number = max(1, int(number * (seconds / 2) / elapsed))
    times = timer.repeat(repeat=repeats, number=number)
    return number / min(times)


def run_probe(probe, input_path, seconds, rounds):
    command = [probe, "--input", input_path, "--seconds", str(seconds), "--rounds", str(rounds)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return dict(line.split("=", 1) for line in output.splitlines() if "=" in line)


def describe_time(value):
    return f"{type(value).__name__} {value!s}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--probe", required=True, help="the ThroughputProbe executable")
    parser.add_argument("--input", default=os.path.join(here, "..", "Tests", "Data", "bench", "medium_event.json"))
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=5)
    arguments = parser.parse_args()

    import cloudevents
    from cloudevents.core.formats.json import JSONFormat
    from cloudevents.v1.conversion import to_json
    from cloudevents.v1.http import from_json

    raw = read_input(arguments.input)
    size = len(raw)
    core_format = JSONFormat()
    v1_event = from_json(raw)
    core_event = core_format.read(None, raw)
    v1_output = to_json(v1_event)
    core_output = core_format.write(core_event)
    original = json.loads(raw)

    measured = {
        ("decode", "v1"): best_rate(lambda: from_json(raw), arguments.seconds, arguments.repeats),
        ("encode", "v1"): best_rate(lambda: to_json(v1_event), arguments.seconds, arguments.repeats),
        ("decode", "core"): best_rate(lambda: core_format.read(None, raw), arguments.seconds, arguments.repeats),
        ("encode", "core"): best_rate(lambda: core_format.write(core_event), arguments.seconds, arguments.repeats),
    }
    swift = run_probe(arguments.probe, os.path.abspath(arguments.input), arguments.seconds, arguments.rounds)
    swift_rate = {
        "decode": float(swift["decode_events_per_second"]),
        "encode": float(swift["encode_events_per_second"]),
    }

    names = {
        ("decode", "v1"): "Python cloudevents.v1.http.from_json",
        ("encode", "v1"): "Python cloudevents.v1.conversion.to_json",
        ("decode", "core"): "Python core JSONFormat().read",
        ("encode", "core"): "Python core JSONFormat().write",
        ("decode", "swift"): "Swift JSONEventFormat.decode([UInt8])",
        ("encode", "swift"): "Swift JSONEventFormat.encode",
    }
    rows = []
    for operation in ("decode", "encode"):
        for api in ("v1", "core"):
            rate = measured[(operation, api)]
            rows.append([operation, names[(operation, api)], f"{rate:,.0f}", f"{rate * size / 1e6:,.1f}",
                         f"{swift_rate[operation] / rate:,.1f}x"])
        rate = swift_rate[operation]
        rows.append([operation, names[(operation, "swift")], f"{rate:,.0f}", f"{rate * size / 1e6:,.1f}", "-"])

    print(f"input: {os.path.abspath(arguments.input)} ({size} bytes); Python {sys.version.split()[0]}, "
          f"cloudevents {cloudevents.__version__}")
    header = ["op", "implementation", "events/s", "MB/s", "Swift speed-up"]
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
    print()
    print("What each side does with the event (MB/s = events/s x input bytes):")
    print(f"  Python v1:   data -> {type(v1_event.data).__name__} (the document is json.loads-ed twice, then data is json.dumps-ed and loaded again); "
          f"time -> {describe_time(v1_event['time'])}; "
          f"to_json: {len(v1_output)} bytes, identical={v1_output == raw}, same JSON value={json.loads(v1_output) == original}")
    print(f"  Python core: data -> {type(core_event.get_data()).__name__} (json.loads); "
          f"time -> {describe_time(core_event.get_attributes()['time'])} (dateutil, microseconds); "
          f"write: {len(core_output)} bytes, identical={core_output == raw}, same JSON value={json.loads(core_output) == original}")
    print(f"  Swift:       data -> {swift.get('data_kind')} bytes kept as received (not parsed into a tree; "
          f"checked once); time -> Timestamp text as written; "
          f"encode: {swift.get('encoded_bytes')} bytes, identical={swift.get('round_trip_identical')}; "
          f"decode validates the event (URI, media type, timestamp and extension syntax)")
    print("  Validation on decode: Python v1 checks that the required attributes are present; Python core "
          "also checks attribute types and non-emptiness; Swift checks every rule of the spec.")


if __name__ == "__main__":
    main()
