#!/usr/bin/env python3
"""Measures what large unauthorised bodies cost a running Dikelola: four clients each start 1 GB
POSTs, one after another for 10 s, to an upload route (a junk Bearer token, an anonymous session with a multipart body, no
credentials at all, and a JSON post to a form route), while a fifth asks /health every 50 ms.
Prints the server's RSS before, its peak during, and /health's latency. Loopback only, bounded in
time (each client stops after its answer or 60 s).

    scripts/measure-bodies.py [path/to/dikelola]     (default .build/debug/dikelola)
"""

import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GIGABYTE = 1 << 30
CHUNK = b"\0" * (1 << 20)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid):
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1))


def keep_posting(port, path, headers, results, name, seconds):
    """Starts one 1 GB request after another for `seconds`; keeps the last answer and the count."""
    until = time.time() + seconds
    count = 0
    while time.time() < until:
        post_gigabyte(port, path, headers, results, name)
        count += 1
    status, sent, took = results[name]
    results[name] = (status, sent, took, count)


def post_gigabyte(port, path, headers, results, name):
    """Sends the head of a 1 GB request, then the body until the server answers or stops reading."""
    started = time.time()
    sent = 0
    answer = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
            head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {GIGABYTE}\r\n"
            head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
            s.sendall(head.encode())
            s.setblocking(False)
            while sent < GIGABYTE and time.time() - started < 60:
                try:
                    answer += s.recv(4096)
                    if answer:
                        break
                except BlockingIOError:
                    pass
                try:
                    sent += s.send(CHUNK)
                except BlockingIOError:
                    time.sleep(0.001)
                except (BrokenPipeError, ConnectionResetError):
                    break
            s.setblocking(True)
            s.settimeout(5)
            try:
                while b"\r\n\r\n" not in answer:
                    more = s.recv(4096)
                    if not more:
                        break
                    answer += more
            except (socket.timeout, ConnectionResetError):
                pass
    except OSError as error:
        answer = answer or str(error).encode()
    status = answer.split(b"\r\n", 1)[0].decode(errors="replace")
    results[name] = (status, sent, time.time() - started)


def main():
    binary = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".build" / "debug" / "dikelola")
    data = Path(tempfile.mkdtemp(prefix="dikelola-bodies-"))
    port = free_port()
    log = open(data / "serve.log", "w")
    env = dict(os.environ, DIKELOLA_DATA_DIR=str(data))
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen([str(binary), "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, env=env, cwd=data)
    try:
        deadline = time.time() + 120
        while "Server started" not in (data / "serve.log").read_text():
            if time.time() > deadline or server.poll() is not None:
                sys.exit("the server did not start:\n" + (data / "serve.log").read_text()[-2000:])
            time.sleep(0.3)
        # A session as a browser has one after opening the sign-in page.
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(b"GET /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            page = b""
            while chunk := s.recv(65536):
                page += chunk
        cookie = re.search(rb"set-cookie: (dikelola_session=[^;]+)", page, re.I).group(1).decode()
        time.sleep(1)
        before = rss_kb(server.pid)
        peak = before
        latencies = []
        results = {}
        proposal = "/usulan/00000000-0000-0000-0000-000000000001/berkas"
        api = "/api/v1/proposals/00000000-0000-0000-0000-000000000001/documents"
        multipart = "multipart/form-data; boundary=xyz"
        clients = [
            ("junk Bearer, API upload", api, {"Authorization": "Bearer junk", "Content-Type": multipart}),
            ("anonymous session, multipart upload", proposal, {"Cookie": cookie, "Content-Type": multipart}),
            ("no credentials, multipart upload", proposal, {"Content-Type": multipart}),
            ("junk Bearer, JSON form route", "/api/v1/units/00000000-0000-0000-0000-000000000001/proposals",
             {"Authorization": "Bearer junk", "Content-Type": "application/json"}),
        ]
        threads = [threading.Thread(target=keep_posting, args=(port, path, headers, results, name, 10))
                   for name, path, headers in clients]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            peak = max(peak, rss_kb(server.pid))
            started = time.time()
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                while s.recv(65536):
                    pass
            latencies.append((time.time() - started) * 1000)
            time.sleep(0.05)
        for t in threads:
            t.join()
        peak = max(peak, rss_kb(server.pid))
        print("Four clients starting 1 GB POSTs one after another for 10 s, each refused before its body is read:")
        for name, (status, sent, seconds, count) in results.items():
            print(f"  {name:38} {count:5} posts, last: {status:26} after {sent / 1048576:6.1f} MB sent, {seconds * 1000:6.1f} ms")
        print(f"RSS before {before / 1024:.1f} MB, peak during {peak / 1024:.1f} MB, growth {(peak - before) / 1024:.1f} MB")
        if latencies:
            latencies.sort()
            p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
            print(f"/health meanwhile: {len(latencies)} requests, median {statistics.median(latencies):.1f} ms, "
                  f"p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms")
        print(f"server still running: {server.poll() is None}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
