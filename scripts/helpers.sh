# Sourced (not run) by scripts/load-test.sh and scripts/bench-instructions.sh: installing Debian
# tools, building the two load-test servers, and waiting for and stopping one server at a time on
# $port.

# install_missing TOOL...: installs each missing tool from Debian's package of the same name.
install_missing() {
    local tool sudo=""
    [[ "$(id -u)" == 0 ]] || sudo="sudo"
    for tool in "$@"; do
        command -v "$tool" >/dev/null && continue
        echo "$(basename "$0"): $tool is missing; installing Debian's package $tool with apt-get" >&2
        $sudo apt-get install -y "$tool" >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$tool" >/dev/null; }
    done
}

# build_servers ROOT OUTPUT [NICENESS]: builds LoadTestBaseline and cloudevents-example-receiver in
# release from the Benchmarks package (so both share one build of Hummingbird), and sets bin.
build_servers() {
    local product
    cd "$1/Benchmarks"
    for product in LoadTestBaseline cloudevents-example-receiver; do
        nice -n "${3:-0}" swift build -c release --product "$product" >"$2/build-$product.log" 2>&1 ||
            { cat "$2/build-$product.log" >&2; exit 2; }
    done
    bin="$(swift build -c release --show-bin-path)"
}

server_pid=""

# wait_for_server LOG TENTHS: waits until $port answers, at most TENTHS tenths of a second, while
# the server $server_pid (whose output is LOG) runs.
wait_for_server() {
    local _
    for _ in $(seq 1 "$2"); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        kill -0 "$server_pid" 2>/dev/null || { cat "$1" >&2; echo "$(basename "$0"): the server exited" >&2; exit 2; }
        sleep 0.1
    done
    echo "$(basename "$0"): the server did not listen on port $port" >&2
    exit 2
}

# stop_server: SIGTERM to the running server, and wait for it to exit.
stop_server() {
    if [[ -n "$server_pid" ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
