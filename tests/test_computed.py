from datetime import date

from site_builder.computed import compute_ward
from site_builder.load import Dataset

from .conftest import AS_OF


def test_every_target_and_child_is_assessed(fixture_dataset: Dataset) -> None:
    [ward] = fixture_dataset.wards
    computed = compute_ward(ward, date.fromisoformat(AS_OF))
    ids = {t.id for t in ward.targets} | {c.id for t in ward.targets for c in t.children}
    assert set(computed.targets) == ids
    assert set(computed.projects) == {p.id for p in ward.projects}


def test_fixture_ward_shows_every_status(fixture_dataset: Dataset) -> None:
    computed = compute_ward(fixture_dataset.wards[0], date.fromisoformat(AS_OF))
    statuses = {a.status for a in computed.targets.values()}
    assert statuses == {
        "achieved",
        "on_track",
        "needs_acceleration",
        "off_track",
        "no_data",
        "not_measurable",
    }
    assert any(a.preliminary for a in computed.targets.values())
    assert any(a.overridden for a in computed.targets.values())
    project_statuses = {s for s, _ in computed.projects.values()}
    assert {"completed", "paused", "unknown"} <= project_statuses


def test_parent_without_own_value_summarises_children(fixture_dataset: Dataset) -> None:
    computed = compute_ward(fixture_dataset.wards[0], date.fromisoformat(AS_OF))
    parent = computed.targets["lao-dong-qua-dao-tao"]
    assert parent.method in ("children", "no-data")


def test_same_inputs_same_statuses(fixture_dataset: Dataset) -> None:
    a = compute_ward(fixture_dataset.wards[0], date(2027, 3, 31))
    b = compute_ward(fixture_dataset.wards[0], date(2027, 3, 31))
    assert a.targets == b.targets


def test_as_of_changes_what_is_known(fixture_dataset: Dataset) -> None:
    early = compute_ward(fixture_dataset.wards[0], date(2026, 6, 30))
    late = compute_ward(fixture_dataset.wards[0], date(2027, 3, 31))
    assert early.targets["de-an-chuyen-doi-so"].status == "no_data"
    assert late.targets["de-an-chuyen-doi-so"].status == "achieved"


def test_counts(fixture_dataset: Dataset) -> None:
    computed = compute_ward(fixture_dataset.wards[0], date.fromisoformat(AS_OF))
    counts = computed.target_counts()
    assert sum(counts.values()) == len(fixture_dataset.wards[0].targets)
    assert sum(computed.project_counts().values()) == sum(
        not p.context for p in fixture_dataset.wards[0].projects
    )


def test_latest_measurement_is_the_whole_wards_newest(fixture_dataset: Dataset) -> None:
    [ward] = fixture_dataset.wards
    computed = compute_ward(ward, date.fromisoformat(AS_OF))
    targets = {t.id: t for t in ward.targets}
    # "2026" ends after "2026-Q2"; the former wards' series (to 2024) never count.
    assert computed.latest_measurement(targets["ho-ngheo"]) == ("2026", 1.5)
    early = compute_ward(ward, date(2026, 1, 1))  # the as_of date does not filter it
    assert early.latest_measurement(targets["ho-ngheo"]) == ("2026", 1.5)
