"""The public register as a citizen or journalist reads it: no sign-in, Bahasa Indonesia first with
an English switch, the open data (the Excel workbook read back by openpyxl and compared with the
CSV), and the whole register printed on A4 by the browser."""

import base64
import csv
import io
import urllib.request

from openpyxl import load_workbook
from pypdf import PdfReader
from selenium.webdriver.common.by import By

BODY = "kabupaten-contoh"


def as_public(site):
    site.d.delete_all_cookies()
    site.who = None


def download(url):
    """A download with no session at all (the public pages' policy forbids scripts to fetch)."""
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.status, answer.headers, answer.read()


def test_the_register_in_both_languages(site):
    as_public(site)
    site.get("/publik")
    site.d.find_element(By.LINK_TEXT, "Pemerintah Kabupaten Contoh").click()
    assert "Daftar Informasi yang Dikecualikan (DIK)" in site.text, site.text
    first_entry = site.d.find_element(By.CSS_SELECTOR, "main table a").text
    site.d.find_element(By.LINK_TEXT, "English").click()
    assert site.d.current_url.endswith("/terkini/en/index.html"), site.d.current_url
    assert "Register of Exempted Information (DIK)" in site.text and "Opened from exemption" in site.text, site.text
    assert site.d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    site.shot("publik-dik-english")
    # An entry in English, and back to Bahasa Indonesia on the same entry.
    site.d.find_element(By.LINK_TEXT, first_entry).click()
    assert "Consequence if opened" in site.text and "Classification decree" in site.text, site.text
    site.d.find_element(By.LINK_TEXT, "Bahasa Indonesia").click()
    assert site.d.current_url.endswith(f"/terkini/entri/{first_entry}.html"), site.d.current_url
    assert "Konsekuensi bila dibuka" in site.text
    # The statistics as charts drawn on the server, each with its table beside it.
    site.get("/publik/kabupaten-contoh/terkini/statistik.html")
    charts = site.d.find_elements(By.CSS_SELECTOR, "figure.chart")
    assert len(charts) == 4 and all(c.find_elements(By.TAG_NAME, "table") for c in charts), site.text
    assert site.d.find_elements(By.CSS_SELECTOR, "figure.chart svg rect"), "bars are drawn"
    site.shot_sizes("statistik-publik")
    # Search in English keeps the language.
    site.get("/publik/cari?lang=en&q=data")
    assert "Search exempted information" in site.text and "found" in site.text, site.text


def test_open_data_the_workbook_matches_the_csv(site):
    as_public(site)
    site.get(f"/publik/{BODY}/terkini/data.html")
    xlsx_link = site.d.find_element(By.PARTIAL_LINK_TEXT, "Excel (XLSX)").get_attribute("href")
    status, headers, data = download(xlsx_link)
    assert status == 200, status
    assert headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert headers["Content-Disposition"] == f'attachment; filename="DIK-{BODY}.xlsx"'
    (site.artifacts / "dik.xlsx").write_bytes(data)
    status, _, csv_bytes = download(site.d.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href"))
    assert status == 200 and csv_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"), newline="")))

    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "DIK" and sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert [str(v) for v in values[0]] == rows[0]  # the same columns, in the same order
    assert len(values) == len(rows) > 1
    dates = {rows[0].index(name) for name in ("Berakhir", "Ditinjau", "Tanggal surat penetapan", "Terbuka sejak")}
    for cells, line in zip(values[1:], rows[1:]):
        for i, (cell, expected) in enumerate(zip(cells, line)):
            if i in dates:  # a real date in the workbook, ISO text in the CSV
                assert (cell.date().isoformat() if cell else "") == expected, (rows[0][i], cell, expected)
            else:  # the same text, less the apostrophe that keeps the CSV from starting a formula
                if expected[:1] == "'" and expected[1:2] in ("=", "+", "-", "@", "\t", "\r"):
                    expected = expected[1:]
                assert ("" if cell is None else str(cell)) == expected, (rows[0][i], cell, expected)


def test_the_whole_register_prints_on_a4(site):
    as_public(site)
    site.get(f"/publik/{BODY}/terkini/index.html")
    site.d.find_element(By.LINK_TEXT, "Cetak seluruh DIK (A4)").click()
    assert "DAFTAR INFORMASI YANG DIKECUALIKAN" in site.text and "PEMERINTAH KABUPATEN CONTOH" in site.text
    site.shot("publik-dik-cetak")
    printed = site.d.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    data = base64.b64decode(printed["data"])
    (site.artifacts / "publik-dik-cetak.pdf").write_bytes(data)
    pages = PdfReader(io.BytesIO(data)).pages
    for page in pages:  # A4 landscape: 842 × 595 points
        assert abs(float(page.mediabox.width) - 842) < 3 and abs(float(page.mediabox.height) - 595) < 3
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert f"Halaman {len(pages)} dari {len(pages)}" in text, text[-500:]
    assert "Kembali ke DIK" not in text  # the screen's tools stay off paper
