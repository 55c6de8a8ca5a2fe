"""All of the desk's services on one database file, opened on first use.

The window can show before SQLAlchemy and the store have loaded: the first call, made in
the task runner, pays for opening the file.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from livenon_desk.domain.roles import Role
from livenon_desk.services.clock import Clock, utc_now

if TYPE_CHECKING:
    from livenon_desk.services.application_answer import ApplicationAnswerService
    from livenon_desk.services.application_check import ApplicationCheckService
    from livenon_desk.services.application_queue import ApplicationQueueService
    from livenon_desk.services.audit import AuditService
    from livenon_desk.services.auth_service import AuthService, OnlineSignIn
    from livenon_desk.services.desk_settings import DeskSettings
    from livenon_desk.services.document_service import DocumentService
    from livenon_desk.services.export_service import ExportService
    from livenon_desk.services.inspection_service import InspectionService
    from livenon_desk.services.mail_sender import MailSenderService
    from livenon_desk.services.mail_service import MailService
    from livenon_desk.services.receiving_service import ReceivingService
    from livenon_desk.services.refurbish_service import RefurbishService
    from livenon_desk.services.report_verification import ReportVerifier
    from livenon_desk.services.retention_service import RetentionService
    from livenon_desk.services.returns_service import ReturnsService
    from livenon_desk.services.sync_service import SyncService
    from livenon_desk.services.unit_service import UnitService
    from livenon_desk.services.vendor_return_service import VendorReturnService
    from livenon_desk.services.weight_check_service import WeightCheckService
    from livenon_desk.services.work_queue_service import WorkQueueService


class _Opened:
    def __init__(self, path: Path, clock: Clock, online: OnlineSignIn | None, *,
                 create: bool) -> None:
        from livenon_desk.domain.policy import default_policies
        from livenon_desk.services.application_answer import ApplicationAnswerService
        from livenon_desk.services.application_check import ApplicationCheckService
        from livenon_desk.services.application_queue import ApplicationQueueService
        from livenon_desk.services.audit import AuditService
        from livenon_desk.services.auth_service import AuthService
        from livenon_desk.services.desk_settings import desk_settings
        from livenon_desk.services.document_service import DocumentService
        from livenon_desk.services.export_service import ExportService
        from livenon_desk.services.inspection_service import InspectionService
        from livenon_desk.services.mail_sender import MailSenderService
        from livenon_desk.services.mail_service import MailService
        from livenon_desk.services.receiving_service import ReceivingService
        from livenon_desk.services.refurbish_service import RefurbishService
        from livenon_desk.services.retention_service import RetentionService
        from livenon_desk.services.returns_service import ReturnsService
        from livenon_desk.services.sync_service import SyncService
        from livenon_desk.services.unit_service import UnitService
        from livenon_desk.services.vendor_return_service import VendorReturnService
        from livenon_desk.services.weight_check_service import WeightCheckService
        from livenon_desk.services.work_queue_service import WorkQueueService
        from livenon_desk.store.opening import open_store
        from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for

        store = open_store(path, create=create)
        self.store = store
        policies = self.policies = default_policies()
        photos = self.photos = PhotoFiles(photo_dir_for(path))
        self.returns = ReturnsService(store, policies, clock)
        self.receiving = ReceivingService(store, photos, clock)
        self.inspections = InspectionService(store, policies, photos, clock)
        self.units = UnitService(store, policies, clock)
        self.weights = WeightCheckService(store, policies, clock)
        self.work_queue = WorkQueueService(store, policies, clock)
        self.settings = desk_settings()
        self.auth = AuthService(store, self.settings, clock, online)
        self.audit = AuditService(store, clock)
        self.retention = RetentionService(store, photos, self.settings, clock)
        self.exports = ExportService(store, clock)
        self.documents = DocumentService(store, policies, photos, clock,
                                         self.settings.label_printer_dpi)
        self.sync = SyncService(store, photos, clock)
        self.mail = MailService(store, photos, clock)
        self.application_checks = ApplicationCheckService(store, policies, clock)
        self.application_queue = ApplicationQueueService(
            store, policies, self.mail, self.application_checks, clock)
        self.refurbish = RefurbishService(store, policies, clock)
        self.vendor_returns = VendorReturnService(store, photos, clock)
        self.answers = ApplicationAnswerService(store, self.application_checks,
                                                self.documents, self.settings, clock)
        self.mail_sender = MailSenderService(store, self.settings, clock)


class Desk:
    """The services on ``path``; with ``create=False`` a missing file is an error the user
    sees, not a new empty database."""

    def __init__(self, path: Path, clock: Clock = utc_now,
                 online: OnlineSignIn | None = None, *, create: bool = True) -> None:
        self.path = path
        self._create = create
        self._clock = clock
        # The central API's sign-in check; may be set until the first sign-in.
        self.online = online
        self._lock = threading.Lock()
        self._opened: _Opened | None = None

    def _open(self) -> _Opened:
        with self._lock:
            if self._opened is None:
                self._opened = _Opened(self.path, self._clock, self._check_online,
                                       create=self._create)
            return self._opened

    def close(self) -> None:
        """Dispose of the database's engine; the next call opens the file again."""
        with self._lock:
            if self._opened is not None:
                self._opened.store.dispose()
                self._opened = None

    def _check_online(self, username: str, password: str) -> Role:
        if self.online is None:
            from livenon_desk.services.auth_service import CentralUnreachableError

            raise CentralUnreachableError("error.no-central-server")
        return self.online(username, password)

    @property
    def returns(self) -> ReturnsService:
        return self._open().returns

    @property
    def receiving(self) -> ReceivingService:
        return self._open().receiving

    @property
    def inspections(self) -> InspectionService:
        return self._open().inspections

    @property
    def units(self) -> UnitService:
        return self._open().units

    @property
    def weights(self) -> WeightCheckService:
        return self._open().weights

    @property
    def work_queue(self) -> WorkQueueService:
        return self._open().work_queue

    @property
    def auth(self) -> AuthService:
        return self._open().auth

    @property
    def audit(self) -> AuditService:
        return self._open().audit

    @property
    def retention(self) -> RetentionService:
        return self._open().retention

    @property
    def exports(self) -> ExportService:
        return self._open().exports

    @property
    def documents(self) -> DocumentService:
        return self._open().documents

    @property
    def sync(self) -> SyncService:
        return self._open().sync

    @property
    def mail(self) -> MailService:
        return self._open().mail

    @property
    def application_checks(self) -> ApplicationCheckService:
        return self._open().application_checks

    @property
    def application_queue(self) -> ApplicationQueueService:
        return self._open().application_queue

    @property
    def refurbish(self) -> RefurbishService:
        return self._open().refurbish

    @property
    def vendor_returns(self) -> VendorReturnService:
        return self._open().vendor_returns

    @property
    def answers(self) -> ApplicationAnswerService:
        return self._open().answers

    @property
    def mail_sender(self) -> MailSenderService:
        return self._open().mail_sender

    @property
    def reports(self) -> ReportVerifier:
        # Made on demand: reading a report's pages loads PDFium and a barcode reader.
        from livenon_desk.services.report_verification import ReportVerifier

        opened = self._open()
        return ReportVerifier(opened.store, opened.policies, opened.photos)

    @property
    def settings(self) -> DeskSettings:
        return self._open().settings
