"""Ways a PDF gets broken in the wild, each a pure function (bytes, random) -> bytes.

Cut-off downloads, flipped bits, hand-edited or badly written cross-reference
tables and stream lengths, a lost end marker, an incremental update written
twice, junk after the end, and a page tree with no pages. `make fuzz` applies
them to the shared PDFs (extract/reliability/fuzz.py).
"""
from __future__ import annotations

import random
import re
from typing import Callable

Mutation = Callable[[bytes, random.Random], bytes]

_LENGTH = re.compile(rb"/Length (\d+)")
_XREF_ENTRY = re.compile(rb"\d{10} \d{5} [nf]")
_STARTXREF = re.compile(rb"startxref\s+(\d+)")


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def break_xref(data: bytes, rng: random.Random) -> bytes:
    """Scramble offsets in the xref table, or point `startxref` somewhere wrong when there is no table."""
    entries = list(_XREF_ENTRY.finditer(data))
    out = bytearray(data)
    if entries:
        for m in rng.sample(entries, min(len(entries), rng.randint(1, 12))):
            out[m.start(): m.start() + 10] = b"%010d" % rng.randrange(len(data) * 2)
        return bytes(out)
    starts = list(_STARTXREF.finditer(data))
    if not starts:
        return flip_bytes(data, rng)
    m = starts[-1]
    return data[: m.start(1)] + str(rng.randrange(len(data) * 2)).encode() + data[m.end(1):]


def wrong_stream_length(data: bytes, rng: random.Random) -> bytes:
    lengths = list(_LENGTH.finditer(data))
    if not lengths:
        return flip_bytes(data, rng)
    out = data
    for m in sorted(rng.sample(lengths, min(len(lengths), rng.randint(1, 4))), key=lambda m: -m.start()):
        true = int(m.group(1))
        wrong = rng.choice([0, 1, true // 2, true + rng.randint(1, 64), true * 10 + 7, 2**31 + 5])
        out = out[: m.start(1)] + str(wrong).encode() + out[m.end(1):]
    return out


def delete_eof(data: bytes, rng: random.Random) -> bytes:
    at = data.rfind(b"%%EOF")
    return data if at < 0 else data[:at] + data[at + 5:]


def double_trailer(data: bytes, rng: random.Random) -> bytes:
    """The last trailer (or, for an xref-stream file, its startxref) written twice, as a botched incremental save."""
    at = data.rfind(b"trailer")
    if at < 0:
        at = data.rfind(b"startxref")
    return data + b"\n" + data[max(at, 0):]


def append_junk(data: bytes, rng: random.Random) -> bytes:
    return data + rng.randbytes(rng.randint(1, 64 * 1024))


def empty_page_tree(data: bytes, rng: random.Random) -> bytes:
    """The root page tree rewritten with no kids and a count of 0."""
    import pymupdf

    try:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            kind, ref = doc.xref_get_key(doc.pdf_catalog(), "Pages")
            pages = int(ref.split()[0])
            doc.xref_set_key(pages, "Kids", "[]")
            doc.xref_set_key(pages, "Count", "0")
            return doc.tobytes()
    except Exception:  # the source itself is too broken for the rewrite: empty every count in place
        return re.sub(rb"/Count \d+", b"/Count 0", data)


MUTATIONS: dict[str, Mutation] = {
    "truncate": truncate,
    "flip_bytes": flip_bytes,
    "break_xref": break_xref,
    "wrong_stream_length": wrong_stream_length,
    "delete_eof": delete_eof,
    "double_trailer": double_trailer,
    "append_junk": append_junk,
    "empty_page_tree": empty_page_tree,
}
