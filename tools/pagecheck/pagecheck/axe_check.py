"""axe-core (bundled by PyPI selenium-axe-python, axe 4.9.1): every violation is a finding."""
from __future__ import annotations

import json

from selenium_axe_python import Axe

from .findings import AXE, Finding, one_line


# Rules whose outcome depends on colours only: enough for a second run in another colour
# scheme (a full axe run costs 1.5-2 s on a team page, this one a fraction of that).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def run(driver, page: str, rules: list[str] | None = None) -> list[Finding]:
    """Runs axe (all rules, or only `rules`) on the loaded page; one finding per rule,
    naming the elements it hit."""
    axe = Axe(driver)
    if not driver.execute_script("return typeof window.axe === 'object'"):
        axe.inject()
    options: dict = {"resultTypes": ["violations"]}
    # axe fetches linked style sheets again by XMLHttpRequest to read their rules (for
    # css-orientation-lock); on file:// that is a blocked cross-origin request, a console
    # error and a network finding. A page with a linked style sheet (the site's shared
    # style.css) is checked without that preload; the browser itself loads the sheet.
    if driver.execute_script("return document.querySelector('link[rel~=stylesheet]') !== null"):
        options["preload"] = False
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    result = axe.run(options=json.dumps(options))
    found = []
    for v in result.get("violations", []):
        nodes = v.get("nodes", [])
        targets = [" ".join(map(str, n.get("target", []))) for n in nodes]
        shown = ", ".join(targets[:3]) + (f" and {len(targets) - 3} more" if len(targets) > 3 else "")
        detail = ""
        if nodes:
            checks = nodes[0].get("any", []) + nodes[0].get("all", []) + nodes[0].get("none", [])
            if checks:
                detail = "; first: " + one_line(checks[0].get("message", ""), 140)
        what = f"{v['id']} ({v.get('impact')}): {one_line(v.get('help', ''))}{detail}"
        found.append(Finding(page, AXE, what, f"{len(nodes)} element(s): {shown}"))
    return found
