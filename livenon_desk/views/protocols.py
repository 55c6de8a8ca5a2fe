"""What the screens need from the service layer, as a protocol the views depend on."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Protocol

from livenon_desk.services.dto import LookupMatch, ReturnDetail, ReturnFilter, ReturnRow, SortKey


class ReturnsQueries(Protocol):
    def lookup(self, query: str, limit: int = 50) -> list[LookupMatch]: ...

    def detail(self, return_id: int) -> ReturnDetail: ...

    def count(self, flt: ReturnFilter) -> int: ...

    def page(
        self, flt: ReturnFilter, sort: SortKey, descending: bool, offset: int, limit: int
    ) -> list[ReturnRow]: ...

    def ordered_ids(self, flt: ReturnFilter, sort: SortKey, descending: bool) -> array[int]: ...

    def rows(self, ids: Sequence[int]) -> list[ReturnRow]: ...
