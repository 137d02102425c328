"""The pure parts of the web kit: bar geometry and download file names."""

from academy.core.web.download import content_disposition, safe_filename, slug
from academy.ui.bars import bar, bars, diverging_bar


def test_a_bar_is_as_long_as_its_value_and_zero_has_no_bar():
    rows = bars(
        [("Telefon", 30, "30"), ("Besök", 0, "0"), ("E-post", None, "–"), ("Chatt", 60, "60")]
    )
    assert [r.width for r in rows] == [50.0, 0.0, 0.0, 100.0]
    assert [r.text for r in rows] == ["30", "0", "–", "60"]
    assert bars([("Ingen", 0, "0")]) == [bar("Ingen", 0, 0, "0")]
    assert bars([("Ingen", 0, "0")])[0].width == 0.0


def test_a_fixed_maximum_caps_the_bar():
    assert bar("Andel", 45, 100, "45 %").width == 45.0
    assert bar("För mycket", 150, 100, "150 %").width == 100.0


def test_diverging_bars_grow_from_the_middle():
    minus = diverging_bar("Empati", -0.67, 2, "−0,67")
    plus = diverging_bar("Tydlighet", 2, 2, "+2")
    zero = diverging_bar("Korrekthet", 0, 2, "0")
    assert minus.negative and minus.offset + minus.width == 50.0 and minus.width == 16.8
    assert (plus.offset, plus.width, plus.negative) == (50.0, 50.0, False)
    assert zero.width == 0.0


def test_download_names_are_safe():
    assert safe_filename('../../etc/"passwd"\r\n') == "etc-passwd"
    assert slug("Kö & väntan i växeln") == "ko-vantan-i-vaxeln"
    header = content_disposition("behovsprofil Växjö.csv")
    assert header.startswith('attachment; filename="behovsprofil-Vaxjo.csv"')
    assert "filename*=UTF-8''behovsprofil%20V%C3%A4xj%C3%B6.csv" in header
    assert content_disposition("bild.png", inline=True).startswith("inline;")


def test_an_uploads_rule_names_its_types_and_size():
    from academy.ui.forms import IMAGE_TYPES, upload_rule

    assert upload_rule(IMAGE_TYPES, 5 * 2**20) == (
        "Välj en fil av typen .gif, .jpeg, .jpg, .png eller .webp på högst 5 MB."
    )
    assert upload_rule({"text/plain": [".gift"]}, None) == "Välj en fil av typen .gift."
    assert upload_rule(None, None) == "Välj en fil."
