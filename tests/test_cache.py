"""The per-ward cache: keyed on a ward's inputs and the code, and invisible in the output."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from site_builder import load, parallel, urls
from site_builder.cache import LoadCache, PageStore, WardCache, code_version, ward_key
from site_builder.computed import ComputedWard
from site_builder.errors import DataErrors
from site_builder.generate import compute
from site_builder.load import load_dataset
from site_builder.parallel import render_wards

from .conftest import REPO_ROOT, build_site

AS_OF = date(2026, 6, 30)


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    return data


def _computed(data: Path) -> list[ComputedWard]:
    return compute(load_dataset(data), AS_OF)


def _edit_name(data: Path, ward_id: str) -> None:
    """Change one field of one ward's ward.yaml (its short name gets a suffix)."""
    path = data / "wards" / ward_id / "ward.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    [index] = [i for i, line in enumerate(lines) if line.startswith("  name: ")]
    lines[index] = lines[index].rstrip("\n").rstrip('"') + ' mới"\n'
    path.write_text("".join(lines), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _downloads(outputs: list[parallel.WardOutput], folder: Path) -> dict[str, bytes]:
    """Every ward's downloads, read where the output says they are (the folder or a
    cache entry)."""
    return {
        path: (Path(o.files_dir or folder) / path).read_bytes()
        for o in outputs
        for path in o.download_sizes
    }


def _plain(outputs: list[parallel.WardOutput]) -> list[parallel.WardOutput]:
    """The outputs without where their downloads are."""
    return [replace(o, files_dir="") for o in outputs]


def test_changing_one_wards_yaml_changes_only_its_key(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    before = {w.ward.ward.id: ward_key(w, "") for w in _computed(data)}
    assert len(before) >= 3 and len(set(before.values())) == len(before)
    changed = sorted(before)[1]
    _edit_name(data, changed)
    after = {w.ward.ward.id: ward_key(w, "") for w in _computed(data)}
    assert after.keys() == before.keys()
    assert [w for w in before if before[w] != after[w]] == [changed]


def test_key_follows_code_date_address_and_file_dates(tmp_path: Path) -> None:
    [first, *_] = _computed(REPO_ROOT / "data")
    key = ward_key(first, "")
    assert ward_key(first, "") == key  # stable
    assert len(code_version()) == 64
    assert ward_key(first, "", code="another version") != key
    assert ward_key(first, "https://example.org/") != key
    assert ward_key(replace(first, as_of=date(2026, 12, 31)), "") != key
    name = first.ward.files[0].name
    dated = replace(first, updated={**first.updated, name: _dated(first, name)})
    assert ward_key(dated, "") != key


def _dated(computed: ComputedWard, name: str):  # type: ignore[no-untyped-def]
    from site_builder.history import LastUpdated

    old = computed.updated.get(name)
    return LastUpdated(date(2001, 1, 1), "git" if old is None else old.basis)


def test_only_the_changed_ward_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _copy_data(tmp_path)
    cache = WardCache(tmp_path / "cache")
    rendered: list[str] = []
    original = parallel._render

    def spy(computed, folder, site_url, bilingual):  # type: ignore[no-untyped-def]
        rendered.append(computed.ward.ward.id)
        return original(computed, folder, site_url, bilingual)

    monkeypatch.setattr(parallel, "_render", spy)

    def run(out: Path) -> list[parallel.WardOutput]:
        wards = _computed(data)
        keys = [ward_key(w, "") for w in wards]
        return render_wards(wards, out, "", processes=1, cache=cache, keys=keys)

    cold = run(tmp_path / "cold")
    ids = [o.pages[0].ward for o in cold]
    assert sorted(rendered) == sorted(ids)
    rendered.clear()
    warm = run(tmp_path / "warm")
    assert rendered == []
    assert _plain(warm) == cold
    # The stored downloads are linked from the cache entry, not copied to the folder.
    assert all(o.files_dir for o in warm) and not (tmp_path / "warm").exists()
    assert _downloads(warm, tmp_path / "warm") == _downloads(cold, tmp_path / "cold")

    changed = ids[0]
    _edit_name(data, changed)
    again = run(tmp_path / "again")
    assert rendered == [changed]
    assert _plain(again)[1:] == cold[1:] and again[0] != cold[0]
    # Only the newest entry of a ward is kept.
    assert len(list((tmp_path / "cache" / changed).iterdir())) == 1


def test_a_damaged_entry_is_rendered_again(tmp_path: Path) -> None:
    wards = _computed(REPO_ROOT / "data")[:1]
    keys = [ward_key(wards[0], "")]
    cache = WardCache(tmp_path / "cache")
    [cold] = render_wards(wards, tmp_path / "a", "", cache=cache, keys=keys)
    entry = tmp_path / "cache" / wards[0].ward.ward.id / keys[0]
    (entry / "output.pickle").write_bytes(b"not a pickle")
    [again] = render_wards(wards, tmp_path / "b", "", cache=cache, keys=keys)
    assert again == cold
    assert _files(tmp_path / "b") == _files(tmp_path / "a")


def test_cached_build_is_byte_identical_to_a_cold_one(tmp_path: Path) -> None:
    data = REPO_ROOT / "data"
    cache = tmp_path / "cache"
    url = "https://example.org/cam-ket/"
    build_site(tmp_path / "cold", data, url, cache_dir="", search_index=False)
    build_site(tmp_path / "fill", data, url, cache_dir=str(cache), search_index=False)
    assert sorted(p.name for p in cache.iterdir() if not p.name.startswith(".")) == sorted(
        p.name for p in (data / "wards").iterdir()
    )
    build_site(tmp_path / "warm", data, url, cache_dir=str(cache), search_index=False)
    # The warm build read the theme's compiled templates from the cache too.
    assert any((cache / ".jinja").iterdir())
    cold, warm = _files(tmp_path / "cold"), _files(tmp_path / "warm")
    assert len(cold) > 100
    assert sorted(cold) == sorted(warm)
    different = [path for path in cold if cold[path] != warm[path]]
    assert different == []


def test_a_rebuild_into_the_last_site_is_the_site_a_fresh_build_gives(tmp_path: Path) -> None:
    # The last build's site is moved into the cache's trash; the folders holding the
    # plugin's own files come back, pruned to what this build writes (lastsite.py), and
    # the rest is removed by another process (plugin.on_pre_build, on_env).
    data, cache, site = _copy_data(tmp_path), tmp_path / "cache", tmp_path / "site"
    build_site(site, data, cache_dir=str(cache), search_index=False)
    kept, edited, removed = sorted(p.name for p in (data / "wards").iterdir())[:3]
    # The first target page of a ward is written by MkDocs (its shell is made from it).
    kept_page = sorted((site / urls.ward(kept).strip("/") / "chi-tieu").iterdir())[-1]
    kept_page /= "index.html"
    inode = kept_page.stat().st_ino
    (site / "left-over.html").write_text("from a removed page", encoding="utf-8")
    stale = site / urls.ward(kept).strip("/") / "old-page" / "index.html"
    stale.parent.mkdir()
    stale.write_text("a page of a removed target", encoding="utf-8")
    (site / ".git").mkdir()  # MkDocs keeps hidden entries: so does the plugin
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (cache / ".trash" / "stopped-build").mkdir(parents=True)  # a build stopped midway
    _edit_name(data, edited)
    shutil.rmtree(data / "wards" / removed)
    build_site(site, data, cache_dir=str(cache), search_index=False)
    build_site(tmp_path / "fresh", data, cache_dir="", search_index=False)
    files = _files(site)
    assert files.pop(".git/HEAD") == b"ref: refs/heads/gh-pages\n"
    fresh = _files(tmp_path / "fresh")
    assert sorted(files) == sorted(fresh)
    assert [path for path in fresh if files[path] != fresh[path]] == []
    assert not (site / urls.ward(removed).strip("/")).exists()
    assert kept_page.stat().st_ino == inode  # put back, not written again
    assert list((cache / ".trash").iterdir()) == []


def test_a_linked_site_folder_is_emptied_in_place(tmp_path: Path) -> None:
    # A site folder that is a symbolic link (to a web server's folder) stays that link.
    data, cache = REPO_ROOT / "data", tmp_path / "cache"
    real, link = tmp_path / "www", tmp_path / "site"
    real.mkdir()
    (real / "left-over.html").write_text("old", encoding="utf-8")
    link.symlink_to(real, target_is_directory=True)
    build_site(link, data, cache_dir=str(cache), search_index=False)
    assert link.is_symlink() and (real / "index.html").is_file()
    assert not (real / "left-over.html").exists()


def test_an_indicators_name_is_part_of_every_key(tmp_path: Path) -> None:
    """Target pages print the shared indicator's name: editing it must re-render them."""
    data = _copy_data(tmp_path)
    before = {w.ward.ward.id: ward_key(w, "") for w in _computed(data)}
    path = data / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    first_name = next(line for line in text.splitlines() if line.strip().startswith("name:"))
    path.write_text(text.replace(first_name, first_name.rstrip('"') + ' (sửa)"', 1), "utf-8")
    after = {w.ward.ward.id: ward_key(w, "") for w in _computed(data)}
    assert all(before[w] != after[w] for w in before)


def test_a_cached_load_equals_a_fresh_one_and_reads_no_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _copy_data(tmp_path)
    cache = LoadCache(tmp_path / "loaded")
    fresh = load_dataset(data, cache=cache)
    assert len(list((tmp_path / "loaded").glob("*.pickle"))) == len(fresh.wards)
    read: list[Path] = []
    original = load.read_yaml

    def counting(path: Path, shown: Path) -> object:
        read.append(path)
        return original(path, shown)

    monkeypatch.setattr(load, "read_yaml", counting)
    again = load_dataset(data, cache=cache)
    assert again == fresh
    # Only the shared indicators are read: every ward came from the cache.
    assert [p.name for p in read] == ["indicators.yaml"]
    # The indicators are shared again, not one copy per ward.
    assert all(w.indicators is again.indicators for w in again.wards)


def test_an_edited_ward_is_loaded_and_checked_again(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    cache = LoadCache(tmp_path / "loaded")
    before = load_dataset(data, cache=cache)
    changed = before.wards[1].ward.id
    _edit_name(data, changed)
    after = load_dataset(data, cache=cache)
    old = {w.ward.id: w for w in before.wards}
    assert [w.ward.id for w in after.wards if w != old[w.ward.id]] == [changed]
    assert next(w for w in after.wards if w.ward.id == changed).ward.name.endswith(" mới")
    # A mistake in a ward that was cached is still found: nothing is published.
    path = data / "wards" / changed / "targets.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nunknown_field: 1\n", "utf-8")
    with pytest.raises(DataErrors) as error:
        load_dataset(data, cache=cache)
    assert f"wards/{changed}/targets.yaml" in error.value.report()


def test_a_damaged_load_entry_is_loaded_again(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    cache = LoadCache(tmp_path / "loaded")
    fresh = load_dataset(data, cache=cache)
    for entry in (tmp_path / "loaded").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_dataset(data, cache=cache) == fresh


def test_downloads_are_shared_with_the_cache_and_an_edited_one_is_rendered_again(
    tmp_path: Path,
) -> None:
    wards = _computed(REPO_ROOT / "data")[:1]
    keys = [ward_key(wards[0], "")]
    cache = WardCache(tmp_path / "cache")
    [cold] = render_wards(wards, tmp_path / "a", "", cache=cache, keys=keys)
    [warm] = render_wards(wards, tmp_path / "b", "", cache=cache, keys=keys)
    entry = tmp_path / "cache" / wards[0].ward.ward.id / keys[0] / "files"
    some = sorted(cold.download_sizes)[0]
    # One copy on disk: the cache entry is a second name of the written file, and the
    # rebuild reads it there (the site links it: plugin._StagedFile).
    assert (tmp_path / "a" / some).samefile(entry / some) and warm.files_dir == str(entry)
    # Another tool appends to a file of the site, which is the cache's file too.
    with (tmp_path / "a" / some).open("ab") as changed:
        changed.write(b"edited")
    [again] = render_wards(wards, tmp_path / "c", "", cache=cache, keys=keys)
    [fresh] = render_wards(wards, tmp_path / "d", "")
    assert again == fresh
    assert _files(tmp_path / "c") == _files(tmp_path / "d")


def test_page_store_links_the_same_bytes_and_prunes_the_unused(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages")
    first, second = str(tmp_path / "a" / "x" / "index.html"), str(tmp_path / "b" / "index.html")
    store.place(b"<p>one</p>", first)
    store.place(b"<p>one</p>", second)
    assert Path(second).samefile(first)  # one copy on disk
    # Placed again where it is already linked (a site put back): the same file stays.
    inode = os.stat(second).st_ino
    store.place(b"<p>one</p>", second)
    assert os.stat(second).st_ino == inode
    # Another page at that path replaces the link; the other site's file is untouched.
    store.place(b"<p>three</p>", second)
    assert Path(second).read_bytes() == b"<p>three</p>"
    assert Path(first).read_bytes() == b"<p>one</p>"
    # Another tool rewrites the first site's file in place: the store is not trusted.
    Path(first).write_bytes(b"<p>two</p>")
    third = str(tmp_path / "c" / "index.html")
    store.place(b"<p>one</p>", third)
    assert Path(third).read_bytes() == b"<p>one</p>"
    # Pages no site links any more are removed; a linked one is kept.
    os.unlink(second)
    assert store.prune() == 1
    [left] = (tmp_path / "pages").glob("*/*")
    assert left.samefile(third)
