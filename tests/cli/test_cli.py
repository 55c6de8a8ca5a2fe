from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from livenon_desk.cli import exit_codes, main
from livenon_desk.cli.database import opened_desk
from livenon_desk.errors import NotFoundError
from livenon_desk.models import ReturnLine, ReturnRequest
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    assert (
        main(
            [
                "demo-data",
                "--db",
                str(path),
                "--returns",
                "200",
                "--seed",
                "7",
                "--today",
                "2026-11-25",
            ]
        )
        == 0
    )
    return path


@pytest.fixture(scope="module")
def some_return(demo_db: Path) -> tuple[str, str]:
    store = open_store(demo_db, create=False)
    with store.read_session() as s:
        rma, tag = s.execute(
            select(ReturnRequest.rma_number, ReturnLine.tag_code)
            .join(ReturnLine, ReturnLine.return_id == ReturnRequest.id)
            .order_by(ReturnRequest.id)
            .limit(1)
        ).one()
    store.dispose()
    return rma, tag


def _one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_demo_data_reports_what_it_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "small.sqlite3"
    assert main(["demo-data", "--db", str(path), "--returns", "20", "--seed", "1"]) == 0
    assert f"{path}: 20 returns" in capsys.readouterr().out


def test_lookup_prints_the_match(
    demo_db: Path, some_return: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    rma, tag = some_return
    assert main(["lookup", tag, "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert rma in out and "tag" in out


def test_lookup_json(
    demo_db: Path, some_return: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    rma, _ = some_return
    assert main(["lookup", rma.lower(), "--db", str(demo_db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(m["row"]["rma_number"], m["matched_by"]) for m in data] == [(rma, "rma")]


def test_lookup_without_match_is_one_line(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", "ZZZ-NOTHING-999", "--db", str(demo_db)]) == 1
    assert "No return matches" in _one_line_error(capsys.readouterr().err)


def test_explain_rule_by_rule(
    demo_db: Path, some_return: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    rma, _ = some_return
    assert main(["explain", rma, "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(rma)
    for rule in ("E1", "E2", "E3", "E4", "E5", "X1", "X2", "X3"):
        assert f"  {rule} " in out
    assert "decision:" in out


def test_explain_json_and_chinese(
    demo_db: Path, some_return: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    rma, _ = some_return
    assert main(["explain", rma, "--db", str(demo_db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rma_number"] == rma
    assert {r["rule_id"] for r in data["lines"][0]["rules"]} >= {"E1", "E2", "X3"}
    assert main(["explain", rma, "--db", str(demo_db), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert any("\u4e00" <= ch <= "\u9fff" for ch in out)


def test_explain_unknown_rma(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "RMA-0000-000000", "--db", str(demo_db)]) == 1
    assert "RMA-0000-000000" in _one_line_error(capsys.readouterr().err)


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.sqlite3"
    assert main(["lookup", "X", "--db", str(missing)]) == 1
    assert "No database" in _one_line_error(capsys.readouterr().err)
    assert not missing.exists()


def test_corrupt_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    assert main(["explain", "RMA-1", "--db", str(garbage)]) == 1
    assert str(garbage) in _one_line_error(capsys.readouterr().err)


@pytest.mark.parametrize(
    "argv",
    [
        ["demo-data", "--returns", "0"],
        ["demo-data", "--returns", "many"],
        ["demo-data", "--today", "yesterday"],
        ["no-such-command"],
        ["--lang", "fr"],
        ["explain"],
    ],
)
def test_bad_arguments(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert _one_line_error(capsys.readouterr().err).startswith("livenon-desk")


def test_demo_data_refuses_a_filled_database(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--db", str(demo_db), "--returns", "5"]) == 1
    _one_line_error(capsys.readouterr().err)


def test_main_py_runs_as_a_program(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "explain",
            "RMA-1",
            "--db",
            str(tmp_path / "missing.sqlite3"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path)},
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "No database" in _one_line_error(result.stderr)


def test_a_reader_that_goes_away_is_not_a_bug(
    demo_db: Path, some_return: tuple[str, str]
) -> None:
    """`livenon-desk lookup ... | head`: head closes the pipe; the command exits 0 and says
    nothing on stderr (before, the BrokenPipeError was logged as a bug and exited 70)."""
    rma, _tag = some_return
    proc = subprocess.Popen(
        [sys.executable, "-m", "livenon_desk", "explain", rma, "--db", str(demo_db), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader is gone before the first byte: every write fails
    _out, err = proc.communicate(timeout=60)
    assert err.decode() == ""
    assert proc.returncode == exit_codes.OK


def test_a_shell_pipe_into_head_exits_0(
    demo_db: Path, some_return: tuple[str, str]
) -> None:
    """The same through a shell pipe: `head -c 0` has left before the command writes."""
    rma, _tag = some_return
    command = (f"{shlex.quote(sys.executable)} -m livenon_desk explain {shlex.quote(rma)} "
               f"--db {shlex.quote(str(demo_db))} | head -c 0; exit ${{PIPESTATUS[0]}}")
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                            timeout=60, check=False, cwd=ROOT)
    assert result.stderr == ""
    assert result.returncode == exit_codes.OK


def test_a_command_disposes_of_its_database_whatever_happens(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disposed: list[Path] = []
    real_dispose = Store.dispose

    def dispose(store: Store) -> None:
        disposed.append(store.path)
        real_dispose(store)

    monkeypatch.setattr(Store, "dispose", dispose)
    with pytest.raises(NotFoundError), opened_desk(argparse.Namespace(db=demo_db)) as desk:
        desk.returns.detail_by_rma("RMA-NO-SUCH")
    assert disposed == [demo_db]
    assert main(["explain", "RMA-NO-SUCH", "--db", str(demo_db)]) == exit_codes.REFUSED
    assert disposed == [demo_db, demo_db]


@pytest.mark.parametrize("before_the_command", [True, False])
def test_db_is_taken_before_or_after_the_command(tmp_path: Path,
                                                 before_the_command: bool) -> None:
    """``livenon-desk --db X demo-data`` fills X, as ``demo-data --db X`` does; the command's
    own --db must not put back the default (the user's own database)."""
    path = tmp_path / "asked.sqlite3"
    where = ["--db", str(path)]
    command = ["demo-data", "--returns", "3", "--today", "2026-11-25"]
    argv = where + command if before_the_command else command + where
    assert main(argv) == 0
    store = open_store(path, create=False)
    with store.read_session() as s:
        assert len(s.scalars(select(ReturnRequest.id)).all()) == 3
    store.dispose()
