"""Turn input bytes into text without losing anything silently.

Articles arrive as UTF-8 (with or without BOM), UTF-16, legacy 8-bit encodings, or damaged
copies. Decoding never raises: damage becomes a Diagnostic that CC901 reports, and only
input that cannot be an article at all (binary, empty, too large) is refused with InputError.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator

from citecheck.model import Diagnostic, Span

DEFAULT_MAX_BYTES = 5_000_000

# Magic numbers of formats that are certainly not an article.
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"\x89PNG", b"\xff\xd8\xff",
    b"GIF8", b"\x7fELF", b"MZ", b"SQLite format 3", b"\x00\x00\x01\x00", b"RIFF",
)


class InputError(Exception):
    """The input cannot be linted; the message says why (exit code 2)."""


@dataclass
class Decoded:
    """Text decoded from bytes, with what went wrong on the way."""

    text: str
    encoding: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode a file, or standard input when ``path`` is ``-``."""
    name = str(path)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            if Path(name).is_dir():
                raise InputError(f"{name}: is a directory")
            with open_regular(name) as handle:
                data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except NotRegularFile as exc:
        raise InputError(f"{name}: {exc.strerror}") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: larger than the input limit of {max_bytes:,} bytes "
            "(raise it with --max-bytes)"
        )
    return decode(data, name)


class NotRegularFile(OSError):
    """A named pipe, socket or device where a file was expected."""


def open_regular(path: str | Path) -> IO[bytes]:
    """Open a regular file for reading; refuse anything else without blocking on it.

    Opening a named pipe for reading waits until a writer appears, so the file is opened
    non-blocking and checked before anything is read (a directory raises IsADirectoryError).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file (a named pipe, socket or device); "
                                 "give a file, or - for standard input")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def decode(data: bytes, name: str = "<input>") -> Decoded:
    """Decode article bytes; refuse binary and empty input with a reason."""
    if not data.strip():
        raise InputError(f"{name}: empty input (nothing to lint)")
    encoding, text, diagnostics = _decode_text(data, name)
    if not text.strip():
        raise InputError(f"{name}: empty input (only whitespace after decoding)")
    diagnostics.extend(_nul_diagnostics(text))
    text = text.replace("\x00", "\ufffd")
    damage = detect_mojibake(text)
    if damage is not None:
        diagnostics.append(damage)
    return Decoded(text=text, encoding=encoding, diagnostics=diagnostics)


def _decode_text(data: bytes, name: str) -> tuple[str, str, list[Diagnostic]]:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", *_utf8(data[3:])
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return enc, *_lenient(data[len(bom):], enc)
    utf16 = _sniff_utf16(data)
    if utf16:
        return utf16, *_lenient(data, utf16)
    if _looks_binary(data):
        raise InputError(f"{name}: binary file, not an article (expected text, wikitext or HTML)")
    try:
        return "utf-8", data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if not _has_utf8_multibyte(data):
        # No valid UTF-8 multibyte sequence at all: a legacy 8-bit file, not damaged UTF-8.
        text = data.decode("cp1252", errors="replace")
        return "cp1252", text, [Diagnostic(
            "legacy-encoding",
            "input is not UTF-8; decoded as Windows-1252 (check accented names)",
        )]
    return "utf-8", *_utf8(data)


def _utf8(data: bytes) -> tuple[str, list[Diagnostic]]:
    return _lenient(data, "utf-8")


def _lenient(data: bytes, encoding: str) -> tuple[str, list[Diagnostic]]:
    """Decode with U+FFFD for bad sequences, recording how many and where."""
    bad: list[str] = []

    def note(err: UnicodeDecodeError) -> tuple[str, int]:
        bad.append(err.object[err.start : err.end].hex(" "))
        return "\ufffd", err.end

    handler = f"citecheck-note-{id(bad)}"
    codecs.register_error(handler, note)
    text = data.decode(encoding, errors=handler)
    if not bad:
        return text, []
    return text, [Diagnostic(
        "invalid-encoding",
        f"{len(bad)} invalid {encoding.upper()} byte sequence(s) replaced with U+FFFD",
        examples=bad[:5],
        count=len(bad),
    )]


def _sniff_utf16(data: bytes) -> str:
    """UTF-16 without a BOM shows as NUL bytes in every other position."""
    sample = data[:4096]
    if len(sample) < 8:
        return ""
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return ""


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.10


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_multibyte(data: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(data) is not None


def _nul_diagnostics(text: str) -> list[Diagnostic]:
    count = text.count("\x00")
    if not count:
        return []
    return [Diagnostic(
        "nul-bytes",
        f"{count} NUL byte(s) replaced with U+FFFD (text after them is kept)",
        count=count,
    )]


# --- mojibake -------------------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LATIN = "A-Za-z\u00c0-\u024f"
_MOJIBAKE_PATTERNS = (
    # One CJK character wedged inside a Latin word: "F邦zuli", "Lib谷ration", "St谷phanie". A run
    # of CJK, or one beside kana, is genuine text ("粤E牌", "らんま1/2』の放送開始日").
    re.compile(rf"(?<![{_CJK}])[{_LATIN}][{_CJK}](?![{_CJK}\u3040-\u30ff])[{_LATIN}]"
               rf"|(?<![{_CJK}\w])[{_CJK}][a-z\u00e0-\u024f]{{2,}}"),
    # A lone CJK character used as a dash between digits: "1988每1994"
    # (not the date characters of genuine text: "4月15日")
    re.compile(rf"\d(?![年月日号時分秒])[{_CJK}]\d(?!\d*[{_CJK}])"),
    # "?" standing in for a letter inside or at the start of a word: "Mesut ?zil", "Ak??l".
    # It starts with the literal (written out: "\?+" is a repeat, which the regex engine tries at
    # every position) so the scan is fast; the letter before is checked in code.
    re.compile(rf"\?\?*(?=[{_LATIN}])"),
    # UTF-8 read as Windows-1252/Latin-1: "Ã©", "â€™"
    re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e]"
               "|\u00e2\u20ac[\u0099\u009c\u009d\u201c\u201d\u2122\u201e\u02dc\u00a6\u0093\u0094]"),
)
_REPLACEMENT = re.compile("\ufffd+")
_CJK_IN_WORD = _MOJIBAKE_PATTERNS[0]
_QUESTION_MARKS = _MOJIBAKE_PATTERNS[2]
_LATIN1_LEADS = ("\u00c2", "\u00c3", "\u00e2\u20ac")
_LETTER = re.compile(r"[^\W\d_]")
_CJK_CHAR = re.compile(f"[{_CJK}]")
# A lone CJK character between words or figures: "1988 每 1994", "Kars 每 a city" (a plate code
# "京 A" or a table of CJK cells is not). It starts with the CJK character, which the regex engine
# scans for quickly, and looks behind it for what precedes.
_SPACED_CJK = re.compile(rf"[{_CJK}](?<=[a-z0-9,.;)\u00df-\u024f] .)(?= [a-z0-9(\u00df-\u024f])")
_URLISH = re.compile(r"[/=&.:|]")


def detect_mojibake(text: str) -> Diagnostic | None:
    """Find text garbled by a wrong decoding somewhere upstream; one diagnostic with examples.

    CJK heuristics apply only where CJK is rare, so genuine Chinese or Japanese text
    (where Latin words beside CJK are normal) is not called damaged.
    """
    sample = text[:200_000]
    cjk = _CJK_CHAR.subn("", sample)[1] if _CJK_CHAR.search(sample) else 0
    cjk_is_rare = cjk > 0 and _more_letters_than(sample, 20 * cjk)  # CJK under 5 % of the letters
    patterns = [_QUESTION_MARKS]
    if cjk_is_rare:
        patterns[:0] = _MOJIBAKE_PATTERNS[:2]
    if any(lead in text for lead in _LATIN1_LEADS):
        patterns.append(_MOJIBAKE_PATTERNS[3])
    hits: dict[int, str] = {}
    if "\ufffd" in text:
        patterns.append(_REPLACEMENT)
    for pattern in patterns:
        for match in _at_cjk(pattern, text) if pattern is _CJK_IN_WORD else pattern.finditer(text):
            word = _word_around(text, match.start(), match.end())
            if pattern is _QUESTION_MARKS and not _lost_letter(text, match.start(), match.end()):
                continue
            hits.setdefault(match.start(), word)
    if cjk_is_rare:
        # A CJK character standing alone between spaces is damage only when it recurs as a
        # systematic substitute (a dash written " 每 " throughout), not a one-off quoted glyph.
        lone = [m for m in _SPACED_CJK.finditer(text)]
        counts: dict[str, int] = {}
        for match in lone:
            counts[match.group()] = counts.get(match.group(), 0) + 1
        for match in lone:
            if counts[match.group()] >= 3:
                hits.setdefault(match.start(), _word_around(text, match.start(), match.end()))
    if not hits:
        return None
    first = min(hits)
    examples: list[str] = []
    for pos in sorted(hits):
        if hits[pos] not in examples:
            examples.append(hits[pos])
        if len(examples) == 5:
            break
    return Diagnostic(
        "encoding-damage",
        f"{len(hits)} place(s) look garbled by a wrong text encoding",
        span=Span(first, first + 1),
        examples=examples,
        count=len(hits),
    )


def _at_cjk(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match starts at a CJK character or
    the one before it, tried only there: a search that opens with lookbehinds is tried at every
    position, ten times slower in a long article naming a few places in Chinese."""
    end = 0
    for cjk in _CJK_CHAR.finditer(text):
        for start in (cjk.start() - 1, cjk.start()):
            if start >= end:
                match = pattern.match(text, start)
                if match:
                    end = match.end()
                    yield match


def _more_letters_than(text: str, limit: int) -> bool:
    """Whether ``text`` holds more than ``limit`` letters, counted a slice at a time so that a
    long text stops being counted once it is past the limit."""
    count = 0
    for start in range(0, len(text), 1024):
        count += _LETTER.subn("", text[start:start + 1024])[1]
        if count > limit:
            return True
    return False


def _lost_letter(text: str, start: int, end: int) -> bool:
    """Whether the "?" run at start..end replaces a letter, rather than ending a question or a URL path."""
    before = text[start - 1] if start else " "
    after = text[end:end + 2]
    if before.islower() and end - start == 1 and len(after) == 2 and after[0].isupper() and after[1].islower():
        return False  # "in the world?Truth Rating": a question ends and the next title starts
    if before.isspace():
        following = text[end : end + 2]
        if not (len(following) == 2 and following.isalpha() and following.islower()):
            return False
    elif not (before.isascii() and before.isalpha() or "\u00c0" <= before <= "\u024f"):
        return False
    # A query string ("index.php?title=…") is not a lost letter.
    return not _URLISH.search(_word_around(text, start, end, 300))


def _word_around(text: str, start: int, end: int, reach: int = 20) -> str:
    """``text[start:end]`` with the non-space characters around it, at most ``reach`` each side."""
    before = text[max(0, start - reach):start]
    after = text[end:end + reach]
    left = "" if not before or before[-1].isspace() else before.split()[-1]
    right = "" if not after or after[0].isspace() else after.split()[0]
    return left + text[start:end] + right
