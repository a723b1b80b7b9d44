"""Command line: python -m pagecheck [--out DIR] PAGE... (PAGE is FILE, DIR or LABEL=FILE).

Prints one line per finding (`PAGE: CHECK: what (where)`), the artefact folder, and the
closing line `N passed, N failed` (pages); exits 1 when any page has a finding.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .browser import Browser
from .findings import Finding, report_lines
from .page import check_page
from .vnu import validate


def collect(args: list[str]) -> dict[str, Path]:
    """Pages to check, label → file; a directory stands for every *.html below it."""
    pages: dict[str, Path] = {}
    for arg in args:
        label, sep, file = arg.partition("=")
        if sep and not Path(arg).exists():
            pages[label] = Path(file)
            continue
        path = Path(arg)
        files = sorted(path.rglob("*.html")) if path.is_dir() else [path]
        for f in files:
            pages[_label(f)] = f
    return pages


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_all(pages: dict[str, Path], out_dir: Path) -> dict[str, list[Finding]]:
    """vnu once over all pages, then one browser session for all of them."""
    results: dict[str, list[Finding]] = {label: [] for label in pages}
    start = time.monotonic()
    for f in validate(pages):
        results.setdefault(f.page, []).append(f)
    print(f"pagecheck: vnu checked {len(pages)} page(s) in {time.monotonic() - start:.1f} s")
    start = time.monotonic()
    browser = Browser()
    try:
        for label, path in pages.items():
            results[label] += check_page(browser, label, path, out_dir)
    finally:
        browser.close()
    print(f"pagecheck: the browser checked {len(pages)} page(s) in {time.monotonic() - start:.1f} s")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pagecheck", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="pagecheck-out", help="folder for screenshots and PDFs")
    parser.add_argument("pages", nargs="+", help="FILE, DIR (all *.html below it) or LABEL=FILE")
    args = parser.parse_args(argv)
    pages = collect(args.pages)
    if not pages:
        print("pagecheck: no pages to check", file=sys.stderr)
        return 1
    missing = [str(p) for p in pages.values() if not p.is_file()]
    if missing:
        print("pagecheck: no such page: " + ", ".join(missing), file=sys.stderr)
        return 1
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    results = check_all(pages, out_dir)
    failed = 0
    for label in pages:
        findings = results.get(label, [])
        failed += bool(findings)
        for line in report_lines(findings):
            print(line)
    print(f"pagecheck: {len(pages)} page(s) in {time.monotonic() - start:.1f} s; "
          f"screenshots and print PDFs in {out_dir.resolve()}/")
    print(f"{len(pages) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
