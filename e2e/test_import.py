"""Bringing an existing register in: the health office's PPID Pembantu uploads the DIK the office
already keeps (an XLSX laid out as bodies publish it: title rows, a two-row merged heading, column
numbers, a blank row, a multi-line cell and a signature block) with its earlier decree, reads the
preview (what was read, what the law refuses and why), fixes one row and leaves another out in the
one correction form, and imports; the register then lists the entries as registered from the
earlier decree, and the back button does not import them twice.

The last tests read the pages the first test left behind: the register says what the import
registered, an imported draft reads as imported (not as rows refused against the register they are
now in)."""

import re

import pytest

from openpyxl import Workbook
from openpyxl.styles import Alignment
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

UNIT = "Dinas Kesehatan"
PPID = "assistantppid.dinkes@contohkab.go.id"
DECREE_NUMBER = "440/17/PPID-DINKES/2025"

# What the import left for the tests after it: the unit's and the draft's addresses.
imported = {}

# Sheet rows (counted from 1, as in Excel) of the four entries written by `dik_workbook`.
ROW_RECORDS, ROW_STAFF, ROW_DISCIPLINE, ROW_LAB = 7, 8, 10, 11
TITLES = {
    ROW_RECORDS: "Rekam medis pasien rawat inap",
    ROW_STAFF: "Data pribadi pegawai",
    ROW_DISCIPLINE: "Berkas pemeriksaan pelanggaran disiplin",
    ROW_LAB: "Hasil uji laboratorium",
}


def dik_workbook(path):
    """The health office's DIK as it was typed in a spreadsheet and signed: two title rows, a blank
    row, a heading on two rows with merged cells ("Konsekuensi" over "Bila dibuka" and "Bila
    ditutup"), the row of column numbers, four numbered entries with a blank row among them, and the
    signature block below."""
    book = Workbook()
    sheet = book.active
    sheet.title = "DIK 2025"
    sheet["A1"] = "DAFTAR INFORMASI YANG DIKECUALIKAN"
    sheet["A2"] = "DINAS KESEHATAN KABUPATEN CONTOH"
    sheet.merge_cells("A1:G1")
    sheet.merge_cells("A2:G2")
    # Row 3 is blank; the heading takes rows 4 and 5.
    for column, heading in zip("ABCFG", ["No", "Jenis Informasi", "Dasar Hukum", "Alasan", "Jangka Waktu"]):
        sheet[f"{column}4"] = heading
        sheet.merge_cells(f"{column}4:{column}5")
    sheet["D4"] = "Konsekuensi"
    sheet.merge_cells("D4:E4")
    sheet["D5"] = "Bila dibuka"
    sheet["E5"] = "Bila ditutup"
    sheet.append([1, 2, 3, 4, 5, 6, 7])  # row 6: the column numbers
    rows = {
        ROW_RECORDS: [
            1, TITLES[ROW_RECORDS], "Ps. 17 h angka 2",
            "Riwayat penyakit pasien diketahui umum.\nPasien dapat didiskriminasi di tempat kerja.",
            "Kerahasiaan pasien terjaga.", "Rahasia pribadi pasien.", "5 (lima) tahun"],
        ROW_STAFF: [
            2, TITLES[ROW_STAFF], "pasal 17 ayat (h) angka 3",
            "Alamat dan keadaan keluarga pegawai dapat disalahgunakan.", "Data pegawai terlindungi.",
            "Rahasia pribadi pegawai.", "s.d. 2028"],
        # Row 9 is left blank, as offices often do.
        ROW_DISCIPLINE: [
            3, TITLES[ROW_DISCIPLINE], "Pasal 17 huruf a angka 1",
            "Pemeriksaan disiplin terhambat.", "Pemeriksaan berjalan tanpa gangguan.",
            "Menghambat proses penegakan hukum.", "permanen"],
        ROW_LAB: [
            4, TITLES[ROW_LAB], "Pasal 17 huruf k",
            "Hasil uji dapat disalahartikan.", "Hasil uji dibaca oleh yang berwenang.",
            "Belum diverifikasi.", "3 tahun"],
    }
    for number, values in rows.items():
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=value)
    sheet.cell(row=ROW_RECORDS, column=4).alignment = Alignment(wrap_text=True)
    sheet["F13"] = "Ditetapkan di Contoh, 4 Maret 2025"
    sheet["F14"] = "Kepala Dinas Kesehatan"
    sheet["F17"] = "dr. Ratna Sari, M.Kes."
    sheet["F18"] = "NIP 197503122000032004"
    book.save(path)
    return path


def unit_path(site):
    """The health office's unit page, reached from the home page as a person would."""
    site.get("/")
    site.d.find_element(By.LINK_TEXT, UNIT).click()
    return site.d.current_url.replace(site.base, "")


def summary(site):
    return site.d.find_element(By.CSS_SELECTOR, "p.summary").text


def confirm_button(site):
    return site.d.find_element(By.CSS_SELECTOR, "form[action$='/konfirmasi'] button")


def row_text(site, sheet_row):
    return site.d.find_element(By.ID, f"baris-{sheet_row}").text


def register_row(site, title):
    """The register table's row of the entry titled `title`."""
    return site.d.find_element(By.XPATH, f"//tr[td[normalize-space()='{title}']]")


def open_details(site, sheet_row):
    """Opens a row's "Perbaiki baris N" unless it is open already (refused rows are)."""
    details = site.d.find_element(By.CSS_SELECTOR, f"#baris-{sheet_row} details")
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()
    return details


def test_an_earlier_register_is_read_corrected_and_imported(site):
    workbook = dik_workbook(site.artifacts / "dik-dinkes-terdahulu.xlsx")
    site.sign_in(PPID)
    unit = unit_path(site)
    unit_id = unit.rstrip("/").rsplit("/", 1)[-1]

    # The upload form, reached from the unit page.
    site.d.find_element(By.LINK_TEXT, "Impor DIK dan SK terdahulu").click()
    assert site.d.current_url == f"{site.base}/unit/{unit_id}/impor", site.d.current_url
    site.d.find_element(By.ID, "file").send_keys(str(workbook))
    site.fill("decreeNumber", DECREE_NUMBER)
    site.fill("decreeDate", "2025-03-04")
    site.fill("signerName", "dr. Ratna Sari, M.Kes.")
    site.fill("signerPosition", "Kepala Dinas Kesehatan")
    site.fill("signerNIP", "197503122000032004")
    site.press("Unggah dan lihat pratinjau")
    assert re.search(r"/impor/[0-9A-Fa-f-]{36}$", site.d.current_url), site.d.current_url + "\n" + site.text
    preview = site.d.current_url.replace(site.base, "")

    # What was read: four rows, two refused with the articles that refuse them.
    assert summary(site).startswith("4 baris: 2 diterima, 2 ditolak, 0 dilewati"), summary(site)
    button = confirm_button(site).text
    assert "Impor 2 baris yang diterima ke DIK (2 baris ditolak tidak diimpor)" in button, button
    assert site.exists(By.XPATH, "//button[normalize-space()='Batalkan impor']")
    site.get(preview + "?tampil=semua")
    assert "5 tahun sejak 4 Maret 2025" in row_text(site, ROW_RECORDS), row_text(site, ROW_RECORDS)
    assert "dibaca 31 Desember 2028" in row_text(site, ROW_STAFF), row_text(site, ROW_STAFF)
    assert "Riwayat penyakit pasien diketahui umum.\nPasien dapat didiskriminasi" in (
        site.d.find_element(By.ID, f"row-{ROW_RECORDS}-ifOpened").get_attribute("value"))
    for row in (ROW_RECORDS, ROW_STAFF):
        assert "diterima" in row_text(site, row), row_text(site, row)
    discipline = row_text(site, ROW_DISCIPLINE)
    assert "ditolak" in discipline and "UU 14/2008 Pasal 20 ayat 1" in discipline, discipline
    lab = row_text(site, ROW_LAB)
    assert "ditolak" in lab and "huruf k" in lab, lab
    for row in (ROW_DISCIPLINE, ROW_LAB):  # refused rows open their correction
        assert site.d.find_element(By.CSS_SELECTOR, f"#baris-{row} details").get_attribute("open") is not None
    # The rows' table uses the page's width (a narrow form once squeezed it into a third).
    table = site.d.find_element(By.CSS_SELECTOR, "table.import-rows").size["width"]
    main = site.d.find_element(By.TAG_NAME, "main").size["width"]
    assert table > 0.8 * (main - 40), f"the rows table is {table}px wide in a main of {main}px"
    site.shot("impor-pratinjau")

    # The default view shows the rows needing attention; the two refused ones are there.
    site.get(preview)
    for row in (ROW_DISCIPLINE, ROW_LAB):
        assert site.exists(By.ID, f"baris-{row}")

    # Row 3 gets a period the law allows; the row citing a letter k that Pasal 17 lacks is left out.
    open_details(site, ROW_DISCIPLINE)
    site.fill(f"row-{ROW_DISCIPLINE}-period", "sampai 31 Desember 2030")
    open_details(site, ROW_LAB)
    site.d.find_element(By.ID, f"skip-{ROW_LAB}").click()
    site.press("Simpan perbaikan dan baca ulang")
    assert "Perbaikan disimpan" in site.text, site.text
    assert summary(site).startswith("4 baris: 3 diterima, 0 ditolak, 1 dilewati"), summary(site)
    button = confirm_button(site).text
    assert button.startswith("Impor 3 baris") and "ditolak" not in button, button
    site.shot("impor-pratinjau-diperbaiki")

    # Imported: the register lists the three entries as registered from the earlier decree.
    site.submit(confirm_button(site))
    assert site.d.current_url == f"{site.base}/unit/{unit_id}/dik", site.d.current_url
    for row in (ROW_RECORDS, ROW_STAFF, ROW_DISCIPLINE):
        entry = register_row(site, TITLES[row]).text
        assert DECREE_NUMBER in entry and "didaftarkan dari SK terdahulu" in entry, entry
    assert TITLES[ROW_LAB] not in site.text, site.text
    notices = [n.text for n in site.d.find_elements(By.CSS_SELECTOR, ".notice")]
    imported.update(unit=f"/unit/{unit_id}", preview=preview, notices=notices)
    site.shot("impor-dik-unit")

    # The back button shows the draft as imported, and nothing is imported twice.
    site.d.back()
    WebDriverWait(site.d, 30).until(lambda d: d.execute_script("return document.readyState === 'complete'"))
    site.d.refresh()
    WebDriverWait(site.d, 30).until(lambda d: d.execute_script("return document.readyState === 'complete'"))
    assert preview in site.d.current_url, site.d.current_url
    assert "diimpor: 3 entri" in site.text, site.text
    assert not site.exists(By.CSS_SELECTOR, "form[action$='/konfirmasi'] button"), site.text
    site.get(f"/unit/{unit_id}/dik")
    for row in (ROW_RECORDS, ROW_STAFF, ROW_DISCIPLINE):
        assert len(site.d.find_elements(By.XPATH, f"//tr[td[normalize-space()='{TITLES[row]}']]")) == 1, site.text


def after_the_import(site):
    if not imported:
        pytest.skip("the import above did not finish")
    site.sign_in(PPID)
    return imported


def test_the_register_says_what_the_import_registered(site):
    pages = after_the_import(site)
    assert any("3 entri didaftarkan dari SK terdahulu" in n for n in pages["notices"]), pages["notices"]


def test_an_imported_draft_shows_its_rows_as_imported_not_refused(site):
    pages = after_the_import(site)
    site.get(pages["preview"] + "?tampil=semua")
    text = site.text
    assert "diimpor: 3 entri" in text, text
    assert "3 ditolak" not in text and "Sudah ada di register" not in text, text
