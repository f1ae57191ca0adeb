#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The dashboard in a real headless Chromium against a real server.

Starts `securevision demo` (the real pipeline on the looping demo clip, with the person `obama`
enrolled and KX19ABC on the deny list), drives Debian's chromium through chromium-driver with
Selenium, and checks what a person would: sign-in (a wrong token is refused), a live event
arriving over the WebSocket, filtering events and opening one, enrolling a person by upload and
the server's reason for a photo without a face, adding and removing a deny-list plate, the system
page, a phone-sized window and an expired session. After every step the browser console must hold
no errors except the refusals that step provokes on purpose. Screenshots of every page go to
artifacts/dashboard/.

Usage: scripts/test-dashboard.py PATH/TO/securevision [--artifacts DIR] [--keep-data]
Needs: Debian chromium and chromium-driver, Python selenium (the Makefile's test-dashboard target
installs it into .build/venv-dashboard), models/ and test-data/.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

# Selenium Manager must never try to download a driver or browser: both come from Debian.
os.environ["SE_OFFLINE"] = "true"

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DESKTOP = (1440, 1000)
PHONE = (390, 844)


class Failure(Exception):
    """A check that did not hold; the message says which and why."""


def say(message: str) -> None:
    print(f"test-dashboard: {message}", flush=True)


class DemoServer:
    """`securevision demo` on a fresh data directory, on a free port."""

    def __init__(self, binary: Path, data_dir: Path, clip: Path, token: str) -> None:
        self.log_path = data_dir / "server.log"
        self.port: int | None = None
        self.ready = threading.Event()
        env = dict(os.environ)
        env.update({
            "SECUREVISION__MODELS_DIR": str(REPO / "models"),
            "SECUREVISION__API__AUTH_TOKEN": token,
            # An event on every pass of the 18 s clip, so a live one arrives soon after sign-in.
            "SECUREVISION__TRACKING__COOLDOWN_SECONDS": "0",
        })
        self.process = subprocess.Popen(
            [str(binary), "demo", "--clip", str(clip), "--person-photo", str(REPO / "test-data/obama2.jpg"),
             "--person-id", "obama", "--deny-plate", "KX19ABC", "--data-dir", str(data_dir),
             "--host", "127.0.0.1", "--port", "0"],
            cwd=data_dir, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, start_new_session=True,
        )
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self) -> None:
        assert self.process.stderr is not None
        with open(self.log_path, "w", encoding="utf-8") as log:
            for line in self.process.stderr:
                log.write(line)
                log.flush()
                match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
                if match and not self.ready.is_set():
                    self.port = int(match.group(1))
                    self.ready.set()

    def wait_ready(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while not self.ready.wait(0.2):
            if self.process.poll() is not None:
                raise Failure(f"the server exited with {self.process.returncode}; log: {self.log_path}")
            if time.monotonic() > deadline:
                raise Failure(f"the server did not listen within {timeout:.0f} s; log: {self.log_path}")
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


class Dashboard:
    """The browser, with helpers that wait, screenshot and read the console."""

    def __init__(self, base: str, artifacts: Path, profile: Path) -> None:
        self.base = base
        self.artifacts = artifacts
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                         "--force-color-profile=srgb", "--lang=en-GB", f"--user-data-dir={profile}",
                         f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_window_size(*DESKTOP)

    # Waiting --------------------------------------------------------------------------------------
    def wait(self, what: str, condition, timeout: float = 10):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.2).until(lambda _: condition())
        except TimeoutException:
            self.screenshot(f"failed-{re.sub(r'[^a-z0-9]+', '-', what.lower())[:40]}")
            raise Failure(f"timed out after {timeout:.0f} s waiting for {what}") from None

    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def visible(self, css: str):
        elements = [e for e in self.all(css) if e.is_displayed()]
        return elements[0] if elements else None

    def click(self, css: str) -> None:
        """Clicks like a person: first dismissing any alert pop-ups that could cover the target."""
        for close in self.all(".toast-close"):
            if close.is_displayed():
                close.click()
        self.find(css).click()

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def go(self, view: str) -> None:
        """Opens a view with its navigation link, as a person would."""
        self.click(f'.nav a[data-view="{view}"]')
        self.wait(f"the {view} view", lambda: self.find(f'.nav a[data-view="{view}"]').get_attribute("aria-current") == "page")

    # Evidence -------------------------------------------------------------------------------------
    def screenshot(self, name: str, full_page: bool = True) -> None:
        """A full-page PNG, through the DevTools protocol (falls back to the viewport)."""
        path = self.artifacts / f"{name}.png"
        if not full_page:
            self.driver.save_screenshot(str(path))
            return
        try:
            metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            width = max(int(self.js("return window.innerWidth")), 1)
            height = min(max(int(size["height"]), 1), 6000)
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            })
            import base64
            path.write_bytes(base64.b64decode(shot["data"]))
        except Exception:  # noqa: BLE001 - any DevTools hiccup still leaves a viewport screenshot
            self.driver.save_screenshot(str(path))

    def check_console(self, step: str, allowed: list[str] | None = None) -> None:
        """Fails on any console error since the last check, except those matching `allowed`.

        Chromium logs a refused request ("Failed to load resource: ... status of 401") as an error;
        the steps that provoke a refusal on purpose allow exactly that URL and status.
        """
        allowed = allowed or []
        errors = []
        for entry in self.driver.get_log("browser"):
            if entry.get("level") != "SEVERE":
                continue
            message = entry.get("message", "")
            if any(re.search(pattern, message) for pattern in allowed):
                continue
            errors.append(message)
        if errors:
            raise Failure(f"console errors during '{step}':\n  " + "\n  ".join(errors))

    def no_horizontal_scroll(self, page: str) -> None:
        overflow = self.js("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            raise Failure(f"{page} is {overflow} px wider than a phone screen")

    def quit(self) -> None:
        self.driver.quit()


def refused(path: str, status: int) -> str:
    """The console line Chromium writes for a refused request to `path`."""
    return rf"{re.escape(path)}.* - Failed to load resource: the server responded with a status of {status}"


def api(base: str, token: str, path: str):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


# The steps ----------------------------------------------------------------------------------------

def sign_in(d: Dashboard, token: str) -> None:
    say("sign-in: page, a wrong token, then the right one")
    d.driver.get(d.base + "/")
    d.wait("the sign-in form", lambda: d.visible("#token"))
    if "SecureVision" not in d.driver.title:
        raise Failure(f"unexpected page title {d.driver.title!r}")
    d.check_console("loading the page")
    d.screenshot("01-sign-in")

    field = d.find("#token")
    field.send_keys("not-the-token-at-all-0000")
    field.send_keys(Keys.ENTER)  # keyboard: Enter submits
    error = d.wait("the refusal message", lambda: d.visible("#signin-error"))
    if "not accepted" not in error.text:
        raise Failure(f"a wrong token showed {error.text!r}")
    if d.find("#app").is_displayed():
        raise Failure("a wrong token opened the dashboard")
    if d.js("return sessionStorage.length") != 0:
        raise Failure("a refused token was kept in sessionStorage")
    d.screenshot("02-sign-in-refused")
    d.check_console("a wrong token", [refused("/stats", 401)])

    field = d.find("#token")
    field.clear()
    field.send_keys(token)
    d.click("#signin-submit")
    d.wait("the dashboard after sign-in", lambda: d.visible("#app .nav"))
    if d.js("return sessionStorage.getItem('securevision.token')") != token:
        raise Failure("the token is not in sessionStorage after sign-in")


def live(d: Dashboard) -> None:
    say("live: camera frame, then an event arriving over the WebSocket")
    d.wait("the live connection", lambda: d.find("#connection").get_attribute("data-state") == "live", 15)
    d.wait("a camera frame", lambda: d.js(
        "const i = document.querySelector('.camera img.frame'); return !!i && !i.hidden && i.naturalWidth > 0"), 30)
    item = d.wait("a live event in the feed", lambda: d.visible('.feed-item[data-origin="stream"]'), 45)
    say(f"live: first streamed event is {item.get_attribute('data-type')}")
    d.wait("a deny-list alert in the feed", lambda: d.visible('.feed-item[data-type="plate_alert"].tone-alert'), 45)
    alert = d.find('.feed-item[data-type="plate_alert"]')
    if "KX19ABC" not in alert.text or "alert" not in alert.text.lower():
        raise Failure(f"the alert reads {alert.text!r}")
    d.wait("event thumbnails", lambda: d.js(
        "return [...document.querySelectorAll('.feed img.thumb')].some((i) => i.naturalWidth > 0)"), 10)
    camera = d.find(".camera").text
    if "fps" not in camera or "Online" not in camera:
        raise Failure(f"the camera card reads {camera!r}")
    d.screenshot("03-live")
    d.check_console("the live view")


def events(d: Dashboard) -> None:
    say("events: list, filter by type and plate, open one")
    d.go("events")
    d.wait("event rows", lambda: d.all(".events-table tbody tr"))
    d.wait("the total count", lambda: re.search(r"\d+ events?", d.find(".summary").text))
    d.screenshot("04-events")

    Select(d.find("#filter-type")).select_by_value("plate_alert")
    d.find("#filter-plate").send_keys("kx19abc")
    d.click(".filters button[type=submit]")
    d.wait("the filter in the address", lambda: "type=plate_alert" in d.driver.current_url and "plate=KX19ABC" in d.driver.current_url)
    rows = d.wait("filtered rows", lambda: d.all(".events-table tbody tr"))
    types = {row.get_attribute("data-type") for row in rows}
    if types != {"plate_alert"}:
        raise Failure(f"filtering on plate_alert showed {types}")
    summary = d.find(".summary").text
    if "match" not in summary:
        raise Failure(f"the summary reads {summary!r}")
    total = int(re.search(r"(\d+) event", summary).group(1))
    d.screenshot("05-events-filtered")
    d.check_console("filtering events")

    d.click(".events-table tbody tr:first-child a.event-link")
    d.wait("the event page", lambda: d.visible(".event-detail"))
    d.wait("the snapshot", lambda: d.js(
        "const i = document.querySelector('.snapshot-image'); return !!i && i.naturalWidth > 0"), 10)
    d.wait("the detection box", lambda: d.all(".snapshot-frame .bbox"))
    title = d.find("#event-title").text
    if "KX19ABC" not in title:
        raise Failure(f"the event page is titled {title!r}")
    facts = d.find(".facts").text
    if "Deny list" not in facts:
        raise Failure(f"the event's details do not name the deny list: {facts!r}")
    d.screenshot("06-event-detail")
    d.check_console("an event's page")
    d.click(".back-link")
    d.wait("the filtered list again", lambda: "type=plate_alert" in d.driver.current_url and d.all(".events-table tbody tr"))
    d.check_console("back to the list")

    # Paging follows X-Next-Cursor; two events a page so the demo's first minute has several pages.
    d.driver.get(f"{d.base}/#/events?limit=2")
    ids = lambda: [row.get_attribute("data-id") for row in d.all(".events-table tbody tr")]  # noqa: E731
    d.wait("a first page of two", lambda: len(ids()) == 2 and "showing 1–2" in d.find(".summary").text)
    first = ids()
    stamps_first = [row.get_attribute("data-ts") for row in d.all(".events-table tbody tr")]
    d.click(".pager-older")
    d.wait("the second page", lambda: "showing 3–" in d.find(".summary").text and ids() and ids() != first)
    # Newest first by event time (ts_ms), so every event on page 2 is no newer than page 1's last.
    first_oldest = min(int(ts) for ts in stamps_first)
    second = [int(row.get_attribute("data-ts")) for row in d.all(".events-table tbody tr")]
    if set(ids()) & set(first) or max(second) > first_oldest:
        raise Failure(f"page 2 {ids()} (ts {second}) overlaps or is newer than page 1 {first} (ts {stamps_first})")
    pages = d.find(".pager").text
    if "Page 2 of" not in pages:
        raise Failure(f"the pager reads {pages!r}")
    d.click(".pager-newer")
    d.wait("the first page again", lambda: ids() == first)
    d.check_console("paging through events")
    say(f"events: {total} deny-list alerts for KX19ABC so far")


def people(d: Dashboard) -> None:
    say("people: enrol by upload, a photo without a face, delete")
    d.go("people")
    d.wait("the enrolled person", lambda: d.visible('.person[data-id="obama"]'))
    d.wait("obama's face thumbnail", lambda: d.js(
        "const i = document.querySelector('.person[data-id=\"obama\"] .avatar img'); return !!i && i.naturalWidth > 0"), 10)

    d.find("#person-id").send_keys("biden")
    d.find("#person-name").send_keys("Joe Biden")
    d.find("#person-photo").send_keys(str(REPO / "test-data/biden.jpg"))
    d.click(".enrol button[type=submit]")
    done = d.wait("the enrolment message", lambda: d.visible("#enrol-success"), 20)
    if "biden" not in done.text:
        raise Failure(f"enrolment said {done.text!r}")
    d.wait("the new person", lambda: d.visible('.person[data-id="biden"]'))
    d.check_console("enrolling a person")

    d.find("#person-id").send_keys("nobody")
    d.find("#person-photo").send_keys(str(REPO / "test-data/coffee.png"))
    d.click(".enrol button[type=submit]")
    error = d.wait("the rejection message", lambda: d.visible("#enrol-error"), 20)
    reason = error.text
    if not reason.startswith("The photo was not enrolled: ") or len(reason) < 35:
        raise Failure(f"a photo without a face showed {reason!r}")
    if "face" not in reason.lower():
        raise Failure(f"the rejection does not give the server's reason: {reason!r}")
    if d.all('.person[data-id="nobody"]'):
        raise Failure("a rejected photo created a person")
    say(f"people: rejection reads {reason!r}")
    d.screenshot("07-people-rejected")
    d.check_console("a photo without a face", [refused("/people/nobody/faces", 422)])

    d.click('.person[data-id="biden"] button[aria-label="Delete Joe Biden"]')
    d.wait("the confirmation dialog", lambda: d.visible("#confirm"))
    d.screenshot("08-people-confirm-delete", full_page=False)
    d.click("#confirm-ok")
    d.wait("the person to go", lambda: not d.all('.person[data-id="biden"]'))
    d.screenshot("09-people")
    d.check_console("deleting a person")


def plates(d: Dashboard, token: str) -> None:
    say("plates: add and remove a deny-list plate")
    d.go("plates")
    d.wait("KX19ABC on the deny list", lambda: d.visible('.plate-panel-deny .plate-entry[data-plate="KX19ABC"]'))
    d.find("#deny-plate").send_keys("ab12 cde")
    d.find("#deny-note").send_keys("Stolen van, reported 12 May")
    d.find("#deny-plate").send_keys(Keys.ENTER)
    d.wait("the added plate", lambda: d.visible('.plate-panel-deny .plate-entry[data-plate="AB12CDE"]'))
    if "AB12CDE" not in [entry["plate"] for entry in api(d.base, token, "/plate-lists/deny")]:
        raise Failure("the API does not list AB12CDE after adding it in the page")
    d.find("#deny-plate").send_keys("AB12CDE\n")
    d.wait("the duplicate message", lambda: d.visible("#deny-error"))
    d.find("#allow-plate").send_keys("RES1DNT")
    d.find("#allow-note").send_keys("Resident, flat 4")
    d.click(".plate-panel-allow button[type=submit]")
    d.wait("the allow-list plate", lambda: d.visible('.plate-panel-allow .plate-entry[data-plate="RES1DNT"]'))
    d.screenshot("10-plates")
    d.check_console("adding plates", [refused("/plate-lists/deny", 409)])

    d.click('button[aria-label="Remove AB12CDE from the deny list"]')
    d.wait("the confirmation dialog", lambda: d.visible("#confirm"))
    d.click("#confirm-ok")
    d.wait("the removed plate to go", lambda: not d.all('.plate-entry[data-plate="AB12CDE"]'))
    if "AB12CDE" in [entry["plate"] for entry in api(d.base, token, "/plate-lists/deny")]:
        raise Failure("the API still lists AB12CDE after removing it in the page")
    d.check_console("removing a plate")


def system(d: Dashboard) -> None:
    say("system: status and audit log")
    d.go("system")
    d.wait("the status cards", lambda: len(d.all(".stat-card")) >= 6)
    d.wait("the audit log", lambda: d.all(".audit-table tbody tr"))
    audit = d.find(".audit-table").text
    for action in ("plate_list.add", "plate_list.remove", "person.enroll", "person.delete"):
        if action not in audit:
            raise Failure(f"the audit log lacks {action}")
    version = d.find(".stat-card .stat-value").text
    if not version:
        raise Failure("no version on the system page")
    d.screenshot("11-system")
    d.check_console("the system page")


def phone(d: Dashboard) -> None:
    say("phone-sized window: every page fits")
    d.driver.set_window_size(*PHONE)
    for view, settle in (("live", ".feed-item"), ("events", ".events-table tbody tr"), ("people", ".person"),
                         ("plates", ".plate-entry"), ("system", ".stat-card")):
        d.driver.get(f"{d.base}/#/{view}")
        d.wait(f"the {view} view on a phone", lambda: d.visible(settle), 15)
        if view == "live":
            d.wait("a camera frame", lambda: d.js(
                "const i = document.querySelector('.camera img.frame'); return !!i && i.naturalWidth > 0"), 15)
        d.no_horizontal_scroll(view)
        d.screenshot(f"12-phone-{view}")
    d.check_console("the phone-sized pages")
    d.driver.set_window_size(*DESKTOP)


def keyboard(d: Dashboard) -> None:
    say("keyboard: skip link and navigation by Tab")
    d.driver.get(f"{d.base}/#/live")
    d.driver.refresh()  # a fresh load, so focus starts at the top of the document
    d.wait("the live view", lambda: d.visible(".camera"))
    body = d.find("body")
    body.send_keys(Keys.TAB)
    focused = d.js("return document.activeElement.className")
    if "skip-link" not in focused:
        raise Failure(f"the first Tab stop is {focused!r}, not the skip link")
    for _ in range(8):
        d.driver.switch_to.active_element.send_keys(Keys.TAB)
        if d.js("return document.activeElement.dataset.view") == "events":
            break
    else:
        raise Failure("Tab never reached the Events link")
    d.driver.switch_to.active_element.send_keys(Keys.ENTER)
    d.wait("Events opened by keyboard", lambda: "#/events" in d.driver.current_url)
    unlabelled = d.js("""
        return [...document.querySelectorAll('input, select, button')].filter((el) => {
          if (el.closest('[hidden]') || el.type === 'hidden') return false;
          const label = el.labels && el.labels.length ? el.labels[0].textContent.trim() : '';
          return !(label || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim()));
        }).map((el) => el.outerHTML.slice(0, 80));""")
    if unlabelled:
        raise Failure(f"controls without a label: {unlabelled}")
    d.check_console("keyboard navigation")


def expired(d: Dashboard) -> None:
    say("session: a 401 returns to sign-in")
    d.js("sessionStorage.setItem('securevision.token', 'revoked-token-0123456789abcdef')")
    d.driver.get(f"{d.base}/#/system")
    notice = d.wait("the sign-in form after a 401", lambda: d.visible("#signin-notice"), 15)
    if "Sign in again" not in notice.text:
        raise Failure(f"the expiry notice reads {notice.text!r}")
    if d.js("return sessionStorage.getItem('securevision.token')") is not None:
        raise Failure("the refused token is still stored")
    d.screenshot("13-session-expired")
    d.check_console("an expired session", [r"status of 401", r"/stream.*(401|failed|closed)"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", type=Path, help="the securevision executable")
    parser.add_argument("--artifacts", type=Path, default=REPO / "artifacts/dashboard")
    parser.add_argument("--clip", type=Path, default=REPO / ".build/dashboard-test/demo-clip.mp4",
                        help="where the demo clip is kept between runs")
    parser.add_argument("--keep-data", action="store_true", help="keep the server's data directory and log")
    args = parser.parse_args()

    started = time.monotonic()
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            say(f"error: {tool} is missing; run scripts/install-deps.sh (Debian chromium and chromium-driver)")
            return 1
    if not os.access(args.binary, os.X_OK):
        say(f"error: {args.binary} is not an executable; build it with: swift build --product securevision")
        return 1
    args.artifacts.mkdir(parents=True, exist_ok=True)
    for old in args.artifacts.glob("*.png"):
        old.unlink()
    args.clip.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["bash", str(REPO / "scripts/make-demo-clip.sh"), str(args.clip)], check=True)

    work = Path(tempfile.mkdtemp(prefix="securevision-dashboard-"))
    token = secrets.token_hex(24)
    server = DemoServer(args.binary.resolve(), work, args.clip.resolve(), token)
    dashboard = None
    try:
        base = server.wait_ready(60)
        say(f"server at {base}, data in {work}")
        dashboard = Dashboard(base, args.artifacts, work / "chromium-profile")
        sign_in(dashboard, token)
        live(dashboard)
        events(dashboard)
        people(dashboard)
        plates(dashboard, token)
        system(dashboard)
        phone(dashboard)
        keyboard(dashboard)
        expired(dashboard)
    except Failure as failure:
        say(f"FAILED: {failure}")
        say(f"screenshots: {args.artifacts}; server log: {server.log_path}")
        args.keep_data = True
        return 1
    finally:
        if dashboard is not None:
            dashboard.quit()
        server.stop()
        shutil.copy(server.log_path, args.artifacts / "server.log")
        if not args.keep_data:
            shutil.rmtree(work, ignore_errors=True)
    say(f"all checks passed in {time.monotonic() - started:.0f} s; screenshots in {args.artifacts}")
    print("9 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
