"""The Protobuf runtime for Python (PyPI protobuf 7.36.2), an independent implementation, reading
and writing the CloudEvents Protobuf schema (Sources/CloudEventsProtobuf/Proto/cloudevents.proto),
compiled here at run time by grpcio-tools (PyPI grpcio-tools 1.85.1) into a temporary folder, as a
peer for the Protobuf format's interop tests.

    python3 protobuf_peer.py decode < {"protobuf": b64}    -> {"events": [event]}
    python3 protobuf_peer.py decode-batch < {"protobuf": b64} -> {"events": [event, ...]}
    python3 protobuf_peer.py encode < {"events": [event]}  -> {"protobuf": b64}
    python3 protobuf_peer.py encode-batch < {"events": [event, ...]} -> {"protobuf": b64}

An event is {"id", "source", "spec_version", "type", "attributes": {name: [field, value]}, "data"}.
The field is the oneof's name (ce_boolean, ce_integer, ce_string, ce_bytes, ce_uri, ce_uri_ref,
ce_timestamp); bytes are Base64, a timestamp is [seconds, nanos]. The data is {"binary": b64},
{"text": str}, {"proto": [type_url, b64 value]} or null.
"""
import base64
import importlib
import json
import os
import sys
import tempfile

from grpc_tools import protoc

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO_DIR = os.path.join(HERE, "..", "..", "Sources", "CloudEventsProtobuf", "Proto")


def compiled():
    """Compiles the schema into a temporary folder and imports the generated module."""
    out = tempfile.mkdtemp(prefix="cloudevents-proto-")
    includes = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    status = protoc.main(
        ["protoc", "-I" + PROTO_DIR, "-I" + includes, "--python_out=" + out, "cloudevents.proto"]
    )
    if status != 0:
        raise SystemExit("protoc failed: %d" % status)
    sys.path.insert(0, out)
    return importlib.import_module("cloudevents_pb2")


def b64(data):
    return base64.b64encode(data).decode("ascii")


def describe(event):
    attributes = {}
    for name, value in event.attributes.items():
        field = value.WhichOneof("attr")
        item = getattr(value, field) if field else None
        if field == "ce_bytes":
            item = b64(item)
        elif field == "ce_timestamp":
            item = [item.seconds, item.nanos]
        attributes[name] = [field, item]
    kind = event.WhichOneof("data")
    data = None
    if kind == "binary_data":
        data = {"binary": b64(event.binary_data)}
    elif kind == "text_data":
        data = {"text": event.text_data}
    elif kind == "proto_data":
        data = {"proto": [event.proto_data.type_url, b64(event.proto_data.value)]}
    return {
        "id": event.id,
        "source": event.source,
        "spec_version": event.spec_version,
        "type": event.type,
        "attributes": attributes,
        "data": data,
    }


def build(pb, description):
    event = pb.CloudEvent(
        id=description["id"],
        source=description["source"],
        spec_version=description["spec_version"],
        type=description["type"],
    )
    for name, (field, item) in description.get("attributes", {}).items():
        value = event.attributes[name]
        if field == "ce_bytes":
            value.ce_bytes = base64.b64decode(item)
        elif field == "ce_timestamp":
            value.ce_timestamp.seconds, value.ce_timestamp.nanos = item
        else:
            setattr(value, field, item)
    data = description.get("data")
    if data and "binary" in data:
        event.binary_data = base64.b64decode(data["binary"])
    elif data and "text" in data:
        event.text_data = data["text"]
    elif data and "proto" in data:
        event.proto_data.type_url = data["proto"][0]
        event.proto_data.value = base64.b64decode(data["proto"][1])
    return event


def main():
    command = sys.argv[1]
    request = json.load(sys.stdin)
    pb = compiled()
    if command in ("decode", "decode-batch"):
        data = base64.b64decode(request["protobuf"])
        if command == "decode":
            events = [pb.CloudEvent.FromString(data)]
        else:
            events = list(pb.CloudEventBatch.FromString(data).events)
        answer = {"events": [describe(event) for event in events]}
    elif command == "encode":
        answer = {"protobuf": b64(build(pb, request["events"][0]).SerializeToString(deterministic=True))}
    elif command == "encode-batch":
        batch = pb.CloudEventBatch(events=[build(pb, event) for event in request["events"]])
        answer = {"protobuf": b64(batch.SerializeToString(deterministic=True))}
    else:
        raise SystemExit("unknown command " + command)
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
