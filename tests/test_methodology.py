"""The methodology page explains every status and every target kind the code knows."""

from pathlib import Path
from typing import get_args

import pytest

from site_builder.labels import LABELS
from site_builder.model import TargetKind, TargetStatus

PAGE = (Path(__file__).resolve().parents[1] / "content" / "phuong-phap.md").read_text("utf-8")


@pytest.mark.parametrize("status", get_args(TargetStatus))
def test_every_status_is_defined(status: str) -> None:
    assert f"| {LABELS[f'status.{status}']} |" in PAGE


@pytest.mark.parametrize("kind", get_args(TargetKind))
def test_every_kind_has_a_row_in_the_method_table(kind: str) -> None:
    assert f"({kind}) |" in PAGE


def test_thresholds_match_the_code() -> None:
    from site_builder.status import ACCELERATE_RATIO, ON_TRACK_RATIO

    assert f"R ≥ {ON_TRACK_RATIO:.2f}".replace(".", ",") in PAGE
    assert f"{ACCELERATE_RATIO:.2f} ≤ R".replace(".", ",") in PAGE
