"""Checks one page in the shared browser and saves its screenshots and print PDF."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from selenium.common.exceptions import WebDriverException

from . import axe_check, own_checks
from .browser import Browser
from .findings import CONSOLE, LOAD, NETWORK, Finding, one_line

WIDTHS = (1280, 390)
# The phone viewport: chart text must render at 11 px or more there (`svgFontSize`).
PHONE = 390
SCHEMES = ("light", "dark")


def slug(label: str) -> str:
    """A folder name for a page's artefacts: `site-example/site/index.html` → `site-example__site__index`."""
    stem = re.sub(r"\.html?$", "", label)
    return re.sub(r"[^A-Za-z0-9._-]+", "__", stem).strip("_") or "page"


def check_page(browser: Browser, label: str, path: Path, out_dir: Path) -> list[Finding]:
    """All browser checks on one page; artefacts go to `out_dir/slug(label)/`.

    A page on which the browser fails (a script timeout, a crash) is one finding, and the
    other pages are still checked."""
    try:
        return _check_page(browser, label, path, out_dir)
    except WebDriverException as error:
        return [Finding(label, LOAD, "the browser failed on this page: " + one_line(error.msg or error))]


def _check_page(browser: Browser, label: str, path: Path, out_dir: Path) -> list[Finding]:
    shots = out_dir / slug(label)
    shots.mkdir(parents=True, exist_ok=True)
    driver = browser.driver
    url = browser.open(path)
    found: list[Finding] = []
    axe_schemes: dict[Finding, list[str]] = {}
    cut: list[str] = []
    for width in WIDTHS:
        browser.set_width(width)
        found += own_checks.run(driver, label, ("svgText", "svgOverlap"), f"at {width} px")
        found += own_checks.run(driver, label, ("overflow",))
        if width == PHONE:
            found += own_checks.run(driver, label, ("svgFontSize",), f"at {width} px")
        for scheme in SCHEMES:
            browser.set_scheme(scheme)
            if width == 1280:
                rules = None if scheme == SCHEMES[0] else axe_check.COLOUR_RULES
                for f in axe_check.run(driver, label, rules):
                    axe_schemes.setdefault(f, []).append(scheme)
            if not browser.screenshot(shots / f"{width}-{scheme}.png", width):
                cut.append(f"{width}-{scheme}")
    found += own_checks.run(driver, label, ("svgNames",))
    for f, schemes in axe_schemes.items():  # the same violation in light and dark: one line
        found.append(Finding(f.page, f.check, f.what, f"{f.where}; {' and '.join(schemes)}, 1280 px"))
    browser.set_width(1280)
    browser.set_scheme("light")
    browser.print_pdf(shots / "print.pdf")
    if cut:
        print(f"pagecheck: note: {label}: screenshots cut at the maximum height: {', '.join(cut)}")

    for u, kind in browser.requests():
        if u.split("#")[0] == url or allowed_request(u, kind, path):
            continue
        found.append(Finding(label, NETWORK, f"requests {one_line(u, 120)}"))
    for m in browser.console_messages():
        found.append(Finding(label, CONSOLE, f"{m['level'].lower()}: {one_line(m['message'], 200)}"))
    return _unique(found)


def allowed_request(url: str, kind: str, page: Path) -> bool:
    """A request a page may make without the network: a `data:` URI, or a style sheet that is a
    file of the page's own folder (or below it) — the site's shared `style.css`. Anything else
    (a file image, a style sheet outside the folder, any http(s) URL) is a finding."""
    if url.startswith("data:"):
        return True
    if kind != "Stylesheet" or not url.startswith("file://"):
        return False
    target = Path(unquote(urlparse(url).path)).resolve()
    folder = page.resolve().parent
    return target.is_file() and (target.parent == folder or folder in target.parents)


def _unique(found: list[Finding]) -> list[Finding]:
    """Drops repeats (the same text clipped at both widths stays as two findings)."""
    seen, out = set(), []
    for f in found:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out
