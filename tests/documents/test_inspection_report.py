from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from livenon_desk.documents.content_hash import (
    ReportReference,
    canonical_json,
    inspection_hash,
    parse_payload,
)
from livenon_desk.documents.data import CompanyDetails, PhotoRef
from livenon_desk.documents.inspection_report import inspection_report_pdf
from livenon_desk.domain.enums import Decision
from tests.documents import pdf_reading as pdf
from tests.documents import samples


def test_report_explains_the_decision_rule_by_rule(company: CompanyDetails,
                                                   tmp_path: Path) -> None:
    record = samples.inspection(tmp_path)
    data = inspection_report_pdf(record, company)
    text = pdf.squashed(data)
    for value in (record.rma_number, record.order_number, record.line.tag_code, "MariaLopez",
                  "Policyversion2025.1", "Eligible", "Restock", "Lightscuffunderthetabletop"):
        assert value in text, value
    for rule in record.rules:
        assert rule.rule_id in text
        assert "".join(rule.reason_en.split()) in text
    for answer in record.answers:
        assert "".join(answer.question_en.split()) in text
    # The refund's arithmetic: price paid, the P7 deduction, the refund due.
    assert "899.00" in text and "−86.40" in text and "USD812.60" in text
    assert "(P7)" in text and "P7,T2,P6" in text


def test_content_hash_printed_as_text_and_qr(company: CompanyDetails, tmp_path: Path) -> None:
    record = samples.inspection(tmp_path)
    data = inspection_report_pdf(record, company)
    digest = inspection_hash(record)
    assert digest in pdf.squashed(data)
    payload = f"livenon-inspection/1;{record.rma_number};{record.inspection_id};{digest}"
    assert [c for page in pdf.codes_by_page(data, "QRCode") for c in page] == [payload]
    assert parse_payload(payload) == ReportReference(record.rma_number, record.inspection_id,
                                                     digest)
    assert parse_payload(record.rma_number) is None


def test_the_hash_covers_the_inspection_as_recorded_in_its_canonical_form(
        tmp_path: Path) -> None:
    record = samples.overridden(tmp_path)
    o = record.override
    assert o is not None
    expected = {
        "v": 1, "inspection": record.inspection_id, "rma": record.rma_number,
        "tag": record.line.tag_code, "inspector": "Maria Lopez",
        "started": "2025-07-28T16:00Z", "finished": "2025-07-28T16:25Z", "policy": "2025.1",
        "answers": {a.item_id: a.answer.value for a in record.answers},
        "decision": "not_eligible",
        "rules": [[r.rule_id, r.outcome.value, r.reason_en, r.reason_zh]
                  for r in record.rules],
        "override": {"at": "2025-07-29T09:00Z", "by": o.by, "decision": "eligible",
                     "reason": o.reason},
        "disposition": "restock", "notes": record.notes,
        "photos": [p.sha256 for p in record.photos],
    }
    text = canonical_json(record)
    assert json.loads(text) == expected
    assert text == json.dumps(expected, sort_keys=True, separators=(",", ":"),
                              ensure_ascii=False)
    assert inspection_hash(record) == hashlib.sha256(text.encode()).hexdigest()
    # Made at print time from today's policy and order, so left out: question texts, the
    # product, the refund; and times finer than the minute the paper prints.
    rebuilt = replace(
        record, refund=None, order_number="LVN-OTHER",
        answers=tuple(replace(a, question_en="Reworded", question_zh="改写") for a in
                      record.answers),
        started_at=record.started_at + timedelta(seconds=42))
    assert inspection_hash(rebuilt) == inspection_hash(record)
    for changed in (replace(record, decision=Decision.ELIGIBLE),
                    replace(record, rules=record.rules[1:]),
                    replace(record, override=replace(o, reason="Another reason")),
                    replace(record, photos=record.photos[1:])):
        assert inspection_hash(changed) != inspection_hash(record)


def test_content_hash_follows_the_content_not_the_file_location(tmp_path: Path) -> None:
    record = samples.inspection(tmp_path)
    moved = replace(record, photos=tuple(replace(p, path=Path("/elsewhere") / p.path.name)
                                         for p in record.photos))
    assert inspection_hash(moved) == inspection_hash(record)
    assert inspection_hash(replace(record, notes="changed")) != inspection_hash(record)
    assert str(tmp_path) not in canonical_json(record)


def test_every_photo_is_shown_with_its_sha256(company: CompanyDetails, tmp_path: Path) -> None:
    record = samples.inspection(tmp_path)
    text = pdf.squashed(inspection_report_pdf(record, company))
    assert "Photos(2)" in text
    for photo in record.photos:
        assert photo.sha256 in text


def test_missing_or_altered_photos_are_flagged(company: CompanyDetails, tmp_path: Path) -> None:
    record = samples.inspection(tmp_path)
    altered = record.photos[0]
    altered.path.write_bytes(altered.path.read_bytes() + b"edited")
    gone = PhotoRef(98, tmp_path / "nowhere.jpg", "0" * 64, "Lost photo")
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"not an image")
    import hashlib
    broken = PhotoRef(99, junk, hashlib.sha256(b"not an image").hexdigest(), "Broken file")
    data = inspection_report_pdf(replace(record, photos=(*record.photos, gone, broken)),
                                 company)
    text = pdf.squashed(data)
    assert "ThefilenolongermatchesitsrecordedSHA-256" in text
    assert "Photofilenotfound" in text
    assert "Photofilecannotberead" in text


def test_override_shows_who_why_and_both_decisions(company: CompanyDetails,
                                                   tmp_path: Path) -> None:
    record = samples.overridden(tmp_path)
    text = pdf.squashed(inspection_report_pdf(record, company))
    assert "Supervisoroverride" in text
    assert "Computeddecision" in text and "Noteligible" in text
    assert "SamCarter(supervisor)" in text
    assert "customer'sdeliveryphotoshowsday28" in text
    assert "Fail" in text and "past the 30-day window".replace(" ", "") in text


def test_chinese_report(company: CompanyDetails, tmp_path: Path) -> None:
    record = samples.inspection(tmp_path, samples.chinese())
    text = pdf.squashed(inspection_report_pdf(record, company, "zh"))
    assert "检验报告" in text and "逐条规则判定" in text
    assert "在签收（2025-07-09）后第11天申请，未超过30天。" in text
    assert samples.CHINESE_PRODUCT in text and "应退金额" in text


def test_a_deduction_shared_over_the_lines_says_it_is_this_lines_share(
        company: CompanyDetails, tmp_path: Path) -> None:
    record = samples.inspection(tmp_path)
    assert record.refund is not None
    shared = replace(record.refund.deductions[0], return_amount=Decimal("150.00"))
    record = replace(record, refund=replace(record.refund, deductions=(shared,)))
    en = pdf.squashed(inspection_report_pdf(record, company))
    assert "share of the 150.00 deduction for the return".replace(" ", "") in en
    assert "−86.40" in en
    zh = pdf.squashed(inspection_report_pdf(record, company, "zh"))
    assert "为整单退货扣款150.00分摊到本行的部分" in zh
