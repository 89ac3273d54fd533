"""The end of a period in the browser: the demo's register was decided weeks ago, so one entry has
already opened by law, one is past its review date, and one ends within 30 working days. The PPID
Pembantu prepares the opening of the last, the head approves it, the opening decree prints and the
entry moves to the list of public information (DIP)."""

from selenium.webdriver.common.by import By

ENDING = "Daftar perekaman KTP-el yang ditunda"


def test_an_ending_entry_is_opened_by_decree_and_enters_the_dip(site):
    site.sign_in(site.email("assistantPPID", "Disdukcapil"))
    site.get("/")
    site.d.find_element(By.LINK_TEXT, "Dinas Kependudukan dan Pencatatan Sipil").click()
    site.d.find_element(By.PARTIAL_LINK_TEXT, "Akan berakhir").click()
    ending_list = site.d.current_url.replace(site.base, "")
    text = site.text
    assert ENDING in text and "Perlu ditinjau sejak" in text, text
    assert "Rencana operasi penertiban dokumen kependudukan" in text  # opened by law on its end date
    site.shot("pembukaan-1-daftar-akan-berakhir")

    row = site.d.find_element(By.XPATH, f"//tr[td[contains(., '{ENDING}')]]")
    row.find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()
    site.press("Siapkan pembukaan")
    action = site.d.current_url.replace(site.base, "")
    # Sending it without the DIP fields is refused with the field named.
    site.press("Ajukan kepada pimpinan")
    assert site.d.find_elements(By.CSS_SELECTOR, ".notice.error, p.error"), site.text
    site.d.find_element(By.CSS_SELECTOR, "textarea[name=summary]").send_keys("Jumlah perekaman KTP-el yang ditunda per kecamatan")
    responsible = site.d.find_element(By.CSS_SELECTOR, "input[name=responsible]")
    responsible.clear()
    responsible.send_keys("Kepala Bidang Pelayanan Pendaftaran Penduduk")
    retention = site.d.find_element(By.CSS_SELECTOR, "input[name=retention]")
    if not retention.get_attribute("value"):
        retention.send_keys("2 tahun aktif, 3 tahun inaktif, musnah")
    site.press("Simpan kolom DIP")
    site.press("Ajukan kepada pimpinan")
    site.shot("pembukaan-2-diajukan")

    site.sign_in(site.email("head", "Disdukcapil"))
    site.get("/pemberitahuan")
    assert "Pembukaan" in site.text or "pembukaan" in site.text, site.text
    site.get(action)
    site.press("Setuju — terbitkan surat")
    site.shot("pembukaan-3-disetujui")
    site.d.find_element(By.XPATH, "//a[contains(@href, '/sk/')]").click()
    decree = site.text
    assert ENDING in decree and "Nomor" in decree, decree
    site.shot("pembukaan-4-surat-pembukaan")

    site.get(ending_list)
    opened = site.text.split("Sudah terbuka", 1)[-1]
    assert ENDING in opened and "dengan surat pembukaan" in opened, site.text
    site.get("/")
    site.d.find_element(By.LINK_TEXT, "Dinas Kependudukan dan Pencatatan Sipil").click()
    site.d.find_element(By.LINK_TEXT, "DIP").click()
    dip = site.text
    assert ENDING in dip and "Kepala Bidang Pelayanan Pendaftaran Penduduk" in dip, dip
    site.shot("pembukaan-5-dip")
