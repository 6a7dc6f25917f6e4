"""Read one YAML file safely and remember where every value stood.

PyYAML speaks YAML 1.1, where ``17:00`` is the integer 1020, ``01234`` is octal and ``no`` is
``False``. Editors mean the text they typed, so this loader resolves *no* implicit types: every
plain scalar stays the string the editor wrote (empty, ``~`` and ``null`` become ``None``), and
the schema converts numbers, booleans and dates where it wants them.

Anchors and aliases are refused (an alias bomb of 300 bytes expands to millions of nodes), so
are duplicate keys, unknown tags, oversized and non-UTF-8 files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32
_NULLS = {"", "~", "null", "Null", "NULL"}
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:timestamp",
}

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """A composer without implicit resolvers: plain scalars carry the plain ``str`` tag."""

    yaml_implicit_resolvers: dict = {}


@dataclass
class Marks:
    """1-based ``(line, col)`` of every value and every mapping key, by field path."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path_) -> tuple[int, int]:
        """Position of the value at ``path``, or of its nearest ancestor that exists."""
        return _nearest(self.values, path)

    def of_key(self, path: Path_) -> tuple[int, int]:
        """Position of the key that names ``path`` (falls back to the value's position)."""
        if path in self.keys:
            return self.keys[path]
        return self.of_value(path)


def _nearest(table: dict[Path_, tuple[int, int]], path: Path_) -> tuple[int, int]:
    for cut in range(len(path), -1, -1):
        if path[:cut] in table:
            return table[path[:cut]]
    return (1, 1)


class YamlProblem(Exception):
    """A file that cannot be read as data at all; carries one :class:`Problem`."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format_text())


@dataclass
class LoadedYaml:
    """The data of one file plus the marks that map field paths back to the source."""

    data: Any
    marks: Marks
    source: str
    text: str = ""

    def char_at(self, line: int, col: int) -> str:
        """The source character at a 1-based position ('' when out of range)."""
        lines = self.text.splitlines()
        if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
            return lines[line - 1][col - 1]
        return ""


def _pos(mark: yaml.Mark | None) -> tuple[int, int]:
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def load_yaml_text(text: str, source: str) -> LoadedYaml:
    """Parse ``text`` (already decoded) into plain Python data with :class:`Marks`.

    Raises :class:`YamlProblem` with an exact position for any syntax or policy violation.
    """
    marks = Marks()

    def fail(mark: yaml.Mark | None, message: str, fld: str = "") -> YamlProblem:
        line, col = _pos(mark)
        return YamlProblem(Problem(source, line, col, fld, message))

    try:
        loader = _Loader(text)
        try:
            _reject_anchors(loader, fail)
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "ungültiges YAML"
        raise fail(mark, f"YAML-Syntaxfehler: {reason}") from None
    except yaml.YAMLError as exc:  # ReaderError (control characters) and friends
        mark = getattr(exc, "position", None)
        line, col = _position_of_offset(text, mark) if isinstance(mark, int) else (1, 1)
        raise YamlProblem(
            Problem(source, line, col, "", f"unlesbares Zeichen in der Datei ({_short(exc)})")
        ) from None
    except RecursionError:
        raise fail(None, "zu tief verschachtelt") from None

    if node is None:
        raise fail(None, "die Datei ist leer")
    data = _to_python(node, (), marks, fail, depth=0)
    return LoadedYaml(data=data, marks=marks, source=source, text=text)


def _reject_anchors(loader: _Loader, fail) -> None:
    """Scan the event stream once for anchors and aliases before composing anything."""
    # Peeking does not consume events, but scanning them all would; so we check while the
    # composer pulls them, by wrapping the loader's event source.
    original = loader.get_event

    def checked_get_event():
        event = original()
        if isinstance(event, yaml.AliasEvent):
            raise fail(event.start_mark, "YAML-Aliase (*name) sind nicht erlaubt; Wert ausschreiben")
        if getattr(event, "anchor", None):
            raise fail(event.start_mark, "YAML-Anker (&name) sind nicht erlaubt; Wert ausschreiben")
        return event

    loader.get_event = checked_get_event  # type: ignore[method-assign]


def _position_of_offset(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    col = offset - (before.rfind("\n") + 1) + 1
    return line, col


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _to_python(node: yaml.Node, path: Path_, marks: Marks, fail, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise fail(node.start_mark, f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")
    marks.values[path] = _pos(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _PLAIN_TAGS and node.tag != "tag:yaml.org,2002:null":
            raise fail(node.start_mark, f"unbekanntes YAML-Tag {node.tag!r}")
        if node.tag == "tag:yaml.org,2002:null":
            return None
        if node.style is None and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise fail(node.start_mark, f"unbekanntes YAML-Tag {node.tag!r}")
        return [
            _to_python(item, (*path, i), marks, fail, depth + 1) for i, item in enumerate(node.value)
        ]
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise fail(node.start_mark, f"unbekanntes YAML-Tag {node.tag!r}")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:null":
                raise fail(key_node.start_mark, "Schlüssel müssen einfache Namen sein")
            key = key_node.value
            if key == "<<":
                raise fail(key_node.start_mark, "YAML-Merge (<<) ist nicht erlaubt")
            if key in result:
                first = marks.keys[(*path, key)]
                raise fail(
                    key_node.start_mark,
                    f"Schlüssel {key!r} steht doppelt (zuerst in Zeile {first[0]})",
                    _dotted((*path, key)),
                )
            marks.keys[(*path, key)] = _pos(key_node.start_mark)
            result[key] = _to_python(value_node, (*path, key), marks, fail, depth + 1)
        return result
    raise fail(node.start_mark, "unbekannter YAML-Knoten")  # pragma: no cover - PyYAML has 3 kinds


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted_path = _dotted


def read_text_file(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a content file as UTF-8 (a BOM is tolerated), enforcing the size cap."""
    try:
        if path.is_symlink():
            raise YamlProblem(Problem(display, 1, 1, "", "symbolische Links sind nicht erlaubt"))
        size = path.stat().st_size
        if size > max_bytes:
            raise YamlProblem(
                Problem(display, 1, 1, "", f"Datei zu groß ({size} Bytes, höchstens {max_bytes})")
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(Problem(display, 1, 1, "", f"Datei nicht lesbar: {exc.strerror}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position_of_offset(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            Problem(display, line, col, "", "die Datei ist nicht UTF-8-kodiert (als UTF-8 speichern)")
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line, col = _position_of_offset(text, offset)
        raise YamlProblem(Problem(display, line, col, "", "die Datei enthält ein NUL-Zeichen"))
    return text


def load_yaml_file(path: Path, display: str | None = None) -> LoadedYaml:
    """Read and parse a YAML file; ``display`` is the name used in messages."""
    name = display or str(path)
    text = read_text_file(path, name)
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise YamlProblem(Problem(name, 1, 1, "", "die Datei ist leer"))
    return load_yaml_text(text, name)
