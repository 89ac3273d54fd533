"""A civil servant at the keyboard: signs in, fills the forms a step offers and presses its buttons,
as a person would, through the pages only (no API, no database)."""

import base64
import os
import re
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

NEW_PASSWORD = "kopi tubruk pagi hari di kantor"
SAMPLE_PDF = b"%PDF-1.7\n% Dikelola E2E\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
OFFICE_SHORT = "diskominfo"  # the demo office hosting the PPID Utama and the Tim Pertimbangan


def chrome():
    """Debian's headless Chromium through its chromedriver, at 1366×768."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1366,768", "--lang=id-ID"]:
        options.add_argument(argument)
    # The console is read after every test for Content-Security-Policy violations (conftest.py).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    browser.set_page_load_timeout(60)
    return browser


class Site:
    def __init__(self, base, driver, passwords, artifacts: Path):
        self.base = base
        self.d = driver
        self.passwords = dict(passwords)
        self.changed = set()
        self.artifacts = artifacts
        self.who = None
        self.sample = artifacts / "bukti.pdf"
        self.sample.write_bytes(SAMPLE_PDF)

    # Navigation -------------------------------------------------------------------------------

    def get(self, path):
        self.d.get(self.base + path)

    @property
    def text(self):
        return self.d.find_element(By.TAG_NAME, "body").text

    def submit(self, element):
        """Clicks a submit button and waits for the next page."""
        self.d.execute_script("window.__e2eOldPage = true")
        element.click()

        def loaded(d):
            try:
                return d.execute_script("return !window.__e2eOldPage && document.readyState === 'complete'")
            except WebDriverException:
                return False  # between pages

        WebDriverWait(self.d, 30).until(loaded)

    def press(self, label, scope=None):
        root = scope or self.d
        self.submit(root.find_element(By.XPATH, f".//button[normalize-space()='{label}']"))

    def fill(self, element_id, value):
        element = self.d.find_element(By.ID, element_id)
        if element.get_attribute("type") == "date":
            self.d.execute_script("arguments[0].value = arguments[1]", element, value)
        else:
            element.clear()
            element.send_keys(value)

    def choose(self, element_id, value):
        Select(self.d.find_element(By.ID, element_id)).select_by_value(value)

    def expand(self, summary_xpath, scope=None):
        """Opens the <details> whose summary matches, unless the page already opened it."""
        summary = (scope or self.d).find_element(By.XPATH, summary_xpath)
        details = summary.find_element(By.XPATH, "./..")
        if details.get_attribute("open") is None:
            summary.click()

    def exists(self, by, selector, scope=None):
        return len((scope or self.d).find_elements(by, selector)) > 0

    def shot(self, name):
        """A full-page screenshot in the artifacts folder."""
        width, height = 1366, self.d.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
        self.d.set_window_size(width, min(max(height, 768), 6000))
        path = self.artifacts / f"{name}.png"
        self.d.save_screenshot(str(path))
        self.d.set_window_size(1366, 768)
        return path

    def shot_sizes(self, name):
        """What a person sees first, on an office laptop (1366×768) and on a phone (390×844)."""
        paths = []
        for width, height in ((1366, 768), (390, 844)):
            self.d.set_window_size(width, height)
            path = self.artifacts / f"{name}-{width}.png"
            self.d.save_screenshot(str(path))
            paths.append(path)
        self.d.set_window_size(1366, 768)
        return paths

    def fetch(self, path):
        """Fetches `path` with this browser's session: (status, content type, bytes)."""
        status, kind, data = self.d.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: "same-origin"})
              .then(r => r.arrayBuffer().then(b => {
                let text = ""; const bytes = new Uint8Array(b);
                for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
                done([r.status, r.headers.get("content-type"), btoa(text)]);
              }))
              .catch(e => done([0, "", ""]));
            """, path)
        return status, kind, base64.b64decode(data)

    # Accounts ---------------------------------------------------------------------------------

    def sign_in(self, email):
        if self.who == email:
            return
        self.d.delete_all_cookies()
        self.get("/masuk")
        self.fill("email", email)
        self.fill("password", NEW_PASSWORD if email in self.changed else self.passwords[email])
        self.press("Masuk")
        if "/akun/kata-sandi" in self.d.current_url:  # one-time password: choose one's own
            self.fill("current", self.passwords[email])
            self.fill("new", NEW_PASSWORD)
            self.fill("confirm", NEW_PASSWORD)
            self.submit(self.d.find_element(By.CSS_SELECTOR, "main form.stack button"))
            self.changed.add(email)
        assert "/masuk" not in self.d.current_url, self.text
        self.who = email

    @staticmethod
    def email(role, unit_short):
        short = OFFICE_SHORT if role in ("mainPPID", "reviewPanel") else unit_short.lower()
        return f"{role.lower()}.{short}@contohkab.go.id"


class ProposalRun:
    """Carries one proposal through its SOP, each step by the person the step names."""

    def __init__(self, site: Site, unit_name, unit_short, items, shots_prefix):
        self.s = site
        self.unit_name = unit_name
        self.unit_short = unit_short
        self.items = items
        self.prefix = shots_prefix
        self.url = None
        self.returned = False
        self.return_seen = False
        self.back_shot = False
        self.steps_done = []

    def open(self, title, opener_role):
        """Starts the proposal from the home page's "Buat usulan baru", as an officer would."""
        s = self.s
        s.sign_in(Site.email(opener_role, self.unit_short))
        s.get("/")
        form = s.d.find_element(By.XPATH, f"//form[contains(@class, 'start')][label[normalize-space()='{self.unit_name}']]")
        field = form.find_element(By.NAME, "title")
        field.send_keys(title)
        s.press("Buat usulan", form)
        assert "Usulan dibuat" in s.text, s.text
        self.url = s.d.current_url.replace(s.base, "").split("#")[0]
        s.shot_sizes(f"{self.prefix}-dibuat-dari-beranda")

    def current_step(self):
        sections = self.s.d.find_elements(By.CSS_SELECTOR, "section.step")
        if not sections:
            return None
        sec = sections[0]
        return int(sec.get_attribute("data-step")), sec.get_attribute("data-effect"), sec.get_attribute("data-actor")

    def run(self, max_steps=20):
        s = self.s
        for _ in range(max_steps):
            s.get(self.url)
            step = self.current_step()
            if step is None:
                return
            number, effect, actor = step
            s.sign_in(Site.email(actor, self.unit_short))
            if self.returned and not self.return_seen:
                self.see_return()
            s.get(self.url)
            # The step names its actor as the SOP does and the person who holds the role: the one now signed in.
            me = s.d.find_element(By.CSS_SELECTOR, "span.who").text
            named = s.d.find_element(By.CSS_SELECTOR, "section.step p.actor").text
            assert me in named, f"step {number} names {named!r}, not {me!r}"
            if not self.steps_done:
                s.shot_sizes(f"{self.prefix}-pelaksana-bernama")
            self.work(number, effect)
            self.steps_done.append((number, effect, actor))
        raise AssertionError(f"the proposal did not finish in {max_steps} steps: {self.steps_done}")

    # One step's work ----------------------------------------------------------------------------

    def work(self, number, effect):
        s = self.s
        if effect in ("collectItems", "consequenceTest") and s.exists(By.ID, "title") and not s.exists(
                By.CSS_SELECTOR, "section.item"):
            for item in self.items:
                s.fill("title", item["title"])
                s.fill("description", item["description"])
                s.fill("madeWhen", "2025")
                s.press("Tambahkan")
                assert item["title"] in s.text
        if s.exists(By.ID, "meetingDate") and not s.d.find_element(By.ID, "meetingDate").get_attribute("value"):
            s.expand("//summary[normalize-space()='Rapat uji konsekuensi']")
            s.fill("meetingDate", s.d.execute_script("return new Date().toISOString().slice(0, 10)"))
            s.fill("meetingPlace", f"Ruang rapat {self.unit_name}")
            # UU 14/2008 Ps 19: the test is the PPID's; the meeting names one.
            s.fill("meetingParticipants", "Budi Santoso — PPID Pembantu\nSiti Aminah — Kepala Bidang")
            s.press("Simpan rapat")
            assert "Rapat" in s.text
        self.fill_tests()
        if "✘ Lembar pengujian konsekuensi bertanda tangan" in s.text and s.exists(By.ID, "signed-sheet"):
            s.expand("//summary[normalize-space()='Rapat uji konsekuensi']")
            s.d.find_element(By.ID, "signed-sheet").send_keys(str(s.sample))
            s.press("Unggah lembar yang sudah ditandatangani peserta")
        if s.exists(By.ID, "memoNumber") and not s.d.find_element(By.ID, "memoNumber").get_attribute("value"):
            s.fill("memoNumber", f"000.1/12/{self.unit_short}/2026")
            s.fill("memoText", "Himpun dan uji informasi yang dikecualikan di setiap bidang.")
            s.press("Simpan nota dinas")
        if s.exists(By.ID, "panelOpinion") and not s.d.find_element(By.ID, "panelOpinion").get_attribute("value"):
            s.fill("panelOpinion", "Tim Pertimbangan sependapat dengan hasil uji konsekuensi.")
            s.press("Simpan pertimbangan")
        if effect == "archive":
            unlocated = [x.get_attribute("id") for x in s.d.find_elements(By.CSS_SELECTOR, "section.item[data-located='no']")]
            for section_id in unlocated:
                item_id = section_id.replace("informasi-", "")
                section = s.d.find_element(By.ID, section_id)
                s.expand(".//summary[contains(., 'Lokasi arsip fisik')]", section)
                s.fill(f"{item_id}-building", f"Kantor {self.unit_short}")
                s.fill(f"{item_id}-room", "Ruang Arsip")
                s.fill(f"{item_id}-cabinet", "Lemari 2")
                s.fill(f"{item_id}-box", "Boks 7")
                s.press("Simpan lokasi", s.d.find_element(By.ID, f"informasi-{item_id}"))
        while s.exists(By.ID, "requirement"):  # every required document still missing
            requirement = Select(s.d.find_element(By.ID, "requirement")).options[0].get_attribute("value")
            s.choose("requirement", requirement)
            s.d.find_element(By.ID, "file").send_keys(str(s.sample))
            s.press("Unggah")
            assert "Berkas diunggah" in s.text or requirement in s.text, s.text
        s.shot(f"{self.prefix}-langkah-{number}")
        self.complete(number)

    def fill_tests(self):
        s = self.s
        for index, item in enumerate(self.items):
            sections = [x for x in s.d.find_elements(By.CSS_SELECTOR, "section.item[data-tested='no']")
                        if x.find_element(By.TAG_NAME, "h3").text == item["title"]]
            if not sections:
                continue
            item_id = sections[0].get_attribute("id").replace("informasi-", "")
            if not s.exists(By.ID, f"{item_id}-ground"):
                continue  # this step does not test
            s.expand(".//summary[normalize-space()='Isi uji konsekuensi']", sections[0])
            p = f"{item_id}-"
            test = item["test"]
            if test.get("ground"):
                s.choose(p + "ground", test["ground"])
            s.fill(p + "consequenceIfOpened", test["ifOpened"])
            s.fill(p + "consequenceIfClosed", test["ifClosed"])
            s.choose(p + "verdict", test["verdict"])
            if test.get("years"):
                s.choose(p + "periodKind", "length")
                s.fill(p + "years", str(test["years"]))
                s.fill(p + "from", s.d.execute_script("return new Date().toISOString().slice(0, 10)"))
            s.fill(p + "reason", test["reason"])
            s.press("Simpan uji konsekuensi", s.d.find_element(By.ID, f"informasi-{item_id}"))
            assert "Belum diuji" not in s.d.find_element(By.ID, f"informasi-{item_id}").text, s.text

    def complete(self, number):
        s = self.s
        if s.exists(By.XPATH, "//button[normalize-space()='Tidak setuju']"):
            if not self.returned:
                s.fill("note", "Lengkapi uraian konsekuensi bila informasi dibuka.")
                s.press("Tidak setuju")
                self.returned = True
                assert "dikembalikan" in s.text.lower() or "Tidak setuju" in s.text, s.text
                self.back_does_no_harm()
                return
            # The head acknowledges every warning of the tests before agreeing to the decree.
            for box in s.d.find_elements(By.CSS_SELECTOR, "input[type='checkbox'][name^='ack']"):
                if not box.is_selected():
                    box.click()
            s.press("Setuju")
            self.back_does_no_harm()
        else:
            s.press(f"Selesaikan langkah {number}")
        errors = s.d.find_elements(By.CSS_SELECTOR, ".notice.error, p.error")
        assert not errors, f"step {number} refused: " + " | ".join(e.text for e in errors)

    def see_return(self):
        """The person the proposal came back to notices it at once: marked in Menunggu Anda, in the
        notifications, and at the top of the step with the note."""
        s = self.s
        s.get("/")
        banner = s.d.find_element(By.CSS_SELECTOR, "main > div.returned")
        assert "Dikembalikan kepada Anda" in banner.text and "Lengkapi uraian konsekuensi" in banner.text, banner.text
        row = s.d.find_element(By.CSS_SELECTOR, "tr.returned")
        assert "dikembalikan" in row.text and "Lengkapi uraian konsekuensi" in row.text, row.text
        s.shot_sizes(f"{self.prefix}-dikembalikan-beranda")
        s.get("/pemberitahuan")
        assert "dikembalikan ke langkah" in s.text, s.text
        s.get(self.url)
        box = s.d.find_element(By.CSS_SELECTOR, "section.step div.returned")
        assert box.text.startswith("Dikembalikan oleh") and "Lengkapi uraian konsekuensi" in box.text, box.text
        s.shot_sizes(f"{self.prefix}-dikembalikan-langkah")
        self.return_seen = True

    def back_does_no_harm(self):
        """Back after a decision shows a page, not "Confirm Form Resubmission"; reloading it sends
        nothing again: the history keeps the decision once."""
        s = self.s
        rows = len(s.d.find_elements(By.CSS_SELECTOR, "table.history tr"))
        s.d.back()
        WebDriverWait(s.d, 30).until(lambda d: d.execute_script("return document.readyState === 'complete'"))
        assert s.d.current_url.replace(s.base, "").split("#")[0] == self.url, s.d.current_url
        assert s.d.find_elements(By.TAG_NAME, "h1"), "Back shows the proposal's page"
        s.d.refresh()
        WebDriverWait(s.d, 30).until(lambda d: d.execute_script("return document.readyState === 'complete'"))
        s.get(self.url)
        assert len(s.d.find_elements(By.CSS_SELECTOR, "table.history tr")) == rows, "a decision was sent twice"
        if not self.back_shot:
            s.shot_sizes(f"{self.prefix}-kembali-sesudah-keputusan")
            self.back_shot = True
