#!/usr/bin/env python3
"""Validates JSON-format CloudEvents, one per line, against the specification's JSON Schema.

Usage: validate_json_schema.py SCHEMA EVENTS_FILE
Exits 0 when every line validates, 1 otherwise (printing each failure), 2 when the
validator or any of the format checks the schema uses (date-time, uri, uri-reference) is
unavailable: jsonschema skips a format whose checker package (rfc3339-validator, rfc3987) is
missing, which would pass events the schema forbids.
"""
import json
import sys

try:
    import jsonschema
except ImportError:  # the test must fail, not pass silently, without the validator
    print("python package 'jsonschema' is not installed (scripts/test.sh installs it)", file=sys.stderr)
    sys.exit(2)


# The formats the CloudEvents schema uses, each with a value it must refuse.
FORMATS = {"date-time": "2024-05-20 14:23", "uri": "not a uri", "uri-reference": "a b"}


def check_formats(checker) -> bool:
    """Every format the schema uses is checked for real, not skipped."""
    ok = True
    for name, bad in FORMATS.items():
        if name not in checker.checkers:
            print(f"format '{name}' has no checker (scripts/test.sh installs rfc3339-validator and rfc3987)",
                  file=sys.stderr)
            ok = False
        elif checker.conforms(bad, name):
            print(f"format '{name}' accepted {bad!r}: its checker does not work", file=sys.stderr)
            ok = False
    return ok


def main() -> int:
    schema_path, events_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    if not check_formats(checker):
        return 2
    validator = jsonschema.Draft7Validator(schema, format_checker=checker)
    failures = 0
    count = 0
    with open(events_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            count += 1
            event = json.loads(line)
            for error in validator.iter_errors(event):
                failures += 1
                print(f"line {number}: {error.message} at {list(error.path)}", file=sys.stderr)
    print(f"JSON Schema: {count} events checked, {failures} violations")
    return 0 if failures == 0 and count > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
