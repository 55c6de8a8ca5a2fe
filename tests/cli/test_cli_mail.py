"""`livenon-desk mail import`: files and a real IMAP mailbox, each message once, and what
each exit status means."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest

from livenon_desk.cli import main
from livenon_desk.domain.policy import default_policies
from livenon_desk.services.application_answer import ApplicationAnswerService
from livenon_desk.services.application_check import ApplicationCheckService
from livenon_desk.services.desk_settings import desk_settings
from livenon_desk.services.document_service import DocumentService
from livenon_desk.services.mail_service import MailService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW, add_return
from tests.conftest import SUPERVISOR
from tests.imap_server import ImapServer
from tests.postgres import free_port
from tests.services.test_application_answer import application
from tests.smtp_server import SmtpTestServer

CORPUS = Path(__file__).parents[1] / "domain" / "mail_corpus"


def test_files_and_an_mbox_are_taken_once(store: Store, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    box = mailbox.mbox(tmp_path / "export.mbox")
    for name in ("zh_27_gb2312_base64", "broken_43_no_order_number"):
        box.add((CORPUS / f"{name}.eml").read_bytes())
    box.close()
    files = [str(CORPUS / "en_01_plain_seed_subject.eml"), str(tmp_path / "export.mbox")]
    assert main(["mail", "import", "--db", str(store.path), *files]) == 0
    assert capsys.readouterr().out == (
        "3 new emails taken (1 need a person); 0 were already kept.\n")
    assert main(["mail", "import", "--db", str(store.path), *files]) == 0
    assert capsys.readouterr().out == (
        "0 new emails taken (0 need a person); 3 were already kept.\n")


@pytest.mark.parametrize("extra", [[], ["x.eml", "--imap", "imaps://u@h/INBOX"]])
def test_files_or_a_mailbox_one_of_the_two(store: Store, extra: list[str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mail", "import", "--db", str(store.path), *extra]) == 2
    assert "--imap URL or files" in capsys.readouterr().err


def test_an_unreadable_file_is_refused_with_its_name(
        store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mail", "import", "--db", str(store.path), str(tmp_path / "gone.eml")]) == 1
    assert "gone.eml" in capsys.readouterr().err


def test_a_mailbox_imported_twice_takes_each_message_once(
        store: Store, imap_mailbox: ImapServer, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    connection = imap_mailbox.client()
    for name in ("en_12_html_only", "zh_32_html_only_gbk"):
        connection.append("INBOX", None, None, (CORPUS / f"{name}.eml").read_bytes())
    connection.logout()
    monkeypatch.setenv("MAILBOX_PASSWORD", imap_mailbox.password)
    command = ["mail", "import", "--db", str(store.path), "--imap", imap_mailbox.url(),
               "--password-env", "MAILBOX_PASSWORD", "--ca-file",
               str(imap_mailbox.certificate)]
    assert main(command) == 0
    assert capsys.readouterr().out.startswith("2 new emails taken")
    assert main(command) == 0
    assert capsys.readouterr().out.endswith("2 were already kept.\n")


def test_exit_statuses_of_a_mailbox_import(
        store: Store, imap_mailbox: ImapServer, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(store.path), "--ca-file", str(imap_mailbox.certificate)]
    monkeypatch.delenv("LIVENON_IMAP_PASSWORD", raising=False)
    # No password in the environment and no terminal to ask at: refused, saying what to set.
    assert main(["mail", "import", *db, "--imap", imap_mailbox.url()]) == 1
    assert "LIVENON_IMAP_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("LIVENON_IMAP_PASSWORD", "wrong")
    assert main(["mail", "import", *db, "--imap", imap_mailbox.url()]) == 1
    assert "refused the password of returns" in capsys.readouterr().err
    gone = f"imaps://returns@127.0.0.1:{free_port()}/INBOX"
    assert main(["mail", "import", *db, "--imap", gone]) == 3
    assert "Cannot reach the mail server" in capsys.readouterr().err
    assert main(["mail", "import", *db, "--imap", "imaps://returns:pw@127.0.0.1/INBOX"]) == 1
    assert "password" in capsys.readouterr().err


def test_a_database_that_does_not_exist_is_not_made(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "none.sqlite3"
    assert main(["mail", "import", "--db", str(path),
                 str(CORPUS / "en_01_plain_seed_subject.eml")]) == 1
    assert not path.exists()
    assert capsys.readouterr().err


def answer_one(store: Store, tmp_path: Path) -> None:
    """An application taken and answered: its instructions wait for the sender."""
    built = add_return(store)
    photos = PhotoFiles(tmp_path / "photos")
    policies = default_policies()
    key = MailService(store, photos, clock=lambda: NOW).take(
        SUPERVISOR, application(built.order_number), "test").key
    ApplicationAnswerService(
        store, ApplicationCheckService(store, policies, clock=lambda: NOW),
        DocumentService(store, policies, photos, clock=lambda: NOW), desk_settings(),
        clock=lambda: NOW).answer(SUPERVISOR, key)


def test_mail_send_sends_what_is_queued_with_the_password_from_the_keyring(
        store: Store, tmp_path: Path, smtp_server: SmtpTestServer, mail_settings: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    del mail_settings
    answer_one(store, tmp_path)
    ca = ["--ca-file", str(smtp_server.certificate)]
    # No password kept yet: the server refuses the user, the answer stays queued.
    assert main(["mail", "send", "--db", str(store.path), *ca]) == 1
    out, err = capsys.readouterr()
    assert out == "0 answers sent; 1 still queued.\n"
    assert "refused the password of desk" in err
    monkeypatch.setenv("LIVENON_MAIL_PASSWORD", smtp_server.password)
    assert main(["mail", "password", "smtp"]) == 0
    assert "smtps://desk@127.0.0.1" in capsys.readouterr().out
    assert main(["mail", "send", "--db", str(store.path), *ca]) == 0
    assert capsys.readouterr().out == "1 answers sent; 0 still queued.\n"
    assert len(smtp_server.received) == 1
    smtp_server.stop()
    assert main(["mail", "send", "--db", str(store.path), *ca]) == 0  # nothing waits


def test_mail_send_with_the_server_down_exits_3_and_keeps_the_answer(
        store: Store, tmp_path: Path, smtp_server: SmtpTestServer, mail_settings: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    del mail_settings
    answer_one(store, tmp_path)
    smtp_server.stop()
    assert main(["mail", "send", "--db", str(store.path)]) == 3
    out, err = capsys.readouterr()
    assert out == "0 answers sent; 1 still queued.\n"
    assert "Cannot reach the mail server" in err
