"""A returns service that opens its database on first use, off the UI thread.

The window can then show before SQLAlchemy and the store have loaded: the first query,
run in the task runner, pays for opening the file.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from livenon_desk.services.dto import LookupMatch, ReturnDetail, ReturnFilter, ReturnRow, SortKey

if TYPE_CHECKING:
    from livenon_desk.services.returns_service import ReturnsService


class DeferredReturnsService:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._service: ReturnsService | None = None

    def _open(self) -> ReturnsService:
        with self._lock:
            if self._service is None:
                from livenon_desk.services.desk_services import open_returns_service

                self._service = open_returns_service(self.path)
            return self._service

    def lookup(self, query: str, limit: int = 50) -> list[LookupMatch]:
        return self._open().lookup(query, limit)

    def detail(self, return_id: int) -> ReturnDetail:
        return self._open().detail(return_id)

    def count(self, flt: ReturnFilter) -> int:
        return self._open().count(flt)

    def page(
        self, flt: ReturnFilter, sort: SortKey, descending: bool, offset: int, limit: int
    ) -> list[ReturnRow]:
        return self._open().page(flt, sort, descending, offset, limit)
