"""Messages read from the files IT exports: .eml and .mbox."""

from __future__ import annotations

import mailbox
from pathlib import Path

import pytest

from livenon_desk.errors import KnownError
from livenon_desk.inbox.files import messages_in_files

CORPUS = Path(__file__).parents[1] / "domain" / "mail_corpus"


def test_an_eml_is_one_message_byte_for_byte() -> None:
    path = CORPUS / "zh_35_raw_8bit_gbk_no_labels.eml"
    assert list(messages_in_files([path])) == [(path.name, path.read_bytes())]


def test_an_mbox_holds_many_each_numbered(tmp_path: Path) -> None:
    sources = [CORPUS / "en_01_plain_seed_subject.eml", CORPUS / "zh_27_gb2312_base64.eml",
               CORPUS / "en_18_photo_jpeg.eml"]
    box = mailbox.mbox(tmp_path / "export.mbox")
    for source in sources:
        box.add(source.read_bytes())
    box.close()
    found = list(messages_in_files([tmp_path / "export.mbox"]))
    assert [name for name, _ in found] == ["export.mbox#1", "export.mbox#2", "export.mbox#3"]
    assert [raw for _, raw in found] == [s.read_bytes() for s in sources]


def test_an_mbox_without_its_suffix_is_known_by_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "Inbox"
    path.write_bytes(b"From someone@example.com Tue Jul 15 09:30:00 2025\n"
                     b"Subject: one\n\nfirst\n\n"
                     b"From other@example.com Tue Jul 15 09:31:00 2025\n"
                     b"Subject: two\n\nsecond\n")
    assert [raw.split(b"\n")[0] for _, raw in messages_in_files([path])] == [
        b"Subject: one", b"Subject: two"]


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnownError, match=r"ghost\.eml"):
        list(messages_in_files([tmp_path / "ghost.eml"]))
