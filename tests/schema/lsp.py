"""Drive the real ``yaml-language-server`` (npm, in node_modules/) over stdio with LSP JSON-RPC.

Only what the tests need: ``initialize``, answer the server's ``workspace/configuration``
requests, ``didOpen`` each file, and collect ``textDocument/publishDiagnostics``. The schema is
associated the way editors do it: by the ``# yaml-language-server: $schema=...`` first line.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import time
from pathlib import Path

from ..conftest import ROOT

SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = {"validate": True, "hover": False, "completion": False, "format": {"enable": False},
            "schemaStore": {"enable": False}, "yamlVersion": "1.2"}


class ToolMissing(RuntimeError):
    """node or the npm package is not installed (the test must fail, never skip)."""


def command() -> list[str]:
    """The command line that starts the server, or :class:`ToolMissing` saying how to install."""
    node = shutil.which("node")
    if node is None:
        raise ToolMissing("node fehlt (Debian: apt-get install nodejs npm)")
    if not SERVER.exists():
        raise ToolMissing(f"{SERVER} fehlt: `npm ci` im Projektordner ausführen "
                          "(package.json, devDependencies)")
    return [node, str(SERVER), "--stdio"]


class Server:
    """One server process; use as a context manager."""

    def __init__(self, root: Path):
        self.root = root
        self.process = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.process.stdout, selectors.EVENT_READ)  # type: ignore[arg-type]
        self.buffer = b""
        self.diagnostics: dict[str, list[dict]] = {}
        self.next_id = 1

    def __enter__(self) -> Server:
        self.request("initialize", {"processId": os.getpid(), "rootUri": self.root.as_uri(),
                                    "capabilities": {"workspace": {"configuration": True}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": SETTINGS}})
        return self

    def __exit__(self, *exc) -> None:
        self.process.kill()
        self.process.wait(timeout=10)

    # --- JSON-RPC -------------------------------------------------------------------------

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)  # type: ignore[union-attr]
        self.process.stdin.flush()  # type: ignore[union-attr]

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 30) -> dict:
        ident = self.next_id
        self.next_id += 1
        self.send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.receive(deadline - time.monotonic())
            if message is not None and message.get("id") == ident and "method" not in message:
                return message
        raise TimeoutError(f"no answer to {method}")

    def receive(self, timeout: float) -> dict | None:
        """One message (server requests are answered, diagnostics recorded), None on timeout."""
        while b"\r\n\r\n" not in self.buffer or len(self.buffer) < self._needed():
            if not self.selector.select(max(timeout, 0)):
                return None
            chunk = os.read(self.process.stdout.fileno(), 65536)  # type: ignore[union-attr]
            if not chunk:
                raise RuntimeError("yaml-language-server ended unexpectedly")
            self.buffer += chunk
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = int(dict(line.split(": ", 1) for line in head.decode().split("\r\n"))["Content-Length"])
        body, self.buffer = rest[:length], rest[length:]
        message = json.loads(body)
        method = message.get("method")
        if method == "workspace/configuration":
            items = message["params"]["items"]
            self.send({"id": message["id"],
                       "result": [SETTINGS if i.get("section") == "yaml" else {} for i in items]})
        elif method == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif "id" in message and method:  # any other request from the server
            self.send({"id": message["id"], "result": None})
        return message

    def _needed(self) -> int:
        head, sep, _ = self.buffer.partition(b"\r\n\r\n")
        if not sep:
            return 1 << 60
        fields = dict(line.split(": ", 1) for line in head.decode().split("\r\n"))
        return len(head) + 4 + int(fields["Content-Length"])

    # --- documents ------------------------------------------------------------------------

    def diagnose(self, paths: list[Path], quiet: float = 2.0, timeout: float = 120) -> dict[Path, list[dict]]:
        """Open every file; wait until each has diagnostics and the server has been quiet."""
        uris = {path.resolve().as_uri(): path for path in paths}
        for uri, path in uris.items():
            self.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1,
                "text": path.read_text(encoding="utf-8")}})
        deadline = time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() < deadline:
            message = self.receive(0.2)
            if message is not None:
                last = time.monotonic()
            elif set(uris) <= set(self.diagnostics) and time.monotonic() - last > quiet:
                break
        missing = set(uris) - set(self.diagnostics)
        if missing:
            raise TimeoutError(f"no diagnostics for {sorted(missing)}")
        return {path: self.diagnostics[uri] for uri, path in uris.items()}
