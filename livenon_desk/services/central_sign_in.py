"""Asking the central API whether a password is right, for the desk's sign-in."""

from __future__ import annotations

from collections.abc import Callable

from livenon_desk.domain.roles import Role
from livenon_desk.errors import SignInError
from livenon_desk.services.auth_service import CentralUnreachableError, OnlineSignIn
from livenon_desk.sync.client import CentralClient
from livenon_desk.sync.errors import AuthError, OfflineError


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
