"""pagecheck: checks the report's HTML pages the way a strict reviewer would.

Per page: the Nu HTML Checker (vnu), then headless Chromium: network requests, console
messages, axe-core, and the project's own checks (SVG names, clipped SVG text, horizontal
overflow at 390 px), plus screenshots and a print PDF. Entry point: `python -m pagecheck`.
"""
