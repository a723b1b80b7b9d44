"""One finding of the page checker and how it is printed."""
from __future__ import annotations

import re
from dataclasses import dataclass

# The names of the checks, as printed in finding lines.
VNU = "VNU"
NETWORK = "NETWORK"
CONSOLE = "CONSOLE"
AXE = "AXE"
SVG_NAME = "SVG-NAME"
SVG_TEXT = "SVG-TEXT"
SVG_FONT = "SVG-FONT"
OVERFLOW = "OVERFLOW"
LOAD = "LOAD"


@dataclass(frozen=True, order=True)
class Finding:
    """A problem on one page: `PAGE: CHECK: what (where)`."""

    page: str
    check: str
    what: str
    where: str = ""

    def line(self) -> str:
        text = f"{self.page}: {self.check}: {self.what}"
        return f"{text} ({self.where})" if self.where else text


def one_line(text: str, limit: int = 160) -> str:
    """Collapses whitespace and shortens `text` so that a finding stays on one line."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_lines(findings: list[Finding], keep: int = 3) -> list[str]:
    """The lines to print for one page's findings: at most `keep` of each kind (same check,
    same message up to the quoted names in it), then one line saying how many more."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        shape = re.sub(r"“[^”]*”|\"[^\"]*\"", "“…”", f.what)
        groups.setdefault((f.check, shape), []).append(f)
    lines = []
    for (check, shape), group in groups.items():
        lines += [f.line() for f in group[:keep]]
        if len(group) > keep:
            lines.append(f"{group[0].page}: {check}: … and {len(group) - keep} more like “{one_line(shape, 80)}”")
    return lines
