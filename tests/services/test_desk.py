from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from livenon_desk.services.desk import Desk
from livenon_desk.store.opening import open_store
from tests.builders import add_return


def _built(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "desk.sqlite3"
    store = open_store(path)
    rma = add_return(store).rma_number
    store.dispose()
    return path, rma


def _loaded_after(path: Path, steps: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh process has loaded after ``steps`` on a desk."""
    code = (
        "import sys; from pathlib import Path; from livenon_desk.services.desk import Desk\n"
        f"desk = Desk(Path({str(path)!r}), create=False)\n"
        f"{steps}\n"
        "desk.close()\n"
        f"print(' '.join(m for m in {modules!r} if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    return out.stdout.split()


def test_looking_up_and_explaining_load_no_printing_mail_or_sync(tmp_path: Path) -> None:
    # `livenon-desk lookup` and `explain` start in a fraction of a second: the services
    # they do not use, and ReportLab, the romanizer and the sync client with them, are
    # made only when first asked for.
    path, rma = _built(tmp_path)
    heavy = ("reportlab", "pypinyin", "requests", "livenon_desk.sync.client",
             "livenon_desk.services.document_service", "livenon_desk.inbox.imap")
    steps = (f"assert desk.returns.lookup({rma!r})\n"
             f"assert desk.returns.detail_by_rma({rma!r}).rma_number == {rma!r}")
    assert _loaded_after(path, steps, heavy) == []


def test_each_service_is_made_once_and_kept(tmp_path: Path) -> None:
    path, rma = _built(tmp_path)
    desk = Desk(path, create=False)
    try:
        assert desk.returns is desk.returns
        assert desk.application_queue is desk.application_queue
        assert desk.settings is desk.settings
        assert [m.row.rma_number for m in desk.returns.lookup(rma)] == [rma]
    finally:
        desk.close()


def test_open_all_makes_every_service_with_its_modules(tmp_path: Path) -> None:
    # The window asks for every service in the background after its first paint: none
    # is then made, nor ReportLab loaded, on the window's thread at a key press.
    path, _rma = _built(tmp_path)
    made_later = ("reportlab", "livenon_desk.services.mail_sender",
                  "livenon_desk.services.application_answer")
    assert _loaded_after(path, "desk.open_all()", made_later) == list(made_later)


def test_printing_a_latin_address_does_not_load_the_chinese_phrase_dictionary(
    tmp_path: Path
) -> None:
    # pypinyin's phrase dictionary holds some 55 MB: it loads with the first Chinese
    # address or name a document romanizes, and a desk that prints Latin ones never pays.
    path, rma = _built(tmp_path)
    label = f"assert desk.documents.render(INSPECTOR, DocumentKind('label'), {rma!r}, 'en').pdf"
    steps = ("from tests.conftest import INSPECTOR\n"
             "from livenon_desk.services.document_kinds import DocumentKind\n" + label)
    assert _loaded_after(path, steps, ("pypinyin", "reportlab")) == ["reportlab"]
    chinese = ("from livenon_desk.documents.romanization import romanize\n"
               "assert romanize('福建省厦门市') == 'Fujian Sheng Xiamen Shi'")
    assert _loaded_after(path, chinese, ("pypinyin",)) == ["pypinyin"]
