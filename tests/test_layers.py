"""The direction of imports: views -> services -> (store, sync, documents) -> models ->
domain; the central server stands beside the desk and uses no service or screen of it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "livenon_desk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(*layers: str) -> list[Path]:
    return sorted(p for layer in layers for p in (PACKAGE / layer).rglob("*.py"))


FORBIDDEN = {
    "domain": ("PySide6", "sqlalchemy", "alembic", "requests", "livenon_desk.models",
               "livenon_desk.store", "livenon_desk.services", "livenon_desk.views"),
    "models": ("PySide6", "livenon_desk.store", "livenon_desk.services", "livenon_desk.views"),
    "store": ("PySide6", "livenon_desk.services", "livenon_desk.views"),
    "demo": ("PySide6", "livenon_desk.services", "livenon_desk.views"),
    "services": ("PySide6", "livenon_desk.views"),
    "sync": ("PySide6", "livenon_desk.views"),
    "central": ("PySide6", "livenon_desk.views", "livenon_desk.services"),
    # The wire format, shared by the desk's client and the server: the domain's words only.
    "wire": ("PySide6", "sqlalchemy", "requests", "fastapi", "starlette", "livenon_desk.models",
             "livenon_desk.store", "livenon_desk.services", "livenon_desk.views",
             "livenon_desk.sync", "livenon_desk.central", "livenon_desk.documents"),
    "documents": ("PySide6", "sqlalchemy", "livenon_desk.store", "livenon_desk.services",
                  "livenon_desk.views"),
}


@pytest.mark.parametrize(
    ("layer", "module"),
    [(layer, m) for layer in FORBIDDEN for m in _modules(layer)],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_layer_imports_only_downwards(layer: str, module: Path) -> None:
    bad = {
        name for name in _imports(module)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer])
    }
    assert not bad, f"{module.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_every_layer_has_modules() -> None:
    for layer in FORBIDDEN:
        assert _modules(layer), layer


def test_the_desk_reads_the_wire_format_without_the_web_framework() -> None:
    import subprocess
    import sys

    code = ("import sys, livenon_desk.sync.client, livenon_desk.sync.pull, "
            "livenon_desk.sync.push, livenon_desk.services.desk; "
            "assert 'livenon_desk.wire.bodies' in sys.modules; "
            "assert not {'fastapi', 'starlette', 'uvicorn'} & set(sys.modules), sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
