"""Answers to email applications (P2), kept byte for byte as they were sent (T4).

A row is written in the transaction that decides the answer (and creates the RMA), with
its Message-ID and its bytes made then; the sender sends the rows not yet sent and marks
each sent once the SMTP server has taken it. A desk that dies in between finds the row
unsent and sends the same bytes again, under the same Message-ID.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.models.base import Base, UTCDateTime


class OutgoingMail(Base):
    __tablename__ = "outgoing_mails"
    __table_args__ = (
        # The sender's queue: the rows not yet sent, oldest first.
        Index("ix_outgoing_mails_sent_at_id", "sent_at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # One answer per application: a second is refused by the database itself.
    application_id: Mapped[int] = mapped_column(
        ForeignKey("incoming_mails.id", ondelete="CASCADE"), unique=True)
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    # "instructions" (an RMA was created) or "refusal" (a rule refuses the application).
    kind: Mapped[str] = mapped_column(String(16))
    rma_number: Mapped[str | None] = mapped_column(String(32), index=True)
    # The rules a refusal cites, "E2,X2" (None for instructions).
    rule_ids: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    recipient: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(Text)
    # The message as sent; emptied by the retention rule (its hash stays).
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    # Tries to hand it to the SMTP server; the last one's time and what went wrong.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
