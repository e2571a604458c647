"""Year records read and written outside kyniem, as another union's tools
would: the canonical bytes (RFC 8785, for records: objects, arrays,
strings, integers and literals), Ed25519 through python3-nacl, the JSON
Schema through python3-jsonschema.

Usage:
  recordtool.py validate SCHEMA FILE...   every error, then exit 1
  recordtool.py verify FILE [PUBKEY]      exit 0 if the signature holds
                                          (with the record's own key, or
                                          PUBKEY, which it must be)
  recordtool.py sign KEYFILE FILE         the record signed anew with a
                                          kyniem key file, on stdout
  recordtool.py canon FILE                the canonical bytes, on stdout
  recordtool.py set FILE PATH JSON        FILE with the value at PATH
                                          (a.b.0.c) replaced, on stdout
"""
import base64
import json
import sys


def canon_str(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
                        "\t": "\\t"}[ch])
        elif o < 0x20:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canon(v):
    if isinstance(v, dict):
        names = sorted(v, key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(canon_str(k) + ":" + canon(v[k])
                              for k in names) + "}"
    if isinstance(v, list):
        return "[" + ",".join(canon(x) for x in v) + "]"
    if isinstance(v, str):
        return canon_str(v)
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    raise ValueError("a real number: records have none")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def signed_bytes(doc):
    body = {k: v for k, v in doc.items() if k != "signature"}
    return canon(body).encode("utf-8")


def cmd_validate(schema_path, files):
    import jsonschema
    schema = load(schema_path)
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in files:
        for e in sorted(v.iter_errors(load(path)), key=str):
            bad += 1
            where = "/".join(str(p) for p in e.absolute_path)
            print("%s: %s: %s" % (path, where or "(top)", e.message))
    return 1 if bad else 0


def cmd_verify(path, pub=None):
    import nacl.exceptions
    import nacl.signing
    doc = load(path)
    sig = doc.get("signature")
    if sig is None:
        print("%s: not signed" % path)
        return 1
    if pub is not None and sig["key"] != pub:
        print("%s: signed with %s, not %s" % (path, sig["key"], pub))
        return 1
    key = nacl.signing.VerifyKey(base64.b64decode(sig["key"], validate=True))
    try:
        key.verify(signed_bytes(doc), base64.b64decode(sig["value"],
                                                       validate=True))
    except nacl.exceptions.BadSignatureError:
        print("%s: bad signature" % path)
        return 1
    return 0


def cmd_sign(keyfile, path):
    import nacl.signing
    seed = None
    with open(keyfile, encoding="ascii") as f:
        for line in f:
            if line.startswith("seed "):
                seed = base64.b64decode(line.split()[1], validate=True)
    sk = nacl.signing.SigningKey(seed)
    doc = load(path)
    doc.pop("signature", None)
    sig = sk.sign(signed_bytes(doc)).signature
    doc["signature"] = {
        "alg": "ed25519",
        "key": base64.b64encode(bytes(sk.verify_key)).decode(),
        "value": base64.b64encode(sig).decode(),
    }
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return 0


def cmd_set(path, where, value):
    doc = load(path)
    parts = where.split(".")
    node = doc
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = json.loads(value)
    else:
        node[last] = json.loads(value)
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "validate":
        return cmd_validate(argv[2], argv[3:])
    if len(argv) in (3, 4) and argv[1] == "verify":
        return cmd_verify(*argv[2:])
    if len(argv) == 4 and argv[1] == "sign":
        return cmd_sign(argv[2], argv[3])
    if len(argv) == 3 and argv[1] == "canon":
        sys.stdout.buffer.write(signed_bytes(load(argv[2])))
        return 0
    if len(argv) == 5 and argv[1] == "set":
        return cmd_set(argv[2], argv[3], argv[4])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
