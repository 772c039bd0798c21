"""Fetching a URL: the page itself and nothing else, within fixed limits.

httpx, with proxies from the environment (HTTP_PROXY, HTTPS_PROXY,
ALL_PROXY, NO_PROXY); redirects followed here, one at a time, so that every
hop is checked: only http and https, at most ``MAX_REDIRECTS``. A connect
timeout of 10 s and 30 s for the whole fetch; at most 10 MB of body. HTML
goes to the extractor and text/plain is read as text; any other content
type is an error naming it. Imported only for a URL.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from aleppo_cli import __version__
from aleppo_cli.errors import InputError

if TYPE_CHECKING:
    from httpx import Response

CONNECT_TIMEOUT = 10.0
TOTAL_TIMEOUT = 30.0
MAX_BYTES = 10 * 1000 * 1000
MAX_REDIRECTS = 5
USER_AGENT = f"aleppo/{__version__} (a terminal reader; +https://pypi.org/project/aleppo-cli/)"
_SCHEMES = ("http", "https")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    body: bytes
    kind: str  # "html", "text", "markdown", or "unknown" (no content type: by content)
    charset: str | None


def get(
    url: str,
    *,
    connect_timeout: float | None = None,
    total_timeout: float | None = None,
    max_bytes: int | None = None,
) -> Page:
    """Fetch ``url``; every failure is an ``InputError`` of one line. The
    limits default to the module's constants."""
    import httpx

    connect_timeout = CONNECT_TIMEOUT if connect_timeout is None else connect_timeout
    total_timeout = TOTAL_TIMEOUT if total_timeout is None else total_timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes

    deadline = time.monotonic() + total_timeout
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    }
    _check_scheme(url, url)
    with httpx.Client(headers=headers, follow_redirects=False, trust_env=True) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            left = deadline - time.monotonic()
            if left <= 0:
                raise _timed_out(url, total_timeout)
            timeout = httpx.Timeout(left, connect=min(connect_timeout, left))
            try:
                with client.stream("GET", current, timeout=timeout) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        current = urljoin(current, location)
                        _check_scheme(url, current)
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"'{url}' answered {_status(response)}")
                    kind, charset = _content_type(url, response.headers.get("content-type", ""))
                    body = _body(url, response, deadline, total_timeout, max_bytes)
                    return Page(str(response.url), body, kind, charset)
            except httpx.TimeoutException:
                if time.monotonic() >= deadline - 0.05:
                    raise _timed_out(url, total_timeout) from None
                raise InputError(
                    f"could not reach '{url}': no connection within {connect_timeout:g} s"
                ) from None
            except (httpx.TransportError, httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
                raise InputError(
                    f"could not reach '{url}': {_reason(error)}",
                    "check the address and your network connection",
                ) from None
        raise InputError(f"'{url}' redirects more than {MAX_REDIRECTS} times")


def _check_scheme(url: str, target: str) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in _SCHEMES:
        where = "" if target == url else f" redirects to '{target}':"
        raise InputError(f"'{url}'{where} only http and https addresses are fetched")


def _content_type(url: str, header: str) -> tuple[str, str | None]:
    media, _, parameters = header.partition(";")
    media = media.strip().lower()
    charset = None
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    if media in _HTML_TYPES or not media:
        return "html" if media else "unknown", charset
    if media in _TEXT_TYPES:
        return "text", charset
    if media in _MARKDOWN_TYPES:
        return "markdown", charset
    raise InputError(
        f"'{url}' is {media}, not a web page or text", "aleppo reads HTML and plain text from URLs"
    )


def _body(url: str, response: Response, deadline: float, total: float, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise _timed_out(url, total)
    return b"".join(chunks)


def _status(response: Response) -> str:
    """``404 Not Found``: the standard phrase, whatever the server calls it."""
    from http import HTTPStatus

    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = response.reason_phrase
    return f"{response.status_code} {phrase}".strip()


def _too_large(url: str, max_bytes: int) -> InputError:
    return InputError(f"'{url}' is larger than {max_bytes // 1_000_000} MB; refused")


def _timed_out(url: str, total: float) -> InputError:
    return InputError(f"'{url}' took longer than {total:g} s; gave up")


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0]
