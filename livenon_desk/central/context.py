"""What every request handler needs: the database, the settings, the rate limiter, faults."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request

from livenon_desk.central.database import CentralDatabase
from livenon_desk.central.faults import FaultInjector
from livenon_desk.central.rate_limit import Buckets
from livenon_desk.central.settings import CentralSettings


@dataclass
class CentralContext:
    db: CentralDatabase
    settings: CentralSettings
    buckets: Buckets | None
    faults: FaultInjector | None = None
    clock: Callable[[], float] = field(default=time.time)


def central_context(request: Request) -> CentralContext:
    context: CentralContext = request.app.state.central
    return context
