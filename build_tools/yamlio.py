"""Read one YAML file safely and remember where every value stood.

PyYAML speaks YAML 1.1, where ``17:00`` is the integer 1020, ``01234`` is octal and ``no`` is
``False``. Editors mean the text they typed, so this loader resolves *no* implicit types: every
plain scalar stays the string the editor wrote (empty, ``~`` and ``null`` become ``None``), and
the schema converts numbers, booleans and dates where it wants them.

Anchors and aliases are refused (an alias bomb of 300 bytes expands to millions of nodes), so
are duplicate keys, unknown tags, oversized and non-UTF-8 files.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .memo import FORGETFUL, Memory
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


class _PlainResolver(yaml.resolver.Resolver):
    yaml_implicit_resolvers: dict = {}


try:  # libyaml's parser, when PyYAML was built with it: ten times faster on valid files
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - wheels for every platform we support ship libyaml
    _CParser = None

if _CParser is not None:

    class _FastLoader(yaml.composer.Composer, _PlainResolver, _CParser):
        """libyaml's events, PyYAML's Python composer (so our event checks still apply)."""

        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            _PlainResolver.__init__(self)

    class _CLoader(_CParser, _PlainResolver):
        """libyaml's events and libyaml's composer: for texts that cannot hold an anchor, an
        alias or deep flow nesting (:func:`_c_composer_allowed`), where the event checks have
        nothing to find. Twice as fast again as :class:`_FastLoader`."""

        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            _PlainResolver.__init__(self)
else:  # pragma: no cover
    _FastLoader = _CLoader = None


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
    if _fast_path_allowed(text):
        # Only a complete success of the fast path counts; anything else is parsed again by the
        # pure-Python loader, whose error messages and positions the corpus pins down.
        loader = _CLoader if _c_composer_allowed(text) else _FastLoader
        try:
            return _load(loader, text, source)
        except (_Unsure, YamlProblem, yaml.YAMLError, RecursionError, ValueError):
            pass
    return _load(_Loader, text, source)


# Where libyaml and PyYAML disagree (PyYAML refuses some trailing tabs, treats a BOM or odd
# line breaks differently), only PyYAML decides: its messages are the ones the corpus pins.
_SLOW_PATH_RE = re.compile("[\t\r\ufeff\x85\u2028\u2029]")


def _fast_path_allowed(text: str) -> bool:
    """True when libyaml may parse ``text`` (its results are proven equal in tests/loader)."""
    return _FastLoader is not None and not _SLOW_PATH_RE.search(text)


# Where an anchor (&a) or alias (*a) token can start: at a line start, or after white space,
# a flow indicator or ":" (a value indicator in flow context). "**fett**" inside a word, a
# price "2*3" or "A&B" cannot hold one; " **fett**" might, and takes the checked path.
_ANCHOR_OR_ALIAS_RE = re.compile(r"(?:^|[\s\[\]{},:])[&*]", re.M)


def _c_composer_allowed(text: str) -> bool:
    """True when libyaml may also compose ``text``: no place where an anchor or alias could
    start (so no alias bomb) and fewer flow brackets than the depth limit (libyaml's composer
    recurses per level; block nesting is bounded by the file size cap). Everything else goes
    through the event checks of :func:`_reject_anchors`."""
    return (not _ANCHOR_OR_ALIAS_RE.search(text)
            and text.count("[") + text.count("{") < MAX_DEPTH)


def _load(loader_class: type, text: str, source: str) -> LoadedYaml:
    marks = Marks()

    def fail(mark: yaml.Mark | None, message: str, fld: str = "") -> YamlProblem:
        line, col = _pos(mark)
        return YamlProblem(Problem(source, line, col, fld, message))

    try:
        loader = loader_class(text)
        try:
            _reject_anchors(loader, fail)
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark, message = _syntax_message(exc)
        raise fail(mark, f"YAML-Syntaxfehler: {message}") from None
    except yaml.reader.ReaderError as exc:  # control characters the YAML spec forbids
        line, col = _position_of_offset(text, exc.position)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise YamlProblem(
            Problem(source, line, col, "",
                    f"unsichtbares Steuerzeichen U+{ord(char):04X} in der Datei; bitte entfernen")
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises the two kinds above
        raise fail(None, f"ungültiges YAML ({_short(exc)})") from None
    except RecursionError:  # pragma: no cover - the depth check on events comes first
        raise fail(None, f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)") from None

    if node is None:
        raise fail(None, "die Datei ist leer")
    data = _to_python(node, (), marks, fail, depth=0, seen=set())
    return LoadedYaml(data=data, marks=marks, source=source, text=text)


def _reject_anchors(loader: _Loader, fail) -> None:
    """Check the event stream for anchors, aliases and nesting depth before composing anything."""
    # Peeking does not consume events, but scanning them all would; so we check while the
    # composer pulls them, by wrapping the loader's event source. Checking depth here (not
    # only in _to_python) keeps PyYAML's recursive composer from ever going deep.
    original = loader.get_event
    depth = 0

    def checked_get_event():
        nonlocal depth
        event = original()
        if isinstance(event, yaml.AliasEvent):
            raise fail(event.start_mark, "YAML-Aliase (*name) sind nicht erlaubt; Wert ausschreiben")
        if getattr(event, "anchor", None):
            raise fail(event.start_mark, "YAML-Anker (&name) sind nicht erlaubt; Wert ausschreiben")
        if isinstance(event, yaml.CollectionStartEvent):
            if depth > MAX_DEPTH:
                raise fail(event.start_mark, f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        return event

    loader.get_event = checked_get_event  # type: ignore[method-assign]


_FLOW_CONTEXTS = {
    "while parsing a flow sequence": "die Liste [ … ] wird nicht geschlossen oder ein Komma fehlt",
    "while parsing a flow mapping": "die Zuordnung { … } wird nicht geschlossen oder ein Komma fehlt",
}


def _syntax_message(exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark | None, str]:
    """A German explanation of a PyYAML syntax error, and the mark the editor should look at."""
    problem, context = exc.problem or "", exc.context or ""
    at_problem = exc.problem_mark or exc.context_mark
    at_context = exc.context_mark or exc.problem_mark
    if "quoted scalar" in context and "end of stream" in problem:
        return at_context, "das Anführungszeichen wird nicht geschlossen"
    if context in _FLOW_CONTEXTS and problem.startswith("expected ','"):
        return at_context, _FLOW_CONTEXTS[context]
    if "while scanning an alias" in context or "while scanning an anchor" in context:
        return at_context, "'*' oder '&' am Anfang eines Werts: den Wert in Anführungszeichen setzen"
    if "while scanning a simple key" in context:
        return at_context, "Doppelpunkt fehlt (schlüssel: wert)"
    if problem == "mapping values are not allowed here":
        return at_problem, (
            "Doppelpunkt an unerwarteter Stelle: Einrückung prüfen oder Text mit „: “ "
            "in Anführungszeichen setzen"
        )
    if "'\\t'" in problem or "tab character" in problem:
        return at_problem, "Tabulator gefunden: zum Einrücken nur Leerzeichen verwenden"
    match = re.match(r"found character (.+) that cannot start any token", problem)
    if match:
        return at_problem, (
            f"das Zeichen {match.group(1)} darf keinen Wert beginnen: den Wert in "
            "Anführungszeichen setzen"
        )
    if "but found another document" in problem:
        return at_problem, "mehr als ein Dokument (---) in der Datei; erlaubt ist genau eines"
    if "unknown escape character" in problem:
        return at_problem, (
            "unbekannte Escape-Sequenz mit \\ in doppelten Anführungszeichen: "
            "\\ verdoppeln oder einfache Anführungszeichen verwenden"
        )
    if "chomping or indentation indicators" in problem:
        return at_problem, (
            "nach „|“ oder „>“ darf nur „-“, „+“ oder eine Ziffer stehen; "
            "der Text beginnt in der nächsten Zeile"
        )
    if "end of stream" in problem:
        return at_problem, "die Datei endet mitten in einem Wert"
    if problem.startswith(("expected <block end>", "expected the node content",
                           "did not find expected", "expected '<document start>'")):
        return at_problem, (
            "unerwarteter Inhalt: Einrückung prüfen oder den ganzen Wert in "
            "Anführungszeichen setzen"
        )
    return at_problem, f"ungültiges YAML ({problem or context})"


_BREAK_RE = re.compile(r"\r\n|\r|\n")


def _position_of_offset(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, col) of a character offset, counting line breaks as PyYAML does."""
    line, line_start = 1, 0
    for match in _BREAK_RE.finditer(text, 0, offset):
        line, line_start = line + 1, match.end()
    return line, offset - line_start + 1


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


class _Unsure(Exception):
    """The fast path met a node whose position libyaml reports differently: parse again."""


def _to_python(node: yaml.Node, path: Path_, marks: Marks, fail, depth: int, seen: set[int]) -> Any:
    if depth > MAX_DEPTH:
        raise fail(node.start_mark, f"zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen)")
    if not isinstance(node, yaml.ScalarNode):
        # A collection met twice is an alias: never expanded (an alias bomb), parsed again by
        # the checked path, which names it.
        if id(node) in seen:
            raise _Unsure()
        seen.add(id(node))
    marks.values[path] = _pos(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        if node.style == "" and node.start_mark.index == node.end_mark.index:
            # libyaml places empty values (``key:``) elsewhere than PyYAML does.
            raise _Unsure()
        if node.tag not in _PLAIN_TAGS and node.tag != "tag:yaml.org,2002:null":
            raise fail(node.start_mark, f"unbekanntes YAML-Tag {node.tag!r}")
        if node.tag == "tag:yaml.org,2002:null":
            return None
        if not node.style and node.value in _NULLS:  # plain: None (PyYAML) or "" (libyaml)
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise fail(node.start_mark, f"unbekanntes YAML-Tag {node.tag!r}")
        return [
            _to_python(item, (*path, i), marks, fail, depth + 1, seen) for i, item in enumerate(node.value)
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
            result[key] = _to_python(value_node, (*path, key), marks, fail, depth + 1, seen)
        return result
    raise fail(node.start_mark, "unbekannter YAML-Knoten")  # pragma: no cover - PyYAML has 3 kinds


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted_path = _dotted


_READ_ERRORS = {
    errno.EACCES: "keine Leserechte",
    errno.EPERM: "keine Leserechte",
    errno.ENOENT: "Datei verschwunden",
    errno.ELOOP: "symbolische Links sind nicht erlaubt",
    errno.EISDIR: "ist ein Ordner, keine Datei",
}
# Line breaks for PyYAML but not for most editors: they would shift every line number after
# them, and they have no place in a directory entry.
_ODD_BREAKS_RE = re.compile("[\x85\u2028\u2029]")


def read_text_file(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a content file as UTF-8 (a BOM is tolerated), enforcing the size cap.

    Only regular files are read (a symlink could point out of content/, a FIFO would block,
    a device never ends), and never more than ``max_bytes`` + 1 bytes, even if the file grows
    between the size check and the read.
    """

    def problem(message: str, line: int = 1, col: int = 1) -> YamlProblem:
        return YamlProblem(Problem(display, line, col, "", message))

    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            raise problem("symbolische Links sind nicht erlaubt")
        if not stat.S_ISREG(info.st_mode):
            raise problem("keine normale Datei (Ordner, Gerät oder Pipe)")
        if info.st_size > max_bytes:
            raise problem(f"Datei zu groß ({info.st_size} Bytes, höchstens {max_bytes})")
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            # Ask for what stat promised (read(n) allocates n bytes up front), then for the
            # rest of the cap only if the file grew in between.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += handle.read(max_bytes + 1 - len(raw))
    except OSError as exc:
        raise problem(f"Datei nicht lesbar: {_READ_ERRORS.get(exc.errno, exc.strerror)}") from None
    if len(raw) > max_bytes:
        raise problem(f"Datei zu groß (mehr als {max_bytes} Bytes)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise problem("die Datei ist UTF-16-kodiert (als UTF-8 speichern)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        before = raw[line_start : exc.start].removeprefix(b"\xef\xbb\xbf")
        col = len(before.decode("utf-8", "replace")) + 1
        raise problem(
            "die Datei ist nicht UTF-8-kodiert (als UTF-8 speichern)", line, col
        ) from None
    if "\x00" in text:
        line, col = _position_of_offset(text, text.index("\x00"))
        raise problem("die Datei enthält ein NUL-Zeichen", line, col)
    odd = _ODD_BREAKS_RE.search(text)
    if odd:
        line, col = _position_of_offset(text, odd.start())
        raise problem(
            f"unsichtbarer Zeilentrenner U+{ord(odd.group()):04X} in der Datei; bitte entfernen",
            line, col,
        )
    return text


def load_yaml_file(path: Path, display: str | None = None, memory: Memory = FORGETFUL) -> LoadedYaml:
    """Read and parse a YAML file; ``display`` is the name used in messages.

    Under ``mkdocs serve`` (a remembering ``memory``) an unchanged text is not parsed again;
    callers only read :class:`LoadedYaml`, and a problem is raised anew each time.
    """
    name = display or str(path)
    text = read_text_file(path, name)
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise YamlProblem(Problem(name, 1, 1, "", "die Datei ist leer"))
    return memory.recall("yaml", (text, name), lambda: load_yaml_text(text, name))
