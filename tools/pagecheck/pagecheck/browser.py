"""One headless Chromium session (Debian's chromium + chromium-driver), reused for all pages.

Nothing is downloaded: the driver is /usr/bin/chromedriver, the browser /usr/bin/chromium,
and every network request goes to a dead proxy, so a page that needs the network shows it.
"""
from __future__ import annotations

import base64
import json
import struct
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
VIEW_HEIGHT = 900
# Chromium cannot capture taller images reliably; longer pages are cut (and say so).
MAX_SHOT_HEIGHT = 16000


class Browser:
    """A headless Chromium driven through Selenium and the DevTools protocol."""

    def __init__(self) -> None:
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in (
            "--headless=new",
            "--no-sandbox",  # needed as root
            "--proxy-server=http://127.0.0.1:9",  # a dead proxy: no request gets out
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-color-profile=srgb",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-extensions",
            "--disable-sync",
            f"--window-size=1280,{VIEW_HEIGHT}",
        ):
            opts.add_argument(arg)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
        self.driver.set_page_load_timeout(60)
        self.driver.set_script_timeout(120)

    def close(self) -> None:
        self.driver.quit()

    # -- navigation and logs -------------------------------------------------------------

    def open(self, path: Path) -> str:
        """Loads a file at 1280 px, light, with empty logs; returns its URL."""
        self.drain_logs()
        self.set_width(1280)
        self.set_scheme("light")
        url = path.resolve().as_uri()
        self.driver.get(url)
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "(document.fonts ? document.fonts.ready : Promise.resolve()).then(() => done(true));"
        )
        return url

    def drain_logs(self) -> None:
        self.driver.get_log("browser")
        self.driver.get_log("performance")

    def console_messages(self) -> list[dict]:
        """Console errors and warnings since the last call ({level, message})."""
        return [e for e in self.driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")]

    def requests(self) -> list[tuple[str, str]]:
        """(URL, resource type) of every request the page made since the last call (DevTools
        performance log); the type is DevTools' (`Document`, `Stylesheet`, `Image`, …)."""
        found = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                params = message["params"]
                found.append((params["request"]["url"], params.get("type", "")))
        return found

    # -- emulation -------------------------------------------------------------------------

    def set_width(self, width: int) -> None:
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": VIEW_HEIGHT, "deviceScaleFactor": 1, "mobile": False})
        self.driver.execute_script("window.scrollTo(0, 0)")

    def set_scheme(self, scheme: str) -> None:
        """Emulates `prefers-color-scheme: light|dark`."""
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    # -- artefacts ---------------------------------------------------------------------------

    def screenshot(self, target: Path, width: int) -> bool:
        """Saves a full-page PNG at the current width; False when the page was cut."""
        height = self.driver.execute_script(
            "return Math.ceil(Math.max(document.scrollingElement.scrollHeight,"
            " document.documentElement.getBoundingClientRect().height))")
        shot_height = max(1, min(int(height), MAX_SHOT_HEIGHT))
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": shot_height, "scale": 1}})["data"]
        target.write_bytes(base64.b64decode(data))
        return shot_height == height

    def print_pdf(self, target: Path) -> None:
        data = self.driver.execute_cdp_cmd("Page.printToPDF", {
            "printBackground": True, "preferCSSPageSize": True})["data"]
        target.write_bytes(base64.b64decode(data))


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file (from its IHDR chunk)."""
    with path.open("rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24])
