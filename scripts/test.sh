#!/usr/bin/env bash
# Runs the whole test suite. The JSON Schema conformance test validates encoded events with
# Python's `jsonschema` (the reference validator), and the Kafka and AMQP interop tests talk to the
# Python CloudEvents SDK's codecs, so make sure both are importable first.
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
swift test "$@"
