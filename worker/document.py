"""The first stage: raw bytes or text in, a decoded `Document` of a known kind out, or a typed InputError.

Every check here is cheap and runs before any tree is built, so an empty, binary, mis-encoded or
oversized input is refused without paying for a parse.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from enum import StrEnum

from charset_normalizer import from_bytes

from worker.config import DEFAULT_PARSE_LIMITS, ParseLimits
from worker.errors import (
    BinaryDocument,
    DocumentTooLarge,
    EmptyDocument,
    UndecodableDocument,
    UnsupportedInput,
)


class InputKind(StrEnum):
    AUTO = "auto"
    HTML = "html"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    kind: InputKind
    url: str | None = None


_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "zip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"(\xb5/\xfd", "zstd"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"\x7fELF", "ELF executable"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_HTML_MARKERS = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|article|div|p|meta|title|main|section|span|a\s)[\s>/]", re.I
)
# Browsers decode these labels as windows-1252; so do we (the WHATWG encoding standard).
_CP1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_MAX_CONTROL_SHARE = 0.01
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # C0 controls that are not whitespace
# What no HTML or text page means and lxml refuses in a text node: stray controls, lone surrogates.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same controls as bytes: in UTF-8 each is its own byte, never part of another character's.
_XML_INVALID_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_MAX_REPLACEMENT_SHARE = 0.02


def binary_signature(head: bytes) -> str | None:
    """The name of the binary format `head` starts with, if it is a known one."""
    for magic, name in _BINARY_SIGNATURES:
        if head.startswith(magic):
            return name
    return None


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def _declared_charset(raw: bytes, content_type: str | None) -> str | None:
    if content_type:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", content_type, re.I)
        if match:
            return match.group(1).lower()
    head = raw[:8192]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii", "ignore").lower() if match else None


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_STRAY_BYTES_AS_CP1252 = "newsworker-stray-cp1252"


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    return stray.decode("cp1252", errors="replace"), error.end


codecs.register_error(_STRAY_BYTES_AS_CP1252, _stray_bytes_as_cp1252)


def _mostly_utf8(raw: bytes) -> bool:
    """Most high bytes form valid UTF-8 sequences: a UTF-8 page with pasted-in windows-1252 text
    (mixed encodings), which no single charset decodes and detection would turn into mojibake."""
    sample = raw[:262144]
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(sample))
    return in_sequences > 0 and 2 * in_sequences >= len(_HIGH_BYTE.findall(sample))


def decode_bytes(raw: bytes, content_type: str | None = None) -> str:
    """UTF-8 when the bytes are valid UTF-8, else the declared charset, else charset detection.

    A declared charset is trusted only when it decodes cleanly: pages that declare one encoding and
    are written in another are common. A page that is mostly UTF-8 with stray windows-1252 bytes
    (mixed encodings) decodes as UTF-8 with those bytes read as windows-1252; other mixtures decode
    with replacement characters, which the caller then measures.
    """
    return _decode(raw, content_type)[0]


def _decode(raw: bytes, content_type: str | None) -> tuple[str, bool]:
    """`decode_bytes`, and whether the text is the bytes read as strict UTF-8 (what most pages are)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace"), False
    try:
        return raw.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(raw, content_type)
    if declared:
        encoding = "cp1252" if declared in _CP1252_ALIASES else declared
        try:
            return raw.decode(encoding), False
        except (LookupError, UnicodeDecodeError):
            pass
    if declared in (None, "utf-8", "utf8") and _mostly_utf8(raw):
        return raw.decode("utf-8", errors=_STRAY_BYTES_AS_CP1252), False
    best = from_bytes(raw[:262144]).best()
    if best is not None and best.encoding:
        return raw.decode(best.encoding, errors="replace"), False
    return raw.decode("utf-8", errors="replace"), False


def _holds_invalid(text: str, utf8: bytes | None = None) -> bool:
    """Whether `_XML_INVALID` matches `text`, without the pattern's character-by-character search
    (~5% of the HTML path): the controls looked for in the UTF-8 bytes by a table walk (`utf8` when
    `text` was strictly decoded from it, else `text` encoded, which fails only on a lone surrogate),
    the two noncharacters by substring tests."""
    if utf8 is None:
        try:
            utf8 = text.encode("utf-8")
        except UnicodeEncodeError:  # only a surrogate cannot be encoded
            return True
    if len(utf8.translate(None, _XML_INVALID_CONTROLS)) != len(utf8):
        return True
    return "\ufffe" in text or "\uffff" in text


def looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip()
    return (head.startswith("<") and bool(_HTML_MARKERS.search(head))) or bool(
        _HTML_MARKERS.search(text[:65536]) and text.count("<") > 20
    )


def load_document(
    raw: bytes | str,
    *,
    kind: InputKind = InputKind.AUTO,
    url: str | None = None,
    content_type: str | None = None,
    limits: ParseLimits = DEFAULT_PARSE_LIMITS,
) -> Document:
    """Decode and classify one input, refusing what cannot be an article before it is parsed."""
    size = len(raw.encode("utf-8", errors="replace")) if isinstance(raw, str) else len(raw)
    if size > limits.max_document_bytes:
        raise DocumentTooLarge(f"document is {size} bytes, over the {limits.max_document_bytes}-byte limit")
    if isinstance(raw, bytes):
        signature = binary_signature(raw[:16])
        if signature:
            raise BinaryDocument(f"document is binary ({signature}), not HTML or text")
        head = raw[:65536]
        if head.count(b"\x00") > _MAX_CONTROL_SHARE * len(head) and not raw.startswith(
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        ):
            # A few stray NULs in a page's markup are a template's slip (dropped below with the
            # other controls); a binary file holds them throughout.
            raise BinaryDocument("document holds NUL bytes: binary, not HTML or text")
        text, strict_utf8 = _decode(raw, content_type)
    else:
        text, strict_utf8 = raw, False
    if not text.strip():
        raise EmptyDocument("document is empty or only whitespace")
    # The controls are among the invalid characters: most pages hold none, and one search says so.
    invalid = _holds_invalid(text, raw if strict_utf8 and isinstance(raw, bytes) else None)
    if invalid and _control_share(text) > _MAX_CONTROL_SHARE:
        raise BinaryDocument("document is mostly control characters: binary, not HTML or text")
    sample = text[:262144]
    if sample.count("\ufffd") > _MAX_REPLACEMENT_SHARE * len(sample):
        raise UndecodableDocument("document does not decode as text in its declared or detected encoding")
    if invalid:
        text = _XML_INVALID.sub("", text)
    if kind is InputKind.AUTO:
        if content_type and "html" in content_type.lower():
            kind = InputKind.HTML
        elif content_type and content_type.lower().startswith("text/plain"):
            kind = InputKind.TEXT
        else:
            kind = InputKind.HTML if looks_like_html(text) else InputKind.TEXT
    return Document(text=text, kind=kind, url=url)


FETCHABLE_CONTENT_TYPES = ("html", "xml", "text/plain")


def load_fetched_page(
    body: bytes, *, url: str, content_type: str | None, limits: ParseLimits = DEFAULT_PARSE_LIMITS
) -> Document:
    """A fetched page as a document; a PDF, an image or JSON is refused by its content type first."""
    declared = (content_type or "").lower()
    if declared and not any(kind in declared for kind in FETCHABLE_CONTENT_TYPES):
        raise UnsupportedInput(f"{url} is {declared}, not an HTML or text page")
    return load_document(body, url=url, content_type=content_type, limits=limits)
