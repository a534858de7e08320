import re
from typing import get_args

import pytest

from site_builder.labels import LABELS
from site_builder.model import NoteKind, ProjectKind, ProjectStatus, TargetKind, TargetStatus


@pytest.mark.parametrize(
    ("prefix", "literal"),
    [
        ("note", NoteKind),
        ("kind", TargetKind),
        ("project_kind", ProjectKind),
        ("project_status", ProjectStatus),
        ("status", TargetStatus),
    ],
)
def test_every_choice_has_a_vietnamese_label(prefix: str, literal: object) -> None:
    for value in get_args(literal):
        assert LABELS.get(f"{prefix}.{value}"), f"{prefix}.{value}"


def test_labels_are_non_empty_nfc() -> None:
    import unicodedata

    for key, value in LABELS.items():
        assert value and unicodedata.normalize("NFC", value) == value, key


# Letters only Vietnamese uses (with tone or vowel marks); an English label holding one
# was left untranslated.
_VIETNAMESE_LETTERS = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def test_english_labels_have_exactly_the_vietnamese_keys() -> None:
    from site_builder.labels import LABELS_EN

    assert set(LABELS_EN) == set(LABELS)


def test_english_labels_are_non_empty_and_not_vietnamese() -> None:
    from site_builder.labels import LABELS_EN, VIETNAMESE_IN_EN

    for key, value in LABELS_EN.items():
        assert value.strip(), key
        if key in VIETNAMESE_IN_EN:
            continue
        assert not _VIETNAMESE_LETTERS & set(value.lower()), (key, value)
        # The same in both languages only for names and for labels with no words.
        words = re.sub(r"\{\w+\}", "", value)
        same_ok = value in {"CSV", "JSON", "Data Package (datapackage.json)"} or not re.search(
            r"[^\W\d_]", words
        )
        assert value != LABELS[key] or same_ok, key


def test_english_labels_keep_the_placeholders() -> None:
    import string

    from site_builder.labels import LABELS_EN

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    # Periods are said differently: "Quý II/2026" but "Q2 2026", "Tháng 6/2026" but
    # "June 2026" (fmt.period passes every form; tests/test_fmt.py checks both).
    own_words = {"period.quarter", "period.month"}
    for key, value in LABELS.items():
        if key not in own_words:
            assert fields(LABELS_EN[key]) == fields(value), key


def test_national_page_has_english_labels() -> None:
    from site_builder.labels import LABELS_EN

    national = [key for key in LABELS_EN if key.startswith("national.")]
    assert national and all(LABELS_EN[key] != LABELS[key] for key in national)


def test_language_switches_the_labels_and_restores_vietnamese() -> None:
    from site_builder.labels import current_language, language, t

    assert t("nav.home") == "Trang chủ"
    with language("en"):
        assert current_language() == "en"
        assert t("nav.home") == "Home"
        assert t("nav.home", "vi") == "Trang chủ"
    assert t("nav.home") == "Trang chủ"
    with pytest.raises(ValueError, match="unknown language"):
        with language("fr"):
            pass
