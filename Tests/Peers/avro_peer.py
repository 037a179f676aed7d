"""fastavro (PyPI fastavro 1.9.7), an independent Avro implementation, reading and writing the
CloudEvents Avro schema (Tests/Data/avro/cloudevents.avsc) as a peer for the Avro format's
interop tests.

    python3 avro_peer.py decode  < {"avro": b64}                      -> {"attribute": {...}, "data": ...}
    python3 avro_peer.py encode  < {"attribute": {...}, "data": ...}  -> {"avro": b64}

An attribute is [avro type, value] with the type one of null, boolean, int, string, bytes (bytes
as Base64). The data is {"bytes": b64}, {"json": value} for the schema's JSON-value branches (a
nested object inside a map is written as the schema's record, {"value": {...}}), or null.
"""
import base64
import json
import os
import sys

import fastavro

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "Data", "avro", "cloudevents.avsc")


def schema():
    with open(SCHEMA) as f:
        return fastavro.parse_schema(json.load(f))


def typed(value):
    if value is None:
        return ["null", None]
    if isinstance(value, bool):
        return ["boolean", value]
    if isinstance(value, int):
        return ["int", value]
    if isinstance(value, bytes):
        return ["bytes", base64.b64encode(value).decode("ascii")]
    return ["string", value]


def untyped(pair):
    kind, value = pair
    return base64.b64decode(value) if kind == "bytes" else value


def main():
    command = sys.argv[1]
    request = json.load(sys.stdin)
    parsed = schema()
    if command == "decode":
        import io
        record = fastavro.schemaless_reader(io.BytesIO(base64.b64decode(request["avro"])), parsed)
        data = record["data"]
        if isinstance(data, bytes):
            data = {"bytes": base64.b64encode(data).decode("ascii")}
        elif data is not None:
            data = {"json": data}
        json.dump({"attribute": {name: typed(value) for name, value in record["attribute"].items()}, "data": data},
                  sys.stdout)
    else:
        import io
        data = request["data"]
        if data is not None:
            data = base64.b64decode(data["bytes"]) if "bytes" in data else data["json"]
        record = {"attribute": {name: untyped(pair) for name, pair in request["attribute"].items()}, "data": data}
        output = io.BytesIO()
        fastavro.schemaless_writer(output, parsed, record)
        json.dump({"avro": base64.b64encode(output.getvalue()).decode("ascii")}, sys.stdout)


if __name__ == "__main__":
    main()
