"""Two servers on one PostgreSQL, each with its own engine as two processes have: what one
of them did is known to the other (Idempotency-Key records, the seq counter)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from livenon_desk.central import tables
from livenon_desk.central.app import context_of, create_app
from livenon_desk.central.serve import start_in_thread
from livenon_desk.central.settings import CentralSettings
from livenon_desk.sync.client import CentralClient, ClientSettings
from tests.central_server import (
    FAST_HASHER,
    FAST_RETRY,
    PASSWORDS,
    Central,
    inspection_body,
    new_key,
)


@pytest.fixture
def second(central_postgres: Central) -> Iterator[CentralClient]:
    """A client of a second server on the same database as ``central_postgres``."""
    url = central_postgres.context.db.url
    app = create_app(CentralSettings(database_url=url, rate_per_second=None,
                                     password_hasher=FAST_HASHER))
    server = start_in_thread(app)
    client = CentralClient(ClientSettings(server.url, retry=FAST_RETRY))
    client.sign_in("inspector", PASSWORDS["inspector"])
    try:
        yield client
    finally:
        client.close()
        server.stop()
        context_of(app).db.dispose()


def test_a_write_sent_again_to_another_process_is_answered_once(
        central_postgres: Central, second: CentralClient) -> None:
    first = central_postgres.client()
    ret = central_postgres.find_return("received")
    inspection, key = str(uuid.uuid4()), new_key()
    body = inspection_body(ret)

    done = first.put_inspection(inspection, body, key=key)
    again = second.put_inspection(inspection, body, key=key)

    assert (done.status, done.replayed) == (201, False)
    assert (again.status, again.replayed, again.body) == (201, True, done.body)
    with central_postgres.context.db.read() as c:
        rows = c.execute(select(func.count()).select_from(tables.inspections)
                         .where(tables.inspections.c.key == inspection)).scalar_one()
    assert rows == 1


def test_sequence_numbers_from_two_processes_never_repeat(
        central_postgres: Central, second: CentralClient) -> None:
    first = central_postgres.client()
    ret = central_postgres.find_return("received")
    seqs = []
    for n in range(6):
        client = first if n % 2 else second
        result = client.put_inspection(str(uuid.uuid4()), inspection_body(ret),
                                       key=new_key())
        seqs.append(int(result.body["seq"]))
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == len(seqs)
