"""An article page → its main text, without navigation, cookie banners and related links.

trafilatura does the extraction: maintained, multilingual, and among the best-scoring
main-text extractors in published comparisons (it combines its own rules with jusText and
readability fallbacks). We ask for precision over recall: a figure in a "related stories"
box must not become a figure of this article.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.settings import Document

from services.feeds.errors import FetchFailed

MIN_ARTICLE_CHARS = 80


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None
    language: str | None


def main_text(html: str, url: str | None = None) -> PageText:
    """Raises FetchFailed("malformed") for a page that holds no article text."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    found = document.as_dict() if isinstance(document, Document) else (document or {})
    text = str(found.get("text") or "")
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise FetchFailed("malformed", "the linked page holds no article text")
    return PageText(text=text.strip(), title=found.get("title") or None, language=found.get("language") or None)
