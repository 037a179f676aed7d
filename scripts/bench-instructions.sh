#!/usr/bin/env bash
# Instructions per operation of the HTTP binding and the shared receive endpoint, on the
# reference medium event, counted with valgrind's callgrind (which does not depend on what else
# runs on the machine, unlike time):
#
#   scripts/bench-instructions.sh [operation ...]     default: every operation of InstructionProbe
#
# For each operation, InstructionProbe (Benchmarks/Sources/InstructionProbe) runs it COUNT times
# and 0 times under callgrind; the difference over COUNT is one operation's instructions, without
# the process's setup. The callgrind files are kept in $BENCH_OUTPUT_DIR (default a new directory
# under /tmp): `callgrind_annotate --inclusive=yes <file>` shows where the instructions go.
#
# Environment: INSTRUCTION_COUNT (default 2000), BENCH_OUTPUT_DIR.
# valgrind is installed with apt-get (Debian's package) if it is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${INSTRUCTION_COUNT:-2000}"
output="${BENCH_OUTPUT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/cloudevents-instructions.XXXXXX")}"
mkdir -p "$output"

source "$root/scripts/helpers.sh"
install_missing valgrind

cd "$root/Benchmarks"
swift build -c release --product InstructionProbe >"$output/build.log" 2>&1 || { cat "$output/build.log" >&2; exit 2; }
probe="$(swift build -c release --show-bin-path)/InstructionProbe"

operations=("$@")
if ((${#operations[@]} == 0)); then
    mapfile -t operations < <("$probe" | sed -n 's/^  //p')
fi

# instructions OPERATION N: the instructions callgrind collected for a run of N operations.
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$output/$1.$2.callgrind" "$probe" "$1" "$2" \
        >"$output/$1.$2.log" 2>&1 || { cat "$output/$1.$2.log" >&2; exit 2; }
    sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$output/$1.$2.log"
}

echo "| operation | instructions/operation |"
echo "|---|---:|"
for operation in "${operations[@]}"; do
    base=$(instructions "$operation" 0)
    total=$(instructions "$operation" "$count")
    echo "| $operation | $(( (total - base) / count )) |"
done
echo
echo "(callgrind, $count operations minus 0; files in $output)"
