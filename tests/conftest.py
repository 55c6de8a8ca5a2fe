"""Test-wide settings: Qt offscreen, and the user's folders moved into a temporary home."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# platformdirs honours the XDG variables: no test writes into the real user folders.
_HOME = tempfile.mkdtemp(prefix="livenon-desk-tests-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())
