"""The label stock setting names the label printer's resolution; labels and tags made from
the database have their bars in whole dots of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from livenon_desk.documents.zpl import GraphicEncoding
from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import KnownError
from livenon_desk.paths import RESOURCES_DIR
from livenon_desk.services.desk_settings import FILE_NAME, load_settings
from livenon_desk.services.document_kinds import DocumentKind
from livenon_desk.services.document_service import DocumentService
from livenon_desk.services.label_printer import (
    configured_printer,
    parse_address,
    station_printer,
)
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW, add_return
from tests.conftest import INSPECTOR
from tests.documents.pdf_reading import bar_row, codes_by_page


def test_the_printer_resolution_is_read_and_checked(tmp_path: Path) -> None:
    default = RESOURCES_DIR / FILE_NAME
    assert load_settings((default,)).label_printer_dpi == 203
    user = tmp_path / FILE_NAME
    user.write_text("[label_stock]\nprinter_dpi = 300\n", encoding="utf-8")
    assert load_settings((default, user)).label_printer_dpi == 300
    user.write_text("[label_stock]\nprinter_dpi = 250\n", encoding="utf-8")
    with pytest.raises(KnownError, match="printer_dpi must be one of 203, 300, 600"):
        load_settings((default, user))


@pytest.mark.parametrize(("dpi", "dots"), [(203, 2), (300, 3)])
def test_labels_from_the_database_follow_the_setting(store: Store, photos: PhotoFiles,
                                                     dpi: int, dots: int) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    documents = DocumentService(store, default_policies(), photos, clock=lambda: NOW,
                                label_dpi=dpi)
    pdf = documents.render(INSPECTOR, DocumentKind.LABEL, built.rma_number).pdf
    row = bar_row(pdf, 0, dpi, right=180, bottom=36, top=98)
    assert min(row.runs) == dots and row.grey == 0
    assert all(run % dots == 0 for run in row.runs)
    assert codes_by_page(pdf, "Code128", dpi)[0] == [built.rma_number]


def test_the_label_printers_darkness_wait_and_status_question_are_read_and_checked(
    tmp_path: Path,
) -> None:
    default = RESOURCES_DIR / FILE_NAME
    settings = load_settings((default,))
    assert (settings.label_printer_darkness, settings.label_printer_timeout_seconds,
            settings.label_printer_ask_status) == (0, 10, True)
    user = tmp_path / FILE_NAME
    user.write_text("[label_printer]\ndarkness = -8\ntimeout_seconds = 3\nask_status = false\n",
                    encoding="utf-8")
    settings = load_settings((default, user))
    assert (settings.label_printer_darkness, settings.label_printer_timeout_seconds,
            settings.label_printer_ask_status) == (-8, 3, False)
    printer = station_printer(settings, parse_address("cups:Zebra"))
    assert (printer.dpi, printer.darkness, printer.timeout, printer.ask_status) == (
        203, -8, 3, False)
    assert station_printer(settings, parse_address("cups:Zebra"), 300).dpi == 300
    user.write_text("[label_printer]\ndarkness = 31\n", encoding="utf-8")
    with pytest.raises(KnownError, match="darkness must be a whole number from -30 to 30"):
        load_settings((default, user))
    user.write_text("[label_printer]\nask_status = 0\n", encoding="utf-8")
    with pytest.raises(KnownError, match="ask_status must be true or false"):
        load_settings((default, user))


def test_the_stations_label_printer_and_its_picture_encoding_are_read_and_checked(
    tmp_path: Path,
) -> None:
    default = RESOURCES_DIR / FILE_NAME
    settings = load_settings((default,))
    assert configured_printer(settings) is None  # none until IT names one
    user = tmp_path / FILE_NAME
    user.write_text('[label_printer]\naddress = "tcp://zebra-3"\ngraphic_encoding = "z64"\n',
                    encoding="utf-8")
    printer = configured_printer(load_settings((default, user)))
    assert printer is not None
    assert (str(printer.address), printer.encoding) == ("tcp://zebra-3:9100",
                                                       GraphicEncoding.Z64)
    for wrong, said in (('address = "zebra-3:9100"', "tcp://HOST:PORT"),
                        ("address = 9100", "address must be text in quotes"),
                        ('graphic_encoding = "gzip"', 'must be one of "ascii", "z64"')):
        user.write_text(f"[label_printer]\n{wrong}\n", encoding="utf-8")
        with pytest.raises(KnownError, match=said):
            load_settings((default, user))


def test_the_settings_know_every_way_a_label_travels() -> None:
    from livenon_desk.services import desk_settings

    [choices] = [c for (section, key), (_, c) in desk_settings._TEXTS.items()
                 if (section, key) == ("label_printer", "graphic_encoding")]
    assert choices == tuple(e.value for e in GraphicEncoding)
