"""URLs, against a local HTTP server on 127.0.0.1 that the tests start and
stop. No test reaches any other address: the network guard of conftest.py
still refuses everything else (``loopback`` lets through 127.0.0.1 only)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from aleppo_cli import __version__
from aleppo_cli.errors import InputError
from aleppo_cli.text import fetch, sources
from tests.builders import invoke
from tests.conftest import NetworkUsed

# the real functions, kept before the guard of conftest.py replaces them
_CONNECT = socket.socket.connect
_CONNECT_EX = socket.socket.connect_ex
_BIND = socket.socket.bind
_CREATE_CONNECTION = socket.create_connection
_GETADDRINFO = socket.getaddrinfo
_LOOPBACK = ("127.0.0.1", "localhost")


def _host(address: Any) -> str:
    return str(address[0]) if isinstance(address, tuple) else str(address)


def _only_loopback(real: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        address = args[1] if args and isinstance(args[0], socket.socket) else args[0]
        if _host(address) not in _LOOPBACK:
            raise NetworkUsed(f"a test tried to reach {address!r}: only 127.0.0.1 is allowed")
        return real(*args, **kwargs)

    return guarded


@pytest.fixture
def loopback(no_network: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Let this test reach 127.0.0.1, and nothing else; no proxy from the
    environment may route it elsewhere."""
    monkeypatch.setattr(socket.socket, "connect", _only_loopback(_CONNECT))
    monkeypatch.setattr(socket.socket, "connect_ex", _only_loopback(_CONNECT_EX))
    monkeypatch.setattr(socket.socket, "bind", _only_loopback(_BIND))
    monkeypatch.setattr(socket, "create_connection", _only_loopback(_CREATE_CONNECTION))
    monkeypatch.setattr(socket, "getaddrinfo", _only_loopback(_GETADDRINFO))
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)


ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>A Local Story | Test Site</title><meta name="author" content="Ann Author">
<script src="/script.js"></script><link rel="stylesheet" href="/style.css"></head>
<body><nav><a href="/">Home</a></nav><article><h1>A Local Story</h1>
<img src="/picture.png" alt="a picture">
<p>“Nobody lives here any more,” the old man said. The street was empty and the shops
were closed, and the wind moved the papers along the pavement all afternoon.</p>
<p>In <em>The Empty Street</em>, the writer walks the town from end to end and finds
the people who stayed behind when everyone else had already gone away.</p>
</article></body></html>"""

Route = tuple[int, dict[str, str], bytes, float]  # status, headers, body, delay


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                status, headers, body, delay = server.routes.get(
                    self.path, (404, {"Content-Type": "text/plain"}, b"not here", 0.0)
                )
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers and "X-No-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    if delay:
                        half = len(body) // 2
                        self.wfile.write(body[:half])
                        self.wfile.flush()
                        time.sleep(delay)
                        self.wfile.write(body[half:])
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)

    def route(
        self,
        path: str,
        body: bytes | str = b"",
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        delay: float = 0.0,
        **headers: str,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {
            "Content-Type": content_type,
            **{k.replace("_", "-"): v for k, v in headers.items()},
        }
        self.routes[path] = (status, all_headers, data, delay)
        return self.base + path


@pytest.fixture
def server(loopback: None) -> Iterator[Server]:
    running = Server()
    running.thread.start()
    try:
        yield running
    finally:
        running.http.shutdown()
        running.http.server_close()


def test_a_page_is_fetched_and_its_article_extracted(server: Server) -> None:
    url = server.route("/story", ARTICLE)
    source = sources.load(url)
    assert source.format == "html" and source.title == "A Local Story"
    assert source.author == "Ann Author" and source.url == url
    assert source.text.startswith("“Nobody lives here any more,”")
    # nothing but the page itself: no script, style sheet or picture
    assert [path for path, _ in server.requests] == ["/story"]


def test_the_request_names_aleppo_and_its_version(server: Server) -> None:
    sources.load(server.route("/story", ARTICLE))
    headers = server.requests[0][1]
    assert headers["User-Agent"].startswith(f"aleppo/{__version__} ")


def test_every_command_reads_a_url(server: Server) -> None:
    url = server.route("/story", ARTICLE)
    quotes = json.loads(invoke(["quotes", "--json", url]).stdout)
    assert quotes["input"]["url"] == url and quotes["input"]["kind"] == "web page"
    assert [q["text"] for q in quotes["quotes"]] == ["Nobody lives here any more,"]
    raw = json.loads(invoke(["show", "--raw", "--json", url]).stdout)["raw"]
    for part in quotes["quotes"][0]["parts"]:
        assert raw[part["start"] : part["end"]] == part["text"]


def test_plain_text_is_read_as_text(server: Server) -> None:
    url = server.route(
        "/notes.txt",
        "Caf\xe9 au lait. Two sentences.".encode("latin-1"),
        content_type="text/plain; charset=iso-8859-1",
    )
    source = sources.load(url)
    assert (source.text, source.format) == ("Café au lait. Two sentences.", "text")


def test_markdown_is_read_as_markdown(server: Server) -> None:
    for path, content_type in (("/notes", "text/markdown"), ("/notes.md", "text/plain")):
        url = server.route(path, "# Notes\n\n- *one* item\n", content_type=content_type)
        source = sources.load(url)
        assert (source.format, source.title, source.text) == (
            "markdown",
            "Notes",
            "Notes\n\none item",
        )


def test_redirects_are_followed_up_to_five(server: Server) -> None:
    final = server.route("/story", ARTICLE)
    for hop in range(1, 6):
        target = "/story" if hop == 1 else f"/hop{hop - 1}"
        server.route(f"/hop{hop}", status=302, Location=target)
    assert sources.load(server.base + "/hop5").url == final
    server.route("/hop6", status=301, Location="/hop5")
    with pytest.raises(InputError, match=r"redirects more than 5 times"):
        sources.load(server.base + "/hop6")


def test_a_redirect_to_a_file_is_refused(server: Server) -> None:
    url = server.route("/sneaky", status=302, Location="file:///etc/passwd")
    with pytest.raises(
        InputError, match=r"redirects to 'file:///etc/passwd': only http and https addresses"
    ):
        sources.load(url)


@pytest.mark.parametrize(
    ("status", "expected"),
    [(404, "answered 404 Not Found"), (500, "answered 500 Internal Server Error")],
)
def test_http_errors_name_the_status(server: Server, status: int, expected: str) -> None:
    url = server.route("/missing", "gone", status=status)
    outcome = invoke(["show", url])
    assert outcome.status == 2
    assert outcome.stderr == f"aleppo: error: '{url}' {expected}\n"


def test_other_content_types_are_one_error(server: Server) -> None:
    url = server.route("/paper.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    outcome = invoke(["summarize", url])
    assert outcome.status == 2
    assert outcome.stderr.startswith(f"aleppo: error: '{url}' is application/pdf, not a web page")
    assert outcome.stderr.count("\n") == 1


def test_an_oversized_body_is_refused(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "MAX_BYTES", 1_000_000)
    declared = server.route("/big", b"x" * 1_500_000)
    with pytest.raises(InputError, match=r"is larger than 1 MB; refused"):
        sources.load(declared)
    # no Content-Length (HTTP/1.0: the body runs until the connection closes)
    streamed = server.route("/big-stream", b"x" * 1_500_000, delay=0.01, X_No_Length="1")
    with pytest.raises(InputError, match=r"is larger than 1 MB; refused"):
        fetch.get(streamed, max_bytes=1_000_000)


def test_a_slow_response_past_the_timeout_is_one_error(server: Server) -> None:
    url = server.route("/slow", ARTICLE, delay=3.0)
    start = time.monotonic()
    with pytest.raises(InputError, match=r"took longer than 1 s; gave up"):
        fetch.get(url, total_timeout=1.0)
    assert time.monotonic() - start < 2.5


def test_no_server_is_could_not_reach(loopback: None) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = invoke(["show", f"http://127.0.0.1:{port}/page"])
    assert outcome.status == 2
    assert outcome.stderr.startswith(
        f"aleppo: error: could not reach 'http://127.0.0.1:{port}/page'"
    )
    assert outcome.stderr.count("\n") == 1


def test_only_http_and_https_are_fetched() -> None:
    with pytest.raises(InputError, match="only http and https"):
        fetch.get("ftp://example.org/file.txt")


def test_the_guard_still_refuses_other_addresses(loopback: None) -> None:
    with pytest.raises(NetworkUsed), socket.socket() as sock:
        sock.connect(("192.0.2.1", 80))
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 80)


def test_fetching_is_under_a_spinner(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """The spinner (shown on a terminal after a second) is labelled for the fetch."""
    import contextlib

    from aleppo_cli.cli import inputs

    labels: list[str] = []

    @contextlib.contextmanager
    def recorded(env: object, label: str) -> Iterator[None]:
        labels.append(label)
        yield

    monkeypatch.setattr(inputs, "progress", recorded)
    assert invoke(["info", server.route("/story", ARTICLE)]).status == 0
    assert labels[0] == "Fetching…"
