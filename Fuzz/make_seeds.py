#!/usr/bin/env python3
"""Writes the seed corpora in Fuzz/Corpus/<target>/ (checked in; rerun after changing this).

Seeds are small, valid inputs made from the reference event (Tests/Data/bench/medium_event.json)
and the upstream conformance cases (Sources/CloudEventsConformance/Cases), plus a few edge cases per target; libFuzzer mutates
from there. Generated corpora from fuzzing runs are never written here (scripts/fuzz.sh uses a
temporary directory).
"""
import base64
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_DATA = os.path.normpath(os.path.join(HERE, "..", "Tests", "Data"))
CORPUS = os.path.join(HERE, "Corpus")


def write(target, name, data):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


medium = open(os.path.join(TEST_DATA, "bench", "medium_event.json"), "rb").read().strip()

# The conformance events (yaml/v1.yaml, v03.yaml, v1.0/v1_minimum.yaml), written as JSON here
# rather than parsed from YAML, so this script needs nothing beyond Python's standard library.
conformance_v1 = {
    "specversion": "1.0", "type": "com.example.someevent", "time": "2018-04-05T03:56:24Z",
    "id": "4321-4321-4321", "source": "/mycontext/subcontext", "comexampleextension1": "value",
    "comexampleextension2": '{"othervalue": 5}\n', "data": {"world": "hello"},
}
conformance_v03 = dict(conformance_v1, specversion="0.3")
minimum_text = {
    "specversion": "1.0", "type": "io.cloudevents.minimum", "id": "conformance-0002",
    "source": "//github.com/cloudevents/cloudeventsconformance/yaml/v1.yaml",
    "datacontenttype": "text/plain; charset=utf-8", "data": "Hello, \U0001F30E!\n",
}
minimum_xml = dict(minimum_text, id="conformance-0006", datacontenttype="application/xml; charset=utf-8",
                   data="<msg>Hello, \U0001F30E!</msg>\n")
minimal = {"specversion": "1.0", "id": "1", "source": "/s", "type": "t"}
binary_data = dict(minimal, datacontenttype="application/octet-stream",
                   data_base64=base64.b64encode(bytes(range(0, 256, 17))).decode())
v03_base64 = {"specversion": "0.3", "id": "2", "source": "urn:x", "type": "t", "schemaurl": "/schema",
              "datacontentencoding": "base64", "datacontenttype": "image/png", "data": "iVBORw0KGgo="}
# Data whose kind binary mode re-derives from Content-Type: Base64 bytes under a JSON type
# (binary mode refuses them when they are not JSON), text under a non-textual type.
base64_under_json = dict(minimal, datacontenttype="application/json", data_base64="AAECAw==")
text_as_octets = dict(minimal, datacontenttype="application/octet-stream", data="not JSON")
edge = ('{ "specversion" : "1.0" , "id" : "\\u00e9\\ud83d\\ude00\\"\\\\\\/\\b\\f\\n\\r\\t" , '
        '"source" : "https://example.com/a?b=c#d" , "type" : "t" , "subject" : null , '
        '"time" : "1985-04-12T23:20:50.52z" , "count" : -2147483648 , "flag" : false , '
        '"gone" : null , "data" : [ 1.5e-3 , -0 , { "" : [ ] } , "x" , true , null ] }')

json_events = {
    "medium.json": medium,
    "minimal.json": compact(minimal),
    "conformance_v1.json": compact(conformance_v1),
    "conformance_v03.json": compact(conformance_v03),
    "minimum_text.json": compact(minimum_text),
    "minimum_xml.json": compact(minimum_xml),
    "data_base64.json": compact(binary_data),
    "v03_base64.json": compact(v03_base64),
    "edge.json": edge,
    "base64_under_json.json": compact(base64_under_json),
    "text_as_octets.json": compact(text_as_octets),
}

for target in ("FuzzJSONEvent", "FuzzHTTPStructured"):
    for name, data in json_events.items():
        write(target, name, data)

write("FuzzJSONBatch", "empty.json", "[]")
write("FuzzJSONBatch", "one.json", "[" + compact(minimal) + "]")
write("FuzzJSONBatch", "mixed.json",
      "[" + ",".join([compact(conformance_v1), compact(v03_base64), compact(minimum_text)]) + "]")
write("FuzzJSONBatch", "medium_pair.json", b"[ " + medium + b" ,\n" + compact(binary_data).encode() + b" ]")
write("FuzzJSONBatch", "edge.json", "[" + edge + "]")


def http(headers, body=b""):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return "".join(f"{name}: {value}\n" for name, value in headers).encode("utf-8") + b"\n" + body


feature_headers = [
    ("ce-specversion", "1.0"), ("ce-type", "com.example.someevent"), ("ce-time", "2018-04-05T03:56:24Z"),
    ("ce-id", "1234-1234-1234"), ("ce-source", "/mycontext/subcontext"),
]
write("FuzzHTTPBinary", "feature_binary.http",
      http(feature_headers + [("Content-Type", "application/json; charset=utf-8")],
           '{\n    "message": "Hello World!"\n}\n'))
write("FuzzHTTPBinary", "conformance_binary.http",
      http(feature_headers + [("ce-comexampleextension1", "value"),
                              ("ce-comexampleextension2", "%7B%22othervalue%22:%205%7D"),
                              ("user-agent", "foo"), ("content-type", "application/json")],
           '{"world":"hello"}'))
write("FuzzHTTPBinary", "text_percent.http",
      http([("ce-specversion", "1.0"), ("ce-id", "Euro%20%E2%82%AC%20%F0%9F%98%80"), ("ce-source", "urn:a"),
            ("ce-type", '"quoted \\"value\\" 100%25"'), ("ce-subject", "s"), ("ce-dataschema", "https://x/s"),
            ("ce-count", "-7"), ("content-type", "text/plain; charset=utf-8")], "Hello, \U0001F30E!"))
write("FuzzHTTPBinary", "v03_base64.http",
      http([("ce-specversion", "0.3"), ("ce-id", "2"), ("ce-source", "/s"), ("ce-type", "t"),
            ("ce-schemaurl", "/schema"), ("ce-datacontentencoding", "base64"),
            ("content-type", "application/octet-stream")], "AAECAwQ="))
write("FuzzHTTPBinary", "binary_body.http",
      http([("ce-specversion", "1.0"), ("ce-id", "3"), ("ce-source", "/s"), ("ce-type", "t")], bytes(range(256))))
write("FuzzHTTPBinary", "structured.http",
      http([("Content-Type", "application/cloudevents+json; charset=UTF-8")], compact(conformance_v1)))
write("FuzzHTTPBinary", "batch.http",
      http([("content-type", "Application/CloudEvents-Batch+JSON")], "[" + compact(minimal) + "]"))

def kafka(headers, value=None):
    """A FuzzKafka input: `name:value` header lines, then an empty line and the record value."""
    text = "".join(f"{name}:{value}\n" for name, value in headers).encode("utf-8")
    if value is None:
        return text
    if isinstance(value, str):
        value = value.encode("utf-8")
    return text + b"\n" + value


kafka_headers = [("ce_specversion", "1.0"), ("ce_id", "1234-1234-1234"), ("ce_type", "com.example.someevent"),
                 ("ce_source", "/mycontext/subcontext"), ("ce_time", "2018-04-05T03:56:24Z")]
write("FuzzKafka", "feature_binary.kafka",
      kafka(kafka_headers + [("content-type", "application/json")], '{"message": "Hello World!"}'))
write("FuzzKafka", "utf8_values.kafka",
      kafka(kafka_headers + [("ce_subject", "Grüße 🌍"), ("ce_partitionkey", "customer-7"), ("ce_count", "-7"),
                             ("content-type", "text/plain; charset=utf-8")], "Hello, \U0001F30E!"))
write("FuzzKafka", "tombstone.kafka", kafka(kafka_headers))
write("FuzzKafka", "v03_base64.kafka",
      kafka([("ce_specversion", "0.3"), ("ce_id", "2"), ("ce_source", "/s"), ("ce_type", "t"),
             ("ce_datacontentencoding", "base64"), ("content-type", "application/octet-stream")], "AAECAwQ="))
write("FuzzKafka", "structured.kafka",
      kafka([("content-type", "application/cloudevents+json; charset=UTF-8")], compact(conformance_v1)))

# FuzzNATS and FuzzMQTT use the same framing (for MQTT a `Content Type` line is the Content Type
# property, every other line a User Property).
nats_headers = [("ce-specversion", "1.0"), ("ce-id", "1234-1234-1234"), ("ce-type", "com.example.someevent"),
                ("ce-source", "/mycontext/subcontext"), ("ce-time", "2018-04-05T03:56:24Z")]
write("FuzzNATS", "feature_binary.nats",
      kafka(nats_headers + [("ce-datacontenttype", "application/json")], '{"message": "Hello World!"}'))
write("FuzzNATS", "percent_values.nats",
      kafka(nats_headers + [("ce-subject", "Gr%C3%BC%C3%9Fe%20%F0%9F%8C%8D"), ("CE-Count", "-7"),
                            ("ce-note", '"quoted %25 value"'), ("ce-datacontenttype", "text/plain")], "Hello"))
write("FuzzNATS", "v03_base64.nats",
      kafka([("ce-specversion", "0.3"), ("ce-id", "2"), ("ce-source", "/s"), ("ce-type", "t"),
             ("ce-datacontentencoding", "base64"), ("ce-datacontenttype", "application/octet-stream")], "AAECAwQ="))
write("FuzzNATS", "structured.nats",
      kafka([("Content-Type", "application/cloudevents+json; charset=UTF-8")], compact(conformance_v1)))
write("FuzzNATS", "headerless.nats", b"\n" + compact(conformance_v1).encode("utf-8"))

mqtt_properties = [("specversion", "1.0"), ("id", "1234-1234-1234"), ("type", "com.example.someevent"),
                   ("source", "/mycontext/subcontext"), ("time", "2018-04-05T03:56:24Z")]
write("FuzzMQTT", "feature_binary.mqtt",
      kafka(mqtt_properties + [("Content Type", "application/json")], '{"message": "Hello World!"}'))
write("FuzzMQTT", "utf8_values.mqtt",
      kafka(mqtt_properties + [("subject", "Grüße 🌍"), ("count", "-7"), ("Trace-Id", "abc"),
                               ("datacontenttype", "text/plain"), ("Content Type", "text/plain")], "Hello"))
write("FuzzMQTT", "v03_base64.mqtt",
      kafka([("specversion", "0.3"), ("id", "2"), ("source", "/s"), ("type", "t"),
             ("datacontentencoding", "base64"), ("Content Type", "application/octet-stream")], "AAECAwQ="))
write("FuzzMQTT", "structured.mqtt",
      kafka([("Content Type", "application/cloudevents+json; charset=UTF-8")], compact(conformance_v1)))

def amqp(content_type, properties, body=None):
    """A FuzzAMQP input: `P:<content-type>` for the properties section's content-type, then
    `<type> <name>=<value>` application property lines, then an empty line and the data section
    (none when the input has no empty line)."""
    text = "" if content_type is None else f"P:{content_type}\n"
    text += "".join(f"{kind} {name}={value}\n" for kind, name, value in properties)
    data = text.encode("utf-8")
    if body is None:
        return data
    if isinstance(body, str):
        body = body.encode("utf-8")
    return data + b"\n" + body


amqp_properties = [("string", "cloudEvents_specversion", "1.0"), ("string", "cloudEvents_id", "1234-1234-1234"),
                   ("symbol", "cloudEvents_type", "com.example.someevent"),
                   ("string", "cloudEvents_source", "/mycontext/subcontext"),
                   ("timestamp", "cloudEvents_time", "1522900584000")]
write("FuzzAMQP", "feature_binary.amqp",
      amqp("application/json; charset=utf-8", amqp_properties, '{"message": "Hello World!"}'))
write("FuzzAMQP", "colon_strings.amqp",
      amqp("text/plain; charset=utf-8",
           [("string", "cloudEvents:specversion", "1.0"), ("string", "cloudEvents:id", "Grüße 🌍"),
            ("string", "cloudEvents:source", "urn:a"), ("string", "cloudEvents:type", "t"),
            ("string", "cloudEvents:time", "2024-05-20T14:23:18.123456789+08:00"),
            ("string", "cloudEvents:count", "-7"), ("string", "cloudEvents:flag", "true")], "Hello, \U0001F30E!"))
write("FuzzAMQP", "native_types.amqp",
      amqp(None, amqp_properties + [("boolean", "cloudEvents_flag", "true"), ("long", "cloudEvents_count", "-7"),
                                    ("ubyte", "cloudEvents_small", "200"), ("binary", "cloudEvents_blob", "\x00\xff"),
                                    ("timestamp", "cloudEvents_due", "-1"), ("string", "x-opt-other", "v"),
                                    ("double", "app", "1.5")], bytes(range(256))))
write("FuzzAMQP", "no_data.amqp", amqp(None, amqp_properties))
write("FuzzAMQP", "v03_base64.amqp",
      amqp("application/octet-stream",
           [("string", "cloudEvents_specversion", "0.3"), ("string", "cloudEvents_id", "2"),
            ("string", "cloudEvents_source", "/s"), ("string", "cloudEvents_type", "t"),
            ("string", "cloudEvents_datacontentencoding", "base64")], "AAECAwQ="))
write("FuzzAMQP", "structured.amqp",
      amqp("application/cloudevents+json; charset=UTF-8", [], compact(conformance_v1)))


def avro_long(value):
    """Avro's zig-zag variable-length long."""
    value = (value << 1) ^ (value >> 63)
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def avro_string(text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return avro_long(len(data)) + data


def avro(attributes, data_branch, data=b""):
    """A FuzzAvro input: the attribute map ((name, branch, value bytes)...), then the data union."""
    out = avro_long(len(attributes))
    for name, branch, value in attributes:
        out += avro_string(name) + avro_long(branch) + value
    if attributes:
        out += avro_long(0)
    return out + avro_long(data_branch) + data


avro_required = [("specversion", 3, avro_string("1.0")), ("id", 3, avro_string("1234-1234-1234")),
                 ("source", 3, avro_string("/mycontext/subcontext")), ("type", 3, avro_string("com.example.someevent"))]
write("FuzzAvro", "bytes_json.avro",
      avro(avro_required + [("datacontenttype", 3, avro_string("application/json")),
                            ("time", 3, avro_string("2024-05-20T14:23:18.123456789+08:00"))],
           0, avro_string('{"message": "Hello World!"}')))
write("FuzzAvro", "typed_extensions.avro",
      avro(avro_required + [("flag", 1, b"\x01"), ("count", 2, avro_long(-7)), ("blob", 4, avro_string(b"\x00\xff")),
                            ("note", 0, b"")], 1))
write("FuzzAvro", "json_value_map.avro",
      avro(avro_required, 3, avro_long(2) + avro_string("a") + avro_long(3) + b"\x00\x00\x00\x00\x00\x00\xf8\x3f"
           + avro_string("b") + avro_long(2) + avro_long(1) + avro_string("c") + avro_long(3) + avro_long(1)
           + avro_long(1) + avro_string("d") + avro_long(5) + avro_string("x") + avro_long(0)
           + avro_long(0) + avro_long(0) + avro_long(0)))
write("FuzzAvro", "string_data.avro", avro(avro_required, 6, avro_string("text ü")))
write("FuzzAvro", "v03.avro",
      avro([("specversion", 3, avro_string("0.3")), ("id", 3, avro_string("2")), ("source", 3, avro_string("/s")),
            ("type", 3, avro_string("t")), ("schemaurl", 3, avro_string("/schema"))], 0, avro_string(bytes(range(256)))))



def avro_compact(optional, time, extensions, data):
    """A FuzzAvro input in the Avro compact schema: id, source, type, the optional datacontenttype,
    dataschema and subject, the optional time (UTC microseconds), the extension map
    ((name, branch, value bytes)...), then the data union."""
    out = avro_string("1234-1234-1234") + avro_string("/mycontext/subcontext") + avro_string("com.example.someevent")
    for text in optional:
        out += avro_long(0) if text is None else avro_long(1) + avro_string(text)
    out += avro_long(0) if time is None else avro_long(1) + avro_long(time)
    out += avro_long(len(extensions))
    for name, branch, value in extensions:
        out += avro_string(name) + avro_long(branch) + value
    if extensions:
        out += avro_long(0)
    return out + (avro_long(1) if data is None else avro_long(0) + avro_string(data))


write("FuzzAvro", "compact_json.avro",
      avro_compact(["application/json", "https://example.com/s.json", "order-1"], 1716186198123456,
                   [("flag", 0, b"\x01"), ("count", 1, avro_long(-7)), ("due", 2, avro_long(-1)),
                    ("note", 3, avro_string("ü")), ("blob", 4, avro_string(b"\x00\xff"))],
                   '{"message": "Hello World!"}'))
write("FuzzAvro", "compact_minimal.avro", avro_compact([None, None, None], None, [], None))

for name, text in {
    "medium.txt": "2024-05-20T14:23:18.123456789+08:00",
    "utc.txt": "2018-04-05T03:56:24Z",
    "lower.txt": "1985-04-12t23:20:50.52z",
    "unknown_offset.txt": "1990-12-31T15:59:60-08:00",
    "negative_zero.txt": "2000-02-29T00:00:00.1-00:00",
    "year_zero.txt": "0000-01-01T00:00:00+23:59",
    "leap_second.txt": "2016-12-31T23:59:60.999999999Z",
}.items():
    write("FuzzTimestamp", name, text)

for name, text in {
    "plain.txt": "plain-ASCII!~",
    "utf8.txt": "Euro%20%E2%82%AC%20%f0%9f%98%80",
    "quoted.txt": '"say \\"hi\\" 100%25"',
    "percent.txt": "100%25",
    "raw_utf8.txt": "Zo\u00eb",
}.items():
    write("FuzzPercentDecoding", name, text)

# Protobuf: the schema's CloudEvent and CloudEventBatch messages, written field by field.
def pb_varint(value):
    value &= (1 << 64) - 1
    out = b""
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def pb_field(number, payload):
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    return pb_varint(number << 3 | 2) + pb_varint(len(payload)) + payload


def pb_varint_field(number, value):
    return pb_varint(number << 3) + pb_varint(value)


def pb_attribute(name, value):
    return pb_field(5, pb_field(1, name) + pb_field(2, value))


pb_required = (pb_field(1, "1234-1234-1234") + pb_field(2, "/mycontext/subcontext") + pb_field(3, "1.0")
               + pb_field(4, "com.example.someevent"))
pb_json = (pb_required + pb_attribute("datacontenttype", pb_field(3, "application/json"))
           + pb_attribute("time", pb_field(7, pb_varint_field(1, 1716186198) + pb_varint_field(2, 123456789)))
           + pb_field(7, '{"message": "Hello World!"}'))
write("FuzzProtobuf", "text_json.pb", pb_json)
write("FuzzProtobuf", "typed_extensions.pb",
      pb_required + pb_attribute("flag", pb_varint_field(1, 1)) + pb_attribute("count", pb_varint_field(2, -7))
      + pb_attribute("blob", pb_field(4, b"\x00\xff")) + pb_attribute("site", pb_field(5, "https://example.com/a"))
      + pb_attribute("ref", pb_field(6, "../b#c")) + pb_field(6, bytes(range(256))))
write("FuzzProtobuf", "proto_data.pb",
      pb_required + pb_field(8, pb_field(1, "https://type.googleapis.com/google.protobuf.Duration")
                             + pb_field(2, pb_varint_field(1, 5))))
write("FuzzProtobuf", "v03.pb",
      pb_field(1, "2") + pb_field(2, "/s") + pb_field(3, "0.3") + pb_field(4, "t")
      + pb_attribute("schemaurl", pb_field(6, "/schema")) + pb_field(6, b"\x01\x02"))
write("FuzzProtobuf", "batch.pb", pb_field(1, pb_json) + pb_field(1, pb_required))

# CESQL: one expression per TCK case (Tests/Data/cesql-tck), the parser's whole grammar.
import yaml  # PyYAML

tck = os.path.normpath(os.path.join(HERE, "..", "Tests", "Data", "cesql-tck"))
for file_name in sorted(os.listdir(tck)):
    if not file_name.endswith(".yaml"):
        continue
    with open(os.path.join(tck, file_name), encoding="utf-8") as handle:
        suite = yaml.safe_load(handle)
    for number, case in enumerate(suite.get("tests", [])):
        write("FuzzCESQL", f"{file_name[:-5]}_{number:02}.sql", str(case["expression"]))

if __name__ == "__main__":
    for target in sorted(os.listdir(CORPUS)):
        print(target, len(os.listdir(os.path.join(CORPUS, target))), "seeds")
