"""Shared fixtures: one browser and one vnu run for all the checker's own tests."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pagecheck.browser import Browser  # noqa: E402
from pagecheck.vnu import validate  # noqa: E402

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def browser():
    b = Browser()
    yield b
    b.close()


@pytest.fixture(scope="session")
def vnu_findings():
    """vnu over every fixture page at once (one Java start), grouped by page label."""
    pages = {p.name: p for p in sorted(FIXTURES.glob("*.html"))}
    grouped: dict[str, list] = {name: [] for name in pages}
    for f in validate(pages):
        grouped[f.page].append(f)
    return grouped


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("pagecheck-out")


@pytest.fixture(scope="session")
def check(browser, vnu_findings, out_dir):
    """check("name.html") → every finding on that fixture page (vnu and browser)."""
    from pagecheck.page import check_page

    cache: dict[str, list] = {}

    def run(name: str):
        if name not in cache:
            cache[name] = vnu_findings[name] + check_page(browser, name, FIXTURES / name, out_dir)
        return cache[name]

    return run
