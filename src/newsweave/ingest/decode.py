"""Bytes to text: byte-order marks, declared charsets, UTF-8, then statistical detection.

Order matters: a BOM is proof, a declared charset (HTTP header, ``<meta charset>``) is a strong
hint that must still decode cleanly, strict UTF-8 almost never succeeds by accident, and only then
does charset-normalizer guess. Binary input (NUL bytes, many control characters) is
refused with a reason instead of becoming mojibake. NFC normalisation happens in ``Article``.
"""

from __future__ import annotations

import codecs
import re

import webencodings
from charset_normalizer import CharsetMatch, from_bytes

from newsweave.ingest.base import InputRejected

#: (BOM, codec); UTF-32 first because its little-endian BOM starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: The encodings that detection chooses among: those in real use on the web. Letting the detector
#: consider every codec makes rare ones (ISO-8859-14, Mac code pages) win on short texts by chance.
#: The least chaotic, most coherent decoding wins; when several score the same (short Western
#: texts decode cleanly as both cp1252 and cp1250), the one earlier in this list wins.
_WEB_PREFERENCE = ("utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "iso8859_2",
                   "cp1254", "iso8859_9", "cp1256", "cp1253", "cp1255", "cp1257", "shift_jis", "cp932",
                   "euc_jp", "gb18030", "gbk", "gb2312", "big5", "euc_kr", "cp949", "cp874", "tis_620")

#: Largest share of control characters (C0/C1 other than whitespace, U+FFFD) that text may have;
#: decoded binary data is full of them. Format characters such as ZWJ are ordinary in Indic text.
MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def html_declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or http-equiv), if any."""
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii") if match else None


def _known_codec(name: str | None) -> codecs.CodecInfo | None:
    """The codec for a declared charset label, read as browsers read it, or None.

    Labels follow the WHATWG Encoding Standard (via ``webencodings``): "iso-8859-1" and "ascii"
    mean cp1252, because such pages routinely contain cp1252 curly quotes and dashes, and anything
    outside the standard's list ("unicode_escape", "rot13", "zlib") is ignored rather than trusted:
    a page must not pick a Python codec that turns bytes into something other than its text.
    """
    encoding = webencodings.lookup(name) if name else None
    return encoding.codec_info if encoding else None


def _control_share(text: str) -> float:
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


def _detect(raw: bytes) -> str:
    results = list(from_bytes(raw, cp_isolation=list(_WEB_PREFERENCE)))
    if not results:
        raise InputRejected("binary or undetectable encoding")

    def rank(match: CharsetMatch) -> tuple[float, float, int]:
        names = [match.encoding, *match.could_be_from_charset]
        positions = [_WEB_PREFERENCE.index(n) for n in names if n in _WEB_PREFERENCE]
        return round(match.chaos, 2), -round(match.coherence, 3), min(positions, default=len(_WEB_PREFERENCE))

    return str(min(results, key=rank))


def decode_bytes(raw: bytes, declared: str | None = None) -> str:
    """Decode ``raw`` to text or raise ``InputRejected`` saying why it is not text.

    ``declared`` is a charset named by the container (HTTP header, HTML meta, XML prolog); it is
    used only when the bytes decode under it without errors.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputRejected(f"invalid {codec} after byte-order mark: {exc.reason}") from None
    if b"\x00" in raw:
        raise InputRejected("binary content (NUL bytes)")
    text: str | None = None
    codec = _known_codec(declared)
    if codec:
        try:
            text = codec.decode(raw, "strict")[0]
        except UnicodeDecodeError:
            text = None
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(raw)
    share = _control_share(text)
    if share > MAX_CONTROL_SHARE:
        raise InputRejected(f"binary content ({share:.0%} control characters)")
    return text
