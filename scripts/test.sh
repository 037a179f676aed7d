#!/usr/bin/env bash
# Runs the whole test suite. The JSON Schema conformance test validates encoded events with
# Python's `jsonschema` (the reference validator), the Kafka and AMQP interop tests talk to the
# Python CloudEvents SDK's codecs, the Avro ones to fastavro, the NATS ones to nats-py and the WebSocket ones to websockets, so make
# sure they are importable first. The NATS tests start a real nats-server (Debian's package), so
# install it when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import jsonschema, rfc3339_validator, rfc3987' 2>/dev/null; then
    python3 -m pip install --quiet 'jsonschema>=4,<5' rfc3339-validator rfc3987
fi
# The Kafka and AMQP interop tests run the Python SDK's library-free codecs as peers.
if ! python3 -c 'import cloudevents.core.bindings.kafka, cloudevents.core.bindings.amqp' 2>/dev/null; then
    python3 -m pip install --quiet 'cloudevents==2.2.0'
fi
# The Avro interop tests give the Avro format's schema to fastavro, an independent implementation.
if ! python3 -c 'import fastavro' 2>/dev/null; then
    python3 -m pip install --quiet 'fastavro==1.9.7'
fi
# The Protobuf interop tests compile the format's schema with grpcio-tools for Python's protobuf.
if ! python3 -c 'import grpc_tools.protoc, google.protobuf' 2>/dev/null; then
    python3 -m pip install --quiet 'grpcio-tools==1.85.1' 'protobuf==7.36.2'
fi
# The NATS interop tests run a Python peer on nats-py.
if ! python3 -c 'import nats' 2>/dev/null; then
    python3 -m pip install --quiet 'nats-py==2.9.0'
fi
# The WebSocket interop tests run a Python peer on websockets.
if ! python3 -c 'import websockets' 2>/dev/null; then
    python3 -m pip install --quiet 'websockets==15.0.1'
fi
# The NATS client tests run against a real nats-server; Debian installs it in /usr/sbin.
if ! command -v nats-server > /dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y nats-server || { apt-get update && apt-get install -y nats-server; }
    else
        sudo apt-get install -y nats-server || { sudo apt-get update && sudo apt-get install -y nats-server; }
    fi
fi
# The `Vapor` trait is off by default (README's "Package traits"), so it is named here, beside the
# default traits, for the Vapor adapter and its tests to be built and run.
swift test --traits default,Vapor "$@"
