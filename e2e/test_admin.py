"""Administration from an empty database, in a real browser: the first administrator creates a
public body (every field the server requires is on the form, each refusal beside its field), a
unit running a seed SOP, and the people that SOP needs; then one of them starts a proposal.

Found: a new body could not be created through its page, the settings could not be saved, and the
server answered 422 with no message, because it required a field the form never showed."""

import re
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import start_server
from site_driver import Site

ADMIN = "admin@sanggau.go.id"
SECOND = "admin2@sanggau.go.id"


@pytest.fixture(scope="module")
def empty_server():
    started = start_server("dikelola-e2e-empty-", demo=False, extra_env={"DIKELOLA_ADMIN_EMAIL": ADMIN})
    yield started
    started["stop"]()


def error_beside(site, field):
    """The error the page shows beside `field` (FormFields writes it as FIELD-error)."""
    found = site.d.find_elements(By.ID, f"{field}-error")
    return found[0].text if found else None


def test_a_body_a_unit_and_its_people_from_an_empty_database(empty_server, driver, artifacts):
    site = Site(empty_server["base"], driver, empty_server["passwords"], artifacts)
    assert ADMIN in site.passwords, "the first start names the first administrator"
    site.sign_in(ADMIN)

    # A new body: a refused form comes back on its own page, with each error beside its field.
    site.get("/admin/badan-publik/baru")
    required = {"name", "slug", "region", "seat", "timeZone", "letterhead", "decreeNumberTemplate"}
    shown = {e.get_attribute("name") for e in site.d.find_elements(By.CSS_SELECTOR, "main form [name]")}
    assert required <= shown, f"fields the server requires but the form lacks: {required - shown}"
    site.fill("name", "Pemerintah Kabupaten Sanggau")
    site.fill("slug", "Kabupaten Sanggau")  # not an address: refused
    site.press("Simpan")
    assert site.d.current_url.endswith("/admin/badan-publik/baru") or "/admin/badan-publik/baru#" in site.d.current_url
    assert "huruf kecil" in (error_beside(site, "slug") or ""), site.text
    assert error_beside(site, "region"), "an empty region is named beside its field"
    assert site.d.find_element(By.ID, "name").get_attribute("value") == "Pemerintah Kabupaten Sanggau"
    site.shot("admin-badan-publik-ditolak")
    site.fill("slug", "kabupaten-sanggau")
    site.fill("region", "Kabupaten Sanggau")
    site.fill("seat", "Sanggau")
    Select(site.d.find_element(By.ID, "timeZone")).select_by_value("WIB")
    site.fill("letterhead", "PEMERINTAH KABUPATEN SANGGAU")
    site.fill("decreeNumberTemplate", "000.5.10/{serial}/PPID/{year}")
    site.press("Simpan")
    assert "Pemerintah Kabupaten Sanggau" in site.d.find_element(By.TAG_NAME, "h1").text, site.text
    body_path = re.sub(r"[?#].*$", "", site.d.current_url.replace(site.base, ""))

    # The settings save unchanged (found: they could not be saved even for the demo body).
    settings = site.d.find_element(By.XPATH, "//form[contains(@action, '/pengaturan')]")
    site.submit(settings.find_element(By.TAG_NAME, "button"))
    assert "disimpan" in site.text, site.text

    # A unit running the Kalimantan Barat SOP: it says at once whom the SOP still needs.
    site.get(body_path + "/unit/baru")
    site.fill("name", "Dinas Kependudukan dan Pencatatan Sipil")
    site.fill("shortName", "Disdukcapil")
    site.d.find_element(By.ID, "hostsMainPPID").click()
    sop = Select(site.d.find_element(By.ID, "sopID"))
    value = next(o.get_attribute("value") for o in sop.options if "Kalimantan Barat" in o.text or "DISDUKCAPIL" in o.text)
    sop.select_by_value(value)
    site.press("Simpan unit")
    assert "Pelaksana SOP yang belum ada pemegangnya" in site.text, site.text
    unit_path = site.d.current_url.replace(site.base, "").split("#")[0]
    gaps = [row.text for row in site.d.find_elements(By.CSS_SELECTOR, "table tr") if "Belum ada" in row.text]
    assert len(gaps) == 2, gaps  # Petugas PPID and Atasan PPID Pembantu

    # The people: an operator and the head, each with a one-time password and a role in the unit.
    people = [("Siti Aminah", "Pengelola Informasi", "siti@sanggau.go.id", "operator"),
              ("Drs. Yohanes", "Kepala Dinas Kependudukan dan Pencatatan Sipil", "yohanes@sanggau.go.id", "head")]
    pages = {}
    for name, position, email, role in people:
        site.get(body_path + "/pengguna/baru")
        site.fill("name", name)
        site.fill("position", position)
        site.fill("email", email)
        site.press("Buat akun")
        site.passwords[email] = site.d.find_element(By.CSS_SELECTOR, "p.secret strong").text
        site.d.find_element(By.LINK_TEXT, "Ke halaman pengguna").click()
        pages[email] = site.d.current_url.replace(site.base, "")
        # The administrator who knows the one-time password may not give roles: another one does.
        assert "perannya harus diberikan administrator lain" in site.text, site.text
    for email in pages:
        site.sign_in(email)  # each chooses their own password
    # A second administrator, made on the server as the page says.
    made = subprocess.run(
        [str(empty_server["binary"]), "create-admin", SECOND, "--name", "Admin Kedua"], env=empty_server["env"],
        cwd=empty_server["data"], capture_output=True, text=True, timeout=120)
    password = re.search(r"Kata sandi\s+:\s+(\S+)", made.stdout)
    assert password, made.stdout + made.stderr
    site.passwords[SECOND] = password.group(1)
    site.sign_in(SECOND)
    for name, position, email, role in people:
        site.get(pages[email])
        Select(site.d.find_element(By.ID, "role")).select_by_value(role)
        Select(site.d.find_element(By.ID, "unitID")).select_by_visible_text("Dinas Kependudukan dan Pencatatan Sipil")
        site.press("Berikan peran")
        assert "diberikan." in site.text, site.text
    site.get(unit_path)
    assert "Belum ada" not in site.text, site.text
    assert "Siti Aminah" in site.text and "Drs. Yohanes" in site.text
    site.shot("admin-unit-pelaksana-sop")

    # The operator starts a proposal from the home page; the step names who acts.
    site.sign_in("siti@sanggau.go.id")
    site.get("/")
    site.fill(site.d.find_element(By.CSS_SELECTOR, "form.start input[name=title]").get_attribute("id"), "DIK 2027")
    site.press("Buat usulan")
    assert "Usulan dibuat." in site.text, site.text
    actor = site.d.find_element(By.CSS_SELECTOR, "section.step p.actor").text
    assert actor == "Pelaksana: Petugas PPID (peran Operator / Petugas PPID) — Pengelola Informasi, Siti Aminah", actor
    site.shot("usulan-pelaksana-bernama")
