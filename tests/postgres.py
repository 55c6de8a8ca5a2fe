"""A real PostgreSQL for the tests: a throw-away cluster made with initdb, started on a
free port of 127.0.0.1 (its unix socket in the same temporary folder), one per test
session, stopped and deleted at the end.

The server binaries are found with ``pg_config --bindir``, else in
/usr/lib/postgresql/*/bin (the newest), else in ``LIVENON_PG_BINDIR``. PostgreSQL refuses
to run as root: then the cluster belongs to the ``postgres`` operating-system user (the
packages make it) and every server command runs as that user with ``runuser``.

A test that needs PostgreSQL fails, naming what is missing, when it cannot be started:
it is never skipped (``.ci/run`` installs PostgreSQL on a fresh machine).

``postgres`` is the running server; ``postgres_url`` is a new, empty database on it for one
test, as a SQLAlchemy URL for psycopg 3.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "livenon"
START_TIMEOUT_SECONDS = 60
# A test cluster loses nothing it needs by not flushing to disk, and runs much faster.
SERVER_OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=300 -c shared_buffers=64MB"
)


def find_bindir() -> Path | None:
    """The folder of initdb, pg_ctl and postgres, or None."""
    candidates: list[Path] = []
    if os.environ.get("LIVENON_PG_BINDIR"):
        candidates.append(Path(os.environ["LIVENON_PG_BINDIR"]))
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                 check=True, timeout=30).stdout.strip()
            candidates.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass

    def version(path: Path) -> float:
        try:
            return float(path.parent.name)
        except ValueError:
            return 0.0

    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    """A running throw-away cluster; ``url(name)`` is a SQLAlchemy URL of one database."""

    bindir: Path
    folder: Path
    port: int
    run_as: str | None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log_file(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def command(self, name: str, *args: str) -> list[str]:
        line = [str(self.bindir / name), *args]
        if self.run_as is not None:
            line = ["runuser", "-u", self.run_as, "--", *line]
        return line

    def run(self, name: str, *args: str) -> str:
        done = subprocess.run(self.command(name, *args), capture_output=True, text=True,
                              timeout=START_TIMEOUT_SECONDS, check=False)
        if done.returncode != 0:
            log = self.log_file.read_text() if self.log_file.exists() else ""
            raise RuntimeError(f"{name} {' '.join(args)} failed ({done.returncode}):\n"
                               f"{done.stdout}{done.stderr}{log}")
        return done.stdout

    def psql(self, sql: str, database: str = "postgres") -> str:
        return self.run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                        "-p", str(self.port), "-U", SUPERUSER, "-d", database, "-c", sql)

    def create_database(self, prefix: str = "t", *, template: str | None = None) -> str:
        """A new database, empty or a copy of ``template`` (a database no one is connected
        to); returns its URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        self.psql(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def start(self) -> None:
        self.run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                 "--encoding=UTF8", "--locale=C", "--no-sync")
        for _attempt in range(5):
            self.port = free_port()
            options = f"{SERVER_OPTIONS} -p {self.port} -h 127.0.0.1 -k {self.folder}"
            try:
                self.run("pg_ctl", "start", "-w", "-t", str(START_TIMEOUT_SECONDS),
                         "-D", str(self.data), "-l", str(self.log_file), "-o", options)
            except RuntimeError:
                # Most likely another process took the port between our look and the bind.
                if "could not bind" not in (self.log_file.read_text()
                                            if self.log_file.exists() else ""):
                    raise
            else:
                return
        raise RuntimeError(f"PostgreSQL found no free port:\n{self.log_file.read_text()}")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(self.command("pg_ctl", "stop", "-m", "immediate", "-w",
                                        "-D", str(self.data)),
                           capture_output=True, timeout=START_TIMEOUT_SECONDS, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def _owner() -> str | None:
    """The user to run the server as: None for ourselves, "postgres" when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("PostgreSQL will not run as root and there is no 'postgres' user: "
                    "install PostgreSQL (apt-get install -y postgresql), which makes it.")
    return "postgres"


def start_postgres() -> PostgresServer:
    """A new cluster, running; the caller stops it."""
    bindir = find_bindir()
    if bindir is None:
        pytest.fail("These tests need PostgreSQL and found no server binaries "
                    "(initdb, pg_ctl): install PostgreSQL (apt-get install -y postgresql) "
                    "or set LIVENON_PG_BINDIR.")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.fail("These tests need the PostgreSQL driver: pip install -e '.[test,postgres]'")
    run_as = _owner()
    # Not under pytest's own temporary folder: that one is the invoking user's only.
    folder = Path(tempfile.mkdtemp(prefix="livenon-pg-"))
    if run_as is not None:
        entry = pwd.getpwnam(run_as)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    server = PostgresServer(bindir, folder, 0, run_as)
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        pytest.fail(f"PostgreSQL did not start: {exc}")
    return server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole test session."""
    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres: PostgresServer) -> str:
    """A new, empty database on the session's PostgreSQL, for one test."""
    return postgres.create_database()
