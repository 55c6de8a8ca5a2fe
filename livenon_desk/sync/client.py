"""The central API's client: one ``requests.Session`` per thread, timeouts, retries, TLS.

Every call has a (connect, read) timeout. TLS is verified, against the system's CA store
or a configured bundle; it is never switched off, and plain HTTP is refused for any
server that is not on this machine unless asked for explicitly (and then logged). Tokens
and passwords are never logged.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError
from requests.adapters import HTTPAdapter

from livenon_desk import __version__
from livenon_desk.domain.audit_chain import ChainAnchor
from livenon_desk.sync.errors import (
    InsecureConnectionError,
    MalformedAnswerError,
    OfflineError,
    SyncError,
    error_for,
)
from livenon_desk.sync.results import (
    BatchResult,
    BatchWrite,
    ChangesPage,
    PhotoResult,
    RemoteEntity,
    Token,
    WriteResult,
)
from livenon_desk.sync.retry import RETRY_STATUSES, RetryPolicy, parse_retry_after
from livenon_desk.wire import bodies as wire
from livenon_desk.wire.entity_data import problems

log = logging.getLogger(__name__)
_Body = TypeVar("_Body", bound=BaseModel)

API_PATH = "/api/v1"
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


@dataclass(frozen=True)
class ClientSettings:
    server_url: str  # e.g. https://central.example:8443 (without /api/v1)
    ca_bundle: Path | None = None  # a CA file or folder trusted instead of the system's
    connect_timeout: float = 3.05
    read_timeout: float = 30.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    allow_plain_http: bool = False  # plain HTTP to a server not on this machine
    warehouse_id: str = ""  # the station's [station] warehouse_id ("" when it names none)


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_url(settings: ClientSettings) -> str:
    parts = urlsplit(settings.server_url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise InsecureConnectionError(
            "error.server-url-invalid",
            server_url=settings.server_url,
        )
    if parts.scheme == "http" and not _is_loopback(host):
        if not settings.allow_plain_http:
            raise InsecureConnectionError(
                "error.plain-http-refused",
                host=host,
            )
        log.warning("plain HTTP to %s was allowed explicitly: traffic is not encrypted", host)
    return settings.server_url.rstrip("/") + API_PATH


def _problem(response: requests.Response) -> dict[str, Any]:
    try:
        doc = response.json()
    except ValueError:
        return {"title": response.reason or f"HTTP {response.status_code}"}
    return doc if isinstance(doc, dict) else {"title": str(doc)}


def _batch_body(items: Sequence[BatchWrite]) -> bytes:
    """The batch as JSON, encoded item by item: one ``json.dumps`` of a thousand items
    holds the interpreter's lock for the whole batch, and the window's thread waits that
    long for its next frame. Bodies kept as JSON text go as they are."""
    return ('{"items": [' + ", ".join(item.json_text() for item in items) + "]}").encode()


_RESULTS_OPEN = re.compile(r'\s*\{\s*"results"\s*:\s*\[\s*')
_DECODER = json.JSONDecoder()
_RESULT: TypeAdapter[wire.BatchItemResult] = TypeAdapter(wire.BatchItemResult)


def _after_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _results_one_by_one(text: str) -> list[Any] | None:
    """The items of a batch answer ``{"results": [...]}``, each decoded by a call of its
    own: decoding a thousand results at once holds the interpreter's lock, and the
    window's thread, for as long. None for an answer of another shape."""
    opened = _RESULTS_OPEN.match(text)
    if opened is None:
        return None
    items: list[Any] = []
    at = opened.end()
    if text.startswith("]", at):
        at += 1
    else:
        while True:
            item, at = _DECODER.raw_decode(text, at)
            items.append(item)
            at = _after_space(text, at)
            if text.startswith(",", at):
                at = _after_space(text, at + 1)
            elif text.startswith("]", at):
                at += 1
                break
            else:
                return None
    return items if text[at:].strip() == "}" else None


def _batch_results(response: requests.Response) -> list[BatchResult]:
    what = "a batch of changes"
    try:
        items = _results_one_by_one(response.content.decode("utf-8"))
    except ValueError:  # not UTF-8, or not JSON
        raise MalformedAnswerError(what, "not JSON") from None
    if items is None:
        out = _answer(response, wire.BatchOut, what)
        return [BatchResult(r.key, r.status, r.body) for r in out.results]
    results = []
    for item in items:
        try:
            r = _RESULT.validate_python(item)
        except ValidationError as error:
            raise MalformedAnswerError(what, problems(error)) from None
        results.append(BatchResult(r.key, r.status, r.body))
    return results


def _answer(response: requests.Response, model: type[_Body], what: str) -> _Body:
    """The body of a 2xx answer as the contract types it; any other body is a
    ``MalformedAnswerError``, never a crash."""
    try:
        return model.model_validate(response.json())
    except ValidationError as error:
        raise MalformedAnswerError(what, problems(error)) from None
    except ValueError:
        raise MalformedAnswerError(what, "not JSON") from None


def _entities(changes: list[Any]) -> tuple[RemoteEntity, ...]:
    """The changes of a page the desk can read; one it cannot is logged and skipped."""
    read = []
    for n, change in enumerate(changes):
        try:
            read.append(RemoteEntity.of(wire.Entity.model_validate(change)))
        except ValidationError as error:
            log.warning("pulled change %d of its page skipped: %s", n, problems(error))
    return tuple(read)


class CentralClient:
    """Thread-safe: each thread that calls it gets its own session (connection pool)."""

    def __init__(
        self,
        settings: ClientSettings,
        *,
        token: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.settings = settings
        self.base = _check_url(settings)
        self.token = token
        # Who the token belongs to: known after sign_in, else asked once (signed_in_user).
        self.username: str | None = None
        self._sleep = sleep
        self._rng = rng
        self._local = threading.local()
        self._lock = threading.Lock()
        self._sessions: list[requests.Session] = []
        # Passed on every call too: requests lets REQUESTS_CA_BUNDLE override a session's
        # own ``verify``, which would silently drop the configured bundle.
        self._verify: str | bool = str(settings.ca_bundle) if settings.ca_bundle else True

    # -- transport ---------------------------------------------------------------------

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.verify = self._verify
            # Retries are ours (they honour Retry-After and know which answers may change).
            adapter = HTTPAdapter(pool_connections=1, pool_maxsize=2, max_retries=0)
            session.mount("https://", adapter)
            session.mount("http://", adapter)
            session.headers["User-Agent"] = f"livenon-desk/{__version__}"
            session.headers["Accept"] = "application/json, application/problem+json"
            # Which warehouse wrote each change: the server records it with the write.
            session.headers[wire.WAREHOUSE_HEADER] = self.settings.warehouse_id
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        """Close every thread's session; the client can still be used (new sessions)."""
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()
        self._local = threading.local()

    def _headers(self, extra: dict[str, str] | None, auth: bool) -> dict[str, str]:
        headers = dict(extra or {})
        if auth:
            if not self.token:
                raise error_for(401, {"title": "Not signed in"})
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        ok: Sequence[int] = (200, 201),
    ) -> requests.Response:
        """Send, retrying what may succeed next time; an answer not in ``ok`` raises."""
        url = self.base + path
        sent_headers = self._headers(headers, auth)
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        policy = self.settings.retry
        retry = 0
        while True:
            started = time.perf_counter()
            try:
                response = self._session().request(
                    method, url, json=json, data=data, headers=sent_headers, timeout=timeout,
                    verify=self._verify, allow_redirects=False)
            except requests.exceptions.SSLError as exc:
                log.warning("TLS verification failed for %s %s: %s", method, path, exc)
                raise InsecureConnectionError("error.certificate-unverified") from exc
            except (requests.ConnectionError, requests.Timeout,
                    requests.exceptions.ChunkedEncodingError) as exc:
                wait = policy.delay(retry, None, self._rng)
                log.info("%s %s: %s (try %d)", method, path, type(exc).__name__, retry + 1)
                if wait is None:
                    raise OfflineError(type(exc).__name__) from exc
                self._sleep(wait)
                retry += 1
                continue
            status = response.status_code
            log.debug("%s %s -> %d in %.0f ms", method, path, status,
                      (time.perf_counter() - started) * 1000)
            if status in RETRY_STATUSES:
                wait = policy.delay(retry, parse_retry_after(response.headers.get(
                    "Retry-After")), self._rng)
                if wait is not None:
                    log.info("%s %s -> %d; retrying in %.2f s", method, path, status, wait)
                    self._sleep(wait)
                    retry += 1
                    continue
            if status not in ok:
                raise error_for(status, _problem(response))
            return response

    # -- the API -----------------------------------------------------------------------

    def health(self) -> bool:
        """True if the server answers (one try, no retries: for an online indicator)."""
        try:
            response = self._session().get(
                self.base + "/health", verify=self._verify,
                timeout=(self.settings.connect_timeout, self.settings.read_timeout))
        except requests.RequestException:
            return False
        return response.status_code == 200

    def sign_in(self, username: str, password: str) -> Token:
        response = self.request("POST", "/auth/token", auth=False, ok=(200,),
                                json={"username": username, "password": password})
        doc = _answer(response, wire.TokenResponse, "the sign-in")
        token = Token(doc.access_token, doc.role, doc.expires_in)
        self.token = token.access_token
        self.username = username
        log.info("signed in to the central server as %r (%s)", username, token.role)
        return token

    def signed_in_user(self) -> str:
        """The token's user: the name the server records on this desk's writes, and the
        only one it accepts as an override's ``by`` or an audit event's ``actor``."""
        if self.username is None:
            me = _answer(self.request("GET", "/auth/me", ok=(200,)), wire.Me, "who is signed in")
            self.username = me.username
        return self.username

    def audit_anchor(self, desk_id: str) -> ChainAnchor | None:
        """The newest event of this desk's audit chain the server holds (None: none yet)."""
        try:
            response = self.request("GET", f"/audit-anchors/{quote(desk_id, safe='')}",
                                    ok=(200,))
        except SyncError as exc:
            if exc.status == 404:
                return None
            raise
        anchor = _answer(response, wire.AuditAnchor, "the audit anchor")
        return ChainAnchor(anchor.event_id, anchor.hash)

    def pull(self, since: str | None = None, limit: int = 500) -> ChangesPage:
        """One page of changes after the cursor ``since`` (None: from the beginning)."""
        params = f"?limit={int(limit)}" + (f"&since={quote(since)}" if since else "")
        page = _answer(self.request("GET", "/changes" + params, ok=(200,)),
                       wire.ChangesPageAsRead, "the pull")
        return ChangesPage(_entities(page.changes), page.next_cursor, page.has_more)

    def pull_all(self, since: str | None = None, limit: int = 500) -> Iterator[ChangesPage]:
        """Pages until the last; a caller that saves each page's cursor can stop anywhere."""
        while True:
            page = self.pull(since, limit)
            yield page
            if not page.has_more:
                return
            since = page.next_cursor

    def push_batch(self, items: Sequence[BatchWrite]) -> list[BatchResult]:
        """Many writes in one request, each with its own key and its own result."""
        # What was written comes back as its version alone: the desk has its data.
        response = self.request("POST", "/batch", ok=(200,), data=_batch_body(items),
                                headers={"Content-Type": "application/json",
                                         "Prefer": "return=minimal"})
        return _batch_results(response)

    def _write(self, method: str, path: str, body: dict[str, Any], key: str,
               if_match: int | None) -> WriteResult:
        headers = {"Idempotency-Key": key}
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        response = self.request(method, path, json=body, headers=headers)
        return WriteResult(response.status_code, response.json(),
                           response.headers.get("Idempotent-Replayed") == "true")

    def put_receipt(self, rma: str, body: dict[str, Any], *, key: str,
                    if_match: int) -> WriteResult:
        return self._write("PUT", f"/returns/{quote(rma, safe='')}/receipt", body, key,
                           if_match)

    def put_inspection(self, uuid: str, body: dict[str, Any], *, key: str,
                       if_match: int | None = None) -> WriteResult:
        return self._write("PUT", f"/inspections/{quote(uuid, safe='')}", body, key, if_match)

    def override_inspection(self, uuid: str, body: dict[str, Any], *, key: str,
                            if_match: int) -> WriteResult:
        return self._write("POST", f"/inspections/{quote(uuid, safe='')}/override", body, key,
                           if_match)

    def post_audit_event(self, body: dict[str, Any], *, key: str) -> WriteResult:
        return self._write("POST", "/audit-events", body, key, None)

    def post_refund_decision(self, body: dict[str, Any], *, key: str,
                             if_match: int) -> WriteResult:
        return self._write("POST", "/refund-decisions", body, key, if_match)

    def has_photo(self, sha256: str) -> bool:
        try:
            self.request("HEAD", f"/photos/{sha256}", ok=(200,))
        except SyncError as exc:
            if exc.status == 404:
                return False
            raise
        return True

    def upload_photo(self, content: bytes, media_type: str = "image/jpeg", *,
                     key: str | None = None) -> PhotoResult:
        """Send a photo unless the server has it (same SHA-256) already."""
        sha256 = hashlib.sha256(content).hexdigest()
        if self.has_photo(sha256):
            return PhotoResult(sha256, uploaded=False)
        self.request("PUT", f"/photos/{sha256}", data=content, headers={
            "Idempotency-Key": key or f"photo-{sha256}", "Content-Type": media_type})
        return PhotoResult(sha256, uploaded=True)
