"""The Python CloudEvents SDK's library-free Kafka codec (PyPI cloudevents 2.2.0,
cloudevents.core.bindings.kafka) as an independent peer for the Kafka interop tests.

    python3 kafka_peer.py decode                 < message.json   -> {"attributes": {...}, "data": b64|null}
    python3 kafka_peer.py binary|structured      < event.json     -> message.json

A message is {"key": b64|null, "headers": [[name, b64], ...], "value": b64|null}; an event is
the JSON format. Attribute values are printed as the SDK holds them: str() of the value, and
isoformat() for a datetime, so the test sees exactly what the peer understood.
"""
import base64
import json
import sys

from cloudevents.core.bindings import kafka
from cloudevents.core.formats.json import JSONFormat


def b64(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = value.encode("utf-8")
    return base64.b64encode(value).decode("ascii")


def unb64(text):
    return None if text is None else base64.b64decode(text)


def text(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def main():
    command = sys.argv[1]
    request = json.load(sys.stdin)
    event_format = JSONFormat()
    if command == "decode":
        message = kafka.KafkaMessage(
            headers={name: unb64(value) for name, value in request["headers"]},
            key=unb64(request["key"]),
            value=unb64(request["value"]),
        )
        event = kafka.from_kafka(message, event_format)
        data = event.get_data()
        if isinstance(data, (dict, list)):
            data = json.dumps(data, separators=(",", ":"))
        json.dump({"attributes": {k: text(v) for k, v in event.get_attributes().items()}, "data": b64(data)},
                  sys.stdout)
    else:
        event = event_format.read(None, json.dumps(request).encode("utf-8"))
        encode = kafka.to_binary if command == "binary" else kafka.to_structured
        message = encode(event, event_format)
        json.dump({"key": b64(message.key), "headers": [[n, b64(v)] for n, v in message.headers.items()],
                   "value": b64(message.value)}, sys.stdout)


if __name__ == "__main__":
    main()
