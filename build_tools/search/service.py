"""Pagefind's service protocol, spoken directly: records in, in our order; bundle files out.

``pagefind --service`` reads requests on stdin and answers on stdout, each message a base64
JSON object followed by a comma; this is the protocol Pagefind's own Python and Node packages
speak. Their Python client reads one answer every 100 ms (1,000 records: 100 s), so this module
speaks it itself: all requests are written by a thread while the answers are read here, in the
order they were sent. Pages are added in the order given, so the index never depends on the
order a file system lists files in.
"""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


class ServiceError(RuntimeError):
    """Pagefind refused a request or ended early; the message says what it answered."""


def _encode(message_id: int, payload: dict[str, Any]) -> bytes:
    body = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False)
    return base64.b64encode(body.encode("utf-8")) + b","


def _answers(stream) -> Iterator[dict[str, Any]]:
    """Decoded messages from ``stream`` until it ends."""
    buffer = b""
    while True:
        chunk = stream.read1(1 << 20)
        if not chunk:
            return
        buffer += chunk
        *messages, buffer = buffer.split(b",")
        for message in messages:
            if message:
                yield json.loads(base64.b64decode(message))


def index_pages(binary: Path, pages: Iterable[tuple[str, str]], config: dict[str, Any] | None = None,
                env: dict[str, str] | None = None) -> list[tuple[str, bytes]]:
    """Index ``(url, html)`` pages with the binary; ``(bundle path, bytes)`` of every file.

    ``env`` is the binary's environment (None: this process's).
    """
    pages = list(pages)
    process = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdin is not None and process.stdout is not None
    try:
        answers = _answers(process.stdout)
        try:
            process.stdin.write(_encode(0, {"type": "NewIndex", "config": config or {}}))
            process.stdin.flush()
        except BrokenPipeError:
            pass  # the service ended at once: the first answer below says so
        index_id = _expect(answers, 0, "NewIndex", process)["index_id"]
        requests = [{"type": "AddFile", "index_id": index_id, "url": url, "file_path": None,
                     "file_contents": html} for url, html in pages]
        requests.append({"type": "GetFiles", "index_id": index_id})
        writer = threading.Thread(target=_write_all, args=(process.stdin, requests), daemon=True)
        writer.start()
        for number in range(1, len(pages) + 1):
            _expect(answers, number, "IndexedFile", process)
        files = _expect(answers, len(pages) + 1, "GetFiles", process)["files"]
        writer.join()
        return [(item["path"], base64.b64decode(item["content"])) for item in files]
    finally:
        process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):  # a dead service: closing cannot flush
                    stream.close()


def _write_all(stdin, requests: list[dict[str, Any]]) -> None:
    try:
        for number, payload in enumerate(requests, start=1):
            stdin.write(_encode(number, payload))
        stdin.flush()
    except (BrokenPipeError, ValueError):  # the reader saw the service end and says why
        pass


def _expect(answers: Iterator[dict[str, Any]], message_id: int, kind: str,
            process: subprocess.Popen) -> dict[str, Any]:
    """The next answer, which must be ``kind`` for ``message_id``."""
    try:
        answer = next(answers)
    except StopIteration:
        code = process.wait()
        said = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
        raise ServiceError(f"Pagefind hat sich vor Antwort {message_id} beendet (Code {code})"
                           + (f": {said}" if said else "")) from None
    payload = answer.get("payload") or {}
    if payload.get("type") == "Error":
        raise ServiceError(f"Pagefind: {payload.get('message')}")
    if payload.get("type") != kind or answer.get("message_id") != message_id:
        raise ServiceError(f"Pagefind antwortete {payload.get('type')!r} (#{answer.get('message_id')}) "
                           f"statt {kind!r} (#{message_id})")
    return payload
