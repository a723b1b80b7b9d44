"""Crawls a site served under a sub-path with LinkChecker and holds it to two rules:
no broken link (page, style sheet or fragment), and every file of the site reached from
its index. Prints one line per problem and a closing `N passed, N failed` line (URLs).

    python crawl.py URL FOLDER        URL: the site's index (ends in /); FOLDER: its files
    python crawl.py --self-test URL FOLDER
        the fixture site (tools/linkcheck/fixtures/broken) must fail in exactly its five
        planted ways: a missing page, a root-absolute link that leaves the sub-path, a
        fragment its page lacks (on the index, and one page down), a page no link reaches.
"""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urljoin

HERE = Path(__file__).resolve().parent


def crawl(url: str) -> list[dict[str, str]]:
    """LinkChecker's CSV rows (one per link checked), valid or not."""
    linkchecker = Path(sys.executable).with_name("linkchecker")
    run = subprocess.run(
        [str(linkchecker), "-f", str(HERE / "linkcheckerrc"), "--no-status", "-o", "csv", "--verbose", url],
        capture_output=True, text=True, timeout=120)
    lines = [l for l in run.stdout.splitlines() if l and not l.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    if not rows:
        sys.exit(f"linkcheck: LinkChecker printed no result (exit {run.returncode}): {run.stderr.strip()[-500:]}")
    return rows


def problems(url: str, folder: Path) -> tuple[list[str], int]:
    """(one line per problem, number of URLs checked)."""
    rows = crawl(url)
    found: list[str] = []
    reached: set[str] = set()
    for r in rows:
        where = f"{r['parentname']}:{r['line']}" if r["parentname"] else "(start)"
        if r["valid"] != "True":
            found.append(f"broken link: {r['urlname']} ({r['result']}) in {where}")
            continue
        reached.add(urldefrag(r["url"])[0])
        # A missing fragment is only a warning to LinkChecker (AnchorCheck); any warning
        # fails here: a page of ours has no reason for one.
        if r["warningstring"]:
            what = "broken fragment" if "Anchor" in r["warningstring"] else "warning"
            found.append(f"{what}: {r['urlname']} ({r['warningstring']}) in {where}")
    for f in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        rel = f.relative_to(folder).as_posix()
        page = urljoin(url, rel)
        if page not in reached and not (rel == "index.html" and url in reached):
            found.append(f"unreachable from the index: {rel}")
    return found, len(rows)


def main(argv: list[str]) -> int:
    self_test = argv[:1] == ["--self-test"]
    if self_test:
        argv = argv[1:]
    url, folder = argv[0], Path(argv[1])
    found, checked = problems(url, folder)
    if self_test:
        want = ["broken link: missing.html", "broken link: /style.css", "broken fragment: page.html#nowhere",
                "broken fragment: index.html#gone", "unreachable from the index: orphan.html"]
        missed = [w for w in want if not any(p.startswith(w) for p in found)]
        extra = [p for p in found if not any(p.startswith(w) for w in want)]
        for m in missed:
            print(f"linkcheck self-test: NOT caught: {m}")
        for e in extra:
            print(f"linkcheck self-test: unexpected: {e}")
        print(f"linkcheck self-test: {'passed' if not missed and not extra else 'FAILED'}: "
              f"{len(want) - len(missed)} of {len(want)} planted faults caught")
        return 1 if missed or extra else 0
    for p in found:
        print(f"linkcheck: {p}")
    print(f"linkcheck: {checked} distinct URLs (pages, style sheet, fragments) checked under {url}")
    print(f"{max(checked - len(found), 0)} passed, {len(found)} failed")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
