"""The shared value objects read off their rows: an address, a stored photo, a supervisor's
exception, each built one way for the screens, the papers and the command line."""

from __future__ import annotations

from livenon_desk import models
from livenon_desk.domain.values import Address, Override, PhotoRef
from livenon_desk.store.photo_files import PhotoFiles


def address_of(row: models.Address | None) -> Address | None:
    if row is None:
        return None
    return Address(row.recipient, row.line1, row.line2, row.city, row.region,
                   row.postal_code, row.country_code, row.phone)


def photo_of(row: models.Photo, files: PhotoFiles) -> PhotoRef:
    return PhotoRef(row.id, files.path(row.file_name), row.sha256, row.caption, row.taken_at)


def override_of(inspection: models.Inspection) -> Override | None:
    """The exception a supervisor approved over the rules' decision, if any."""
    if inspection.override_decision is None:
        return None
    return Override(inspection.override_decision, inspection.override_reason or "",
                    inspection.override_by or "",
                    inspection.override_at or inspection.updated_at)
