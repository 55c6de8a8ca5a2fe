"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1, speaking TLS from the first
byte (or STARTTLS), with one user and password, and a self-signed certificate made at test
time. What it takes is kept, byte for byte, for the test to read.

``smtp_server`` is one running server per test; ``stop()`` takes it down (the "SMTP down"
tests), ``start()`` brings it back on the same port.
"""

from __future__ import annotations

import secrets
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from livenon_desk.paths import config_dir
from livenon_desk.services.desk_settings import desk_settings
from tests.imap_server import self_signed_certificate
from tests.postgres import free_port

USER = "desk"


@dataclass(frozen=True)
class Received:
    sender: str
    recipients: tuple[str, ...]
    raw: bytes

    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.raw, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class _Handler:
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, _server: SMTP, _session: Session,
                          envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.received.append(Received(str(envelope.mail_from),
                                      tuple(str(r) for r in envelope.rcpt_tos),
                                      bytes(content)))
        return "250 OK"


@dataclass
class SmtpTestServer:
    folder: Path
    port: int
    password: str
    starttls: bool = False
    handler: _Handler = field(default_factory=_Handler)
    controller: Controller | None = None
    user: str = USER

    @property
    def certificate(self) -> Path:
        return self.folder / "cert.pem"

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def _authenticate(self, _server: SMTP, _session: Session, _envelope: Envelope,
                      _mechanism: str, data: Any) -> AuthResult:
        ok = (isinstance(data, LoginPassword) and data.login.decode() == self.user
              and data.password.decode() == self.password)
        return AuthResult(success=ok, handled=False)

    def start(self) -> None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.certificate, self.folder / "key.pem")
        server_kwargs: dict[str, Any] = {"authenticator": self._authenticate}
        if self.starttls:
            server_kwargs.update(tls_context=context, require_starttls=True,
                                 auth_required=True)
            tls: dict[str, Any] = {}
        else:
            # The whole connection is TLS, which aiosmtpd does not count as STARTTLS: AUTH
            # is offered without it (a wrong password is still refused, 535).
            server_kwargs["auth_require_tls"] = False
            tls = {"ssl_context": context}
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port,
                                     **tls, **server_kwargs)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture(scope="session")
def smtp_certificate_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("smtp")
    self_signed_certificate(folder)
    return folder


@pytest.fixture
def smtp_server(smtp_certificate_folder: Path) -> Iterator[SmtpTestServer]:
    """An SMTP server over TLS on a free port of 127.0.0.1, for one test."""
    server = SmtpTestServer(smtp_certificate_folder, free_port(), secrets.token_urlsafe(12))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def mail_settings(smtp_server: SmtpTestServer) -> Iterator[Path]:
    """desk_settings.toml in the user's config folder naming the test's SMTP server (and
    its certificate to trust), read afresh by the desk; removed after the test."""
    path = config_dir() / "desk_settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'[mail]\nsmtp_host = "127.0.0.1"\nsmtp_port = {smtp_server.port}\n'
                    f'smtp_user = "{smtp_server.user}"\n'
                    f'ca_file = "{smtp_server.certificate}"\n', encoding="utf-8")
    desk_settings.cache_clear()
    yield path
    path.unlink()
    desk_settings.cache_clear()
