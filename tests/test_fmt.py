from collections.abc import Callable
from datetime import date

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from site_builder import fmt
from site_builder.fmt import day, number, number_with_unit, period
from site_builder.labels import language


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234.5, "1.234,5"),
        (90.0, "90"),
        (1234567, "1.234.567"),
        (12.5, "12,5"),
        (0.125, "0,125"),
        (-3.25, "-3,25"),
    ],
)
def test_number_uses_vietnamese_separators(value: float, text: str) -> None:
    assert fmt.number(value) == text


def test_percent_keeps_decimals() -> None:
    assert fmt.number_with_unit(12.5, "%") == "12,5%"
    assert fmt.number_with_unit(5000, "tỷ đồng") == "5.000 tỷ đồng"


def test_day_is_dd_mm_yyyy() -> None:
    assert fmt.day(date(2026, 3, 5)) == "05/03/2026"


@pytest.mark.parametrize(
    ("period", "text"),
    [
        ("2026", "2026"),
        ("2026-Q2", "Quý II/2026"),
        ("2026-06", "Tháng 6/2026"),
        ("2026-06-30", "30/06/2026"),
    ],
)
def test_period_in_words(period: str, text: str) -> None:
    assert fmt.period(period) == text


@pytest.mark.parametrize(
    ("call", "vietnamese", "english"),
    [
        (lambda: number(1234.5), "1.234,5", "1,234.5"),
        (lambda: number_with_unit(12.5, "%"), "12,5%", "12.5%"),
        (lambda: day(date(2025, 12, 12)), "12/12/2025", "12 Dec 2025"),
        (lambda: period("2026-Q2"), "Quý II/2026", "Q2 2026"),
        (lambda: period("2026-06"), "Tháng 6/2026", "June 2026"),
        (lambda: period("2026-06-30"), "30/06/2026", "30 Jun 2026"),
        (lambda: period("2026"), "2026", "2026"),
    ],
)
def test_english_copy_writes_numbers_and_periods_the_english_way(
    call: Callable[[], str], vietnamese: str, english: str
) -> None:
    assert call() == vietnamese
    with language("en"):
        assert call() == english
    assert call() == vietnamese  # the block ends the English


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_number_is_babels_format_decimal(value: float) -> None:
    # fmt.number applies the pattern parsed once; Babel's own function parses it per call.
    for lang in ("vi", "en"):
        with language(lang):
            assert number(value) == format_decimal(value, format="#,##0.###", locale=lang)
