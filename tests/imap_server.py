"""A real IMAP server for the tests: Dovecot, started on free ports of 127.0.0.1 with a
throw-away configuration, mail folder and self-signed certificate made at test time, one
per test session, stopped and deleted at the end.

Dovecot runs unprivileged: as the user running the tests, or, when that is root, as the
``dovecot`` user its package makes. A test that needs it fails, naming what is missing,
when it cannot be started: it is never skipped (``.ci/run`` installs Dovecot on a fresh
machine, as it installs PostgreSQL).

``imap_server`` is the running server; ``imap_mailbox`` empties its one user's folders for
one test.
"""

from __future__ import annotations

import grp
import imaplib
import os
import pwd
import secrets
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.postgres import free_port

START_TIMEOUT_SECONDS = 30
USER = "returns"

CONFIG = """\
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
default_login_user = {os_user}
default_internal_user = {os_user}
default_internal_group = {os_group}
ssl = required
ssl_cert = <{folder}/cert.pem
ssl_key = <{folder}/key.pem
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login
first_valid_uid = {uid}
last_valid_uid = {uid}
first_valid_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}
userdb {{
  driver = static
  args = uid={os_user} gid={os_group} home={folder}/home/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-reader {{
    user = {os_user}
  }}
  unix_listener stats-writer {{
    user = {os_user}
  }}
}}
"""


def find_dovecot() -> Path | None:
    found = shutil.which("dovecot") or "/usr/sbin/dovecot"
    return Path(found) if Path(found).is_file() else None


@dataclass
class ImapServer:
    folder: Path
    imap_port: int
    imaps_port: int
    password: str
    process: subprocess.Popen[bytes] | None = None
    user: str = USER

    @property
    def certificate(self) -> Path:
        return self.folder / "cert.pem"

    @property
    def log_file(self) -> Path:
        return self.folder / "dovecot.log"

    def url(self, folder: str = "INBOX", *, starttls: bool = False) -> str:
        if starttls:
            return f"imap://{self.user}@127.0.0.1:{self.imap_port}/{folder}"
        return f"imaps://{self.user}@127.0.0.1:{self.imaps_port}/{folder}"

    def client(self) -> imaplib.IMAP4_SSL:
        context = ssl.create_default_context(cafile=str(self.certificate))
        connection = imaplib.IMAP4_SSL("127.0.0.1", self.imaps_port, ssl_context=context,
                                       timeout=START_TIMEOUT_SECONDS)
        connection.login(self.user, self.password)
        return connection

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=START_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def _os_user() -> tuple[str, str, int, int]:
    """Who Dovecot runs as: ourselves, or its package's ``dovecot`` user when we are root."""
    if os.geteuid() == 0:
        try:
            entry = pwd.getpwnam("dovecot")
        except KeyError:
            pytest.fail("Dovecot is not to run as root and there is no 'dovecot' user: "
                        "install it (apt-get install -y dovecot-imapd), which makes it.")
    else:
        entry = pwd.getpwuid(os.geteuid())
    return entry.pw_name, grp.getgrgid(entry.pw_gid).gr_name, entry.pw_uid, entry.pw_gid


def self_signed_certificate(folder: Path) -> None:
    """``cert.pem`` and ``key.pem`` for 127.0.0.1 in ``folder`` (the test mail servers')."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("The mail tests make a certificate with openssl, which is missing "
                    "(apt-get install -y openssl).")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True, timeout=START_TIMEOUT_SECONDS)


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def start_imap() -> ImapServer:
    """A new Dovecot, running, with one user; the caller stops it."""
    dovecot = find_dovecot()
    if dovecot is None:
        pytest.fail("These tests need a real IMAP server and found no dovecot: install it "
                    "(apt-get install -y dovecot-imapd).")
    os_user, os_group, uid, gid = _os_user()
    # Not under pytest's own temporary folder: that one is the invoking user's only.
    folder = Path(tempfile.mkdtemp(prefix="livenon-imap-"))
    server = ImapServer(folder, free_port(), free_port(), secrets.token_urlsafe(12))
    try:
        self_signed_certificate(folder)
        for sub in ("run", "state", "home"):
            (folder / sub).mkdir()
        (folder / "passwd").write_text(f"{USER}:{{PLAIN}}{server.password}\n")
        (folder / "dovecot.conf").write_text(CONFIG.format(
            folder=folder, os_user=os_user, os_group=os_group, uid=uid, gid=gid,
            imap_port=server.imap_port,
            imaps_port=server.imaps_port))
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, uid, gid)
        with (folder / "stderr.log").open("wb") as stderr:
            server.process = subprocess.Popen(
                [str(dovecot), "-F", "-c", str(folder / "dovecot.conf")],
                stdout=subprocess.DEVNULL, stderr=stderr,
                user=uid if os.geteuid() == 0 else None,
                group=gid if os.geteuid() == 0 else None)
        _wait_until_listening(server)
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        server.stop()
        pytest.fail(f"Dovecot did not start: {exc}")
    return server


def _wait_until_listening(server: ImapServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not (_listening(server.imaps_port) and _listening(server.imap_port)):
        if (server.process is None or server.process.poll() is not None
                or time.monotonic() > deadline):
            raise RuntimeError(_why(server))
        time.sleep(0.05)


def _why(server: ImapServer) -> str:
    return "".join(path.read_text(errors="replace") for path in
                   (server.folder / "stderr.log", server.log_file) if path.exists())


@pytest.fixture(scope="session")
def imap_server() -> Iterator[ImapServer]:
    """One Dovecot for the whole test session."""
    server = start_imap()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def imap_mailbox(imap_server: ImapServer) -> ImapServer:
    """The session's Dovecot with its user's INBOX emptied and other folders deleted."""
    connection = imap_server.client()
    try:
        _status, listing = connection.list()
        for line in listing:
            name = line.decode().rsplit(' "/" ', 1)[-1].strip('"') if isinstance(
                line, bytes) else ""
            if name and name != "INBOX":
                connection.delete(f'"{name}"')
        _status, count = connection.select("INBOX")
        if count and count[0] not in (b"0", None):
            connection.store("1:*", "+FLAGS", "\\Deleted")
            connection.expunge()
    finally:
        connection.logout()
    return imap_server
