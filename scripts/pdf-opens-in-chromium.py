#!/usr/bin/env python3
"""Opens a PDF in Chromium's own viewer (a real window: run under xvfb-run, since headless
Chromium has no PDF viewer) and exits 0 when the first page is drawn, 1 when Chromium shows its
"Failed to load PDF document" error or nothing. Used by the tests of electronic signatures: a
signed PDF must still open in Chromium.

    xvfb-run -a python3 scripts/pdf-opens-in-chromium.py FILE.pdf [SCREENSHOT.png]
"""
import os
import struct
import sys
import time
import zlib

from selenium import webdriver


def pixels(path):
    """The PNG's rows as lists of (r, g, b), decoded with zlib alone."""
    data = open(path, "rb").read()
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, _, colour = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
    raw, bpp = zlib.decompress(idat), (4 if colour == 6 else 3)
    stride, rows, prev, i = width * bpp, [], bytearray(width * bpp), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([(line[x], line[x + 1], line[x + 2]) for x in range(0, stride, bpp)])
        prev = line
    return rows


def main():
    pdf, shot = os.path.abspath(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else "/tmp/pdf-in-chromium.png")
    if not os.path.isfile(pdf):
        sys.exit(f"{pdf} is not a file")
    options = webdriver.ChromeOptions()
    for argument in ["--no-sandbox", "--disable-gpu", "--window-size=900,1100", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options)
    try:
        driver.get("file://" + pdf)
        time.sleep(4)
        driver.save_screenshot(shot)
    finally:
        driver.quit()
    rows = pixels(shot)
    # The first page sits right of the thumbnails, below the toolbar: mostly white when drawn,
    # the viewer's dark background when Chromium could not load the document.
    region = [p for row in rows[120:380] for p in row[420:760]]
    white = sum(1 for r, g, b in region if r > 235 and g > 235 and b > 235) / max(1, len(region))
    print(f"white {white:.2f}")
    sys.exit(0 if white > 0.5 else 1)


if __name__ == "__main__":
    main()
