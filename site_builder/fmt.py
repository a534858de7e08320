"""Numbers and dates the Vietnamese way (1.234,5; 12/12/2025), through Babel.

On the English copy (`labels.language("en")`) the English way: 1,234.5; 12 Dec 2025.

Only measured and computed figures are formatted here; text printed in a document is
shown as printed. Babel's default patterns round too eagerly for our use (its percent
format turns 12,5% into 12%) and abbreviate dates ("5/3/26"), so patterns are explicit.
"""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date
from babel.numbers import parse_pattern

from .labels import current_language, t

LOCALE = "vi"
# The English copy writes days with the month's name: "12/12/2025" is ambiguous in English.
_DAY_PATTERNS = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}
# Up to three decimals, thousands grouped: 1234.5 -> "1.234,5"; 90.0 -> "90".
_NUMBER_PATTERN = "#,##0.###"
# What `babel.numbers.format_decimal` parses on every call, parsed once (a page prints
# hundreds of numbers): the same pattern applied the same way.
_NUMBER_FORMAT = parse_pattern(_NUMBER_PATTERN)
_LOCALES = {lang: Locale.parse(lang) for lang in _DAY_PATTERNS}


def number(value: float) -> str:
    """A measured or computed number: `1234.5` -> `1.234,5`."""
    return str(_NUMBER_FORMAT.apply(value, _LOCALES[current_language()]))


def number_with_unit(value: float, unit: str | None) -> str:
    """`12.5, "%"` -> `12,5%`; other units follow after a space."""
    text = number(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def day(value: date) -> str:
    """`date(2025, 12, 12)` -> `12/12/2025` (English: `12 Dec 2025`)."""
    lang = current_language()
    return format_date(value, format=_DAY_PATTERNS[lang], locale=lang)


def period(text: str) -> str:
    """A data period as a reader says it: `2026` -> `2026`, `2026-Q2` -> `Quý II/2026`."""
    if "-Q" in text:
        year, quarter = text.split("-Q")
        roman = ["I", "II", "III", "IV"][int(quarter) - 1]
        return t("period.quarter").format(quarter=roman, number=int(quarter), year=year)
    if len(text) == 10:
        return day(date.fromisoformat(text))
    if len(text) == 7:  # a month, "2026-06"
        month = date(int(text[:4]), int(text[5:7]), 1)
        name = format_date(month, format="MMMM", locale=current_language())
        return t("period.month").format(month=month.month, month_name=name, year=month.year)
    return text
