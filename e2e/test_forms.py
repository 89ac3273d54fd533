"""Forms that forgive: the period's end and the opening decree's date shown before saving, what was
typed kept when the session ends mid-form, a double press sent once, the back button after a
decision, and two officers completing the same step at once."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from site_driver import Site, chrome

UNIT = "Dinas Kependudukan dan Pencatatan Sipil"


def open_proposal(site, title):
    site.sign_in(site.email("operator", "Disdukcapil"))
    site.get("/")
    site.d.find_element(By.LINK_TEXT, UNIT).click()
    site.fill("title", title)
    site.press("Buat usulan")
    site.fill("title", "Rekaman CCTV ruang pelayanan")
    site.fill("description", "Rekaman kamera pengawas yang memperlihatkan wajah pemohon")
    site.press("Tambahkan")
    section = site.d.find_element(By.CSS_SELECTOR, "section.item")
    item = section.get_attribute("id").replace("informasi-", "")
    site.expand(".//summary[normalize-space()='Isi uji konsekuensi']", section)
    return site.d.current_url.replace(site.base, ""), item


def preview_text(site, item):
    output = site.d.find_element(By.CSS_SELECTOR, f"#informasi-{item} output.period-preview")
    return output.text


def test_the_period_shows_its_end_and_the_opening_decree_date_before_saving(site):
    _, item = open_proposal(site, "Uji pratinjau jangka waktu")
    p = f"{item}-"
    site.choose(p + "periodKind", "until")
    assert not site.d.find_element(By.ID, p + "years").is_displayed()  # only the fields of the kind chosen
    assert site.d.find_element(By.ID, p + "end").is_displayed()
    site.fill(p + "end", "2026-12-31")
    site.d.execute_script("arguments[0].dispatchEvent(new Event('change'))", site.d.find_element(By.ID, p + "end"))
    WebDriverWait(site.d, 10).until(lambda d: "paling lambat" in preview_text(site, item))
    text = preview_text(site, item)
    assert "Berakhir 31 Desember 2026" in text and "17 November 2026" in text, text
    # Ground a with an event and no latest end: the law's refusal is shown before saving.
    site.choose(p + "ground", "a1")
    site.choose(p + "periodKind", "event")
    site.fill(p + "event", "penyidikan selesai")
    site.fill(p + "reviewOn", "2027-06-01")
    site.fill(p + "end", "")  # no latest end
    site.d.execute_script("arguments[0].dispatchEvent(new Event('change'))", site.d.find_element(By.ID, p + "reviewOn"))
    WebDriverWait(site.d, 10).until(lambda d: "30 tahun" in preview_text(site, item))
    site.shot("formulir-pratinjau-jangka-waktu")


def test_what_was_typed_survives_an_ended_session(site):
    url, item = open_proposal(site, "Uji sesi berakhir")
    p = f"{item}-"
    site.choose(p + "ground", "h1")
    site.fill(p + "consequenceIfOpened", "Wajah pemohon dapat dikenali dan disalahgunakan.")
    site.fill(p + "consequenceIfClosed", "Pengawasan layanan tetap berjalan melalui laporan berkala.")
    site.fill(p + "reason", "Rahasia pribadi pemohon.")
    site.d.delete_all_cookies()  # the session ends while the officer types
    site.who = None
    site.press("Simpan uji konsekuensi", site.d.find_element(By.ID, f"informasi-{item}"))
    assert "Formulir belum terkirim" in site.text and "tersimpan di peramban" in site.text, site.text
    site.shot("formulir-sesi-berakhir")
    site.d.find_element(By.LINK_TEXT, "Masuk lagi").click()
    email = site.email("operator", "Disdukcapil")
    site.fill("email", email)
    site.fill("password", "kopi tubruk pagi hari di kantor")
    site.press("Masuk")
    site.who = email
    assert url in site.d.current_url  # back at the proposal
    assert "dikembalikan ke formulir ini" in site.text, site.text
    assert site.d.find_element(By.ID, p + "consequenceIfOpened").get_attribute("value") == (
        "Wajah pemohon dapat dikenali dan disalahgunakan.")
    assert site.d.find_element(By.ID, p + "reason").get_attribute("value") == "Rahasia pribadi pemohon."
    site.shot("formulir-isian-dikembalikan")
    # Saved this time; the draft is gone and does not come back on the next visit.
    site.choose(p + "verdict", "closed")
    site.choose(p + "periodKind", "until")
    site.fill(p + "end", "2030-12-31")
    site.press("Simpan uji konsekuensi", site.d.find_element(By.ID, f"informasi-{item}"))
    assert "Belum diuji" not in site.d.find_element(By.ID, f"informasi-{item}").text, site.text
    site.get(url)
    assert "dikembalikan ke formulir ini" not in site.text


def test_a_double_press_the_back_button_and_two_officers_at_once(site):
    url, item = open_proposal(site, "Uji tekan ganda")
    p = f"{item}-"
    site.choose(p + "ground", "h1")
    site.fill(p + "consequenceIfOpened", "Wajah pemohon dapat dikenali.")
    site.fill(p + "consequenceIfClosed", "Laporan berkala tetap terbit.")
    site.choose(p + "periodKind", "until")
    site.fill(p + "end", "2030-12-31")
    site.fill(p + "reason", "Rahasia pribadi.")
    site.press("Simpan uji konsekuensi", site.d.find_element(By.ID, f"informasi-{item}"))
    # The test is done at a meeting with the PPID (UU 14/2008 Ps 19): the step waits for it.
    site.fill("meetingDate", site.d.execute_script("return new Date().toISOString().slice(0, 10)"))
    site.fill("meetingPlace", "Ruang rapat")
    site.fill("meetingParticipants", "Budi Santoso — PPID Pembantu\nSiti Aminah — Kepala Bidang")
    site.press("Simpan rapat")

    # A second officer (the same role, another browser) has the same step open.
    other = Site(site.base, chrome(), site.passwords, site.artifacts)
    other.changed = site.changed
    try:
        other.sign_in(site.email("operator", "Disdukcapil"))
        other.get(url)
        # The first presses "complete" twice in a row: it is sent once.
        button = site.d.find_element(By.XPATH, "//button[normalize-space()='Selesaikan langkah 1']")
        site.d.execute_script("window.__e2eOldPage = true; arguments[0].click(); arguments[0].click();", button)
        WebDriverWait(site.d, 30).until(
            lambda d: d.execute_script("return !window.__e2eOldPage && document.readyState === 'complete'"))
        assert "Langkah 2" in site.text, site.text
        steps = site.d.find_elements(By.CSS_SELECTOR, "table.history tr")
        assert len(steps) == 2, [r.text for r in steps]  # the heading and one step
        # The back button shows the proposal as it now stands, not the old step to press again.
        site.d.back()
        WebDriverWait(site.d, 30).until(lambda d: d.execute_script("return document.readyState === 'complete'"))
        site.get(url)
        assert "Selesaikan langkah 1" not in site.text
        # The second officer presses "complete" on the page they still have: told, nothing applied twice.
        other.press("Selesaikan langkah 1")
        message = other.text
        assert "baru saja diubah orang lain" in message and "belum disimpan" in message, message
        other.shot("formulir-dua-petugas")
        site.get(url)
        steps = site.d.find_elements(By.CSS_SELECTOR, "table.history tr")
        assert len(steps) == 2, [r.text for r in steps]  # the heading and one step
    finally:
        other.d.quit()
