"""Vietnamese text rules: normal form, matching keys, ASCII folding, sort order.

Every comparison of Vietnamese text in the project goes through this module, so the
rules that Unicode alone does not settle live in one place:

- NFC does not unify old and new tone placement ("Uỷ"/"Ủy", "hoá"/"hóa", "oà"/"òa"),
  so matching keys move the tone mark to one agreed vowel.
- "đ" has no Unicode decomposition, so stripping combining marks leaves it; ASCII
  folding maps it to "d" explicitly.
- Python sorts "Đ", "Â", "Ơ" and "Ư" after "Z"; `sort_key` follows the Vietnamese
  alphabet instead.
"""

from __future__ import annotations

import re
import unicodedata

_TONE_MARKS = {
    "\u0300",  # huyền
    "\u0301",  # sắc
    "\u0303",  # ngã
    "\u0309",  # hỏi
    "\u0323",  # nặng
}
_SPACE_RE = re.compile(r"\s+")
# The two placement styles put the tone of "oa", "oe", "uy" on the first vowel
# ("hóa", "Ủy") or on the second ("hoá", "Uỷ"). Keys always use the second.
_OLD_TONE_RE = re.compile(
    "(?P<first>[oOuU])(?P<tone>[" + "".join(sorted(_TONE_MARKS)) + "])(?P<second>[aAeEyY])"
)


def nfc(text: str) -> str:
    """Return text in NFC with surrounding whitespace removed."""
    return unicodedata.normalize("NFC", text).strip()


def normalise_tone_placement(text: str) -> str:
    """Move tone marks from the first to the second vowel of "oa", "oe" and "uy".

    Only for matching keys: the displayed text keeps the spelling as printed.
    """
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OLD_TONE_RE.sub(
        lambda m: m.group("first") + m.group("second") + m.group("tone"), decomposed
    )
    return unicodedata.normalize("NFC", moved)


def match_key(text: str) -> str:
    """Key on which two spellings of one name compare equal.

    Folds case, runs of whitespace and old/new tone placement, keeps every other
    diacritic: "Uỷ ban  nhân dân" and "ủy ban nhân dân" share a key, "Ban" and "Bàn"
    do not.
    """
    folded = normalise_tone_placement(nfc(text)).casefold()
    return _SPACE_RE.sub(" ", folded).strip(" .;,")


def ascii_fold(text: str) -> str:
    """Strip every diacritic, including đ/Đ, which Unicode does not decompose."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """ASCII slug for URLs and heading anchors: "Đường Trần Thành Ngọ" -> "duong-tran-thanh-ngo"."""
    folded = ascii_fold(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def toc_slugify(value: str, separator: str) -> str:
    """Slug function for the Markdown `toc` extension (its default drops "Đ")."""
    return slugify(value).replace("-", separator)


# Vietnamese alphabet order. Letters absent here (f, j, w, z) sort by their Latin place.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Tone order used by dictionaries: none, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _split_letter(char: str) -> tuple[str, str]:
    """Split one character into (base letter with its vowel marks, tone mark)."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    tone = "".join(c for c in decomposed if c in _TONE_MARKS)
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base), tone


def _letter_rank(base: str) -> int:
    """Rank of a base letter; spaces, digits and punctuation sort before letters."""
    rank = _LETTER_RANK.get(base)
    if rank is not None:
        return rank
    code = ord(base[0]) if base else 0
    return code - 1000 if code < 128 else 100 + code


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Key that orders text by the Vietnamese alphabet, then by tone, then as written."""
    letters: list[int] = []
    tones: list[int] = []
    for char in nfc(text):
        base, tone = _split_letter(char)
        letters.append(_letter_rank(base))
        tones.append(_TONE_RANK.get(tone, 0))
    return tuple(letters), tuple(tones), text


__all__ = [
    "ascii_fold",
    "match_key",
    "nfc",
    "normalise_tone_placement",
    "slugify",
    "sort_key",
    "toc_slugify",
]
