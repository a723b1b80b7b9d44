"""The checks axe-core does not do (SVG names, clipped, overlapping or too small SVG
text, sideways overflow).

They run in the page (own_checks.js) and come back as findings.
"""
from __future__ import annotations

from pathlib import Path

from .findings import OVERFLOW, SVG_FONT, SVG_NAME, SVG_TEXT, Finding

_SCRIPT = (Path(__file__).with_name("own_checks.js")).read_text(encoding="utf-8")
_CHECKS = {"svgNames": SVG_NAME, "svgText": SVG_TEXT, "svgOverlap": SVG_TEXT, "svgFontSize": SVG_FONT, "overflow": OVERFLOW}


def run(driver, page: str, names: tuple[str, ...], context: str = "") -> list[Finding]:
    """Runs the named in-page checks (`svgNames`, `svgText`, `svgOverlap`, `svgFontSize`,
    `overflow`) on the loaded page.

    `context` (for example "at 390 px") is added to the place of every finding.
    """
    driver.execute_script(_SCRIPT)
    found = []
    for name in names:
        for item in driver.execute_script(f"return window.__pagecheck.{name}()"):
            where = item.get("where", "")
            if context:
                where = f"{where}, {context}" if where else context
            found.append(Finding(page, _CHECKS[name], item["what"], where))
    return found
