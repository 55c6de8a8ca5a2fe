"""The lock (constraints.txt): every package pinned, the README's commands and CI installing
from it, and this environment holding what it names."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def _locked() -> dict[str, Requirement]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [Requirement(line) for line in lines if line and not line.startswith(("#", " "))]
    return {canonicalize_name(pin.name): pin for pin in pins}


def _required() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    named = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        named += extra
    return [Requirement(text) for text in named]


def test_every_package_the_project_names_is_locked_to_a_version_it_allows() -> None:
    locked = _locked()
    assert all(str(pin.specifier).startswith("==") for pin in locked.values())
    for requirement in _required():
        pin = locked[canonicalize_name(requirement.name)]
        version = str(pin.specifier).removeprefix("==")
        assert requirement.specifier.contains(version, prereleases=True), (requirement, pin)
        for extra in requirement.extras:  # psycopg[binary]: the extra's packages too
            assert any(extra in name for name in locked), (requirement, extra)


def test_the_readmes_commands_install_from_the_lock() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    installs = re.findall(r"pip install [^&\n]*", readme.split("## At the desk")[0])
    assert len(installs) == 2
    assert all("-c constraints.txt" in command for command in installs)


# What `python3 -m venv` puts in every environment, at the version of the Python that made
# it; the lock names setuptools for the build (PyInstaller), which installs it then.
_INSTALLERS_OWN = {"pip", "setuptools", "wheel"}


def test_this_environment_holds_the_locked_versions() -> None:
    """CI installs with the README's command; a package pip took at another version than
    the lock's shows here."""
    differing = {}
    for name, pin in _locked().items():
        if pin.marker is not None and not pin.marker.evaluate():
            continue
        if name in _INSTALLERS_OWN:
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # an extra this environment does not install (the build)
        if not pin.specifier.contains(installed, prereleases=True):
            differing[name] = (installed, str(pin.specifier))
    assert differing == {}
