"""HTML pages: main text and metadata by trafilatura; HTML fragments (feed entries) to plain text.

trafilatura runs in its precision mode: the default (recall-oriented) mode falls back to whatever
text a page has, so a page that is nothing but menus would come back as a list of link labels and
boilerplate lines would reach the entity and quote stages. Precision mode returns nothing for such
pages, which is then reported as "no main text".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from newsweave.ingest.base import IngestError, InputRejected, load_bytes, max_article_bytes, metadata_date
from newsweave.ingest.decode import decode_bytes, html_declared_charset
from newsweave.model import Article

#: Suffixes read by this module.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

#: htmldate reads only the page's markup (meta tags, ``<time>``, URL), not dates in the running
#: text: what it returns is then honestly "metadata"; dates in the text are the time stage's job.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
})
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg")


def extract_html(raw: bytes, article_id: str, origin: str, *, url: str | None = None,
                 declared_charset: str | None = None) -> Article:
    """One page as an Article (text, title, date, author, site, canonical URL); ``InputRejected`` if none."""
    if not raw.strip():
        raise InputRejected("empty file")
    html = _XML_DECL.sub("", decode_bytes(raw, declared_charset or html_declared_charset(raw)), count=1)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      favor_precision=True, date_extraction_params=_DATE_PARAMS)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise InputRejected("no main text (page is navigation or boilerplate only)")
    art = Article(id=article_id, text=text, origin=origin, raw=raw, raw_type="html",
                  title=_clean(doc.title), author=_clean(doc.author), source=_clean(doc.sitename),
                  url=_clean(doc.url) or url)
    parsed = metadata_date(doc.date)
    if parsed:
        art.date, art.date_precision = parsed
        art.date_source = "metadata"
    return art


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one line per block element.

    Feed content is already the article body, so no boilerplate removal is wanted, only markup
    removal that keeps paragraph breaks.
    """
    if "<" not in fragment:
        return unescape(fragment).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *_DROP_TAGS, with_tail=False)
    parts: list[str] = []
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if node.tag in _BLOCK_TAGS:
                parts.append("\n")
            if node.text:
                parts.append(node.text)
        else:
            if node.tag in _BLOCK_TAGS:
                parts.append("\n")
            if node.tail and node is not root:
                parts.append(node.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def read_html_file(path: Path) -> Iterator[Article | IngestError]:
    """The article in one ``.html`` file; its id is the file name, its URL the page's canonical URL."""
    origin = str(path)
    try:
        yield extract_html(load_bytes(path, max_article_bytes()), path.name, origin)
    except InputRejected as exc:
        yield IngestError(origin, str(exc))
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
