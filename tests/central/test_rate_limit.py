"""429 with Retry-After when a token goes too fast, and a client that waits it out."""

from __future__ import annotations

import pytest

from livenon_desk.central.app import context_of, create_app
from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.passwords import set_user
from livenon_desk.central.rate_limit import TokenBuckets
from livenon_desk.central.serve import start_in_thread
from livenon_desk.central.settings import CentralSettings
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.errors import BusyError
from livenon_desk.sync.retry import RetryPolicy
from tests.central_server import FAST_HASHER, PASSWORDS, Central


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_lets_a_burst_through_then_refills_at_its_rate() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(rate=2.0, burst=3, clock=clock)
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a") == pytest.approx(0.5)
    assert buckets.take("b") == 0.0  # another client has its own bucket
    clock.now += 0.5
    assert buckets.take("a") == 0.0


def test_the_client_waits_out_a_429_and_gets_through(central: Central) -> None:
    clock = FakeClock()

    def sleep(seconds: float) -> None:
        clock.now += seconds

    # The client's waits move the server's clock: the test takes no real time.
    client = central.client(sleep=sleep)
    # One request every 2 s, two at once.
    central.context.buckets = TokenBuckets(rate=0.5, burst=2, clock=clock)

    pages = [client.pull(None, 5) for _ in range(3)]

    assert len(pages) == 3
    assert len(central.sleeps) == 1
    assert central.sleeps[0] >= 2.0  # Retry-After: 2 (1 / 0.5 s), never cut short


def test_a_429_after_every_retry_is_a_busy_error(central: Central) -> None:
    client = central.client(retry=RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02))
    central.context.buckets = TokenBuckets(rate=0.001, burst=1, clock=FakeClock())
    client.pull(None, 5)

    with pytest.raises(BusyError) as busy:
        client.pull(None, 5)

    assert busy.value.status == 429


def test_a_retry_after_longer_than_the_client_accepts_is_not_waited(central: Central) -> None:
    client = central.client(retry=RetryPolicy(max_retry_after=5))
    central.context.buckets = TokenBuckets(rate=0.01, burst=1, clock=FakeClock())
    client.pull(None, 5)

    with pytest.raises(BusyError):
        client.pull(None, 5)  # Retry-After: 100

    assert central.sleeps == []


def test_sign_in_is_limited_per_address(central: Central) -> None:
    central.context.buckets = TokenBuckets(rate=0.001, burst=1, clock=FakeClock())
    central.client(retry=RetryPolicy(attempts=1))
    with pytest.raises(BusyError):
        central.client(retry=RetryPolicy(attempts=1))


def test_on_postgresql_the_server_processes_share_each_clients_bucket(
        postgres_url: str) -> None:
    db = CentralDatabase(postgres_url)
    db.create_schema()
    with db.write() as c:
        set_user(c, "inspector", PASSWORDS["inspector"], "inspector", FAST_HASHER)
    db.dispose()
    # Two servers, each with its own engine, as two processes would have.
    settings = CentralSettings(database_url=postgres_url, rate_per_second=0.001, burst=2,
                               password_hasher=FAST_HASHER)
    apps = [create_app(settings), create_app(settings)]
    servers = [start_in_thread(app) for app in apps]
    clients = [CentralClient(ClientSettings(s.url, retry=RetryPolicy(attempts=1)))
               for s in servers]
    try:
        clients[0].sign_in("inspector", PASSWORDS["inspector"])  # this address: 1 of 2
        clients[1].sign_in("inspector", PASSWORDS["inspector"])  # 2 of 2, elsewhere
        with pytest.raises(BusyError) as busy:
            clients[0].sign_in("inspector", PASSWORDS["inspector"])
        assert busy.value.status == 429
    finally:
        for client in clients:
            client.close()
        for server in servers:
            server.stop()
        for app in apps:
            context_of(app).db.dispose()
