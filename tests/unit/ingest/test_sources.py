"""Reading articles from files: every format, and every kind of bad input reported, not raised."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from services.ingest.sources import IncomingArticle, Limits, Skipped, discover, read_path

LIMITS = Limits()


def read(path: Path, limits: Limits = LIMITS) -> list[IncomingArticle | Skipped]:
    return list(read_path(path, limits))


def test_markdown_front_matter_gives_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\nid: s1\ntitle: Truce\npublished_at: 2023-09-20T18:00:00Z\nsource: AFP\n---\nBody line.\n")
    [article] = read(path)
    assert isinstance(article, IncomingArticle)
    assert (article.id, article.title, article.source, article.text) == ("s1", "Truce", "AFP", "Body line.")
    assert article.published_at == datetime(2023, 9, 20, 18, tzinfo=UTC)


def test_html_becomes_text_without_scripts_and_keeps_its_title(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Shelling</title><script>alert(1)</script></head>"
        "<body><p>Ten people were killed.</p><p>Talks go on.</p></body></html>"
    )
    [article] = read(path)
    assert isinstance(article, IncomingArticle)
    assert article.title == "Shelling"
    assert article.text == "Ten people were killed.\n\nTalks go on."


def test_jsonl_bad_lines_are_skipped_with_their_line_number_and_good_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First.", "published_at": "2024-01-02"}),
        "{not json",
        json.dumps({"id": "b", "text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "c", "text": "Third.", "published_at": "yesterday"}),
        json.dumps({"id": 7, "text": "Fourth.", "unknown_field": 1}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read(path)
    good = [item for item in items if isinstance(item, IncomingArticle)]
    bad = [item for item in items if isinstance(item, Skipped)]
    assert [a.id for a in good] == ["a", "7"]
    assert good[0].published_at == datetime(2024, 1, 2, tzinfo=UTC)  # a bare date is midnight UTC
    assert [(s.origin.rsplit(":", 1)[1], s.reason.split(":")[0]) for s in bad] == [
        ("2", "invalid JSON"),
        ("3", "empty or missing text"),
        ("4", "expected a JSON object with id and text, got list"),
        ("5", "published_at"),
    ]
    assert bad[0].excerpt == "{not json"


def test_a_file_over_the_size_limit_is_skipped_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    [skipped] = read(path)
    assert isinstance(skipped, Skipped)
    assert "50.0 MB, over the 10 MB limit" in skipped.reason


def test_non_utf8_and_missing_and_unsupported_files_are_reported(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Ataque em Goma: 12 mortos".encode("utf-16"))
    [skipped] = read(latin)
    assert isinstance(skipped, Skipped) and "not UTF-8" in skipped.reason
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    found = list(discover([tmp_path / "nope.txt", tmp_path / "photo.jpg"]))
    assert [f.reason.split(";")[0] for f in found if isinstance(f, Skipped)] == [
        "no such file or folder",
        "unsupported file type .jpg",
    ]


def test_folders_are_walked_in_a_stable_order_skipping_hidden_and_foreign_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.md", ".hidden.txt", "notes.pdf", "b/1.jsonl"):
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path]) if isinstance(p, Path)] == [
        "a.md",
        "b/1.jsonl",
        "b/2.txt",
    ]


def test_rss_entries_become_articles_with_link_and_date(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>Clashes</title><link>https://example.org/a</link><guid>g1</guid>
        <pubDate>Wed, 20 Sep 2023 18:00:00 GMT</pubDate><description>&lt;p&gt;Five soldiers were killed.&lt;/p&gt;</description></item>
        <item><title>Empty</title><link>https://example.org/b</link><description></description></item>
        </channel></rss>"""
    )
    items = read(path)
    article, empty = items
    assert isinstance(article, IncomingArticle)
    assert (article.id, article.url, article.source, article.text) == (
        "g1",
        "https://example.org/a",
        "Wire",
        "Five soldiers were killed.",
    )
    assert article.published_at == datetime(2023, 9, 20, 18, tzinfo=UTC)
    assert isinstance(empty, Skipped) and empty.origin.endswith("#entry2")


def test_broken_front_matter_is_a_clear_skip(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody\n")
    [skipped] = read(path)
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("front matter is not valid YAML")
