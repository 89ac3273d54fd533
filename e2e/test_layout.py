"""Everywhere: the key pages fit a phone's width and a 1366×768 laptop without sideways scrolling,
every field has a label, and the page can be worked from the keyboard (skip link first)."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

UNIT = "Dinas Kependudukan dan Pencatatan Sipil"


def key_pages(site):
    site.sign_in(site.email("assistantPPID", "Disdukcapil"))
    site.get("/")
    site.d.find_element(By.LINK_TEXT, UNIT).click()
    unit = site.d.current_url.replace(site.base, "")
    proposal = site.d.find_element(By.PARTIAL_LINK_TEXT, "Contoh Disdukcapil").get_attribute("href").replace(site.base, "")
    return {"beranda": "/", "unit": unit, "usulan": proposal, "pemberitahuan": "/pemberitahuan"}


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 768)], ids=["ponsel", "laptop"])
def test_key_pages_fit_the_screen_and_label_every_field(site, width, height):
    pages = key_pages(site)
    try:
        site.d.set_window_size(width, height)
        for name, path in pages.items():
            site.get(path)
            overflow = site.d.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at {width}px"
            unlabelled = site.d.execute_script("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(f => f.type !== 'hidden')
                  .filter(f => !(f.id && document.querySelector('label[for="' + f.id + '"]')) && !f.getAttribute('aria-label'))
                  .map(f => f.name || f.outerHTML.slice(0, 80));""")
            assert not unlabelled, f"{name}: fields without a label: {unlabelled}"
            if width < 500:
                site.d.save_screenshot(str(site.artifacts / f"ponsel-{name}.png"))
    finally:
        site.d.set_window_size(1366, 768)


def test_the_keyboard_reaches_the_content_first(site):
    site.sign_in(site.email("operator", "Disdukcapil"))
    site.get("/")
    site.d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = site.d.switch_to.active_element
    assert focused.get_attribute("class") == "skip" and focused.get_attribute("href").endswith("#isi")
    assert focused.is_displayed()  # visible when focused


def test_the_ppid_utama_sees_the_whole_body_on_signing_in(site):
    site.sign_in(site.email("mainPPID", "Diskominfo"))
    site.get("/")
    text = site.text
    assert "Ikhtisar badan publik" in text and "Keputusan terbaru" in text, text
    for unit in ["Dinas Kesehatan", UNIT, "Dinas Komunikasi dan Informatika"]:
        assert unit in text.split("Ikhtisar badan publik", 1)[1]
    assert "Akan berakhir atau perlu ditinjau" in text  # the demo's short periods, body-wide
    assert "DIK badan publik dalam angka" in text and len(site.d.find_elements(By.CSS_SELECTOR, "figure.chart svg")) >= 3
    site.shot("beranda-ppid-utama")
