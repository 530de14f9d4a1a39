"""Reports in headless Chromium: clean load, images decode, sections present, no injected script.

Chromium (Debian package ``chromium``) is driven over the DevTools protocol with a small
WebSocket client written with the standard library (no extra dependency).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_aggregate import FAST, make_corpus, make_record

from framing.aggregate import tables_from_records
from framing.compare import compare, write_comparison
from framing.report import write_reports

pytestmark = pytest.mark.browser

EVIL = '<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2">'
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-port=0",
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("CI is set but chromium is not installed (.ci/run installs it)")
    pytest.skip("chromium is not installed (Debian package chromium); CI installs it")


class DevTools:
    """A minimal DevTools-protocol client over one WebSocket (RFC 6455, client side)."""

    def __init__(self, url: str) -> None:
        match = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        assert match, url
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(4096)
        header, self.buffer = response.split(b"\r\n\r\n", 1)
        assert b" 101 " in header.split(b"\r\n")[0], header
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _recv_exact(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise ConnectionError("DevTools connection closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _recv_message(self) -> dict[str, Any]:
        payload = b""
        while True:
            b1, b2 = self._recv_exact(2)
            length = b2 & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv_exact(8))[0]
            payload += self._recv_exact(length)
            if b1 & 0x80:  # FIN
                return dict(json.loads(payload.decode("utf-8")))

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        n = len(message)
        if n < 126:
            header = struct.pack(">BB", 0x81, 0x80 | n)
        elif n < 1 << 16:
            header = struct.pack(">BBH", 0x81, 0x80 | 126, n)
        else:
            header = struct.pack(">BBQ", 0x81, 0x80 | 127, n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(message))
        self.sock.sendall(header + mask + masked)
        while True:
            reply = self._recv_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.events:
                if event.get("method") == method:
                    self.events.remove(event)
                    return event
            self.events.append(self._recv_message())
        raise TimeoutError(method)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running headless Chromium; yields the DevTools HTTP address."""
    exe = _chromium()
    profile = tmp_path_factory.mktemp("chromium-profile")
    process = subprocess.Popen(
        [exe, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        address = None
        deadline = time.monotonic() + 60
        assert process.stderr is not None
        while time.monotonic() < deadline and address is None:
            line = process.stderr.readline()
            if not line and process.poll() is not None:
                break
            match = re.search(r"DevTools listening on ws://([^/]+)/", line)
            if match:
                address = match.group(1)
        if address is None:
            pytest.fail("chromium did not start its DevTools endpoint")
        yield address
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _open(address: str, page: Path) -> tuple[DevTools, dict[str, Any]]:
    """Load ``page`` in a new tab; returns the client and what the page reported."""
    request = urllib.request.Request(f"http://{address}/json/new?about:blank", method="PUT")
    with urllib.request.urlopen(request, timeout=30) as response:
        target = json.loads(response.read())
    tools = DevTools(target["webSocketDebuggerUrl"])
    tools.send("Page.enable")
    tools.send("Runtime.enable")
    tools.send("Log.enable")
    tools.send("Page.navigate", url=page.resolve().as_uri())
    tools.wait_for("Page.loadEventFired")
    script = """JSON.stringify({
        images: Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.alt]),
        sections: Array.from(document.querySelectorAll('section[id]')).map(s => s.id),
        scripts: document.scripts.length,
        pwned: typeof window.pwned,
        title: document.title
    })"""
    result = tools.send("Runtime.evaluate", expression=script, returnByValue=True)
    return tools, json.loads(result["result"]["value"])


def _errors(tools: DevTools) -> list[str]:
    tools.send("Runtime.evaluate", expression="1")  # drain pending events
    errors = []
    for event in tools.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(str(params))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(str(params.get("args")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            errors.append(str(params["entry"].get("text")))
    return errors


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    records = make_corpus()
    text = f"The regime answered {EVIL} and critics slammed it."
    hostile = make_record("evil-1", f"Evil {EVIL}", text)
    hostile["title"] = EVIL
    records.append(hostile)
    tables = tables_from_records(records, story_field="event", count_words=True)
    write_reports(tables, out, FAST)
    write_comparison(compare(tables, FAST), out / "compare", FAST)
    return out


def _stem(report_dir: Path, prefix: str) -> Path:
    index = json.loads((report_dir / "index.json").read_text(encoding="utf-8"))
    stem = next(e["stem"] for e in index["reports"] if e["group"].startswith(prefix))
    return report_dir / f"{stem}.html"


@pytest.mark.parametrize(
    ("page", "sections"),
    [
        ("index", {"summary", "sources", "method"}),
        ("Loud Post", {"summary", "density", "terms", "attribution", "examples", "method"}),
        ("compare", {"summary", "findings", "metrics", "differences", "terms", "method"}),
    ],
)
def test_page_loads_cleanly_with_decoded_images(
    browser: str, report_dir: Path, tmp_path: Path, page: str, sections: set[str]
) -> None:
    if page == "index":
        path = report_dir / "index.html"
    elif page == "compare":
        path = report_dir / "compare" / "comparison.html"
    else:
        path = _stem(report_dir, page)
    tools, state = _open(browser, path)
    try:
        assert _errors(tools) == []
        assert state["images"], "the page has plots"
        for complete, width, alt in state["images"]:
            assert complete, alt
            assert width > 0, alt
        assert sections <= set(state["sections"])
        shot = tools.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        png = base64.b64decode(shot["data"])
        assert png.startswith(b"\x89PNG")
        (tmp_path / "screenshot.png").write_bytes(png)
    finally:
        tools.close()


def test_injected_script_does_not_run(browser: str, report_dir: Path) -> None:
    page = _stem(report_dir, "Evil")
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    tools, state = _open(browser, page)
    try:
        assert state["pwned"] == "undefined"
        assert state["scripts"] == 0
        assert _errors(tools) == []  # nothing even tried to run (no CSP violation either)
        assert "<script>" in state["title"]  # shown as text
        assert all(alt != "x" for _, _, alt in state["images"])
    finally:
        tools.close()


def test_the_checks_catch_a_broken_page(browser: str, tmp_path: Path) -> None:
    """The same checks on a page with a failing script and a broken image do fail."""
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>broken</title></head><body>"
        '<img alt="broken" src="data:image/png;base64,AAAA">'
        "<script>console.error('boom'); undefinedFunction();</script></body></html>",
        encoding="utf-8",
    )
    tools, state = _open(browser, page)
    try:
        errors = _errors(tools)
        assert any("boom" in e for e in errors)
        assert any("undefinedFunction" in e for e in errors)
        assert state["images"][0][1] == 0
    finally:
        tools.close()
