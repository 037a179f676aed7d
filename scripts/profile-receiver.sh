#!/usr/bin/env bash
# Instructions per request of the example receiver and of LoadTestBaseline (the two servers of
# scripts/load-test.sh), counted with valgrind's callgrind while wrk sends them the reference
# event: the breakdown of where a request's cost goes, which does not depend on the machine's
# load as time does.
#
#   scripts/profile-receiver.sh [seconds]        default 15 of wrk per server, scenario and mode
#
# For each scenario (accept, reply) and mode (binary, structured), each server runs under
# callgrind: once idle (started, then stopped: its start-up and shut-down), once under
# `wrk -t1 -c4` for the given seconds. (total - idle) / requests is one request's instructions;
# the requests are the server's own count, printed as it exits. The callgrind files are kept in
# $LOAD_OUTPUT_DIR: `callgrind_annotate --inclusive=yes FILE | head -60` shows where they go.
#
# Environment: LOAD_SCENARIOS, LOAD_MODES, LOAD_PORT, LOAD_OUTPUT_DIR, CLOUDEVENTS_BENCH_INPUT as
# for scripts/load-test.sh. valgrind and wrk are installed with apt-get if they are missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-15}"
port="${LOAD_PORT:-18080}"
read -r -a scenarios <<<"${LOAD_SCENARIOS:-accept reply}"
read -r -a modes <<<"${LOAD_MODES:-binary structured}"
event="${CLOUDEVENTS_BENCH_INPUT:-$root/Tests/Data/bench/medium_event.json}"
output="${LOAD_OUTPUT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/cloudevents-profile.XXXXXX")}"
mkdir -p "$output"

for tool in valgrind wrk; do
    if ! command -v "$tool" >/dev/null; then
        echo "profile-receiver: $tool is missing; installing Debian's package with apt-get" >&2
        sudo=""
        [[ "$(id -u)" == 0 ]] || sudo="sudo"
        $sudo apt-get install -y "$tool" >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$tool" >/dev/null; }
    fi
done

cd "$root/Benchmarks"
for product in LoadTestBaseline cloudevents-example-receiver; do
    swift build -c release --product "$product" >"$output/build-$product.log" 2>&1 ||
        { cat "$output/build-$product.log" >&2; exit 2; }
done
bin="$(swift build -c release --show-bin-path)"

server_pid=""
stop_server() {
    if [[ -n "$server_pid" ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
trap stop_server EXIT

# profile NAME PROGRAM SECONDS MODE SCENARIO [ARGUMENT]: runs PROGRAM under callgrind, with wrk
# for SECONDS (none when 0), and sets collected (instructions) and handled (requests).
profile() {
    LOG_LEVEL=warning valgrind --tool=callgrind --callgrind-out-file="$output/$1.callgrind" \
        "$2" "$port" "${@:6}" >"$output/$1.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 600); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
        kill -0 "$server_pid" 2>/dev/null || { cat "$output/$1.log" >&2; exit 2; }
        sleep 0.1
    done
    if (($3 > 0)); then
        wrk -t1 -c4 -d"$3s" -s "$root/scripts/load-test.lua" "http://127.0.0.1:$port/" -- "$4" "$event" "$5" \
            >"$output/$1.wrk" 2>&1
    fi
    stop_server
    collected=$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$output/$1.log")
    handled=$(sed -n 's/^\(received\|answered\) \([0-9]*\) \(events\|requests\)$/\2/p' "$output/$1.log")
}

echo "profile-receiver: recording the receiver's replies for the baseline" >&2
LOG_LEVEL=warning "$bin/cloudevents-example-receiver" "$port" >"$output/recording.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
for mode in "${modes[@]}"; do
    python3 "$root/scripts/record_reply.py" "$mode" "$event" "$port" "$output/reply-$mode.http"
done
stop_server

echo "| scenario | mode | server | requests | instructions/request |"
echo "|---|---|---|---:|---:|"
for scenario in "${scenarios[@]}"; do
    for mode in "${modes[@]}"; do
        arguments=()
        [[ "$scenario" != reply ]] || arguments=("$output/reply-$mode.http")
        for server in LoadTestBaseline cloudevents-example-receiver; do
            name="$server-$scenario-$mode"
            echo "profile-receiver: $name" >&2
            profile "$name-idle" "$bin/$server" 0 "$mode" "$scenario" "${arguments[@]}"
            idle=$collected
            profile "$name" "$bin/$server" "$seconds" "$mode" "$scenario" "${arguments[@]}"
            echo "| $scenario | $mode | $server | $handled | $(( (collected - idle) / handled )) |"
        done
    done
done
echo
echo "(callgrind; files in $output)"
