"""Input decoding: every kind of damaged or unusable input gets a clear outcome, never a traceback."""

from __future__ import annotations

import codecs

import pytest

from citecheck.io import InputError, decode, detect_mojibake, read_path


def test_plain_utf8_has_no_diagnostics() -> None:
    decoded = decode("The war killed 12 people.".encode())
    assert decoded.encoding == "utf-8" and decoded.diagnostics == []


def test_bom_is_stripped() -> None:
    decoded = decode(codecs.BOM_UTF8 + "Café".encode())
    assert decoded.text == "Café" and decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding: str) -> None:
    text = "Nagorno-Karabakh: 1,166 servicemen killed. " * 5
    assert decode(text.encode(encoding)).text.strip() == text.strip()


def test_invalid_utf8_is_replaced_and_reported() -> None:
    decoded = decode("Füzuli ".encode() + b"\xff\xfe" + " 12 killed.".encode())
    assert "\ufffd" in decoded.text and "12 killed" in decoded.text
    kinds = [d.kind for d in decoded.diagnostics]
    assert "invalid-encoding" in kinds


def test_latin1_file_is_decoded_as_legacy_encoding() -> None:
    decoded = decode("café 12 killed.\n".encode("latin-1"))
    assert decoded.text.startswith("café") and decoded.diagnostics[0].kind == "legacy-encoding"


def test_nul_bytes_are_replaced_and_text_after_them_kept() -> None:
    decoded = decode(b"First sentence.\x00 Second sentence with 12 killed.")
    assert "Second sentence" in decoded.text and "\x00" not in decoded.text
    assert any(d.kind == "nul-bytes" for d in decoded.diagnostics)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        decode(data, "x.txt")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), bytes(range(32)) * 50, b"%PDF-1.4 ..."])
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode(data, "x.txt")


def test_oversized_file_is_refused(tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(InputError, match="larger than"):
        read_path(path, max_bytes=100)


def test_missing_file_and_directory_are_input_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)


@pytest.mark.parametrize("garbled", ["F邦zuli District", "Nagorno-Karabakh War (1988每1994)", "Mesut ?zil tweeted",
                                     "Lib谷ration", "MÃ¶nch said", "caf\ufffd"])
def test_mojibake_is_detected(garbled: str) -> None:
    assert detect_mojibake(f"Some ordinary text. {garbled} and more text.") is not None


@pytest.mark.parametrize("text, damaged", [
    ("谷ration opened the text of this article.", ["谷ration"]),  # at the first character
    ("F邦zuli, then 谷ration and Lib谷ration were named in a long article about the history of the region and its "
     "many towns.", ["F邦zuli,", "谷ration", "Lib谷ration"]),
])
def test_a_cjk_character_in_a_latin_word_is_found_wherever_the_word_stands(text: str, damaged: list[str]) -> None:
    found = detect_mojibake(text)
    assert found is not None and found.examples == damaged


@pytest.mark.parametrize("clean", [
    "See https://example.org/index.php?title=Cat&action=edit for details.",
    "Was it? Yes. Why? Because.",
    "東京 is the capital of Japan; 東京都 has 14 million people.",
    "tiếng Hán gọi là 市 thị",
    "The phrase {{lang|ja|X気がする}} is Japanese.",
])
def test_clean_text_is_not_called_mojibake(clean: str) -> None:
    assert detect_mojibake(clean) is None


def test_a_named_pipe_is_refused_without_blocking(tmp_path) -> None:
    import os

    from click.testing import CliRunner

    from citecheck.cli import main

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_path(fifo)
    run = CliRunner().invoke(main, ["check", str(fifo)])
    assert run.exit_code == 2 and "not a regular file" in run.output and "- for standard input" in run.output


def test_a_device_is_refused_but_standard_input_is_read(monkeypatch) -> None:
    import io
    import sys

    with pytest.raises(InputError, match="not a regular file"):
        read_path("/dev/zero")  # would never end
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("The war killed 12 people.".encode())))
    assert read_path("-").text == "The war killed 12 people."


@pytest.mark.parametrize("text", [
    "The anime premiered on 15 April (4月15日はアニメ『らんま1/2』の放送開始日) in Japan, as the article says.",
    "Plates of Beijing read 京 A12345, 京 B, 京 C and 京 D; Guangdong's read 粤E牌 since 1 February.",
    "Alabama ranks last: 'Worst schools in the world?Truth Rating' was the headline of the review.",
])
def test_genuine_cjk_and_a_glued_question_mark_are_not_encoding_damage(text: str) -> None:
    assert detect_mojibake(text) is None


def test_one_cjk_character_inside_a_latin_word_or_as_a_dash_is_damage() -> None:
    prose = "The regional press covered the conflict at length in several languages. " * 3
    found = detect_mojibake(prose + "St谷phanie Harounyan wrote from 1988 每 1994, 2001 每 2005 and 2010 每 2012 on F邦zuli.")
    assert found is not None and {"St谷phanie", "F邦zuli."} <= set(found.examples)
