"""Typst after fork: a process forked after its parent compiled must still compile.

Typst's thread pool does not survive ``fork``; without the fresh-process path the child waits
forever (this stalled a CI run). The child here must finish in seconds.
"""

from __future__ import annotations

import os
import time

import pypdfium2 as pdfium

from build_tools.planning import typst_run
from build_tools.resources import fonts_dir


def _compile(tmp_path, text):
    source = tmp_path / f"doc-{os.getpid()}.typ"
    source.write_text(f'#set text(font: "DejaVu Sans")\n{text}\n', encoding="utf-8")
    return typst_run.compile_pdf(input=str(source), root=str(tmp_path), format="pdf",
                                 font_paths=[str(fonts_dir())], ignore_system_fonts=True)


def _text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    return document[0].get_textpage().get_text_range()


def test_a_child_forked_after_a_compilation_compiles(tmp_path):
    pdf, warnings = _compile(tmp_path, "Vorher")
    assert warnings == [] and "Vorher" in _text(pdf)
    result = tmp_path / "child.pdf"
    pid = os.fork()
    if pid == 0:  # the child: compile, write, leave without running pytest's teardown
        code = 1
        try:
            result.write_bytes(_compile(tmp_path, "Im Kind")[0])
            code = 0
        finally:
            os._exit(code)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise AssertionError("the forked process hung in Typst")
    assert os.waitstatus_to_exitcode(status) == 0
    assert "Im Kind" in _text(result.read_bytes())


def test_errors_and_warnings_come_back_from_the_fresh_process(tmp_path, monkeypatch):
    monkeypatch.setattr(typst_run, "_POOL_OWNER", -1)  # as in a forked child
    pdf, warnings = _compile(tmp_path, '#text(font: "Comic")[x]')
    assert pdf.startswith(b"%PDF") and any("Comic".lower() in w.lower() for w in warnings)
    try:
        _compile(tmp_path, '#image("fehlt.svg")')
    except typst_run.TypstFailed as error:
        assert "fehlt.svg" in str(error)
    else:
        raise AssertionError("a missing image must fail")
