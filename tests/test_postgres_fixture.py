"""The test PostgreSQL: a real server of version 15 or newer, on 127.0.0.1, one empty
database per test."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

import tests.postgres
from tests.postgres import PostgresServer


def test_each_test_gets_its_own_empty_database(postgres: PostgresServer,
                                               postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as c:
            version = int(c.execute(text("SHOW server_version_num")).scalar_one())
            tables = c.execute(text(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema = 'public'")).scalar_one()
            address = c.execute(text("SELECT host(inet_server_addr())")).scalar_one()
            port = int(c.execute(text("SELECT inet_server_port()")).scalar_one())
    finally:
        engine.dispose()
    assert version >= 150000
    assert tables == 0
    assert (address, port) == ("127.0.0.1", postgres.port)
    assert postgres_url != postgres.create_database()


def test_without_the_server_binaries_a_test_fails_and_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tests.postgres, "find_bindir", lambda: None)
    with pytest.raises(pytest.fail.Exception, match=r"apt-get install -y postgresql"):
        tests.postgres.start_postgres()
