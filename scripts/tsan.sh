#!/usr/bin/env bash
# Runs the transport tests under ThreadSanitizer: the Hummingbird receiver, the AsyncHTTPClient
# and URLSession senders, and their shared delivery loop, with real servers and clients on
# 127.0.0.1. Exits non-zero if any test fails or TSan reports anything (exit code 66).
#
#   scripts/tsan.sh [extra swift test arguments]
#
# The build goes to its own scratch path, .build-tsan (instrumented code cannot share .build).
# Measured on this project's 2-core VM with other builds running (load average 7 to 8): the
# cold build took 23.5 minutes (16 minutes of CPU time, most of it swift-nio, swift-crypto,
# AsyncHTTPClient and Hummingbird), the test targets 50 to 80 s.
#
# Each test target runs in its own process, one test at a time (--no-parallel): TSan slows
# code five to fifteen times. Run all at once on a busy 2-core machine (when the tests' senders
# still had 10 s deadlines), requests waited past those deadlines, and the cancellations that followed hit two faults of
# FoundationNetworking (the toolchain's URLSession on Linux) when a URLSession task is
# cancelled while it fails: "Fatal error: Trying to access a behaviour for a task that in not
# in the registry" (swiftlang/swift-corelibs-foundation#3292, #3296), and once a deadlock
# (URLSessionTask.cancel() waits for the session's queue while holding the Swift task's status
# lock, and that queue waits for the same lock to resume the task). Neither is this project's
# code, and no suppression file can hide a crash or a hang. One process per target keeps such
# a fault in one target from hiding the others' results.
#
# Environment:
#   TSAN_NICE      niceness of the build and the tests (default 5)
#   TSAN_TARGETS   space-separated test targets (default: the five below)
#   TSAN_OPTIONS   passed through; this script appends to it, it does not replace it
#
# scripts/tsan.supp, if it has entries, is passed as TSan's suppressions file; each entry must
# say why its report is not a race in this project's code. Today it has none.
#
# A target whose filter runs no test at all (a misspelt or renamed target) counts as failed.
set -euo pipefail
cd "$(dirname "$0")/.."
niceness="${TSAN_NICE:-5}"
targets="${TSAN_TARGETS:-CloudEventsHummingbirdTests CloudEventsSenderTests CloudEventsAsyncHTTPClientTests CloudEventsURLSessionTests CloudEventsTransportTests}"

options="halt_on_error=0 exitcode=66 second_deadlock_stack=1"
if [[ -f scripts/tsan.supp ]] && grep -qv '^[[:space:]]*\(#.*\)\?$' scripts/tsan.supp; then
    options+=" suppressions=$PWD/scripts/tsan.supp"
fi
export TSAN_OPTIONS="${TSAN_OPTIONS:+$TSAN_OPTIONS }$options"
# The Swift runtime's crash backtracer forks, which TSan's runtime does not survive; a crash
# then ends in a TSan CHECK failure instead of the crash's own message.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

start=$(date +%s)
nice -n "$niceness" swift build --build-tests --sanitize=thread --scratch-path .build-tsan
echo "scripts/tsan.sh: built in $(($(date +%s) - start)) s" >&2

# The number of tests a `swift test` log says ran: Swift Testing's "Test run with N tests" plus
# XCTest's "Executed N tests" (0 when neither ran any, as when a filter matches nothing).
tests_run() {
    local swift_testing xctest
    swift_testing=$(grep -Eo 'Test run with [0-9]+ tests?' "$1" | grep -Eo '[0-9]+' | tail -n 1 || true)
    xctest=$(grep -Eo 'Executed [0-9]+ tests?' "$1" | grep -Eo '[0-9]+' | tail -n 1 || true)
    echo $((${swift_testing:-0} + ${xctest:-0}))
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=()
for target in $targets; do
    echo "scripts/tsan.sh: $target" >&2
    status=0
    nice -n "$niceness" swift test --skip-build --sanitize=thread --scratch-path .build-tsan --no-parallel \
        --filter "$target\\." "$@" 2>&1 | tee "$log" || status=$?
    # A filter that matches no test (a misspelt or renamed target) runs nothing and passes: that
    # is a failure here, not a clean result.
    count=$(tests_run "$log")
    if ((status != 0)); then
        failed+=("$target (exit $status)")
    elif ((count == 0)); then
        failed+=("$target (no test ran)")
    fi
done
echo "scripts/tsan.sh: $(($(date +%s) - start)) s in all" >&2
if ((${#failed[@]} > 0)); then
    echo "scripts/tsan.sh: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "scripts/tsan.sh: no failures and no ThreadSanitizer reports" >&2
