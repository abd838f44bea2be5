"""Real browser tests: Debian's Chromium driven by Playwright against real servers on loopback.

The widget is embedded with one tag on a page served from another origin (another port); the Gradio workspace is
used like an official would. Screenshots go to tests/artifacts/. With CI=true a missing Chromium fails."""

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import require_corpus
from tests.servers import free_port, process

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "<img src=x onerror=alert(1)>"
TIMEOUT_MS = 60000

pytestmark = require_corpus()

HOST_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Trang của Sở</title>
<style>* {{ font-size: 40px !important; color: red !important; }} button {{ display: inline !important; }}</style>
</head><body><h1>Trang tin của Sở Công Thương</h1>
<script src="{app}/widget.js" data-api="{app}" data-title="Hỏi đáp khuyến công" data-send="Hỏi" async></script>
</body></html>"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing: `make test` / .ci/run install it with apt-get install chromium")
        pytest.skip("needs /usr/bin/chromium (installed by `make test`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def servers(default_settings, tmp_path_factory):
    """The app on one port; a plain static server for the host page on another (a different origin)."""
    app_port, host_port = free_port(), free_port()
    app, host = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{host_port}"
    pages = tmp_path_factory.mktemp("host")
    (pages / "index.html").write_text(HOST_PAGE.format(app=app), encoding="utf-8")
    env = os.environ | {"KC_ALLOWED_ORIGINS": host, "KC_DATA_DIR": str(tmp_path_factory.mktemp("data")),
                        "KC_RATE_LIMIT": "1000", "KC_INDEX_DIR": str(default_settings.index_dir)}
    with process([sys.executable, str(ROOT / "app.py"), "--port", str(app_port)], f"{app}/health", env, 180), \
            process([sys.executable, "-m", "http.server", str(host_port), "--bind", "127.0.0.1", "--directory",
                     str(pages)], f"{host}/index.html"):
        yield SimpleNamespace(app=app, host=host)


def _page(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.outside = []
    page.dialogs = []
    page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else page.outside.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return context, page


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_widget_on_another_origin_answers_cites_and_remembers(browser, servers, width, height):
    context, page = _page(browser, width, height)
    page.goto(f"{servers.host}/index.html")
    launcher = page.locator("[data-kc=launcher]")
    launcher.focus()
    page.keyboard.press("Enter")  # keyboard accessible: the launcher is a real button
    field = page.locator("[data-kc=input]")
    assert field.evaluate("el => el === el.getRootNode().activeElement")  # focus moved into the panel
    panel = page.locator("section[role=dialog]")
    box = panel.bounding_box()
    if width < 768:
        assert (round(box["width"]), round(box["height"])) == (width, height)  # full screen on a phone
    else:
        assert box["width"] < 500
    assert page.locator("[data-kc=send]").inner_text() == "Hỏi"  # strings overridable by data-*
    field.fill("Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào sản xuất tối đa bao nhiêu?")
    page.keyboard.press("Enter")
    answer = page.locator("[data-kc=message][data-role=assistant]").last
    answer.locator("[data-kc=source]").first.wait_for()
    assert "200 triệu" in answer.inner_text()
    assert "26/2014/TTLT-BTC-BCT" in answer.locator("[data-kc=source]").first.inner_text()
    font = answer.evaluate("el => getComputedStyle(el).fontSize")
    assert font == "15px"  # the host page's `* { font-size: 40px !important }` does not reach the widget
    _shot(page, f"widget-{width}")
    page.reload()
    page.locator("[data-kc=launcher]").click()
    messages = page.locator("[data-kc=message]")
    assert messages.count() == 2 and "200 triệu" in messages.nth(1).inner_text()  # history survives a reload
    assert page.locator("[data-kc=source]").count() >= 1
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    page.locator("[data-kc=launcher]").click()
    page.locator("[data-kc=new]").click()
    assert page.locator("[data-kc=message]").count() == 0
    assert page.outside == [] and page.dialogs == []
    context.close()


def test_widget_shows_hostile_text_as_text(browser, servers):
    context, page = _page(browser, 1280, 800)
    page.goto(f"{servers.host}/index.html")
    page.locator("[data-kc=launcher]").click()
    page.locator("[data-kc=input]").fill(f"{HOSTILE} mức hỗ trợ thuê gian hàng hội chợ?")
    page.locator("[data-kc=send]").click()
    page.locator("[data-kc=message][data-role=assistant] [data-kc=source]").first.wait_for()
    question = page.locator("[data-kc=message][data-role=user]").first
    assert question.inner_text().startswith(HOSTILE)
    images = page.evaluate("document.querySelectorAll('img').length"
                           " + document.querySelector('kc-chat-widget').shadowRoot.querySelectorAll('img').length")
    assert images == 0 and page.dialogs == []
    _shot(page, "widget-hostile")
    context.close()


def test_workspace_answers_with_sources_and_no_third_party_requests(browser, servers):
    context, page = _page(browser, 1280, 900)
    page.goto(f"{servers.app}/")
    box = page.locator("#kc-question textarea")
    box.fill("Tham gia hội chợ trong nước")
    box.press("Shift+Enter")  # a new line, not a question yet
    box.type("được hỗ trợ bao nhiêu tiền thuê gian hàng?")
    assert "\n" in box.input_value() and "Tham gia hội chợ" not in page.locator("#kc-chat").inner_text()
    box.press("Enter")  # Enter sends
    source = page.locator("#kc-sources [data-kc=source]").first
    source.wait_for()
    assert "80%" in page.locator("#kc-chat").inner_text()
    panel = page.locator("#kc-sources").inner_text()
    assert "26/2014/TTLT-BTC-BCT" in panel and "đã bị thay thế" in panel  # số hiệu, status badge
    assert page.locator("#kc-sources mark").count() >= 1  # the answering sentence is highlighted
    page.locator("#kc-question textarea").fill(HOSTILE)
    page.locator("#kc-send").click()
    page.get_by_text(HOSTILE).first.wait_for()
    assert page.locator("#kc-chat img").count() == 0 and page.dialogs == []
    _shot(page, "workspace")
    assert page.outside == []
    context.close()
