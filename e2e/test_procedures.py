"""Each of the four seed SOPs, in the browser, from an empty proposal to a signed decree and its
entries in the published register, every step done by the person the SOP names; where the SOP has a
decision, the first one returns the proposal with a note and it comes round again."""

import io

import pytest
from pypdf import PdfReader
from selenium.webdriver.common.by import By

from site_driver import ProposalRun

ITEMS = [
    {
        "title": "Data pengaduan masyarakat beserta identitas pelapor",
        "description": "Berkas pengaduan yang memuat nama, alamat dan nomor telepon pelapor",
        "test": {
            "ground": "h1", "verdict": "closed", "years": 5,
            "ifOpened": "Identitas pelapor terungkap sehingga pelapor dapat diintimidasi.",
            "ifClosed": "Masyarakat tetap menerima rekapitulasi jumlah pengaduan dan tindak lanjutnya.",
            "reason": "Rahasia pribadi pelapor dilindungi Pasal 17 huruf h UU 14/2008.",
        },
    },
    {
        "title": "Jadwal pelayanan keliling",
        "description": "Jadwal dan lokasi pelayanan keliling tahun berjalan",
        "test": {
            "verdict": "open",
            "ifOpened": "Tidak ada kerugian bila dibuka.",
            "ifClosed": "Masyarakat kehilangan informasi layanan.",
            "reason": "Informasi layanan yang wajib tersedia setiap saat.",
        },
    },
]

# (unit as shown, short name, the SOP's first actor, SOP)
UNITS = [
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "operator", "kalbar-disdukcapil-2022"),
    ("Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", "DSPPA", "operator", "kapuashulu-dsppa-2023"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "operator", "sanggau-kominfo-2021"),
    ("Dinas Kesehatan", "Dinkes", "operator", "bulukumba-kominfo-2021"),
]


@pytest.mark.parametrize("unit_name,short,opener,sop", UNITS, ids=[u[3] for u in UNITS])
def test_a_proposal_runs_through_the_sop_to_the_published_register(site, unit_name, short, opener, sop):
    run = ProposalRun(site, unit_name, short, ITEMS, shots_prefix=sop)
    run.open(f"DIK {short} E2E", opener)
    run.run()
    site.get(run.url)
    text = site.text
    assert "selesai" in text.lower() or "Selesai" in text, text
    site.shot(f"{sop}-selesai")
    actors = {actor for _, _, actor in run.steps_done}
    assert len(actors) >= 2, run.steps_done  # more than one person acted
    if sop in ("kalbar-disdukcapil-2022", "kapuashulu-dsppa-2023"):
        assert run.returned, "the first decision returned the proposal"
    # The decree, numbered and dated, with its DIK attachment.
    decree_links = site.d.find_elements(By.XPATH, "//a[contains(@href, '/sk/') or contains(@href, '/keputusan/')]")
    assert decree_links, text
    decree_links[0].click()
    decree = site.text
    assert "KEPUTUSAN KEPALA" in decree and "NOMOR" in decree and ITEMS[0]["title"] in decree, decree
    assert "MEMUTUSKAN" in decree and "KESATU" in decree and "LAMPIRAN" in decree, decree
    assert ITEMS[1]["title"] not in decree  # the open item is not exempted
    site.shot(f"{sop}-surat-keputusan")
    # The same decree as an A4 PDF printed on the server, pages numbered.
    pdf_link = site.d.find_element(By.PARTIAL_LINK_TEXT, "Unduh PDF").get_attribute("href").replace(site.base, "")
    status, kind, data = site.fetch(pdf_link)
    assert status == 200 and kind == "application/pdf" and data.startswith(b"%PDF"), (status, kind, data[:80])
    (site.artifacts / f"{sop}-surat-keputusan.pdf").write_bytes(data)
    document = PdfReader(io.BytesIO(data))
    first = document.pages[0]
    assert abs(float(first.mediabox.width) - 595) < 3 and abs(float(first.mediabox.height) - 842) < 3  # A4
    text = "\n".join(page.extract_text() for page in document.pages)
    assert "KEPUTUSAN KEPALA" in text and ITEMS[0]["title"].split()[0] in text, text
    assert f"Halaman 1 dari {len(document.pages)}" in text, text
    assert "Dikelola" not in text.split("KEPUTUSAN KEPALA", 1)[0]  # no application header on paper
    # The register of the unit lists the exempted item with its ground and period.
    site.sign_in(site.email("operator", short))
    site.get("/")
    site.d.find_element(By.LINK_TEXT, unit_name).click()
    site.d.find_element(By.PARTIAL_LINK_TEXT, "Daftar Informasi yang Dikecualikan").click()
    register = site.text
    assert ITEMS[0]["title"] in register and "Pasal 17 huruf h" in register, register
    site.shot(f"{sop}-dik")
    status, kind, data = site.fetch(site.d.find_element(By.PARTIAL_LINK_TEXT, "Unduh PDF").get_attribute("href"))
    assert status == 200 and kind == "application/pdf", (status, kind)
    (site.artifacts / f"{sop}-dik.pdf").write_bytes(data)
    pages = PdfReader(io.BytesIO(data)).pages
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in pages)  # the register prints landscape
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert ITEMS[0]["title"] in text and f"Halaman {len(pages)} dari {len(pages)}" in text, text
    # Published to the public: the body's register on /publik, read without signing in.
    site.d.delete_all_cookies()
    site.who = None
    site.get("/publik/kabupaten-contoh/terkini/index.html")
    public = site.text
    assert ITEMS[0]["title"] in public and ITEMS[1]["title"] not in public, public
    assert "Lengkapi uraian" not in public  # the return note stays inside
    site.shot(f"{sop}-dik-publik")
