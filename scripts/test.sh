#!/usr/bin/env bash
# Runs the whole test suite. The JSON Schema conformance test validates encoded events with
# Python's `jsonschema` (the reference validator), so make sure it is importable first.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import jsonschema, rfc3339_validator, rfc3987' 2>/dev/null; then
    python3 -m pip install --quiet 'jsonschema>=4,<5' rfc3339-validator rfc3987
fi
swift test "$@"
