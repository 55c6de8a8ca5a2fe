"""The fault-proxy harness: a desk saving and syncing through ``FaultProxy``, then one clean
round and the exactly-once check."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from livenon_desk.domain.policy import default_policies
from livenon_desk.services.inspection_service import InspectionService
from livenon_desk.services.receiving_service import ReceivingService
from livenon_desk.store.opening import open_store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from livenon_desk.sync.client import CentralClient, ClientSettings
from livenon_desk.sync.worker import SyncWorker
from tests.central_server import Central
from tests.reliability.checks import Exactness, before_run, drain_and_check
from tests.reliability.desk_process import NOW, RETRY, inspect_one, receive_one
from tests.reliability.fault_proxy import FaultProxy


@dataclass(frozen=True)
class FaultReport:
    requests: int
    faults: Counter[str]
    rounds: int
    outcome: Exactness


def run_faults(desk_path: Path, central: Central, direct: CentralClient, steps: int,
               seed: int, rate: float = 0.3) -> FaultReport:
    assert direct.token is not None
    parts = urlsplit(central.url)
    proxy = FaultProxy((parts.hostname or "127.0.0.1", parts.port or 80), seed, rate)
    before = before_run(desk_path, central)
    store = open_store(desk_path)
    photos = PhotoFiles(photo_dir_for(desk_path))
    receiving = ReceivingService(store, photos, clock=lambda: NOW)
    inspections = InspectionService(store, default_policies(), photos, clock=lambda: NOW)
    # A read timeout shorter than the proxy's delay: a delayed answer is a lost one.
    client = CentralClient(ClientSettings(proxy.url, retry=RETRY, read_timeout=0.3,
                                          connect_timeout=2.0),
                           token=direct.token, sleep=lambda _s: None)
    worker = SyncWorker(store, client, photos, lambda: NOW)
    rng = random.Random(seed)
    rounds = 0
    try:
        for _ in range(steps):
            roll = rng.random()
            if roll < 0.35:
                receive_one(store, receiving)
            elif roll < 0.65:
                inspect_one(store, inspections)
            else:
                worker.run_round()
                rounds += 1
    finally:
        store.dispose()
        client.close()
        proxy.close()
    return FaultReport(proxy.requests, proxy.faults, rounds,
                       drain_and_check(desk_path, central, direct, before))
