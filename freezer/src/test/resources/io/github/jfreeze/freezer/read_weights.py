# Reads an exported weights file with NumPy, independently of jfreeze, and prints every tensor as
# JSON: {name: {dtype, shape, hex | strings (base64)}}.
#   python3 read_weights.py npz FILE          NumPy's own np.load
#   python3 read_weights.py safetensors FILE  the documented layout: u64 LE header length, JSON
#                                             header, then the tensors' little-endian bytes
import base64
import json
import struct
import sys

import numpy as np

kind, path = sys.argv[1], sys.argv[2]
out = {}
if kind == "npz":
    with np.load(path, allow_pickle=False) as z:
        for name in z.files:
            a = z[name]
            entry = {"dtype": a.dtype.str, "shape": list(a.shape)}
            if a.dtype.kind == "S":
                entry["strings"] = [base64.b64encode(x).decode() for x in a.reshape(-1).tolist()]
            else:
                entry["hex"] = np.ascontiguousarray(a).tobytes().hex()
            out[name] = entry
else:
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    types = {"F16": "<f2", "F32": "<f4", "F64": "<f8", "I8": "|i1", "I16": "<i2", "I32": "<i4", "I64": "<i8",
             "U8": "|u1", "U16": "<u2", "U32": "<u4", "U64": "<u8", "BOOL": "|b1", "BF16": "<u2",
             "F8_E5M2": "|u1", "F8_E4M3": "|u1"}
    spans = []
    for name, v in header.items():
        if name == "__metadata__":
            continue
        begin, end = v["data_offsets"]
        spans.append((begin, end))
        a = np.frombuffer(data[begin:end], dtype=np.dtype(types[v["dtype"]])).reshape(v["shape"])
        out[name] = {"dtype": v["dtype"], "shape": list(a.shape), "hex": a.tobytes().hex()}
    # the format's own rule: the tensors tile the data exactly, no gap, no overlap
    at = 0
    for begin, end in sorted(spans):
        assert begin == at, f"gap or overlap at {at}"
        at = end
    assert at == len(data), f"data holds {len(data)} bytes, tensors cover {at}"
    out["__metadata__"] = header.get("__metadata__", {})
print(json.dumps(out))
