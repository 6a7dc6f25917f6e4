"""Make Pagefind 1.5.2's metadata file the same on every run, and small.

Pagefind lists the filters in its ``pagefind.<lang>_<hash>.pf_meta`` file in the order of a
hash map, which changes from run to run (fixed upstream after 1.5.2). This module sorts that
list, writes the file again under a name made from its content and points
``pagefind-entry.json`` at it, so the same records always give the same bundle.

Every first search loads that file whole, and it names every page's fragment with seven random
hex digits: 34 KB (gzip) of a first search at 5,000 offers. The fragments are renamed here to
one tag for the whole bundle (six digits of the hash of all fragments: any change renames all,
so no browser keeps an old one) and their page number in hex (``de_3f9a0c1f3``); gzip packs
those names into a third of the bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from typing import Any

SIGNATURE = b"pagefind_dcd"
PAGES = 1
"""Position of the page list in the metadata array: ``[fragment hash, word count]`` each."""
FILTERS = 3
"""Position of the filter list in the metadata array."""


class UnexpectedFormat(ValueError):
    """The metadata file is not what Pagefind 1.5.2 writes."""


def canonical_bundle(files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` (names below ``pagefind/``) with every language's metadata in a fixed order."""
    entry = json.loads(files["pagefind-entry.json"])
    out = dict(files)
    for language in entry["languages"].values():
        old = f"pagefind.{language['hash']}.pf_meta"
        prefix = language["hash"].split("_", 1)[0]
        data = canonical_meta(out.pop(old), out, prefix)
        language["hash"] = f"{prefix}_{hashlib.sha256(data).hexdigest()[:10]}"
        out[f"pagefind.{language['hash']}.pf_meta"] = data
    out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    return out


def canonical_meta(data: bytes, files: dict[str, bytes], prefix: str) -> bytes:
    """The metadata file with its filters sorted by name and short fragment names.

    The fragments in ``files`` are renamed to match (gzip without a timestamp).
    """
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise UnexpectedFormat("pf_meta ohne Pagefind-Signatur")
    value, end = _read(raw, len(SIGNATURE))
    if end != len(raw) or not isinstance(value, list) or len(value) <= FILTERS:
        raise UnexpectedFormat("pf_meta hat eine unbekannte Form")
    value[FILTERS] = sorted(value[FILTERS], key=lambda item: item[0])
    fragments = [files.pop(f"fragment/{page[0]}.pf_fragment") for page in value[PAGES]]
    tag = hashlib.sha256(b"".join(hashlib.sha256(f).digest() for f in fragments)).hexdigest()[:6]
    for number, (page, fragment) in enumerate(zip(value[PAGES], fragments, strict=True)):
        page[0] = f"{prefix}_{tag}{number:x}"
        files[f"fragment/{page[0]}.pf_fragment"] = fragment
    return gzip.compress(SIGNATURE + _write(value), mtime=0)


def _head(raw: bytes, at: int) -> tuple[int, int, int]:
    """Major type, argument and the position after the head."""
    first = raw[at]
    major, info = first >> 5, first & 31
    if info < 24:
        return major, info, at + 1
    sizes = {24: 1, 25: 2, 26: 4, 27: 8}
    if info not in sizes:
        raise UnexpectedFormat(f"CBOR-Kopf {first:#x} nicht unterstützt")
    size = sizes[info]
    return major, int.from_bytes(raw[at + 1:at + 1 + size], "big"), at + 1 + size


def _read(raw: bytes, at: int) -> tuple[Any, int]:
    major, arg, at = _head(raw, at)
    if major == 0:
        return arg, at
    if major == 1:
        return -1 - arg, at
    if major == 2:
        return raw[at:at + arg], at + arg
    if major == 3:
        return raw[at:at + arg].decode("utf-8"), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = _read(raw, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(arg):
            key, at = _read(raw, at)
            item, at = _read(raw, at)
            pairs.append((key, item))
        return _Map(pairs), at
    raise UnexpectedFormat(f"CBOR-Typ {major} nicht unterstützt")


class _Map(list):
    """A CBOR map, its pairs kept in their order."""


def _emit(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise UnexpectedFormat("Zahl zu groß")


def _write(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise UnexpectedFormat("CBOR-Wert nicht unterstützt")
    if isinstance(value, int):
        return _emit(0, value) if value >= 0 else _emit(1, -1 - value)
    if isinstance(value, bytes):
        return _emit(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _emit(3, len(data)) + data
    if isinstance(value, _Map):
        return _emit(5, len(value)) + b"".join(_write(k) + _write(v) for k, v in value)
    if isinstance(value, list):
        return _emit(4, len(value)) + b"".join(_write(item) for item in value)
    raise UnexpectedFormat(f"CBOR-Wert {type(value).__name__} nicht unterstützt")


