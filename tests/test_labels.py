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
