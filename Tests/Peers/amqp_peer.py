"""The Python CloudEvents SDK's library-free AMQP codec (PyPI cloudevents 2.2.0,
cloudevents.core.bindings.amqp) as an independent peer for the AMQP interop tests.

    python3 amqp_peer.py decode                 < message.json   -> {"attributes": {...}, "data": b64|null}
    python3 amqp_peer.py binary|structured      < event.json     -> message.json

A message is {"properties": {"content-type": text|null}, "application-properties":
[[name, amqp type, value], ...], "body": b64|null}: the same form as `cloudevents encode
--binding amqp`. The AMQP type is one of null boolean ubyte ushort uint ulong byte short int long
float double char timestamp uuid binary string symbol; the value is a JSON bool for boolean, an
integer for the integer types and for timestamp (milliseconds since the epoch), a number for
float and double, a string for string, symbol, char and uuid (8-4-4-4-12), Base64 for binary,
null for null.

Values go between this form and Python as a real AMQP library (qpid-proton) maps them: a Python
bool is a boolean, an int a long, a str a string, bytes binary; an incoming timestamp is an int
(proton's `timestamp` is an int subclass), a symbol or char a str, a uuid a uuid.UUID.

An event is the JSON format, or {"event": <JSON format>, "binary": {name: b64}} to give the
event extension attributes holding bytes, which the JSON format cannot express. Decoded
attribute values are printed as [python type, value]: ["str", s], ["bool", b], ["int", n],
["bytes", b64], ["datetime", isoformat()], so the test sees exactly what the peer understood.
"""
import base64
import json
import sys
import uuid

from cloudevents.core.bindings import amqp
from cloudevents.core.formats.json import JSONFormat


class timestamp(int):
    """proton.timestamp: milliseconds since the epoch, an int subclass."""


class symbol(str):
    """proton.symbol: a str subclass."""


class char(str):
    """proton.char: a str subclass."""


def b64(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = value.encode("utf-8")
    return base64.b64encode(value).decode("ascii")


INTEGER_TYPES = {"ubyte", "ushort", "uint", "ulong", "byte", "short", "int", "long"}


def from_wire(kind, value):
    """An AMQP value in the JSON form as the Python value proton hands over."""
    if kind == "null":
        return None
    if kind == "boolean":
        return bool(value)
    if kind in INTEGER_TYPES:
        return int(value)
    if kind == "timestamp":
        return timestamp(value)
    if kind in ("float", "double"):
        return float(value)
    if kind == "string":
        return str(value)
    if kind == "symbol":
        return symbol(value)
    if kind == "char":
        return char(value)
    if kind == "uuid":
        return uuid.UUID(value)
    if kind == "binary":
        return base64.b64decode(value)
    raise ValueError(f"unknown AMQP type {kind}")


def to_wire(value):
    """A Python value as proton would send it, in the JSON form."""
    if value is None:
        return "null", None
    if isinstance(value, bool):
        return "boolean", value
    if isinstance(value, timestamp):
        return "timestamp", int(value)
    if isinstance(value, int):
        return "long", value
    if isinstance(value, float):
        return "double", value
    if isinstance(value, symbol):
        return "symbol", str(value)
    if isinstance(value, char):
        return "char", str(value)
    if isinstance(value, str):
        return "string", value
    if isinstance(value, (bytes, bytearray)):
        return "binary", b64(bytes(value))
    if isinstance(value, uuid.UUID):
        return "uuid", str(value)
    raise TypeError(f"proton cannot send {type(value).__name__}")


def shown(value):
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, int):
        return ["int", int(value)]
    if isinstance(value, (bytes, bytearray)):
        return ["bytes", b64(bytes(value))]
    if hasattr(value, "isoformat"):
        return ["datetime", value.isoformat()]
    return [type(value).__name__, str(value)]


def main():
    command = sys.argv[1]
    request = json.load(sys.stdin)
    event_format = JSONFormat()
    if command == "decode":
        body = request["body"]
        message = amqp.AMQPMessage(
            properties={} if request["properties"].get("content-type") is None
            else {"content-type": request["properties"]["content-type"]},
            application_properties={name: from_wire(kind, value)
                                    for name, kind, value in request["application-properties"]},
            application_data=b"" if body is None else base64.b64decode(body),
        )
        event = amqp.from_amqp(message, event_format)
        data = event.get_data()
        if isinstance(data, (dict, list)):
            data = json.dumps(data, separators=(",", ":"))
        json.dump({"attributes": {k: shown(v) for k, v in event.get_attributes().items()}, "data": b64(data)},
                  sys.stdout)
    else:
        binary = {}
        if "event" in request:
            binary = request.get("binary", {})
            request = request["event"]
        event = event_format.read(None, json.dumps(request).encode("utf-8"))
        if binary:
            attributes = dict(event.get_attributes())
            attributes.update({name: base64.b64decode(value) for name, value in binary.items()})
            event = type(event)(attributes, event.get_data())
        encode = amqp.to_binary if command == "binary" else amqp.to_structured
        message = encode(event, event_format)
        json.dump({
            "properties": {"content-type": message.properties.get("content-type")},
            "application-properties": [[name, *to_wire(value)]
                                       for name, value in message.application_properties.items()],
            "body": b64(message.application_data),
        }, sys.stdout)


if __name__ == "__main__":
    main()
