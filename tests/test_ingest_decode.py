"""Bytes to text: BOMs, declared charsets, legacy code pages, and refusing binary input."""

from __future__ import annotations

import os
import re

import pytest

from newsweave.ingest.base import InputRejected
from newsweave.ingest.decode import decode_bytes, html_declared_charset

SAMPLES = [
    ("Le président a déclaré lundi que l'économie française était en très bonne santé.", "latin-1"),
    ("Die Bürger von Köln haben am Montag über die Zukunft des Flughafens abgestimmt; große Mehrheit.", "latin-1"),
    ("El presidente español dijo que la economía crecerá un 2,5 % este año, según el informe.", "cp1252"),
    ("Президент России заявил в понедельник, что переговоры с Казахстаном прошли успешно.", "cp1251"),
    ("Уряд України ухвалив у четвер нове рішення щодо енергетичної безпеки країни.", "cp1251"),
    ("Prezydent Polski powiedział, że gospodarka rośnie szybciej niż się spodziewano.", "cp1250"),
    ("Türkiye'nin başkenti Ankara'da düzenlenen toplantıda İçişleri Bakanı açıklama yaptı.", "cp1254"),
    ("Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα για την οικονομία της χώρας.", "cp1253"),
    ("東京都は月曜日、新しい予算案を発表した。総額は約八兆円となる見込みだ。", "shift_jis"),
]


@pytest.mark.parametrize(("text", "encoding"), SAMPLES)
def test_decode_legacy_encodings(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_decode_byte_order_marks(codec: str) -> None:
    text = "Zürich, Київ, मॉस्को"
    assert decode_bytes(text.encode(codec)) == text


def test_decode_declared_charset_used_when_valid() -> None:
    raw = "Smart “quotes” – dash".encode("cp1252")
    assert decode_bytes(raw, declared="iso-8859-1") == "Smart “quotes” – dash"  # browsers read latin-1 as cp1252
    assert decode_bytes(b"plain ascii", declared="no-such-codec") == "plain ascii"


@pytest.mark.parametrize("label", ["unicode_escape", "raw_unicode_escape", "utf-7", "rot13", "hex"])
def test_decode_ignores_labels_outside_the_web_standard(label: str) -> None:
    raw = b"Escapes stay text: \\u0041 and +AGEAYgBj- are not decoded"
    assert decode_bytes(raw, declared=label) == raw.decode("ascii")


def test_decode_html_declared_charset() -> None:
    assert html_declared_charset(b'<html><head><meta charset="windows-1251">') == "windows-1251"
    assert html_declared_charset(
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">') == "ISO-8859-2"
    assert html_declared_charset(b"<html><body>no declaration</body></html>") is None


@pytest.mark.parametrize(("raw", "reason"), [
    (b"GIF89a\x00\x01\x02binary", "binary content (NUL bytes)"),
    (bytes(range(1, 9)) * 300, "binary content (100% control characters)"),
])
def test_decode_refuses_binary(raw: bytes, reason: str) -> None:
    with pytest.raises(InputRejected, match="^" + re.escape(reason)):
        decode_bytes(raw)


def test_decode_random_bytes_refused() -> None:
    with pytest.raises(InputRejected):
        decode_bytes(os.urandom(4096) + b"\x00")
