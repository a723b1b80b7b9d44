"""The checker passes a good page and catches each deliberately broken one with the right check."""
from __future__ import annotations

import pytest

from pagecheck.browser import png_size
from pagecheck.findings import AXE, CONSOLE, NETWORK, OVERFLOW, SVG_FONT, SVG_NAME, SVG_TEXT, VNU
from pagecheck.page import slug


def lines(findings):
    return "\n".join(f.line() for f in findings)


def test_good_page_has_no_findings(check):
    findings = check("good.html")
    assert findings == [], lines(findings)


def test_a_style_sheet_beside_the_page_is_not_a_network_request(check):
    findings = check("linked-css.html")
    assert findings == [], lines(findings)


def test_only_style_sheet_files_of_the_pages_folder_are_allowed(tmp_path):
    from pagecheck.page import allowed_request

    site = tmp_path / "site"
    site.mkdir()
    page, css = site / "team.html", site / "style.css"
    page.write_text("x")
    css.write_text("x")
    (tmp_path / "other.css").write_text("x")
    assert allowed_request(css.as_uri(), "Stylesheet", page)
    assert allowed_request("data:image/png;base64,AAAA", "Image", page)
    assert not allowed_request(css.as_uri(), "Image", page)
    assert not allowed_request((tmp_path / "other.css").as_uri(), "Stylesheet", page)
    assert not allowed_request((site / "missing.css").as_uri(), "Stylesheet", page)
    assert not allowed_request("https://example.com/style.css", "Stylesheet", page)
    assert not allowed_request((site / ".." / "other.css").as_uri(), "Stylesheet", page)


def test_good_page_artefacts_are_full_page_screenshots_and_a_pdf(check, out_dir):
    check("good.html")
    folder = out_dir / slug("good.html")
    for width in (1280, 390):
        for scheme in ("light", "dark"):
            w, h = png_size(folder / f"{width}-{scheme}.png")
            assert w == width
            assert h > 1200  # the page is taller than the 900 px window: the whole page is in it
    assert (folder / "print.pdf").read_bytes().startswith(b"%PDF-")


def test_dark_screenshot_differs_from_light(check, out_dir):
    check("good.html")
    folder = out_dir / slug("good.html")
    assert (folder / "1280-dark.png").read_bytes() != (folder / "1280-light.png").read_bytes()


@pytest.mark.parametrize(
    ("page", "check_name", "needle"),
    [
        ("external-image.html", NETWORK, "https://example.com/logo.png"),
        ("outside-css.html", NETWORK, "/tests/outside.css"),
        ("local-image.html", NETWORK, "/fixtures/linked-css.css"),
        ("svg-no-name.html", SVG_NAME, 'without role="img" (svg#unnamed)'),
        ("svg-no-name.html", SVG_NAME, "without an accessible name (aria-label, aria-labelledby or <title>) (svg#empty-label)"),
        ("svg-no-name.html", SVG_NAME, "without an accessible name (aria-label, aria-labelledby or <title>) (svg#dangling-labelledby)"),
        ("clipped-label.html", SVG_TEXT, 'SVG text "Sprint 12 (latest)" falls outside its viewBox: right by'),
        ("clipped-label.html", SVG_TEXT, 'SVG text "Story points" falls outside its viewBox: top by'),
        ("overlapping-labels.html", SVG_TEXT, 'SVG texts overlap: "Sprint 10" and "Sprint 11" (svg#axis, at 1280 px)'),
        ("overlapping-labels.html", SVG_TEXT, 'SVG texts overlap: "Rotated Jan 2026" and "Rotated Feb 2026"'),
        ("low-contrast.html", AXE, "color-contrast"),
        ("dark-low-contrast.html", AXE, "color-contrast"),
        ("invalid.html", VNU, "error: Stray start tag “td”"),
        ("invalid-svg.html", VNU, "error: Bad value “M 0 0 L x 10” for attribute “d”"),
        ("vnu-warning.html", VNU, "warning: The “type” attribute is unnecessary"),
        ("console-error.html", CONSOLE, "Uncaught ReferenceError: undefinedFunction is not defined"),
        ("console-error.html", CONSOLE, "warning:"),
        ("bad-viewbox.html", CONSOLE, "attribute viewBox"),
        ("overflow.html", OVERFLOW, "page is 832 px wide at 390 px"),
        ("small-chart-text.html", SVG_FONT, 'SVG text "Sprint 1" renders at '),
    ],
)
def test_broken_page_is_caught_by_the_right_check(check, page, check_name, needle):
    findings = check(page)
    hits = [f for f in findings if f.check == check_name and needle in f.line()]
    assert hits, f"{page}: expected a {check_name} finding with {needle!r}, got:\n{lines(findings)}"


def test_dark_only_contrast_is_reported_for_dark_only(check):
    [finding] = [f for f in check("dark-low-contrast.html") if f.check == AXE]
    assert finding.where.endswith("; dark, 1280 px")


def test_overflow_names_the_element_that_sticks_out(check):
    [finding] = [f for f in check("overflow.html") if f.check == OVERFLOW]
    assert "div#tiles > p:nth-of-type(4) to 832 px" in finding.where


def test_finding_lines_start_with_the_page_and_the_check(check):
    for f in check("clipped-label.html"):
        assert f.line().startswith(f"clipped-label.html: {f.check}: ")


def test_an_svg_named_by_its_title_passes(check):
    assert not [f for f in check("svg-no-name.html") if "named-by-title" in f.where]


def test_stacked_lines_of_text_do_not_count_as_overlap(check):
    overlaps = [f for f in check("overlapping-labels.html") if "overlap" in f.what]
    assert overlaps and all("second line" not in f.what for f in overlaps)


def test_small_chart_text_is_measured_on_the_phone_only(check):
    fonts = [f for f in check("small-chart-text.html") if f.check == SVG_FONT]
    assert [f.where for f in fonts] == ["svg#squeezed, at 390 px"], lines(fonts)
    size = float(fonts[0].what.split(" renders at ")[1].split(" px")[0])
    assert 5 < size < 11  # 11 units × (the phone's width − margins) ÷ 640

