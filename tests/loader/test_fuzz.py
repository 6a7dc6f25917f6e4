"""Property-based: whatever text, bytes or YAML structure arrives, the loader answers with data
or with a Problem — never with an exception."""

from __future__ import annotations

import os
import string
import tempfile
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
from build_tools.problems import Problem
from build_tools.yamlio import YamlProblem, load_yaml_file, load_yaml_text
from tests.corpus.harness import FIXTURE, make_content

FAST = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])

# Characters that mean something to YAML, so random text hits the parser's corners.
YAML_ALPHABET = st.sampled_from(
    list(":-[]{}&*!|>'\"#%@`?,~ \n\t\r\\.0123456789abcnoyes<=") + ["\ufeff", "\u2028", "\x85",
                                                                     "\x00", "\x07", "é", "🍲"]
)
yamlish = st.lists(YAML_ALPHABET, max_size=120).map("".join)
any_text = st.one_of(st.text(max_size=200), yamlish)


def _loads(text: str):
    try:
        return load_yaml_text(text, "f.yml")
    except YamlProblem as exc:
        assert isinstance(exc.problem, Problem)
        assert exc.problem.line >= 1 and exc.problem.col >= 1
        assert "\n" not in exc.problem.format_text()
        return None


@FAST
@given(any_text)
def test_any_text_gives_data_or_a_problem(text: str) -> None:
    _loads(text)


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_give_data_or_a_problem(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.yml"
        path.write_bytes(data)
        try:
            load_yaml_file(path, "f.yml")
        except YamlProblem as exc:
            assert exc.problem.file == "f.yml"


leaf = st.one_of(st.none(), st.text(max_size=30))
keys = st.text(max_size=12).filter(lambda k: k != "<<")
structures = st.recursive(
    leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=25,
)


@FAST
@given(structures)
def test_dumped_structures_load_back_unchanged(data) -> None:
    """Text and null survive a round trip exactly: no implicit typing, nothing lost."""
    text = yaml.safe_dump(data, allow_unicode=False)
    loaded = _loads(text)
    if loaded is not None:  # only refusal: nesting deeper than the limit (not generated here)
        assert loaded.data == data


any_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
    st.dates().map(str), st.sampled_from(["17:00", "01234", "no", "on", "1e3", "0x1F", ".nan"]),
)
any_value = st.recursive(
    any_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)
OFFER_KEYS = ["id", "title", "summary", "description", "category", "also_categories",
              "target_groups", "tags", "provider", "location", "service_area", "opening_hours",
              "hours_note", "season", "valid_from", "valid_until", "status", "alert", "contact",
              "languages", "costs", "access", "last_verified", "related", "aliases", "translations"]
offers = st.dictionaries(st.sampled_from(OFFER_KEYS), any_value, max_size=12)


def _check_catalog(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = make_content(Path(folder))
        for name, data in files.items():
            (content / "offers" / name).write_bytes(data)
        before = Path.cwd()
        os.chdir(folder)
        try:
            result = load_catalog(Path("content"), AtlasConfig(), date(2026, 11, 22))
        finally:
            os.chdir(before)
        assert all(isinstance(p, Problem) for p in result.problems)
        for problem in result.problems:
            assert "\n" not in problem.format_text()
        assert (result.catalog is None) == any(p.severity == "error" for p in result.problems)


@SLOW
@given(st.lists(offers, min_size=1, max_size=3))
def test_arbitrary_offers_never_raise(items: list[dict]) -> None:
    files = {f"o{i}.yml": yaml.safe_dump(item, allow_unicode=True).encode() for i, item in enumerate(items)}
    _check_catalog(files)


@SLOW
@given(st.lists(st.one_of(any_text.map(str.encode), st.binary(max_size=200)), min_size=1, max_size=3))
def test_arbitrary_files_never_raise(items: list[bytes]) -> None:
    _check_catalog({f"{string.ascii_lowercase[i]}.yml": data for i, data in enumerate(items)})


def test_fixture_is_valid() -> None:
    """The fuzzing above starts from a clean fixture (so every problem comes from the input)."""
    result = load_catalog(FIXTURE, AtlasConfig(), date(2026, 11, 22))
    assert result.problems == [] and result.catalog is not None


def _both(text: str):
    """(fast result, pure-Python result): data and marks, or the problem each raised."""
    from build_tools import yamlio

    out = []
    loaders = (yamlio._CLoader if yamlio._c_composer_allowed(text) else yamlio._FastLoader, yamlio._Loader)
    for loader in loaders:
        try:
            loaded = yamlio._load(loader, text, "f.yml")
            out.append(("ok", loaded.data, loaded.marks.values, loaded.marks.keys))
        except YamlProblem as exc:
            out.append(("problem", exc.problem))
        except (yamlio._Unsure, yaml.YAMLError, RecursionError, ValueError) as exc:
            out.append(("raised", type(exc).__name__))
    return out


def _assert_equivalent(text: str) -> None:
    from build_tools import yamlio

    if not yamlio._fast_path_allowed(text):
        return
    fast, python = _both(text)
    # The fast path is used only when it succeeds. Where both succeed, data and every position
    # must agree; where only libyaml succeeds, it is the more faithful parser (PyYAML refuses a
    # few valid corners such as "|#"), and where it fails, PyYAML's message is the one shown.
    if fast[0] == "ok" and python[0] == "ok":
        assert fast == python


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_text, structures.map(lambda d: yaml.safe_dump(d, allow_unicode=True))))
def test_libyaml_fast_path_agrees_with_pure_python(text: str) -> None:
    """libyaml parses valid files ten times faster; its data and marks must be PyYAML's."""
    _assert_equivalent(text)


def test_libyaml_fast_path_agrees_on_the_corpus() -> None:
    from tests.corpus.harness import HERE

    for path in sorted((HERE / "broken").iterdir()) + sorted((HERE / "hostile").iterdir()):
        _assert_equivalent(path.read_text(encoding="utf-8"))
