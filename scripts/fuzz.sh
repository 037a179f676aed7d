#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (JSON event and batch decoding, HTTP binary and
# structured decoding, RFC 3339 timestamps, header percent-decoding, CESQL expressions, the Kafka, NATS,
# MQTT and AMQP bindings, the Avro, Avro compact and Protobuf formats) and runs each one for
# the given number of seconds, starting from the checked-in seed corpus (Fuzz/Corpus/<target>/)
# and dictionary (Fuzz/Dictionaries/).
#
#   scripts/fuzz.sh [seconds-per-target]        default 30; CI runs a short smoke of it
#
# Environment:
#   FUZZ_TARGETS    space-separated subset of targets (default: all)
#   FUZZ_RUNS       stop each target after this many executions as well (default: no limit)
#   FUZZ_WORK_DIR   where generated corpora, logs and findings go (default: a new temporary
#                   directory, deleted after a clean run, kept after a finding)
#   FUZZ_NICE       niceness of the build and the fuzzers (default 15: this shares machines)
#   FUZZ_NO_BUILD=1 use the binaries already in Fuzz/.build/release
#
# Generated corpus entries go to the work directory, never into Fuzz/Corpus. A crash (a broken
# invariant is a deliberate crash), a leak or a hang (an input taking over 10 s) stops that
# target, its input is kept in <work>/<target>/findings/, and the script exits 1 after running
# the remaining targets. Reproduce with: Fuzz/.build/release/<target> <finding file>
set -euo pipefail

cd "$(dirname "$0")/../Fuzz"
seconds="${1:-30}"
targets="${FUZZ_TARGETS:-FuzzJSONEvent FuzzJSONBatch FuzzHTTPStructured FuzzHTTPBinary FuzzTimestamp FuzzPercentDecoding FuzzCESQL FuzzKafka FuzzNATS FuzzMQTT FuzzAMQP FuzzAvro FuzzProtobuf}"
niceness="${FUZZ_NICE:-15}"
work="${FUZZ_WORK_DIR:-}"
if [[ -z "$work" ]]; then
    work="$(mktemp -d "${TMPDIR:-/tmp}/cloudevents-fuzz.XXXXXX")"
    temporary=1
else
    mkdir -p "$work"
    temporary=0
fi

dictionary_for() {
    case "$1" in
        FuzzJSONEvent | FuzzJSONBatch | FuzzHTTPStructured) echo Dictionaries/json.dict ;;
        FuzzHTTPBinary) echo Dictionaries/http.dict ;;
        FuzzTimestamp) echo Dictionaries/timestamp.dict ;;
        FuzzPercentDecoding) echo Dictionaries/percent.dict ;;
        FuzzCESQL) echo Dictionaries/cesql.dict ;;
        FuzzAMQP) echo Dictionaries/amqp.dict ;;
    esac
}

if [[ "${FUZZ_NO_BUILD:-0}" != 1 ]]; then
    # -parse-as-library: no top-level main; libFuzzer's driver runs the targets (see
    # Fuzz/Sources/FuzzSupport/LibFuzzer.swift for how it is reached).
    nice -n "$niceness" swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
fi
bin="$(pwd)/.build/release"

# The Swift runtime's backtracer reads the crashed thread's stack, which AddressSanitizer reports
# as a bad access of its own: turn it off so that the report is libFuzzer's.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"

failed=()
summary=()
for target in $targets; do
    dir="$work/$target"
    mkdir -p "$dir/corpus" "$dir/findings"
    options=(
        "-max_total_time=$seconds" "-timeout=10" "-rss_limit_mb=2048" "-print_final_stats=1"
        "-artifact_prefix=$dir/findings/"
    )
    dictionary="$(dictionary_for "$target")"
    [[ -n "$dictionary" ]] && options+=("-dict=$dictionary")
    [[ -n "${FUZZ_RUNS:-}" ]] && options+=("-runs=$FUZZ_RUNS")
    echo "== $target: ${seconds}s${FUZZ_RUNS:+ or $FUZZ_RUNS runs}, log $dir/log"
    status=0
    # New corpus entries go to the first directory; the seeds are only read.
    nice -n "$niceness" "$bin/$target" "${options[@]}" "$dir/corpus" "Corpus/$target" >"$dir/log" 2>&1 || status=$?
    done_line="$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$dir/log" | tail -1 || true)"
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)"
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")"
    findings="$(find "$dir/findings" -type f | wc -l)"
    summary+=("$(printf '%-20s execs %-10s exec/s %-7s cov %-6s ft %-6s findings %s' \
        "$target" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$findings")")
    if [[ $status -ne 0 || $findings -ne 0 ]]; then
        failed+=("$target")
        echo "!! $target failed (exit $status); findings:"
        find "$dir/findings" -type f | sed 's/^/   /'
        grep -E 'invariant broken|Fatal error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|SUMMARY' "$dir/log" | head -5 |
            sed 's/^/   /'
    fi
done

echo
echo "== summary ($seconds s per target)"
printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -ne 0 ]]; then
    echo "FAILED: ${failed[*]}; inputs and logs kept in $work"
    exit 1
fi
if [[ $temporary == 1 ]]; then
    rm -rf "$work"
else
    echo "corpora and logs in $work"
fi
