"""Email applications as they arrived (P1), kept byte for byte as evidence (T4)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from livenon_desk.domain.enums import MailState
from livenon_desk.models.base import Base, UTCDateTime, enum_column


class IncomingMail(Base):
    """One message, taken once by its key (its Message-ID, else the hash of its bytes).

    The retention rule empties ``raw`` and the personal fields and sets ``purged_at``; the
    key, the hash and the state stay, so that importing the message again adds nothing.
    """

    __tablename__ = "incoming_mails"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_key: Mapped[str] = mapped_column(String(600), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    # Where it was read from: a file's name or the mailbox's URL (without a password).
    source: Mapped[str] = mapped_column(String(300))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sender: Mapped[str | None] = mapped_column(String(320), index=True)
    sender_name: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str | None] = mapped_column(Text)
    body_text: Mapped[str | None] = mapped_column(Text)
    order_number: Mapped[str | None] = mapped_column(String(32), index=True)
    product_name: Mapped[str | None] = mapped_column(Text)
    reason_text: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(Text)
    state: Mapped[MailState] = mapped_column(enum_column(MailState), index=True)
    # The catalogue's message id of why the message could not be read as an application.
    unreadable_reason: Mapped[str | None] = mapped_column(String(64))
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IncomingMailPhoto(Base):
    """An image attached to an incoming mail, in the desk's photo store (by content hash)."""

    __tablename__ = "incoming_mail_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mail_id: Mapped[int] = mapped_column(
        ForeignKey("incoming_mails.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(200), index=True)
    media_type: Mapped[str] = mapped_column(String(40))
    original_name: Mapped[str] = mapped_column(String(200))
