"""A CloudEvents WebSocket peer on Python's `websockets` (PyPI websockets==15.0.1), an independent
WebSocket implementation. It speaks the binding by hand: the `cloudevents.json` subprotocol, one
event in the JSON format per text message.

Commands (JSON on standard input, JSON on standard output):
  send     {"url", "events": [str]}      connects, sends each string as a text message, closes;
                                          answers {"subprotocol"}.
  receive  {"url", "count"}              connects, reads `count` messages, closes;
                                          answers {"subprotocol", "messages": [str], "kinds": [str]}.
  offer    {"url", "subprotocols": [str]} connects offering those, reads until closed;
                                          answers {"subprotocol", "code", "reason"}.
"""
import asyncio
import json
import sys

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


async def send(request):
    async with connect(request["url"], subprotocols=["cloudevents.json"], max_size=None, open_timeout=120, close_timeout=60) as ws:
        for event in request["events"]:
            await ws.send(event)
        return {"subprotocol": ws.subprotocol}


async def receive(request):
    messages, kinds = [], []
    async with connect(request["url"], subprotocols=["cloudevents.json"], max_size=None, open_timeout=120, close_timeout=60) as ws:
        while len(messages) < request["count"]:
            message = await ws.recv()
            kinds.append("text" if isinstance(message, str) else "binary")
            messages.append(message if isinstance(message, str) else message.decode("utf-8"))
        return {"subprotocol": ws.subprotocol, "messages": messages, "kinds": kinds}


async def offer(request):
    async with connect(request["url"], subprotocols=request["subprotocols"], open_timeout=120, close_timeout=60) as ws:
        try:
            while True:
                await ws.recv()
        except ConnectionClosed as closed:
            frame = closed.rcvd
            return {
                "subprotocol": ws.subprotocol,
                "code": frame.code if frame else None,
                "reason": frame.reason if frame else None,
            }


def main():
    command = sys.argv[1]
    request = json.loads(sys.stdin.read())
    handler = {"send": send, "receive": receive, "offer": offer}[command]
    print(json.dumps(asyncio.run(handler(request))))


if __name__ == "__main__":
    main()
