"""A NATS peer for the interop tests, on the nats-py client (PyPI `nats-py`).

It writes and reads the CloudEvents NATS binding by hand, per the binding spec, so that the
Swift sender and receiver are checked against another implementation of the wire format:

    nats_peer.py publish URL SUBJECT          publishes a binary-mode and a structured-mode event
    nats_peer.py receive URL SUBJECT COUNT    prints "ready" once subscribed, then one JSON line
                                              with the COUNT messages received (headers, payload)
"""
import asyncio
import base64
import json
import sys

import nats


async def publish(url, subject):
    connection = await nats.connect(url)
    # Binary mode: every attribute a `ce-` header, percent-encoded; the data is the payload.
    await connection.publish(
        subject,
        b'{"from":"python"}',
        headers={
            "ce-specversion": "1.0",
            "ce-id": "py-1",
            "ce-source": "/python",
            "ce-type": "com.example.python",
            "ce-subject": "Gr%C3%BC%C3%9Fe%20%F0%9F%8C%8D",
            "ce-datacontenttype": "application/json",
            "ce-count": "7",
        },
    )
    # Structured mode: the JSON event format, with its media type.
    event = {
        "specversion": "1.0",
        "id": "py-2",
        "source": "/python",
        "type": "com.example.python",
        "datacontenttype": "application/json",
        "data": {"from": "python", "mode": "structured"},
    }
    await connection.publish(
        subject,
        json.dumps(event).encode(),
        headers={"Content-Type": "application/cloudevents+json; charset=utf-8"},
    )
    await connection.flush()
    await connection.close()


async def receive(url, subject, count):
    connection = await nats.connect(url)
    received = []
    done = asyncio.Event()

    async def handle(message):
        received.append(
            {
                "subject": message.subject,
                "headers": dict(message.headers or {}),
                "payload": base64.b64encode(message.data).decode(),
            }
        )
        if len(received) == count:
            done.set()

    await connection.subscribe(subject, cb=handle)
    await connection.flush()
    print("ready", flush=True)
    await asyncio.wait_for(done.wait(), timeout=60)
    print(json.dumps(received), flush=True)
    await connection.close()


def main():
    command, url, subject = sys.argv[1], sys.argv[2], sys.argv[3]
    if command == "publish":
        asyncio.run(publish(url, subject))
    elif command == "receive":
        asyncio.run(receive(url, subject, int(sys.argv[4])))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
