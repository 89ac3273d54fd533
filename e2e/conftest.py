"""The browser suite's fixtures: one Dikelola server on a fresh SQLite database with the demo
government, and one headless Chromium driven through Debian's chromedriver.

Environment:
  DIKELOLA_BIN       the built executable (default .build/debug/dikelola)
  E2E_ARTIFACTS      where screenshots go (default e2e/artifacts)
  CHROMEDRIVER       the driver (default /usr/bin/chromedriver)
"""

import os
import re
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from site_driver import Site, chrome

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(prefix="dikelola-e2e-", demo=True, extra_env=None):
    """Starts `dikelola serve --demo` (or, with demo=False, an empty installation) on a fresh data
    folder and a free port; returns what the tests need and a function that stops it."""
    binary = Path(os.environ.get("DIKELOLA_BIN", ROOT / ".build" / "debug" / "dikelola"))
    if not binary.exists():
        pytest.fail(f"{binary} is missing: build first (swift build)")
    data = Path(tempfile.mkdtemp(prefix=prefix))
    port = free_port()
    log_path = data / "serve.log"
    log = open(log_path, "w")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update({"DIKELOLA_DATA_DIR": str(data), "DIKELOLA_SWEEP_HOUR": "1"})
    env.update(extra_env or {})
    process = subprocess.Popen(
        [str(binary), "serve"] + (["--demo"] if demo else []) + ["--hostname", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=data)
    deadline = time.time() + 240
    text = ""
    while time.time() < deadline:
        text = log_path.read_text()
        if "Server started" in text:
            break
        if process.poll() is not None:
            pytest.fail("the server stopped while starting:\n" + text[-3000:])
        time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("the server did not start within 240 s:\n" + text[-3000:])
    passwords = {m.group(1): m.group(2) for m in re.finditer(r"^\s+(\S+@contohkab\.go\.id)\s+(\S+)", text, re.M)}
    first_admin = re.search(r"E-mail\s+:\s+(\S+)\s+Kata sandi\s+:\s+(\S+)", text)
    if first_admin:
        passwords[first_admin.group(1)] = first_admin.group(2)

    def stop():
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()

    return {"base": f"http://127.0.0.1:{port}", "passwords": passwords, "log": log_path, "data": data,
            "binary": binary, "env": env, "process": process, "stop": stop}


@pytest.fixture(scope="session")
def server():
    started = start_server()
    yield started
    started["stop"]()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(os.environ.get("E2E_ARTIFACTS", ROOT / "e2e" / "artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def driver():
    browser = chrome()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def site(server, driver, artifacts) -> Site:
    return Site(server["base"], driver, server["passwords"], artifacts)


def csp_violations(driver):
    """What Chromium's console said since the last look about the page's content security policy:
    a style, script, image or frame the page itself asked for and its own policy refused."""
    try:
        entries = driver.get_log("browser")
    except Exception:  # a driver without logs: nothing to check
        return []
    return [entry["message"] for entry in entries
            if "Content Security Policy" in entry.get("message", "") or "Refused to" in entry.get("message", "")]


@pytest.fixture(autouse=True)
def no_csp_violation(request):
    """Every page a browser test opens keeps to its own policy: a page whose inline style or script
    is refused shows unstyled (found: the public search page in bare Times New Roman)."""
    if "site" not in request.fixturenames and "driver" not in request.fixturenames:
        yield
        return
    driver = request.getfixturevalue("driver")
    csp_violations(driver)  # what earlier tests left
    yield
    found = csp_violations(driver)
    assert not found, "Content-Security-Policy violations in the console:\n" + "\n".join(found)
