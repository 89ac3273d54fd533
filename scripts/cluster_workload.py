#!/usr/bin/env python3
"""The client side of scripts/cluster-check.sh: signs the demo people in, drives a bounded workload
of proposals through the JSON API of two Dikelola instances (alternating between them, reads through
nginx), logs every acknowledged write, and afterwards checks the shared PostgreSQL database.

    cluster_workload.py tokens --base URL --base URL --log SERVE_LOG --out tokens.json
    cluster_workload.py load   --tokens tokens.json --a URL --b URL --proxy URL --acks acks.jsonl --ctl DIR ...
    cluster_workload.py check  --acks acks.jsonl --database-url postgres://... --sweep-date YYYY-MM-DD ...

Every write carries a unique X-Forwarded-For address (10.x.y.z). The instances trust 127.0.0.1
(DIKELOLA_TRUSTED_PROXIES), so the address lands in the audit event the write records in its own
transaction: `check` finds, for every acknowledged write, the change itself and its audit event.

Only `requests` beyond the standard library; the database is read with `psql`.
"""

import argparse
import concurrent.futures
import datetime as dt
import itertools
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time

import requests

NEW_PASSWORD = "kopi tubruk pagi hari di kantor 2026"
SAMPLE_PDF = b"%PDF-1.7\n% Dikelola cluster check\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
TIMEOUT = 30  # seconds for one request
TEST_EFFECTS = {"collectItems", "consequenceTest", "classifyByPeriod"}
# Writes go to A, B, A, B, then one through nginx (which adds itself to X-Forwarded-For), and again.
WRITE_ROTATION = ["A", "B", "A", "B", "nginx"]


def log(message):
    print(f"   [workload {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# Sign-in and tokens


def csrf(html):
    match = re.search(r'name="_csrf" value="([^"]+)"', html)
    if not match:
        raise RuntimeError("no CSRF token on the page")
    return match.group(1)


def make_token(base, email, one_time):
    """Signs in on `base` (choosing a password in place of the one-time one) and makes an API token."""
    s = requests.Session()
    page = s.get(f"{base}/masuk", timeout=TIMEOUT)
    r = s.post(f"{base}/masuk", data={"email": email, "password": one_time, "_csrf": csrf(page.text)}, timeout=TIMEOUT)
    if "/akun/kata-sandi" in r.url:
        r = s.post(f"{base}/akun/kata-sandi", timeout=TIMEOUT,
                   data={"current": one_time, "new": NEW_PASSWORD, "confirm": NEW_PASSWORD, "_csrf": csrf(r.text)})
    if "/masuk" in r.url:
        raise RuntimeError(f"sign-in of {email} refused: {r.status_code}")
    page = s.get(f"{base}/akun/token", timeout=TIMEOUT)
    r = s.post(f"{base}/akun/token", data={"name": "cluster-check", "days": "1", "_csrf": csrf(page.text)},
               timeout=TIMEOUT)
    match = re.search(r"dk_[A-Za-z0-9_-]{40,}", r.text)
    if not match:
        raise RuntimeError(f"no token made for {email}: {r.status_code}")
    return match.group(0)


def cmd_tokens(args):
    text = open(args.log, encoding="utf-8").read()
    passwords = {m.group(1): m.group(2) for m in re.finditer(r"^\s+(\S+@contohkab\.go\.id)\s+(\S+)", text, re.M)}
    if not passwords:
        sys.exit("no demo accounts in the first instance's log (was it started with --demo?)")
    accounts = [(email, password) for email, password in sorted(passwords.items()) if not email.startswith("admin.")]

    def sign_in(index):
        # Sign-ins alternate between the instances: a token made on one must serve on the other.
        email, password = accounts[index]
        base, other = args.base[index % len(args.base)], args.base[(index + 1) % len(args.base)]
        token = make_token(base, email, password)
        me = requests.get(f"{other}/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)
        me.raise_for_status()
        return {"email": email, "token": token, "roles": me.json()["roles"]}

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        people = list(pool.map(sign_in, range(len(accounts))))
    json.dump(people, open(args.out, "w"), indent=1)
    log(f"{len(people)} demo people signed in (alternating instances), each with an API token")


# ---------------------------------------------------------------------------------------------
# The workload


class Cluster:
    """Sends requests: writes alternate between instance A and B (every fifth through nginx), reads
    go through nginx. Every write gets a unique client address and, when answered 2xx, a line in the
    acknowledgement log; one without an answer (or a 502 from nginx) is logged as failed."""

    def __init__(self, args):
        self.proxy = args.proxy.rstrip("/")
        self.targets = {"A": args.a.rstrip("/"), "B": args.b.rstrip("/"), "nginx": self.proxy}
        self.ctl = args.ctl
        self.run_byte = int(args.run_byte) % 250
        self.lock = threading.Lock()
        self.counter = itertools.count(1)
        self.turn = itertools.count()
        self.acks = open(args.acks, "a", encoding="utf-8")
        self.failures = open(args.acks + ".failed", "a", encoding="utf-8")
        self.stats = {"requests": 0, "writes": 0, "acknowledged": 0, "refused": 0, "failed": 0,
                      "failed_during_kill": 0, "reads": 0, "read_failures": 0}
        self.sessions = threading.local()

    def session(self):
        if not hasattr(self.sessions, "s"):
            self.sessions.s = requests.Session()
        return self.sessions.s

    def down(self):
        """The instance the driver script has killed and not yet brought back, if any."""
        try:
            return open(os.path.join(self.ctl, "down")).read().strip() or None
        except FileNotFoundError:
            return None

    def bump(self, key, n=1):
        with self.lock:
            self.stats[key] = self.stats.get(key, 0) + n

    def read(self, path, token):
        """A read through nginx (round robin; a dead instance is skipped by nginx itself)."""
        for attempt in range(20):
            self.bump("requests")
            self.bump("reads")
            try:
                r = self.session().get(self.proxy + path, headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)
                if r.status_code < 500:
                    return r
            except requests.RequestException:
                pass
            self.bump("read_failures")
            time.sleep(0.5)
        raise RuntimeError(f"GET {path} failed 20 times through nginx")

    def write(self, method, path, token, op, meta, json_body=None, files=None, data=None):
        """One write on the next instance in turn. Returns (response or None, instance)."""
        with self.lock:
            seq = next(self.counter)
            instance = WRITE_ROTATION[next(self.turn) % len(WRITE_ROTATION)]
        tag = f"10.{self.run_byte}.{seq // 256 % 256}.{seq % 256}"
        down_before = self.down()
        headers = {"Authorization": f"Bearer {token}", "X-Forwarded-For": tag}
        self.bump("requests")
        self.bump("writes")
        record = {"seq": seq, "tag": tag, "instance": instance, "method": method, "path": path, "op": op, **meta,
                  "at": time.time()}
        try:
            r = self.session().request(method, self.targets[instance] + path, headers=headers, json=json_body,
                                       files=files, data=data, timeout=TIMEOUT)
        except requests.RequestException as error:
            self.bump("failed")
            if down_before or self.down():
                self.bump("failed_during_kill")
            record.update(status=None, error=type(error).__name__, down=down_before or self.down())
            with self.lock:
                self.failures.write(json.dumps(record) + "\n")
                self.failures.flush()
            return None, instance
        record["status"] = r.status_code
        r.cluster_record = record
        if 200 <= r.status_code < 300:
            self.bump("acknowledged")
            self.bump(f"acknowledged_by_{instance}")
            return r, instance  # the caller completes the record (ids from the answer) via ack()
        if instance == "nginx" and r.status_code in (502, 503, 504):
            # nginx lost the instance under the request (it does not send a POST twice): not acknowledged.
            self.bump("failed")
            if down_before or self.down():
                self.bump("failed_during_kill")
            record.update(error=f"nginx {r.status_code}", down=down_before or self.down())
            with self.lock:
                self.failures.write(json.dumps(record) + "\n")
                self.failures.flush()
            return None, instance
        self.bump("refused")
        record["error"] = r.text[:300]
        with self.lock:
            self.failures.write(json.dumps(record) + "\n")
            self.failures.flush()
        if r.status_code >= 500:
            raise RuntimeError(f"{method} {path} on {instance} answered {r.status_code}: {r.text[:500]}")
        return r, instance

    def ack(self, record):
        with self.lock:
            self.acks.write(json.dumps(record) + "\n")
            self.acks.flush()


class Driver:
    """Carries one proposal through its unit's SOP, each step by the person the step names, deciding
    every action from the proposal as read (so a write lost with a killed instance is simply done
    again, and one that was committed without an answer is not repeated)."""

    def __init__(self, cluster, people, args):
        self.c = cluster
        self.people = people
        self.today = dt.date.fromisoformat(args.today)
        self.sweep_date = dt.date.fromisoformat(args.sweep_date)

    def token(self, role, unit):
        exact = [p for p in self.people if any(r["role"] == role and r["unitID"] == unit for r in p["roles"])]
        anyone = [p for p in self.people if any(r["role"] == role for r in p["roles"])]
        chosen = (exact or anyone)
        if not chosen:
            raise RuntimeError(f"nobody holds {role}")
        return chosen[0]["token"]

    def items_for(self, n):
        """Two or three items: one ending before the sweep date (opened by law then), one of five years,
        and on every third proposal one found open (listed in the DIP at once)."""
        short_end = self.today + dt.timedelta(days=3 + n % max(1, (self.sweep_date - self.today).days - 4))
        items = [
            {"title": f"Daftar penerima layanan ditunda, usulan {n}", "ground": "Pasal 17 huruf h angka 1",
             "period": {"kind": "until", "end": short_end.isoformat()}, "verdict": "closed"},
            {"title": f"Berkas pemeriksaan pegawai, usulan {n}", "ground": "Pasal 17 huruf h angka 4",
             "period": {"kind": "length", "years": 5, "from": self.today.isoformat()}, "verdict": "closed"},
        ]
        if n % 3 == 0:
            items.append({"title": f"Jadwal layanan publik, usulan {n}", "ground": None, "period": None, "verdict": "open"})
        return items

    def write(self, method, path, role, unit, op, meta, **kw):
        r, instance = self.c.write(method, path, self.token(role, unit), op, meta, **kw)
        return r, instance

    def drive(self, n, unit, unit_name):
        title = f"Usulan uji klaster {n} ({unit_name})"
        proposal = None
        for _ in range(20):  # open, retrying on the other instance while one is down
            opener = "operator"
            r, _ = self.write("POST", f"/api/v1/units/{unit}/proposals", opener, unit, "open",
                              {"unit": unit, "title": title}, json_body={"title": title})
            if r is not None and r.status_code != 201:
                raise RuntimeError(f"opening proposal {n} refused with {r.status_code}: {r.text[:300]}")
            if r is not None:
                proposal = r.json()
                self.ack(r, "open", {"proposal": proposal["id"], "unit": unit, "title": title})
                break
            if r is None:
                # Lost with the instance: was it made all the same? (a committed but unanswered write)
                listed = self.c.read(f"/api/v1/units/{unit}/proposals", self.token("operator", unit)).json()
                made = [p for p in listed if p["title"] == title]
                if made:
                    proposal = self.c.read(f"/api/v1/proposals/{made[0]['id']}", self.token("operator", unit)).json()
                    break
            time.sleep(0.3)
        if proposal is None:
            raise RuntimeError(f"proposal {n} could not be opened")
        pid = proposal["id"]
        specs = self.items_for(n)
        returned = n % 4 != 1  # one proposal in four is returned once at its first decision
        for _ in range(80):
            p = self.c.read(f"/api/v1/proposals/{pid}", self.token("operator", unit)).json()
            step = p.get("currentStep")
            if step is None:
                if p["status"] != "completed":
                    raise RuntimeError(f"proposal {pid} stopped at status {p['status']}")
                return p
            if self.act(p, step, unit, specs, returned) == "disagree":
                returned = True
        raise RuntimeError(f"proposal {pid} did not finish: {json.dumps(p.get('currentStep'))[:400]}")

    def act(self, p, step, unit, specs, returned):
        """Does what the current step still needs, then completes it; returns the decision sent."""
        pid, role, effect, number = p["id"], step["actorRole"], step["effect"], step["number"]
        base = f"/api/v1/proposals/{pid}"
        meta = {"proposal": pid, "step": number}
        if effect in ("collectItems", "consequenceTest"):
            wrote = False
            have = {i["title"] for i in p["items"]}
            for spec in specs:
                if spec["title"] in have:
                    continue
                body = {"title": spec["title"], "description": "Uraian internal uji klaster", "form": "both",
                        "madeWhen": str(self.today.year), "madeWhere": "Kantor", "archiveCode": "000.5.10"}
                r, _ = self.write("POST", base + "/items", role, unit, "item", meta, json_body=body)
                if r is None or r.status_code != 201:
                    self.refused_or_lost(r, "item")
                    return None  # read again and go on from what is there
                item = next(i for i in r.json()["items"] if i["title"] == spec["title"])
                self.ack(r, "item", meta, item=item["id"], title=spec["title"])
                wrote = True
            if not p.get("meetingDate"):
                # UU 14/2008 Ps 19: the test is the PPID's; the meeting names one.
                body = {"date": self.today.isoformat(), "place": "Ruang rapat",
                        "participants": ["Petugas uji — Operator", "PPID Pembantu (demo) — PPID Pembantu"]}
                r, _ = self.write("PUT", base + "/meeting", role, unit, "meeting", meta, json_body=body)
                if r is None or r.status_code != 200:
                    self.refused_or_lost(r, "meeting")
                    return None
                self.ack(r, "meeting", meta)
                wrote = True
            if wrote:
                return None  # read again: the new items are to be tested
        if step.get("recordsMemo") and not p.get("memoNumber"):
            number_text = f"000.1/{p['version']}/KLASTER/{self.today.year}"
            r, _ = self.write("PUT", base + "/memo", role, unit, "memo", meta,
                              json_body={"number": number_text, "text": "Himpun dan uji informasi."})
            if r is None or r.status_code != 200:
                self.refused_or_lost(r, "memo")
                return None
            self.ack(r, "memo", meta, memo=number_text)
        if step.get("recordsPanelOpinion") and not p.get("panelOpinion"):
            r, _ = self.write("PUT", base + "/opinion", role, unit, "opinion", meta,
                              json_body={"text": "Tim Pertimbangan sependapat dengan hasil uji konsekuensi."})
            if r is None or r.status_code != 200:
                self.refused_or_lost(r, "opinion")
                return None
            self.ack(r, "opinion", meta)
        for item in p["items"]:
            needs = set(item.get("needs", []))
            spec = next((s for s in specs if s["title"] == item["title"]), None)
            if spec and ({"test", "testCorrection"} & needs) and effect in TEST_EFFECTS:
                body = self.test_body(spec)
                r, _ = self.write("PUT", f"{base}/items/{item['id']}/test", role, unit, "test", meta, json_body=body)
                if r is None or r.status_code != 200:
                    self.refused_or_lost(r, "test")
                    return None
                self.ack(r, "test", meta, item=item["id"], verdict=spec["verdict"])
            if "location" in needs:
                body = {"building": "Kantor", "room": "Ruang Arsip", "cabinet": "Lemari 2", "box": f"Boks {p['version']}"}
                r, _ = self.write("PUT", f"{base}/items/{item['id']}/location", role, unit, "location", meta, json_body=body)
                if r is None or r.status_code != 200:
                    self.refused_or_lost(r, "location")
                    return None
                self.ack(r, "location", meta, item=item["id"], box=body["box"])
        for doc in step.get("requiredDocuments", []):
            if doc["kind"] == "upload" and not doc["satisfied"]:
                files = {"file": ("bahan.pdf", SAMPLE_PDF, "application/pdf")}
                r, _ = self.write("POST", base + "/documents", role, unit, "document", meta,
                                  data={"requirement": doc["name"]}, files=files)
                if r is None or r.status_code != 201:
                    self.refused_or_lost(r, "document")
                    return None
                self.ack(r, "document", meta, requirement=doc["name"])
        # Read again: what was just recorded may have cleared the blockers.
        p = self.c.read(f"/api/v1/proposals/{pid}", self.token(role, unit)).json()
        step = p.get("currentStep")
        if step is None or step["number"] != number:
            return None
        body = {"version": p["version"]}
        if step.get("onDisagree") is not None:
            if not returned:
                body.update(decision="disagree", note="Lengkapi uraian konsekuensi bila dibuka.")
            else:
                body.update(decision="agree", acknowledgements=[w["key"] for w in p.get("warnings", [])])
        r, instance = self.write("POST", f"{base}/steps/{number}/complete", role, unit, "step", meta, json_body=body)
        if r is None or r.status_code != 200:
            self.refused_or_lost(r, "step", step.get("blockers"))
            return None
        answer = r.json()
        extra = {"decision": body.get("decision"), "version_before": p["version"]}
        if answer.get("decree") and not p.get("decree"):
            extra["decree"] = answer["decree"]["id"]
            extra["decree_number"] = answer["decree"]["number"]
            extra["exempted"] = sum(1 for i in answer["items"] if (i.get("test") or {}).get("verdict") != "open")
        self.ack(r, "step", meta, **extra)
        return body.get("decision")

    def test_body(self, spec):
        if spec["verdict"] == "open":
            return {"consequenceIfOpened": "Tidak ada kerugian bila dibuka.",
                    "consequenceIfClosed": "Masyarakat kehilangan informasi layanan.",
                    "verdict": "open", "reason": "Informasi layanan yang wajib tersedia setiap saat."}
        return {"ground": spec["ground"],
                "consequenceIfOpened": "Bila dibuka, data pribadi warga dapat disalahgunakan pihak lain.",
                "consequenceIfClosed": "Kepentingan publik tetap terlayani melalui data agregat.",
                "verdict": "closed", "period": spec["period"],
                "reason": "Rahasia pribadi yang dilindungi Pasal 17 huruf h UU 14/2008."}

    def ack(self, r, op, meta, **extra):
        self.c.ack({**r.cluster_record, "op": op, **meta, **extra})

    def refused_or_lost(self, r, what, blockers=None):
        if r is None:
            time.sleep(0.2)  # lost with a killed instance: read again and go on
            return
        if r.status_code == 409:
            return  # changed meanwhile (e.g. a write committed without an answer): read again
        raise RuntimeError(f"{what} refused with {r.status_code}: {r.text[:500]}" + (f" (blockers: {blockers})" if blockers else ""))


def cmd_load(args):
    people = json.load(open(args.tokens))
    cluster = Cluster(args)
    units = {}
    for person in people:
        for role in person["roles"]:
            units.setdefault(role["unitID"], person["email"].split("@")[0].split(".")[1])
    wanted = [u for u in args.units.split(",") if u]
    unit_list = [(uid, name) for uid, name in sorted(units.items(), key=lambda x: x[1])
                 if not wanted or name in wanted]
    jobs = queue.Queue()
    for n in range(1, args.proposals + 1):
        jobs.put((n, *unit_list[n % len(unit_list)]))
    done = []
    errors = []
    kill_at = max(1, int(args.proposals * args.kill_at))
    signalled = threading.Event()

    def worker():
        driver = Driver(cluster, people, args)
        while not errors:
            try:
                n, unit, name = jobs.get_nowait()
            except queue.Empty:
                return
            try:
                started = time.time()
                driver.drive(n, unit, name)
                with cluster.lock:
                    done.append((n, time.time() - started))
                    count = len(done)
                if count >= kill_at and not signalled.is_set():
                    signalled.set()
                    open(os.path.join(args.ctl, "kill"), "w").write(str(count))
                    log(f"{count} proposals done: asking for the kill -9")
            except Exception as error:  # noqa: BLE001 - reported and fails the run
                errors.append(f"proposal {n}: {error}")

    started = time.time()
    threads = [threading.Thread(target=worker) for _ in range(args.workers)]
    for t in threads:
        t.start()
    last = 0
    while any(t.is_alive() for t in threads):
        time.sleep(1)
        if time.time() - last > 15:
            last = time.time()
            log(f"{len(done)}/{args.proposals} proposals done, {cluster.stats['requests']} requests, "
                f"{cluster.stats['acknowledged']} writes acknowledged, {cluster.stats['failed']} failed")
    elapsed = time.time() - started
    stats = dict(cluster.stats, proposals_done=len(done), seconds=round(elapsed, 1),
                 errors=errors, mean_proposal_seconds=round(sum(d for _, d in done) / max(1, len(done)), 1))
    json.dump(stats, open(args.acks + ".stats.json", "w"), indent=1)
    log(f"done in {elapsed:.1f} s: {len(done)} proposals, {cluster.stats['requests']} requests, "
        f"{cluster.stats['acknowledged']} acknowledged writes, {cluster.stats['failed']} failed writes "
        f"({cluster.stats['failed_during_kill']} while an instance was down)")
    if errors:
        for e in errors:
            print("   WORKLOAD ERROR:", e, file=sys.stderr)
        sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Checks on the database


class Database:
    def __init__(self, url):
        self.url = url

    def rows(self, sql):
        out = subprocess.run(["psql", self.url, "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                             capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"psql failed: {out.stderr}")
        return [line.split("\t") for line in out.stdout.splitlines() if line != ""]

    def value(self, sql):
        rows = self.rows(sql)
        return rows[0][0] if rows else None


def cmd_check(args):
    db = Database(args.database_url)
    acks = [json.loads(line) for line in open(args.acks, encoding="utf-8") if line.strip()]
    problems = []

    def fail(message):
        problems.append(message)
        print(f"   FAIL {message}", flush=True)

    def ok(message):
        print(f"   ok   {message}", flush=True)

    # 1. Every acknowledged write is there, with the audit event written in its transaction.
    tags = {row[0]: int(row[1]) for row in db.rows(
        "SELECT client_address, count(*) FROM audit_events WHERE client_address LIKE '10.%' GROUP BY client_address")}
    missing_audit = [a for a in acks if a["tag"] not in tags]
    if missing_audit:
        fail(f"{len(missing_audit)} acknowledged writes have no audit event: " + json.dumps(missing_audit[:5]))
    else:
        ok(f"all {len(acks)} acknowledged writes have their audit event (by client address)")

    by_op = {}
    for a in acks:
        by_op.setdefault(a["op"], []).append(a)
    proposals = {r[0].lower(): r for r in db.rows(
        "SELECT id, title, unit_id, status, memo_number, meeting_date, panel_opinion FROM proposals")}
    items = {r[0].lower(): r for r in db.rows(
        "SELECT id, proposal_id, title, verdict, tested_at, location_box FROM proposal_items")}
    lost = []
    for a in by_op.get("open", []):
        row = proposals.get(a["proposal"].lower())
        if not row or row[1] != a["title"]:
            lost.append(a)
    for a in by_op.get("item", []):
        row = items.get(a["item"].lower())
        if not row or row[2] != a["title"] or row[1].lower() != a["proposal"].lower():
            lost.append(a)
    for a in by_op.get("test", []):
        row = items.get(a["item"].lower())
        if not row or row[4] == "" or row[3] != a["verdict"]:
            lost.append(a)
    for a in by_op.get("location", []):
        row = items.get(a["item"].lower())
        if not row or not row[5]:
            lost.append(a)
    for a in by_op.get("meeting", []):
        row = proposals.get(a["proposal"].lower())
        if not row or not row[5]:
            lost.append(a)
    for a in by_op.get("memo", []):
        row = proposals.get(a["proposal"].lower())
        if not row or not row[4]:
            lost.append(a)
    for a in by_op.get("opinion", []):
        row = proposals.get(a["proposal"].lower())
        if not row or not row[6]:
            lost.append(a)
    documents = {}
    for pid, requirement in db.rows("SELECT proposal_id, requirement FROM proposal_documents"):
        documents[(pid.lower(), requirement)] = documents.get((pid.lower(), requirement), 0) + 1
    for a in by_op.get("document", []):
        if documents.get((a["proposal"].lower(), a["requirement"]), 0) == 0:
            lost.append(a)
    completed = {}
    for pid, number, decision in db.rows(
            "SELECT proposal_id, step_number, coalesce(decision, '') FROM proposal_steps WHERE completed_at IS NOT NULL"):
        completed[(pid.lower(), int(number))] = completed.get((pid.lower(), int(number)), 0) + 1
    step_acks = {}
    for a in by_op.get("step", []):
        key = (a["proposal"].lower(), int(a["step"]))
        step_acks[key] = step_acks.get(key, 0) + 1
    for key, count in step_acks.items():
        if completed.get(key, 0) < count:
            lost.append({"op": "step", "proposal": key[0], "step": key[1], "acknowledged": count,
                         "in_database": completed.get(key, 0)})
    decrees = {r[0].lower(): r for r in db.rows("SELECT id, body_id, number, proposal_id FROM decrees")}
    entries_per_decree = {r[0].lower(): int(r[1]) for r in db.rows(
        "SELECT decree_id, count(*) FROM register_entries GROUP BY decree_id")}
    issued = [a for a in by_op.get("step", []) if a.get("decree")]
    for a in issued:
        row = decrees.get(a["decree"].lower())
        if not row or row[2] != a["decree_number"] or entries_per_decree.get(a["decree"].lower(), 0) != a["exempted"]:
            lost.append(dict(a, found=row))
    if lost:
        fail(f"{len(lost)} acknowledged writes are missing or differ in the database: " + json.dumps(lost[:5]))
    else:
        counts = ", ".join(f"{op} {len(v)}" for op, v in sorted(by_op.items()))
        ok(f"every acknowledged write is in the database ({counts}; {len(issued)} decrees issued)")
    answered_numbers = [a["decree_number"] for a in issued]
    if len(set(answered_numbers)) != len(answered_numbers):
        fail("the same decree number was answered to two acknowledged writes: "
             + str(sorted(n for n in answered_numbers if answered_numbers.count(n) > 1)))

    # Writes that failed (the instance died under them) but were committed all the same: allowed.
    failed = [json.loads(line) for line in open(args.acks + ".failed", encoding="utf-8") if line.strip()] \
        if os.path.exists(args.acks + ".failed") else []
    unanswered = [f for f in failed if f.get("status") is None or f.get("error", "").startswith("nginx ")]
    lost_answers = [f for f in unanswered if f["tag"] in tags]
    print(f"   info {len(failed)} writes not acknowledged: {len(unanswered)} lost with the killed instance "
          f"({sum(1 for f in unanswered if f.get('status'))} of them answered 502 by nginx), "
          f"{len(failed) - len(unanswered)} refused (409: changed meanwhile); {len(lost_answers)} of the lost ones "
          f"were committed all the same (allowed: the answer died with the instance)")

    # 2. No decree number twice (per body), nor a serial, nor a register number.
    dup = db.rows("SELECT body_id, number, count(*) FROM decrees GROUP BY body_id, number HAVING count(*) > 1")
    dup += db.rows("SELECT body_id, year || '/' || serial, count(*) FROM decrees GROUP BY body_id, year, serial HAVING count(*) > 1")
    if dup:
        fail(f"decree numbers used twice: {dup[:10]}")
    else:
        total = db.value("SELECT count(*) FROM decrees")
        ok(f"no decree number or serial used twice ({total} decrees in all)")
    dup = db.rows("SELECT body_id, register_number, count(*) FROM register_entries GROUP BY body_id, register_number HAVING count(*) > 1")
    if dup:
        fail(f"register numbers used twice: {dup[:10]}")
    else:
        ok(f"no register number used twice ({db.value('SELECT count(*) FROM register_entries')} entries)")
    gaps = db.rows("""
        SELECT body_id, year, count(*), max(serial) FROM decrees WHERE NOT registered_from_earlier
        GROUP BY body_id, year HAVING count(*) <> max(serial)""")
    if gaps:
        print(f"   info decree serials with gaps (not a failure): {gaps}")

    # 3. Each entry opened once.
    twice = db.rows("""
        SELECT target_id, count(*) FROM audit_events WHERE action IN ('register.openedByLaw', 'register.opened')
        GROUP BY target_id HAVING count(*) > 1""")
    if twice:
        fail(f"entries opened more than once (audit): {twice[:10]}")
    dip_twice = db.rows("""
        SELECT item_id, count(*) FROM public_information_entries WHERE source IN ('openedByLaw', 'openedByDecree')
        GROUP BY item_id HAVING count(*) > 1""")
    if dip_twice:
        fail(f"items listed in the DIP more than once on opening: {dip_twice[:10]}")
    unmatched = db.rows("""
        SELECT e.id, e.register_number, e.status,
               (SELECT count(*) FROM public_information_entries d WHERE d.item_id = e.item_id
                  AND d.source IN ('openedByLaw', 'openedByDecree')) AS dip,
               (SELECT count(*) FROM audit_events a WHERE a.target_id = upper(e.id::text)
                  AND a.action IN ('register.openedByLaw', 'register.opened')) AS events
        FROM register_entries e
        WHERE (e.status = 'opened') <> ((SELECT count(*) FROM public_information_entries d WHERE d.item_id = e.item_id
                  AND d.source IN ('openedByLaw', 'openedByDecree')) = 1)
           OR (e.status = 'opened' AND (SELECT count(*) FROM audit_events a WHERE a.target_id = upper(e.id::text)
                  AND a.action IN ('register.openedByLaw', 'register.opened')) <> 1)""")
    if unmatched:
        fail(f"entries whose status, DIP listing and opening event disagree: {unmatched[:10]}")
    overdue = db.rows(f"""
        SELECT register_number, end_date, status FROM register_entries
        WHERE end_date IS NOT NULL AND end_date < '{args.sweep_date}' AND status IN ('exempted', 'endingSoon', 'reviewDue')""")
    if overdue:
        fail(f"entries ended before the sweep date and still not opened: {overdue[:10]}")
    opened = db.value("SELECT count(*) FROM register_entries WHERE status = 'opened'")
    by_law = db.value("SELECT count(*) FROM register_entries WHERE status = 'opened' AND opened_by_law")
    if not (twice or dip_twice or unmatched or overdue):
        ok(f"each entry opened once: {opened} opened ({by_law} by law), each with one DIP listing and one event; "
           f"none ended before {args.sweep_date} left unopened")
    if args.sweep_reports:
        reported = 0
        for path in args.sweep_reports.split(","):
            text = open(path, encoding="utf-8", errors="replace").read()
            reported += sum(int(m) for m in re.findall(r"(\d+) terbuka demi hukum", text))
        print(f"   info the concurrent sweeps reported {reported} entries opened by law in all")

    # 4. Publication versions: one per number, consecutive.
    pubs = db.rows("SELECT body_id, count(*), max(version), count(DISTINCT version) FROM publications GROUP BY body_id")
    for body, count, top, distinct in pubs:
        if not (count == top == distinct):
            fail(f"publication versions of body {body} are not 1..n once each: {count} rows, max {top}, {distinct} distinct")
    if args.summary:
        json.dump({"acknowledged": len(acks), "decrees": len(issued), "opened": int(opened), "opened_by_law": int(by_law),
                   "problems": problems}, open(args.summary, "w"), indent=1)
    if problems:
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("tokens")
    t.add_argument("--base", action="append", required=True)
    t.add_argument("--log", required=True)
    t.add_argument("--out", required=True)
    l = sub.add_parser("load")
    l.add_argument("--tokens", required=True)
    l.add_argument("--a", required=True)
    l.add_argument("--b", required=True)
    l.add_argument("--proxy", required=True)
    l.add_argument("--acks", required=True)
    l.add_argument("--ctl", required=True)
    l.add_argument("--proposals", type=int, default=24)
    l.add_argument("--workers", type=int, default=4)
    l.add_argument("--kill-at", type=float, default=0.4, help="fraction of proposals done before the kill -9")
    l.add_argument("--today", required=True)
    l.add_argument("--sweep-date", required=True)
    l.add_argument("--units", default="", help="unit short names (default: every unit)")
    l.add_argument("--run-byte", default=str(os.getpid()))
    c = sub.add_parser("check")
    c.add_argument("--acks", required=True)
    c.add_argument("--database-url", required=True)
    c.add_argument("--sweep-date", required=True)
    c.add_argument("--sweep-reports", default="")
    c.add_argument("--summary", default="")
    args = parser.parse_args()
    {"tokens": cmd_tokens, "load": cmd_load, "check": cmd_check}[args.command](args)


if __name__ == "__main__":
    main()
