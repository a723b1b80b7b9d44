"""The command line's page list, labels and closing line (no browser needed)."""
from __future__ import annotations

from pathlib import Path

from pagecheck.__main__ import collect, main
from pagecheck.findings import Finding
from pagecheck.page import slug


def test_a_directory_stands_for_every_html_file_below_it(tmp_path, monkeypatch):
    (tmp_path / "site" / "teams").mkdir(parents=True)
    for name in ("site/index.html", "site/teams/a.html", "site/data.csv"):
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    assert list(collect(["site"])) == ["site/index.html", "site/teams/a.html"]


def test_label_equals_file_names_a_page_outside_the_tree(tmp_path):
    page = tmp_path / "report.html"
    page.write_text("x")
    assert collect([f"single-file-report.html={page}"]) == {"single-file-report.html": page}


def test_a_missing_page_is_an_error(tmp_path, capsys):
    assert main(["--out", str(tmp_path / "out"), str(tmp_path / "nope.html")]) == 1
    assert "no such page" in capsys.readouterr().err


def test_slug_keeps_pages_apart():
    assert slug("site-example/teams/a.html") == "site-example__teams__a"
    assert slug("site-example/teams/a.html") != slug("site-example/a.html")


def test_finding_line_format():
    assert Finding("p.html", "AXE", "what", "where").line() == "p.html: AXE: what (where)"
    assert Finding("p.html", "VNU", "what").line() == "p.html: VNU: what"


def test_many_findings_of_one_kind_are_shortened_with_a_count():
    from pagecheck.findings import report_lines

    findings = [Finding("p.html", "VNU", f"error: Duplicate ID “id{i}”.", f"line {i}") for i in range(5)]
    findings.append(Finding("p.html", "AXE", "color-contrast (serious): …"))
    lines = report_lines(findings)
    assert lines[:3] == [f.line() for f in findings[:3]]
    assert lines[3] == "p.html: VNU: … and 2 more like “error: Duplicate ID “…”.”"
    assert lines[4] == findings[5].line()
