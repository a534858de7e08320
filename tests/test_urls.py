import pytest

from site_builder import urls


@pytest.mark.parametrize(
    ("here", "there", "link"),
    [
        ("", "kien-an/", "kien-an/"),
        ("", "", "./"),
        ("kien-an/", "kien-an/", "./"),
        ("kien-an/", "kien-an/chi-tieu/x/", "chi-tieu/x/"),
        ("kien-an/chi-tieu/x/", "", "../../../"),
        ("kien-an/chi-tieu/x/", "kien-an/du-an/y/", "../../du-an/y/"),
        ("kien-an/chi-tieu/x/", "kien-an/chi-tieu/x/#con", "#con"),
        ("kien-an/chi-tieu/x/", urls.PLOTLY_JS, "../../../assets/vendor/plotly-basic.min.js"),
        ("phuong-phap/", "thuy-nguyen/", "../thuy-nguyen/"),
    ],
)
def test_relative_links_never_start_with_slash(here: str, there: str, link: str) -> None:
    assert urls.relative(here, there) == link
    assert not link.startswith("/")


def test_page_urls_follow_the_contract() -> None:
    assert urls.ward("kien-an") == "kien-an/"
    assert urls.target("kien-an", "ty-le") == "kien-an/chi-tieu/ty-le/"
    assert urls.project("kien-an", "cau") == "kien-an/du-an/cau/"
    assert urls.source_file("kien-an/") == "kien-an/index.md"
    assert urls.source_file("") == "index.md"
