"""The desk and the central server: signing in, keeping the token, running a sync round.

The window's sync controller, the desk's sign-in and ``livenon-desk sync`` / ``audit
verify`` all come here; none of them makes a client or touches the token itself. The
token lives in the system keyring (``TokenStore``), by server address, never in a
settings file or a log; the password is sent once, for the token, and never kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from livenon_desk.domain.audit_chain import ChainAnchor
from livenon_desk.domain.roles import Role
from livenon_desk.errors import KnownError, SignInError
from livenon_desk.services.auth_service import CentralUnreachableError, OnlineSignIn
from livenon_desk.services.sync_dto import SyncSnapshot
from livenon_desk.services.sync_service import SyncService
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.sync.errors import AuthError, BusyError, OfflineError
from livenon_desk.sync.worker import Outcome, Progress

__all__ = ["CentralService", "NotSignedInError", "Outcome", "Progress", "RoundReport",
           "central_sign_in", "server_address"]

log = logging.getLogger(__name__)


class NotSignedInError(KnownError):
    """No token is kept for the server: someone must sign in once."""


@dataclass(frozen=True)
class RoundReport:
    """What one round did, and the outbox's counts after it."""

    outcome: Outcome
    sent: int
    photos_sent: int
    pulled: int
    audit_sent: int
    error: str | None
    error_zh: str | None
    snapshot: SyncSnapshot

    @property
    def done(self) -> bool:
        """Everything went and nothing waits for a person (a conflict, a refusal)."""
        return self.outcome is Outcome.OK and not (self.snapshot.conflicts
                                                   or self.snapshot.failed)


def server_address(url: str) -> str:
    """The address a token is kept under: typed with spaces or a final slash, it is the
    same server."""
    return url.strip().rstrip("/")


class CentralService:
    def __init__(self, tokens: TokenStore | None = None, *,
                 ca_bundle: Path | None = None, warehouse_id: str | None = None) -> None:
        self._tokens = tokens or TokenStore()
        self._ca_bundle = ca_bundle
        self._warehouse_id = warehouse_id

    def _client(self, server_url: str, token: str | None = None) -> CentralClient:
        return CentralClient(ClientSettings(server_address(server_url),
                                            ca_bundle=self._ca_bundle,
                                            warehouse_id=self.warehouse_id), token=token)

    @property
    def warehouse_id(self) -> str:
        """The warehouse every write is sent as: the one given, else the station's
        ([station] warehouse_id), read when first needed."""
        if self._warehouse_id is None:
            from livenon_desk.services.desk_settings import desk_settings

            self._warehouse_id = desk_settings().warehouse_id
        return self._warehouse_id

    def is_signed_in(self, server_url: str) -> bool:
        return bool(server_url) and bool(self._tokens.load(server_address(server_url)))

    def sign_in(self, server_url: str, user: str, password: str) -> str:
        """Sign in as ``user`` and keep the token for later rounds; the user's role there.

        Raises ``CentralUnreachableError`` when the server cannot be reached or is busy,
        another ``KnownError`` when it refuses."""
        server = server_address(server_url)
        client = self._client(server)
        try:
            token = client.sign_in(user.strip(), password)
        except (OfflineError, BusyError) as exc:
            raise CentralUnreachableError(exc.message_id, **exc.reason.values) from exc
        finally:
            client.close()
        self._tokens.save(server, token.access_token)
        return token.role

    def run_round(self, sync: SyncService, server_url: str,
                  progress: Callable[[Progress], None] | None = None) -> RoundReport:
        """One round as the user who signed in: the outbox sent, the server's news pulled.
        The network's failures end in the report's outcome, not in an exception."""
        server = server_address(server_url)
        token = self._tokens.load(server) if server else None
        if not token:
            raise NotSignedInError("error.not-signed-in", server=server)
        client = self._client(server, token)
        try:
            result = sync.run_round(client, progress)
        finally:
            client.close()
        return RoundReport(result.outcome, result.push.sent, result.push.photos_sent,
                           result.pull.changes if result.pull else 0, result.audit_sent,
                           result.error, result.error_zh, sync.snapshot())

    def password_check(self, server_url: str) -> OnlineSignIn | None:
        """The desk's sign-in asked of this server first; the token it gives is kept for
        the background sync. None when the address is unusable (the log says why)."""
        server = server_address(server_url)
        try:
            client = self._client(server)
        except KnownError as exc:
            log.warning("central server %s not used for sign-in: %s", server, exc.message)
            return None
        return central_sign_in(client, lambda token: self._tokens.save(server, token))

    def reachable(self, server_url: str) -> bool:
        """The server answers its health check (one try; for doctor). An address the
        client refuses (not http(s), plain http to another host) is not reachable."""
        try:
            client = self._client(server_url)
        except KnownError as exc:
            log.warning("central server %s: %s", server_url, exc.message)
            return False
        try:
            return client.health()
        finally:
            client.close()

    def audit_anchor(self, server_url: str, desk_id: str) -> ChainAnchor | None:
        """The newest event of this desk's audit chain the server holds (None: none yet)."""
        server = server_address(server_url)
        token = self._tokens.load(server)
        if not token:
            raise NotSignedInError("error.not-signed-in", server=server)
        client = self._client(server, token)
        try:
            return client.audit_anchor(desk_id)
        finally:
            client.close()


def central_sign_in(client: CentralClient,
                    on_token: Callable[[str], None] | None = None) -> OnlineSignIn:
    """A sign-in check against ``client``'s server; ``on_token`` keeps the token it gives
    (so that the background sync works as the user who signed in)."""

    def check(username: str, password: str) -> Role:
        try:
            token = client.sign_in(username, password)
        except AuthError as exc:
            if str(exc.problem.get("type", "")).endswith("account-locked"):
                raise SignInError("error.locked-centrally", username=username) from exc
            raise SignInError("error.wrong-password") from exc
        except OfflineError as exc:
            raise CentralUnreachableError(exc.message_id, **exc.reason.values) from exc
        if on_token is not None:
            on_token(token.access_token)
        try:
            return Role(token.role)
        except ValueError as exc:
            raise SignInError(
                "error.unknown-central-role",
                username=username,
                role=token.role,
            ) from exc
    return check
