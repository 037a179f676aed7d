#!/usr/bin/env bash
# Load test of the example receiver (cloudevents-example-receiver) with wrk, in HTTP binary and
# structured mode and in two scenarios, next to a plain Hummingbird server that reads the whole
# body and decodes nothing (Benchmarks/Sources/LoadTestBaseline), measured in the same run:
#   - `accept`: the reference event retyped `com.example.order.shipped` (same length), which the
#     receiver accepts without a reply: 202, and the baseline answers 202;
#   - `reply`: the reference event as it is (`com.example.order.created`), which the receiver
#     answers with a reply event: 200, and the baseline answers with that very response (status,
#     header fields and body, recorded from the receiver at the start of the run), so that both
#     write a response of the same size and header count.
#
#   scripts/load-test.sh [seconds] [connections]        default 60 and 64
#
# For each scenario and mode: the baseline gets a warm-up and a measured wrk run; then a fresh
# receiver (LOG_LEVEL=warning, so it does not log a line per event) gets the same, and these
# checks must hold, or the script exits 1:
#   - every response has the scenario's status (202 or 200), and no socket errors, in every run;
#   - the receiver's own count of events (it prints `received N events` when SIGTERM stops it)
#     equals the requests wrk wrote in the warm-up and the measured run together (wrk's
#     completed count misses the requests still in flight when it stops, at most one per
#     connection, which the receiver does get: both figures are printed);
#   - RSS (VmRSS) at the end is at most RSS after the warm-up + LOAD_RSS_SLACK_MIB (default 32).
#     After the warm-up every connection is open and NIO's buffers and pools are sized, so
#     later growth is what the events cost: 32 MiB over a minute is about 25 bytes per event
#     at 20,000 events/s, so a leak of any allocation per event fails.
# Requests/s of the receiver over the baseline is reported against the 0.90 target; set
# LOAD_MIN_RATIO=0.9 to make it a check too (off by default: this VM's speed varies by up to
# ±30 % from one minute to the next).
#
# The servers run pinned to CPU LOAD_SERVER_CPU (default 0) and wrk (one thread) to
# LOAD_CLIENT_CPU (default 1), so that client and server do not take turns on one core.
# Both servers are built in release from the Benchmarks package (the receiver as a product of
# its path dependency on this repository), so they share one build of Hummingbird.
#
# Environment: LOAD_SCENARIOS (default "accept reply"), LOAD_MODES (default "binary structured"),
# LOAD_PORT (default 18080), LOAD_WARMUP seconds (default 5), LOAD_RSS_SLACK_MIB,
# LOAD_MIN_RATIO, LOAD_SERVER_CPU, LOAD_CLIENT_CPU, LOAD_NICE (niceness of the build, default 5),
# CLOUDEVENTS_BENCH_INPUT (the event, default Tests/Data/bench/medium_event.json),
# LOAD_OUTPUT_DIR (wrk and server output; default a new directory under /tmp, kept).
# wrk is installed with apt-get (Debian's package) if it is missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
connections="${2:-64}"
warmup="${LOAD_WARMUP:-5}"
port="${LOAD_PORT:-18080}"
rss_slack_mib="${LOAD_RSS_SLACK_MIB:-32}"
read -r -a scenarios <<<"${LOAD_SCENARIOS:-accept reply}"
read -r -a modes <<<"${LOAD_MODES:-binary structured}"
min_ratio="${LOAD_MIN_RATIO:-}"
server_cpu="${LOAD_SERVER_CPU:-0}"
client_cpu="${LOAD_CLIENT_CPU:-1}"
event="${CLOUDEVENTS_BENCH_INPUT:-$root/Tests/Data/bench/medium_event.json}"
output="${LOAD_OUTPUT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/cloudevents-load.XXXXXX")}"
mkdir -p "$output"
[[ -r "$event" ]] || { echo "load-test: cannot read the event $event" >&2; exit 2; }

source "$root/scripts/helpers.sh"
install_missing wrk
echo "load-test: building LoadTestBaseline and cloudevents-example-receiver (release)" >&2
build_servers "$root" "$output" "${LOAD_NICE:-5}"

failures=0
fail() { echo "load-test: FAILED: $*" >&2; failures=$((failures + 1)); }

trap stop_server EXIT

# start_server LOG PROGRAM [ARGUMENT]: starts it pinned to the server CPU and waits until the
# port answers.
start_server() {
    LOG_LEVEL=warning taskset -c "$server_cpu" "$2" "$port" "${@:3}" >"$1" 2>&1 &
    server_pid=$!
    wait_for_server "$1" 100
}

# run_wrk NAME MODE SCENARIO SECONDS: runs wrk and sets sent, completed, unexpected,
# socket_errors, duration.
run_wrk() {
    taskset -c "$client_cpu" wrk -t1 -c"$connections" -d"$4s" -s "$root/scripts/load-test.lua" \
        "http://127.0.0.1:$port/" -- "$2" "$event" "$3" >"$output/$1.wrk" 2>&1
    local line
    line="$(grep '^load-test: ' "$output/$1.wrk")" || { cat "$output/$1.wrk" >&2; exit 2; }
    field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
    sent=$(field sent) completed=$(field completed) unexpected=$(field unexpected) duration=$(field seconds)
    socket_errors=$(($(field connect) + $(field read) + $(field write) + $(field timeout)))
    [[ "$unexpected" == 0 ]] || fail "$1: $unexpected responses with another status than the scenario's"
    [[ "$socket_errors" == 0 ]] || fail "$1: $socket_errors socket errors (see $output/$1.wrk)"
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

# record_reply MODE FILE: the receiver's reply to the reference event in MODE, for the baseline.
record_reply() {
    python3 "$root/scripts/record_reply.py" "$1" "$event" "$port" "$2" ||
        { echo "load-test: could not record the receiver's $1 reply" >&2; exit 2; }
}

declare -A result
if [[ " ${scenarios[*]} " == *" reply "* ]]; then
    echo "load-test: recording the receiver's reply in each mode, for the baseline to write" >&2
    start_server "$output/receiver-recording.log" "$bin/cloudevents-example-receiver"
    for mode in "${modes[@]}"; do record_reply "$mode" "$output/reply-$mode.http"; done
    stop_server
fi

for scenario in "${scenarios[@]}"; do
    for mode in "${modes[@]}"; do
        key="$scenario $mode"
        baseline_arguments=()
        [[ "$scenario" != reply ]] || baseline_arguments=("$output/reply-$mode.http")
        echo "load-test: $key, baseline: ${warmup} s warm-up, ${seconds} s at $connections connections" >&2
        start_server "$output/baseline-$scenario-$mode.log" "$bin/LoadTestBaseline" "${baseline_arguments[@]}"
        run_wrk "baseline-$scenario-$mode-warmup" "$mode" "$scenario" "$warmup"
        ticks=$(cpu_ticks "$server_pid")
        run_wrk "baseline-$scenario-$mode" "$mode" "$scenario" "$seconds"
        result[$key, baseline_cpu]=$(awk -v t=$(($(cpu_ticks "$server_pid") - ticks)) -v s="$duration" -v hz="$(getconf CLK_TCK)" \
            'BEGIN { printf "%.0f", 100 * t / hz / s }')
        result[$key, baseline_rps]=$(per_second "$completed" "$duration")
        stop_server

        echo "load-test: $key, receiver: the same" >&2
        start_server "$output/receiver-$scenario-$mode.log" "$bin/cloudevents-example-receiver"
        run_wrk "receiver-$scenario-$mode-warmup" "$mode" "$scenario" "$warmup"
        warmup_sent=$sent warmup_completed=$completed warmup_unexpected=$unexpected
        rss_warm=$(rss_kib "$server_pid")
        ticks=$(cpu_ticks "$server_pid")
        run_wrk "receiver-$scenario-$mode" "$mode" "$scenario" "$seconds"
        result[$key, receiver_cpu]=$(awk -v t=$(($(cpu_ticks "$server_pid") - ticks)) -v s="$duration" -v hz="$(getconf CLK_TCK)" \
            'BEGIN { printf "%.0f", 100 * t / hz / s }')
        rss_end=$(rss_kib "$server_pid")
        stop_server
        received=$(sed -n 's/^received \([0-9]*\) events$/\1/p' "$output/receiver-$scenario-$mode.log")
        expected=$((warmup_sent + sent))
        [[ "$received" == "$expected" ]] ||
            fail "$key: the receiver counted ${received:-no} events, wrk wrote $expected requests"
        ((rss_end <= rss_warm + rss_slack_mib * 1024)) ||
            fail "$key: RSS grew from $((rss_warm / 1024)) MiB after the warm-up to $((rss_end / 1024)) MiB"
        result[$key, receiver_rps]=$(per_second "$completed" "$duration")
        result[$key, ratio]=$(awk -v r="${result[$key, receiver_rps]}" -v b="${result[$key, baseline_rps]}" \
            'BEGIN { printf "%.2f", r / b }')
        if [[ -n "$min_ratio" ]] && awk -v r="${result[$key, ratio]}" -v m="$min_ratio" 'BEGIN { exit !(r < m) }'; then
            fail "$key: receiver/baseline requests/s ${result[$key, ratio]} < $min_ratio"
        fi
        result[$key, counts]="$received / $expected / $((warmup_completed + completed))"
        result[$key, rss]="$((rss_warm / 1024)) → $((rss_end / 1024))"
        result[$key, unexpected]=$((warmup_unexpected + unexpected))
    done
done

echo
echo "wrk -t1 -c$connections, ${seconds} s measured after ${warmup} s warm-up; server on CPU $server_cpu, wrk on CPU $client_cpu; $(date -u +%FT%TZ)"
echo
echo "| scenario | mode | baseline req/s | receiver req/s | ratio | server CPU % (baseline / receiver) | other status | events received / requests written / completed | RSS MiB after warm-up → end |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
for scenario in "${scenarios[@]}"; do
    for mode in "${modes[@]}"; do
        key="$scenario $mode"
        echo "| $scenario | $mode | ${result[$key, baseline_rps]} | ${result[$key, receiver_rps]} | ${result[$key, ratio]} |" \
            "${result[$key, baseline_cpu]} / ${result[$key, receiver_cpu]} | ${result[$key, unexpected]} |" \
            "${result[$key, counts]} | ${result[$key, rss]} |"
    done
done
echo
echo "(ratio target ≥ 0.90; RSS bound: end ≤ after warm-up + $rss_slack_mib MiB; output kept in $output)"
if ((failures > 0)); then
    echo "load-test: $failures check(s) failed" >&2
    exit 1
fi
echo "load-test: all checks passed" >&2
