#!/usr/bin/env bash
# Builds the package, tests included, with every trait off, so that the `#else` paths compile, and
# checks that an adapter used without its trait says which trait to enable.
#
#   scripts/check-traits-off.sh
#
# 1. `swift build --build-tests --disable-default-traits` in its own scratch path
#    (`.build-traits-off`), so it never disturbs `.build`.
# 2. A throwaway package under $TMPDIR depends on this one by path with `traits: []` and uses
#    `AsyncHTTPClientCloudEventSender`, `NATSClient`, `WebSocketCloudEventSender` and
#    `VaporCloudEventSender`: its build must fail, and the compiler's messages must name the
#    AsyncHTTPClient, NATS, WebSocket and Vapor traits.
set -euo pipefail
cd "$(dirname "$0")/.."
repository="$PWD"

swift build --build-tests --disable-default-traits --scratch-path .build-traits-off
echo "traits off: the package and its tests build"

dependent="$(mktemp -d "${TMPDIR:-/tmp}/cloudevents-traits-off.XXXXXX")"
trap 'rm -rf "$dependent"' EXIT
mkdir -p "$dependent/Sources/Dependent"
cat > "$dependent/Package.swift" << MANIFEST
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Dependent",
    dependencies: [.package(path: "$repository", traits: [])],
    targets: [
        .executableTarget(
            name: "Dependent",
            dependencies: [
                .product(name: "CloudEventsAsyncHTTPClient", package: "$(basename "$repository")"),
                .product(name: "CloudEventsNATSClient", package: "$(basename "$repository")"),
                .product(name: "CloudEventsWebSocketTransport", package: "$(basename "$repository")"),
                .product(name: "CloudEventsVapor", package: "$(basename "$repository")"),
            ])
    ]
)
MANIFEST
cat > "$dependent/Sources/Dependent/main.swift" << 'SOURCE'
import CloudEventsAsyncHTTPClient
import CloudEventsNATSClient
import CloudEventsWebSocketTransport
import CloudEventsVapor

let sender = AsyncHTTPClientCloudEventSender(url: "http://127.0.0.1:8080/")
let client = NATSClient(configuration: nil)
let webSocketSender = WebSocketCloudEventSender(url: "ws://127.0.0.1:8080/")
let vaporSender = VaporCloudEventSender(url: "http://127.0.0.1:8080/")
SOURCE
if output="$(cd "$dependent" && swift build 2>&1)"; then
    echo "traits off: a dependent using AsyncHTTPClientCloudEventSender and NATSClient without their traits compiled" >&2
    exit 1
fi
for trait in AsyncHTTPClient NATS WebSocket Vapor; do
    expected="needs the $trait trait of swift-cloudevents"
    if ! grep -q "$expected" <<< "$output"; then
        echo "$output" >&2
        echo "traits off: the dependent failed, but without the message \"$expected\"" >&2
        exit 1
    fi
    echo "traits off: using the $trait adapter without its trait fails with:"
    grep -m1 "error: .*$expected" <<< "$output"
done
