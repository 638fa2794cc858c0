"""Article text cleaning: HTML to text and whitespace that keeps paragraphs.

HTML goes through selectolax (the Lexbor HTML5 parser: fast, tolerant of tag soup, no
regex "parsing"); scripts, styles and navigation are dropped before taking the text.
"""

from __future__ import annotations

import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser

_DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside", "form", "iframe")
_BLOCK_TAGS = "p, div, br, li, h1, h2, h3, h4, h5, h6, tr, blockquote, section, article, figcaption, pre"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")


def html_to_text(html: str) -> tuple[str, str | None]:
    """(text, title) of an HTML document; paragraphs become blank-line separated."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = normalise(title_node.text()) if title_node is not None else None
    tree.strip_tags(list(_DROPPED_TAGS))
    body = tree.body or tree.root
    if body is None:
        return "", title or None
    for node in body.css(_BLOCK_TAGS):
        node.insert_after("\n\n")
    return normalise(body.text(separator="")), title or None


def normalise(text: str) -> str:
    """NFC, no control characters, single spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<p>" in head and "</p>" in text.lower())
