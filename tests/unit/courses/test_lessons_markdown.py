import pytest

from academy.core.errors import ValidationError
from academy.courses.lessons import check_video_url, render_markdown


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="#" onclick="alert(1)">klick</a>',
        "<iframe src='https://evil.example'></iframe>",
        "<div style='position:fixed'>overlay</div>",
    ],
)
def test_raw_html_is_shown_as_text(markdown):
    html = render_markdown(markdown)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "<a " not in html and "<div" not in html


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"]
)
def test_dangerous_link_targets_never_become_links(link):
    assert "href" not in render_markdown(f"[klicka]({link})")


def test_links_get_rel_noopener():
    assert render_markdown("[Kommunen](https://exempel.se)") == (
        '<p><a href="https://exempel.se" rel="noopener noreferrer">Kommunen</a></p>\n'
    )


@pytest.mark.parametrize(
    ("src", "kept"),
    [
        ("/api/utbildning/bilder/0123456789abcdef0123456789abcdef.png", True),
        ("/uploads/kurs/bild.png", False),
        ("/assets/logo.svg", False),
        ("/api/utbildning/kurser/1/intyg", False),
        ("https://tracker.example/pixel.png", False),
        ("https://tracker.example/api/utbildning/bilder/a.png", False),
        ("//tracker.example/pixel.png", False),
        ("/api/utbildning/bilder/../../secret.png", False),
        ("bild.png", False),
    ],
)
def test_images_only_from_own_storage(src, kept):
    html = render_markdown(f"![Bild]({src})")
    assert (f'src="{src}"' in html) is kept
    assert 'alt="Bild"' in html


def test_markdown_formatting_and_swedish_text_survive():
    html = render_markdown(
        "## Klarspråk\n\n**få** i stället för *erhålla*\n\n| a | b |\n|---|---|\n| å | ö |"
    )
    assert "<h2>Klarspråk</h2>" in html
    assert "<strong>få</strong>" in html and "<em>erhålla</em>" in html
    assert "<td>å</td>" in html


@pytest.mark.parametrize(
    "url", ["http://video.example/film", "javascript:alert(1)", "https://", "ftp://x.se/v"]
)
def test_video_links_must_be_https(url):
    with pytest.raises(ValidationError):
        check_video_url(url)


def test_video_link_kept_or_empty():
    assert check_video_url("  https://play.example.se/v/1 ") == "https://play.example.se/v/1"
    assert check_video_url("") == ""
