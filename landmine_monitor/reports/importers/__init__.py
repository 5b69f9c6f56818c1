"""Importers: one small interface, one module per input format.

An importer says whether it can read a file (by its name and first bytes) and reads it into one
or more `ReportDocument`s (a 1999 book file holds a whole region). Bad input raises
`ImportFailed` naming the file and line; doubtful input becomes `Warning`s on the document.
`importer_for(path)` picks the importer; `read_reports(path)` reads with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from landmine_monitor.reports.document import ReportDocument


class ImportFailed(ValueError):
    """A file that cannot be read as a report; the message names the file and, where it can, the line."""


class Importer(Protocol):
    name: str
    priority: int  # lower is asked first: the most specific formats before plain text

    def accepts(self, path: Path, head: bytes) -> bool:
        """Whether this importer reads the file, judged by its name and its first 4 KiB."""

    def read(self, path: Path) -> list[ReportDocument]:
        """Every report in the file, with warnings and sanitized, normalised text."""


IMPORTERS: list[Importer] = []


def decode_text(path: Path, raw: bytes, what: str, *, fallback: str | None = None) -> tuple[str, str]:
    """The text of a report file, and a warning ("" for none), or ImportFailed naming the file and
    line: empty, UTF-16, binary (a NUL byte), or not UTF-8 (nor `fallback`, when one is allowed).
    `what` names the kind of file in messages ("text report", "HTML page")."""
    if not raw.strip():
        raise ImportFailed(f"{path}: the file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed(f"{path}: line 1: UTF-16 text; save the file as UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        raise ImportFailed(f"{path}: line {line}: binary data (a NUL byte), not a {what}")
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError as utf8_error:
        line = raw[: utf8_error.start].count(b"\n") + 1
        byte = raw[utf8_error.start]
        if fallback is None:
            raise ImportFailed(f"{path}: line {line}: not UTF-8 text (byte 0x{byte:02x})") from None
        try:
            text = raw.decode(fallback)
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise ImportFailed(
                f"{path}: line {line}: neither UTF-8 nor {fallback} text (byte 0x{raw[error.start]:02x})"
            ) from None
        return text, f"line {line}: not UTF-8; read as {fallback}: check accented letters and quotes"


def register(importer: Importer) -> Importer:
    IMPORTERS.append(importer)
    return importer


def _load_importers() -> None:
    # Each module registers itself with `register`.
    from . import html, markdown, text, word  # noqa: F401


def importer_for(path: Path) -> Importer:
    _load_importers()
    head = path.read_bytes()[:4096]
    for importer in sorted(IMPORTERS, key=lambda i: i.priority):
        if importer.accepts(path, head):
            return importer
    raise ImportFailed(f"{path}: no importer reads this kind of file")


def read_reports(path: Path) -> list[ReportDocument]:
    return importer_for(path).read(path)
