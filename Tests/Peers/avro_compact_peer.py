"""fastavro (PyPI fastavro 1.9.7), an independent Avro implementation, reading and writing the
CloudEvents Avro compact schema (Tests/Data/avro/cloudevents-compact.avsc, a working draft) as a
peer for the Avro compact format's interop tests.

    python3 avro_compact_peer.py decode  < {"avro": b64}   -> record
    python3 avro_compact_peer.py encode  < record          -> {"avro": b64}

A record is {"id", "source", "type", "datacontenttype", "dataschema", "subject": text or null,
"time": UTC microseconds or null, "extensions": {name: [kind, value]}, "data": b64 or null}, an
extension's kind one of boolean, int, timestamp-micros (UTC microseconds), string, bytes (Base64).
fastavro itself turns timestamp-micros into and from timezone-aware datetimes.
"""
import base64
import datetime
import io
import json
import os
import sys

import fastavro

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "Data", "avro", "cloudevents-compact.avsc")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def micros(moment):
    return (moment - EPOCH) // datetime.timedelta(microseconds=1)


def moment(count):
    return EPOCH + datetime.timedelta(microseconds=count)


def typed(value):
    if isinstance(value, bool):
        return ["boolean", value]
    if isinstance(value, int):
        return ["int", value]
    if isinstance(value, datetime.datetime):
        return ["timestamp-micros", micros(value)]
    if isinstance(value, bytes):
        return ["bytes", base64.b64encode(value).decode("ascii")]
    return ["string", value]


def untyped(pair):
    kind, value = pair
    if kind == "bytes":
        return base64.b64decode(value)
    if kind == "timestamp-micros":
        return moment(value)
    return value


def main():
    command = sys.argv[1]
    request = json.load(sys.stdin)
    with open(SCHEMA) as f:
        parsed = fastavro.parse_schema(json.load(f))
    if command == "decode":
        record = fastavro.schemaless_reader(io.BytesIO(base64.b64decode(request["avro"])), parsed)
        record["time"] = None if record["time"] is None else micros(record["time"])
        record["extensions"] = {name: typed(value) for name, value in record["extensions"].items()}
        if record["data"] is not None:
            record["data"] = base64.b64encode(record["data"]).decode("ascii")
        json.dump(record, sys.stdout)
    else:
        record = dict(request)
        record["time"] = None if record["time"] is None else moment(record["time"])
        record["extensions"] = {name: untyped(pair) for name, pair in record["extensions"].items()}
        if record["data"] is not None:
            record["data"] = base64.b64decode(record["data"])
        output = io.BytesIO()
        fastavro.schemaless_writer(output, parsed, record)
        json.dump({"avro": base64.b64encode(output.getvalue()).decode("ascii")}, sys.stdout)


if __name__ == "__main__":
    main()
