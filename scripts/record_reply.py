"""Sends the reference event to a CloudEvents receiver in HTTP binary or structured mode and writes
its response to a file as `curl -si` prints it (status line, header lines, an empty line, the body):
the response LoadTestBaseline writes again in scripts/load-test.sh's `reply` scenario. The
response must be a 200 (a reply event).

    python3 scripts/record_reply.py MODE EVENT_FILE PORT OUTPUT_FILE
"""
import http.client, json, sys
mode, event_path, port, output = sys.argv[1:]
text = open(event_path, "rb").read().rstrip()
event = json.loads(text)
if mode == "binary":
    headers = {("Content-Type" if name == "datacontenttype" else "ce-" + name): value if isinstance(value, str) else json.dumps(value)
               for name, value in event.items() if name != "data"}
    body = json.dumps(event["data"], separators=(",", ":"), ensure_ascii=False).encode()
else:
    headers, body = {"Content-Type": "application/cloudevents+json"}, text
connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
connection.request("POST", "/", body, headers)
response = connection.getresponse()
payload = response.read()
with open(output, "wb") as file:
    file.write(f"HTTP/1.1 {response.status} {response.reason}\r\n".encode())
    for name, value in response.getheaders():
        file.write(f"{name}: {value}\r\n".encode())
    file.write(b"\r\n" + payload)
sys.exit(0 if response.status == 200 else f"the receiver answered {response.status}, not 200")
