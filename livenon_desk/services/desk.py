"""All of the desk's services on one database file, each made on its first use.

The window can show before SQLAlchemy and the store have loaded: the first call, made in
the task runner, pays for opening the file. A service's modules load with it, so a command
that looks a return up never loads ReportLab, the mail reader or the sync client.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from livenon_desk.domain.roles import Role
from livenon_desk.services.clock import Clock, utc_now

if TYPE_CHECKING:
    from livenon_desk.domain.policy import PolicySet
    from livenon_desk.services.application_answer import ApplicationAnswerService
    from livenon_desk.services.application_check import ApplicationCheckService
    from livenon_desk.services.application_queue import ApplicationQueueService
    from livenon_desk.services.audit import AuditService
    from livenon_desk.services.auth_service import AuthService, OnlineSignIn
    from livenon_desk.services.desk_settings import DeskSettings
    from livenon_desk.services.document_service import DocumentService
    from livenon_desk.services.export_service import ExportService
    from livenon_desk.services.inspection_service import InspectionService
    from livenon_desk.services.lot_service import LotService
    from livenon_desk.services.mail_sender import MailSenderService
    from livenon_desk.services.mail_service import MailService
    from livenon_desk.services.receiving_service import ReceivingService
    from livenon_desk.services.recovery_figures import RecoveryFigures
    from livenon_desk.services.refurbish_service import RefurbishService
    from livenon_desk.services.report_verification import ReportVerifier
    from livenon_desk.services.retention_service import RetentionService
    from livenon_desk.services.returns_service import ReturnsService
    from livenon_desk.services.scale import Scale
    from livenon_desk.services.sync_service import SyncService
    from livenon_desk.services.unit_service import UnitService
    from livenon_desk.services.vendor_return_service import VendorReturnService
    from livenon_desk.services.weight_check_service import WeightCheckService
    from livenon_desk.services.work_queue_service import WorkQueueService
    from livenon_desk.store.database import Store
    from livenon_desk.store.photo_files import PhotoFiles

T = TypeVar("T")


class _Opened:
    """The open file and what every service shares; the services themselves are made by
    the factories below when first asked for, and kept."""

    def __init__(self, path: Path, clock: Clock, online: OnlineSignIn, *,
                 create: bool) -> None:
        from livenon_desk.domain.policy import default_policies
        from livenon_desk.store.opening import open_store
        from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for

        self.store: Store = open_store(path, create=create)
        self.policies: PolicySet = default_policies()
        self.photos: PhotoFiles = PhotoFiles(photo_dir_for(path))
        self.clock = clock
        self.online = online
        self._lock = threading.Lock()
        # One lock per service: one being made (its modules loading) keeps no one from
        # the others; a factory asks for the services it is made of under its own.
        self._locks: dict[Callable[[_Opened], object], threading.Lock] = {}
        self._made: dict[Callable[[_Opened], object], object] = {}

    def get(self, factory: Callable[[_Opened], T]) -> T:
        made = self._made.get(factory)
        if made is None:  # made once; afterwards read without waiting
            with self._lock:
                lock = self._locks.setdefault(factory, threading.Lock())
            with lock:
                made = self._made.get(factory)
                if made is None:
                    made = self._made[factory] = factory(self)
        return cast(T, made)


def _settings(_: _Opened) -> DeskSettings:
    from livenon_desk.services.desk_settings import desk_settings

    return desk_settings()


def _returns(o: _Opened) -> ReturnsService:
    from livenon_desk.services.returns_service import ReturnsService

    return ReturnsService(o.store, o.policies, o.clock)


def _receiving(o: _Opened) -> ReceivingService:
    from livenon_desk.services.receiving_service import ReceivingService

    return ReceivingService(o.store, o.photos, o.clock, policies=o.policies)


def _inspections(o: _Opened) -> InspectionService:
    from livenon_desk.services.inspection_service import InspectionService

    return InspectionService(o.store, o.policies, o.photos, o.clock)


def _work_queue(o: _Opened) -> WorkQueueService:
    from livenon_desk.services.work_queue_service import WorkQueueService

    return WorkQueueService(o.store, o.policies, o.clock)


def _auth(o: _Opened) -> AuthService:
    from livenon_desk.services.auth_service import AuthService

    return AuthService(o.store, o.get(_settings), o.clock, o.online)


def _audit(o: _Opened) -> AuditService:
    from livenon_desk.services.audit import AuditService

    return AuditService(o.store, o.clock)


def _retention(o: _Opened) -> RetentionService:
    from livenon_desk.services.retention_service import RetentionService

    return RetentionService(o.store, o.photos, o.get(_settings), o.clock)


def _exports(o: _Opened) -> ExportService:
    from livenon_desk.services.export_service import ExportService

    return ExportService(o.store, o.clock)


def _documents(o: _Opened) -> DocumentService:
    from livenon_desk.services.document_service import DocumentService

    return DocumentService(o.store, o.policies, o.photos, o.clock,
                           o.get(_settings).label_printer_dpi)


def _sync(o: _Opened) -> SyncService:
    from livenon_desk.services.sync_service import SyncService

    return SyncService(o.store, o.photos, o.clock)


def _mail(o: _Opened) -> MailService:
    from livenon_desk.services.mail_service import MailService

    return MailService(o.store, o.photos, o.clock)


def _application_checks(o: _Opened) -> ApplicationCheckService:
    from livenon_desk.services.application_check import ApplicationCheckService

    return ApplicationCheckService(o.store, o.policies, o.clock)


def _application_queue(o: _Opened) -> ApplicationQueueService:
    from livenon_desk.services.application_queue import ApplicationQueueService

    return ApplicationQueueService(o.store, o.policies, o.get(_mail),
                                   o.get(_application_checks), o.clock)


def _answers(o: _Opened) -> ApplicationAnswerService:
    from livenon_desk.services.application_answer import ApplicationAnswerService

    return ApplicationAnswerService(o.store, o.get(_application_checks), o.get(_documents),
                                    o.get(_settings), o.clock)


def _mail_sender(o: _Opened) -> MailSenderService:
    from livenon_desk.services.mail_sender import MailSenderService

    return MailSenderService(o.store, o.get(_settings), o.clock)


def _refurbish(o: _Opened) -> RefurbishService:
    from livenon_desk.services.refurbish_service import RefurbishService

    return RefurbishService(o.store, o.policies, o.clock)


def _vendor_returns(o: _Opened) -> VendorReturnService:
    from livenon_desk.services.vendor_return_service import VendorReturnService

    return VendorReturnService(o.store, o.photos, o.clock)


def _lots(o: _Opened) -> LotService:
    from livenon_desk.services.lot_service import LotService

    return LotService(o.store, o.clock, label_dpi=o.get(_settings).label_printer_dpi)


def _recovery(o: _Opened) -> RecoveryFigures:
    from livenon_desk.services.recovery_figures import RecoveryFigures

    return RecoveryFigures(o.store)


def _units(o: _Opened) -> UnitService:
    from livenon_desk.services.unit_service import UnitService

    return UnitService(o.store, o.policies, o.clock)


def _weights(o: _Opened) -> WeightCheckService:
    from livenon_desk.services.weight_check_service import WeightCheckService

    return WeightCheckService(o.store, o.policies, o.clock)


_FACTORIES: tuple[Callable[[_Opened], object], ...] = (
    _settings, _returns, _receiving, _inspections, _work_queue, _auth, _audit, _retention,
    _exports, _documents, _sync, _mail, _application_checks, _application_queue, _answers,
    _mail_sender, _refurbish, _vendor_returns, _lots,
    _recovery, _units, _weights)


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

    def _service(self, factory: Callable[[_Opened], T]) -> T:
        return self._open().get(factory)

    def open_all(self) -> None:
        """Make every service now. The window asks for this in the background once it has
        shown, so that no service is made (and its modules loaded) later on the window's
        own thread, when a key is pressed; a command makes only the ones it uses."""
        opened = self._open()
        for factory in _FACTORIES:
            opened.get(factory)

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
        return self._service(_returns)

    @property
    def receiving(self) -> ReceivingService:
        return self._service(_receiving)

    @property
    def inspections(self) -> InspectionService:
        return self._service(_inspections)

    @property
    def units(self) -> UnitService:
        return self._service(_units)

    @property
    def weights(self) -> WeightCheckService:
        return self._service(_weights)

    @property
    def work_queue(self) -> WorkQueueService:
        return self._service(_work_queue)

    @property
    def auth(self) -> AuthService:
        return self._service(_auth)

    @property
    def audit(self) -> AuditService:
        return self._service(_audit)

    @property
    def retention(self) -> RetentionService:
        return self._service(_retention)

    @property
    def exports(self) -> ExportService:
        return self._service(_exports)

    @property
    def documents(self) -> DocumentService:
        return self._service(_documents)

    @property
    def sync(self) -> SyncService:
        return self._service(_sync)

    @property
    def mail(self) -> MailService:
        return self._service(_mail)

    @property
    def application_checks(self) -> ApplicationCheckService:
        return self._service(_application_checks)

    @property
    def application_queue(self) -> ApplicationQueueService:
        return self._service(_application_queue)

    @property
    def answers(self) -> ApplicationAnswerService:
        return self._service(_answers)

    @property
    def mail_sender(self) -> MailSenderService:
        return self._service(_mail_sender)

    @property
    def refurbish(self) -> RefurbishService:
        return self._service(_refurbish)

    @property
    def vendor_returns(self) -> VendorReturnService:
        return self._service(_vendor_returns)

    @property
    def lots(self) -> LotService:
        return self._service(_lots)

    @property
    def recovery(self) -> RecoveryFigures:
        return self._service(_recovery)

    @property
    def reports(self) -> ReportVerifier:
        # Made on demand: reading a report's pages loads PDFium and a barcode reader.
        from livenon_desk.services.report_verification import ReportVerifier

        opened = self._open()
        return ReportVerifier(opened.store, opened.policies, opened.photos)

    @property
    def settings(self) -> DeskSettings:
        return self._service(_settings)

    @property
    def scale(self) -> Scale | None:
        """The station's scale ([scale] in the settings); None when it has none. Its
        ``read_weight()`` gives the settled weight on it now."""
        from livenon_desk.services.scale import station_scale

        return station_scale(self.settings)
