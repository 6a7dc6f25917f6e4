"""One Typst compilation, in this process or, where that would hang, in a fresh one.

Typst parallelises layout on a Rust thread pool (rayon) that it starts on first use and keeps.
``fork`` copies only the calling thread: a process forked after its parent compiled finds the
pool's bookkeeping but none of its threads, and waits for them forever (a CI run stalled so
until its time limit). Such a process compiles in a fresh interpreter (``python -m`` this
module: arguments as JSON on stdin, the PDF on stdout); every other one compiles here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import typst

_POOL_OWNER: int | None = None
"""The process in which Typst's thread pool was started (inherited, unchanged, by a fork)."""


class TypstFailed(RuntimeError):
    """Typst refused the document; the message is Typst's."""


def compile_pdf(**arguments) -> tuple[bytes, list[str]]:
    """``typst.compile_with_warnings(**arguments)``: the PDF and Typst's warnings as text.

    ``arguments`` must be JSON values (paths as strings). Raises :class:`TypstFailed`."""
    global _POOL_OWNER
    if _POOL_OWNER is not None and os.getpid() != _POOL_OWNER:
        return _in_fresh_process(arguments)
    _POOL_OWNER = os.getpid()
    try:
        pdf, warnings = typst.compile_with_warnings(**arguments)
    except typst.TypstError as error:
        raise TypstFailed(str(error)) from error
    return pdf, [str(w) for w in warnings]


def _in_fresh_process(arguments: dict) -> tuple[bytes, list[str]]:
    done = subprocess.run([sys.executable, "-m", __name__], input=json.dumps(arguments).encode(),
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise TypstFailed(done.stderr.decode("utf-8", "replace").strip())
    warnings = json.loads(done.stderr.decode("utf-8") or "[]")
    return done.stdout, warnings


def _main() -> int:
    arguments = json.loads(sys.stdin.buffer.read())
    try:
        pdf, warnings = compile_pdf(**arguments)
    except TypstFailed as error:
        sys.stderr.write(str(error))
        return 1
    sys.stderr.write(json.dumps(warnings))
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(_main())
