"""The returns queries of a ``Desk``, so that the list's first page opens the database."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from livenon_desk.services.desk import Desk
from livenon_desk.services.dto import LookupMatch, ReturnDetail, ReturnFilter, ReturnRow, SortKey


class DeferredReturnsService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def lookup(self, query: str, limit: int = 50) -> list[LookupMatch]:
        return self.desk.returns.lookup(query, limit)

    def detail(self, return_id: int) -> ReturnDetail:
        return self.desk.returns.detail(return_id)

    def count(self, flt: ReturnFilter) -> int:
        return self.desk.returns.count(flt)

    def page(
        self, flt: ReturnFilter, sort: SortKey, descending: bool, offset: int, limit: int
    ) -> list[ReturnRow]:
        return self.desk.returns.page(flt, sort, descending, offset, limit)

    def ordered_ids(self, flt: ReturnFilter, sort: SortKey, descending: bool) -> array[int]:
        return self.desk.returns.ordered_ids(flt, sort, descending)

    def rows(self, ids: Sequence[int]) -> list[ReturnRow]:
        return self.desk.returns.rows(ids)
