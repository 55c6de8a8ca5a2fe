"""The client's transport: timeouts on every call, a session per thread, verified TLS,
no plain HTTP to other machines, and offline reported as such after its retries."""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from livenon_desk.central.app import create_app
from livenon_desk.central.serve import start_in_thread
from livenon_desk.central.settings import CentralSettings
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.errors import InsecureConnectionError, OfflineError, RejectedError
from livenon_desk.sync.results import BatchWrite
from livenon_desk.sync.retry import RetryPolicy
from tests.central_server import Central, inspection_body, new_key


def test_every_call_has_a_timeout_and_tls_verification(
    central: Central, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    original = requests.Session.request

    def spy(self: requests.Session, method: str, url: str, **kwargs: Any) -> Any:
        seen.append((kwargs.get("timeout"), kwargs.get("verify")))
        return original(self, method, url, **kwargs)

    monkeypatch.setattr(requests.Session, "request", spy)
    client = central.client(connect_timeout=2.0, read_timeout=7.0)
    ret = central.find_return("received")
    client.health()
    client.pull(None, 5)
    client.put_inspection(str(uuid.uuid4()), inspection_body(ret), key=new_key())
    client.push_batch([BatchWrite(new_key(), "inspection", str(uuid.uuid4()),
                                  inspection_body(ret))])
    client.upload_photo(b"photo bytes")

    assert len(seen) >= 7
    # verify on each call, not only on the session: requests lets REQUESTS_CA_BUNDLE
    # override a session's own setting.
    assert set(seen) == {((2.0, 7.0), True)}


def test_each_thread_has_its_own_session(central: Central) -> None:
    client = central.client()
    mine = client._session()
    theirs: list[requests.Session] = []
    worker = threading.Thread(target=lambda: theirs.append(client._session()))
    worker.start()
    worker.join()

    assert client._session() is mine
    assert theirs and theirs[0] is not mine
    assert mine.verify is True  # TLS verification is on by default


def test_no_retry_on_a_bad_request(central: Central) -> None:
    client = central.client()
    with pytest.raises(RejectedError) as refused:
        client.put_inspection(str(uuid.uuid4()), {"rma_number": "x"}, key=new_key())
    assert refused.value.status == 422
    assert central.sleeps == []


def test_a_closed_port_is_offline_after_the_retries() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    waits: list[float] = []
    client = CentralClient(ClientSettings(f"http://127.0.0.1:{port}", retry=RetryPolicy(
        attempts=3, base_delay=0.01)), token="t", sleep=waits.append)

    with pytest.raises(OfflineError) as offline:
        client.pull()

    assert len(waits) == 2
    assert "ConnectionError" in offline.value.text("en")
    assert offline.value.text("zh") != offline.value.text("en")
    client.close()


def test_a_server_that_does_not_answer_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)  # connections are accepted by the kernel and never answered
        port = listener.getsockname()[1]
        client = CentralClient(ClientSettings(
            f"http://127.0.0.1:{port}", read_timeout=0.2,
            retry=RetryPolicy(attempts=2, base_delay=0.01)), token="t", sleep=lambda _s: None)
        with pytest.raises(OfflineError) as offline:
            client.pull()
        client.close()
    assert "Timeout" in offline.value.text("en")


@pytest.mark.parametrize("url", ["http://central.example.com", "http://10.0.0.5:8080",
                                 "ftp://127.0.0.1", "central.example.com"])
def test_plain_http_to_another_machine_is_refused(url: str) -> None:
    with pytest.raises(InsecureConnectionError):
        CentralClient(ClientSettings(url))


def test_plain_http_allowed_explicitly_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        client = CentralClient(ClientSettings("http://central.test", allow_plain_http=True))
    assert "not encrypted" in caplog.text
    assert client.base == "http://central.test/api/v1"
    for url in ("http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:2",
                "https://central.example.com/"):
        assert CentralClient(ClientSettings(url)).base.endswith("/api/v1")


@pytest.fixture
def tls_central(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The server over HTTPS with a self-signed certificate for 127.0.0.1."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=30)
    app = create_app(CentralSettings(database_url=str(tmp_path / "c.sqlite3")))
    server = start_in_thread(app, tls=(str(cert), str(key)))
    try:
        yield server.url, cert
    finally:
        server.stop()
        app.state.central.db.dispose()


def test_tls_is_verified_against_the_system_store_or_a_configured_bundle(
    tls_central: tuple[str, Path],
) -> None:
    url, cert = tls_central
    assert url.startswith("https://")
    unknown = CentralClient(ClientSettings(url), token="t", sleep=lambda _s: None)
    with pytest.raises(InsecureConnectionError):
        unknown.pull()  # a self-signed certificate is not trusted by default
    trusted = CentralClient(ClientSettings(url, ca_bundle=cert))
    assert trusted.health()
    assert trusted._session().verify == str(cert)
    unknown.close()
    trusted.close()
