"""The codes a scanner reads: RMA, order, tracking and item-tag numbers, all unique.

Tracking numbers follow each carrier's shape (UPS ``1Z`` + 16 characters, DHL Express
10 digits, FedEx 12, USPS 22, SF Express ``SF`` + 13, UPU S10 for Royal Mail and Canada
Post). Their serial part is the return's number scrambled by a bijection, so no two
returns share one and no number looks like a count.
"""

from __future__ import annotations

import random

LIVENON_UPS_SHIPPER = "8V4R73"  # the account on Livenon's pre-paid labels (P4)
_ALNUM = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def scramble(n: int, digits: int) -> str:
    """``n`` mapped one-to-one onto ``digits`` zero-padded digits (unique below 10**digits)."""
    modulus = 10**digits
    return f"{(n * 7_654_321 + 1_234_567) % modulus:0{digits}d}"


def rma_number(year: int, n: int) -> str:
    return f"RMA-{year}-{n:06d}"


def tag_code(year: int, n: int, line: int) -> str:
    """The item tag of the ``line``-th returned line: the RMA's digits and the line."""
    return f"TAG-{year}{n:06d}-{line}"


def customer_number(n: int) -> str:
    return f"C{n:08d}"


class OrderNumbers:
    """``LVN`` + the order's UTC date + a five-digit sequence within that day (P1)."""

    def __init__(self) -> None:
        self._next: dict[str, int] = {}

    def issue(self, compact_date: str) -> str:
        seq = self._next.get(compact_date, 0) + 1
        self._next[compact_date] = seq
        return f"LVN{compact_date}{seq:05d}"


def s10(prefix: str, serial: str, country: str) -> str:
    """A UPU S10 item number (Royal Mail, Canada Post): 8 digits, a check digit, country."""
    total = sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{prefix}{serial}{check}{country}"


def tracking_number(rng: random.Random, carrier: str, n: int, prepaid: bool) -> str:
    """A tracking number of ``carrier``'s shape for return ``n``."""
    r = rng.random
    if carrier == "UPS":
        if prepaid:
            shipper = LIVENON_UPS_SHIPPER
        else:
            # A letter last: the digits of a tracking number never run to a card's length.
            shipper = "".join(_ALNUM[int(r() * 33)] for _ in range(5)) + _ALNUM[10 + int(r() * 23)]
        return f"1Z{shipper}{'90' if prepaid else '03'}{scramble(n, 8)}"
    if carrier == "DHL":
        return f"{1 + int(r() * 9)}{scramble(n, 9)}"
    if carrier == "FedEx":
        return f"7{10 + int(r() * 90)}{scramble(n, 9)}"
    if carrier == "USPS":
        return f"94001{10_000_000 + int(r() * 90_000_000)}{scramble(n, 9)}"
    if carrier == "SF Express":
        return f"SF1{100 + int(r() * 900)}{scramble(n, 9)}"
    if carrier == "Royal Mail":
        return s10("RR", scramble(n, 8), "GB")
    if carrier == "Canada Post":
        return s10("RR", scramble(n, 8), "CA")
    raise ValueError(f"unknown carrier {carrier!r}")


def inspection_uuid(rng: random.Random) -> str:
    """A version-4 UUID drawn from the seeded generator (``uuid4`` would not repeat)."""
    bits = rng.getrandbits(128)
    bits = (bits & ~(0xF000 << 64) & ~(0xC000 << 48)) | (0x4000 << 64) | (0x8000 << 48)
    h = f"{bits:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
