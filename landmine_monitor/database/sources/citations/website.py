"""Websites: a URL where nothing else names a kind ("See www.example.org/mines")."""

from __future__ import annotations

from .citation import WEBSITE
from .document import DocumentKind
from .part import Part


class Website(DocumentKind):
    value = WEBSITE

    def matches_weakly(self, part: Part) -> bool:
        return bool(part.url)
