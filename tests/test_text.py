import pytest

from site_builder.text import ascii_fold, match_key, nfc, slugify, sort_key, toc_slugify


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Uỷ ban nhân dân phường", "Ủy ban nhân dân phường"),
        ("hoá", "hóa"),
        ("Hoà bình", "hòa bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("Ban  xây dựng\nĐảng", "ban xây dựng đảng"),
        ("Ban xây dựng Đảng.", "Ban xây dựng Đảng"),
        # Decomposed input (as typed on some phones) equals composed.
        ("Kie\u0302\u0301n An", "Kiến An"),
    ],
)
def test_match_key_folds_spelling_variants(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(("a", "b"), [("Ban", "Bàn"), ("Đảng", "Dảng"), ("hoa", "hóa")])
def test_match_key_keeps_distinct_words_apart(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đường", "Duong"),
        ("địa bàn", "dia ban"),
        ("Thủy Nguyên", "Thuy Nguyen"),
        ("ư ơ ă â", "u o a a"),
    ],
)
def test_ascii_fold_handles_d_with_stroke(text: str, folded: str) -> None:
    assert ascii_fold(text) == folded


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đường Trần Thành Ngọ", "duong-tran-thanh-ngo"),
        ("Chỉ tiêu II.4", "chi-tieu-ii-4"),
        ("  Tỷ lệ hộ nghèo (%)  ", "ty-le-ho-ngheo"),
    ],
)
def test_slugify_is_ascii(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_toc_slugify_keeps_d_with_stroke() -> None:
    assert toc_slugify("Đường giao thông", "-") == "duong-giao-thong"


def test_nfc_composes_and_strips() -> None:
    assert nfc("  Kie\u0302\u0301n  ") == "Kiến"


def test_sort_key_follows_vietnamese_alphabet() -> None:
    words = ["Zeta", "Đông", "Dương", "Ăn", "An", "Ân", "Ơn", "Ôn", "On", "Ưu", "Uy", "2 cây"]
    assert sorted(words, key=sort_key) == [
        "2 cây",
        "An",
        "Ăn",
        "Ân",
        "Dương",
        "Đông",
        "On",
        "Ôn",
        "Ơn",
        "Uy",
        "Ưu",
        "Zeta",
    ]


def test_sort_key_orders_tones_after_letters() -> None:
    assert sorted(["má", "ma", "mà", "mạ", "mã", "mả"], key=sort_key) == [
        "ma",
        "mà",
        "mả",
        "mã",
        "má",
        "mạ",
    ]
