from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from livenon_desk.domain.enums import CodeKind, ReasonCategory, ReasonCode, ReturnStatus
from livenon_desk.store.database import Store
from livenon_desk.store.lookup import find_by_code, find_by_prefix, normalize_code
from livenon_desk.store.opening import open_store
from livenon_desk.store.returns_list import count_returns, page_returns, rows_by_ids
from livenon_desk.store.rows import ReturnFilter, SortKey
from livenon_desk.store.search_index import rebuild_search_index, search_returns
from tests.builders import NOW, Built, LineSpec, add_return


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[Built]]]:
    store = open_store(tmp_path_factory.mktemp("store") / "desk.sqlite3")
    built = [
        add_return(store, customer_name="Emily Carter", email="emily.carter@example.com",
                   phone="+1 415-555-0134", tracking="1Z999AA10123456784"),
        add_return(store, customer_name="张伟", email="zhang.wei@example.cn",
                   phone="+86 138-0013-8000", language="zh", reason=ReasonCode.SIZE_MISMATCH,
                   lines=[LineSpec(sku="LVN-SEC-0301", name_en="Bellamy L-Shaped Sectional",
                                   name_zh="贝拉米 L形转角沙发")]),
        add_return(store, customer_name="Renée Dubois", email="renee@example.org",
                   phone=None, status=ReturnStatus.RECEIVED, received_at=NOW),
    ]
    yield store, built
    store.dispose()


@pytest.mark.parametrize(("raw", "expected"), [
    ("  rma-2026-000001\r\n", "RMA-2026-000001"), ("\x02lvn123\x03", "LVN123"), ("", ""),
])
def test_normalize_code(raw: str, expected: str) -> None:
    assert normalize_code(raw) == expected


def test_each_kind_of_code(world: tuple[Store, list[Built]]) -> None:
    store, built = world
    b = built[0]
    with store.read_session() as s:
        assert find_by_code(s, b.rma_number) == [(b.return_id, CodeKind.RMA)]
        assert find_by_code(s, b.order_number.lower()) == [(b.return_id, CodeKind.ORDER)]
        assert find_by_code(s, " 1z999aa10123456784 ") == [(b.return_id, CodeKind.TRACKING)]
        assert find_by_code(s, b.tag_codes[0]) == [(b.return_id, CodeKind.TAG)]
        assert find_by_code(s, "RMA-0000-999999") == []
        assert find_by_code(s, "   ") == []


def test_prefix_lookup(world: tuple[Store, list[Built]]) -> None:
    store, built = world
    with store.read_session() as s:
        found = dict(find_by_prefix(s, "rma-2026-"))
        assert {b.return_id for b in built} <= set(found)
        by_order = dict(find_by_prefix(s, built[1].order_number[:-2]))
        assert by_order[built[1].return_id] is CodeKind.ORDER
        assert dict(find_by_prefix(s, built[0].tracking_number[:8])) == {  # type: ignore[index]
            built[0].return_id: CodeKind.TRACKING}
        assert find_by_prefix(s, "RM") == []


@pytest.mark.parametrize(("query", "who"), [
    ("Carter", 0), ("emi", 0), ("emily.carter@exa", 0), ("415-555-01", 0), ("4155550134", 0),
    ("张伟", 1), ("张", 1), ("转角沙发", 1), ("Bellamy sect", 1), ("13800138000", 1),
    ("renee", 2), ("Renée", 2),
])
def test_full_text_search(world: tuple[Store, list[Built]], query: str, who: int) -> None:
    store, built = world
    with store.read_session() as s:
        assert search_returns(s, query) == [built[who].return_id]


@pytest.mark.parametrize("hostile", [
    '"', "*", "AND", "OR NOT", "(", ")", "-", "emily AND", 'em"ily', "NEAR(", "^", "'", ":",
    "a:b", "{x}", "\\", "%", "_", "🙂", "\x00", "x" * 500,
])
def test_any_typed_text_is_safe(world: tuple[Store, list[Built]], hostile: str) -> None:
    store, _ = world
    with store.read_session() as s:
        assert isinstance(search_returns(s, hostile), list)
        assert isinstance(find_by_prefix(s, hostile), list)
        assert isinstance(find_by_code(s, hostile), list)


def test_rebuild_gives_the_same_answers(world: tuple[Store, list[Built]]) -> None:
    store, built = world
    with store.engine.begin() as c:
        rebuild_search_index(c)
    with store.read_session() as s:
        assert search_returns(s, "zhang") == [built[1].return_id]


def test_count_page_and_rows(world: tuple[Store, list[Built]]) -> None:
    store, built = world
    with store.read_session() as s:
        assert count_returns(s, ReturnFilter()) == 3
        received = ReturnFilter(statuses=frozenset({ReturnStatus.RECEIVED}))
        assert count_returns(s, received) == 1
        assert count_returns(s, ReturnFilter(reason_category=ReasonCategory.PERSONAL)) == 1
        for key in SortKey:
            for descending in (False, True):
                rows = page_returns(s, ReturnFilter(), key, descending, 0, 10)
                assert len(rows) == 3
                assert sorted(r.return_id for r in rows) == sorted(b.return_id for b in built)
        ascending = page_returns(s, ReturnFilter(), SortKey.RMA_NUMBER, False, 0, 10)
        assert [r.rma_number for r in ascending] == sorted(b.rma_number for b in built)
        window = page_returns(s, ReturnFilter(), SortKey.RMA_NUMBER, False, 1, 1)
        assert [r.rma_number for r in window] == [ascending[1].rma_number]
        ids = [built[2].return_id, built[0].return_id, 999_999]
        assert [r.return_id for r in rows_by_ids(s, ids)] == ids[:2]
        assert rows_by_ids(s, []) == []


def _plan(store: Store, sql: str, **params: object) -> str:
    with store.engine.connect() as c:
        rows = c.execute(text("EXPLAIN QUERY PLAN " + sql), params).all()
    return " | ".join(str(r[-1]) for r in rows)


def test_code_lookups_use_indexes(world: tuple[Store, list[Built]]) -> None:
    store, _ = world
    for sql in (
        "SELECT id FROM return_requests WHERE rma_number = :c",
        "SELECT id FROM return_requests WHERE tracking_number = :c",
        "SELECT return_id FROM return_lines WHERE tag_code = :c",
        "SELECT r.id FROM return_requests r JOIN orders o ON o.id = r.order_id "
        "WHERE o.order_number = :c",
    ):
        plan = _plan(store, sql, c="X")
        assert "USING" in plan and "SCAN return_requests" not in plan, plan


def test_pages_sorted_by_applied_walk_an_index(world: tuple[Store, list[Built]]) -> None:
    store, _ = world
    plan = _plan(store, "SELECT id FROM return_requests ORDER BY applied_at DESC, id DESC "
                        "LIMIT 200 OFFSET 400")
    assert "USE TEMP B-TREE" not in plan, plan
