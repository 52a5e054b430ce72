#!/usr/bin/env python3
"""The soak's load and its report (run by scripts/soak.sh inside scripts/with-postgres.sh).

Workers loop over a mix of requests for the given time; one thread samples the node's RSS every
5 s; one imports a small dataset every 20 s; at half time PostgreSQL is restarted. Exit status 1
when an error was seen or memory grew by 5 % or more after the warm-up (the first fifth)."""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "soak-password-2026"
EMAIL = "soak@example.org"
QUERIES = ["srem", "pomoc społeczna", "budżet", "aktywność lokalna", "gmina -miasto", "kultura OR sport"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_kind = {}
        self.errors = []
        self.during_restart = 0

    def add(self, kind, ok, detail, in_restart):
        with self.lock:
            n = self.by_kind.setdefault(kind, [0, 0])
            n[0] += 1
            if not ok:
                if in_restart:
                    self.during_restart += 1
                else:
                    n[1] += 1
                    if len(self.errors) < 20:
                        self.errors.append(f"{kind}: {detail}")


class Soak:
    def __init__(self, args):
        self.args = args
        self.url = os.environ["BDP_TEST_POSTGRES_URL"]
        self.restart_cmd = os.environ["BDP_TEST_POSTGRES_RESTART"]
        self.port = free_port()
        self.stats = Stats()
        self.stop = threading.Event()
        self.restart_window = (float("inf"), float("inf"))
        self.rss = []
        self.work = tempfile.mkdtemp(prefix="bdp-soak-")
        # A copy of the binary: a rebuild during the soak must not pull it away.
        self.bdp = os.path.join(self.work, "bdp")
        shutil.copy2(args.bdp, self.bdp)

    def in_restart(self, t0, t1):
        a, b = self.restart_window
        return t1 >= a and t0 <= b + 2.0  # the node needs a moment to reconnect

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read()
            return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data
        finally:
            conn.close()

    def timed(self, kind, fn, expected):
        t0 = time.monotonic()
        try:
            status, detail = fn()
        except Exception as e:  # a refused or reset connection is an error too
            status, detail = 0, repr(e)
        t1 = time.monotonic()
        ok = status in expected
        self.stats.add(kind, ok, f"{status} {str(detail)[:200]}", self.in_restart(t0, t1))

    def pages(self):
        status, _, body = self.request("GET", "/")
        paths = set(re.findall(rb'href="(/(?:praktyki|dzialy|jednostki)/[^"?#]*)"', body))
        return sorted(p.decode() for p in paths) or ["/"]

    def worker(self, paths, seed):
        rnd = random.Random(seed)
        ua = {"User-Agent": f"Mozilla/5.0 (soak {seed})"}
        while not self.stop.is_set():
            roll = rnd.random()
            if roll < 0.6:
                path = rnd.choice(paths)
                self.timed("page", lambda: self.request("GET", path, headers=ua)[::2], {200})
            elif roll < 0.9:
                q = urllib.parse.quote(rnd.choice(QUERIES))
                self.timed("search", lambda: self.request("GET", f"/szukaj?q={q}", headers=ua)[::2], {200})
            else:
                self.login(rnd)

    def login(self, rnd):
        def attempt():
            status, headers, body = self.request("GET", "/redakcja/logowanie")
            if status != 200:
                return status, "form"
            token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
            right = rnd.random() < 0.5
            form = urllib.parse.urlencode({"csrf": token, "email": EMAIL,
                                           "haslo": PASSWORD if right else "wrong-password"})
            status, _, _ = self.request("POST", "/redakcja/logowanie", body=form, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"bdp_csrf={token}",
                # Each attempt its own address: the throttle is not what this soak measures.
                "X-Forwarded-For": f"10.{rnd.randrange(256)}.{rnd.randrange(256)}.{rnd.randrange(256)}"})
            return status, "right" if right else "wrong"
        self.timed("login", attempt, {303, 401, 429})

    def importer(self):
        n = 0
        while not self.stop.wait(20):
            n += 1
            doc = {"format": "bdp", "version": 1, "sections": [], "units": [], "practices": [{
                "id": 5000 + n, "slug": f"soak-{n}", "title": f"Praktyka z soaku {n}",
                "summary": "Opis praktyki dodanej w czasie soaku.", "entered_on": "2026-12-01",
                "unit_id": 1, "section_ids": [3], "status": "published"}]}
            path = os.path.join(self.work, f"import-{n}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            t0 = time.monotonic()
            try:
                r = subprocess.run([self.bdp, "import", "--database", self.url, path],
                                   capture_output=True, text=True)
                ok, detail = r.returncode == 0, r.stdout[-200:] + r.stderr[-200:]
            except OSError as e:
                ok, detail = False, repr(e)
            self.stats.add("import", ok, detail, self.in_restart(t0, time.monotonic()))

    def sampler(self, pid):
        while not self.stop.wait(5):
            with open(f"/proc/{pid}/status") as f:
                rss = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
            self.rss.append((time.monotonic(), rss))

    def run(self):
        log = open(os.path.join(self.work, "serve.log"), "w")
        node = subprocess.Popen([self.bdp, "serve", "--database", self.url, "--port",
                                 str(self.port), "--index", os.path.join(self.work, "index"),
                                 "--spool", os.path.join(self.work, "spool"),
                                 "--trusted-proxy", "127.0.0.1", "--no-access-log"],
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(200):
                try:
                    if self.request("GET", "/healthz")[0] == 200:
                        break
                except OSError:
                    pass
                time.sleep(0.05)
            env = dict(os.environ, BDP_EDITOR_PASSWORD=PASSWORD)
            subprocess.run([self.bdp, "editor", "add", "--database", self.url, "--email",
                            EMAIL, "--name", "Soak"], check=True, env=env, capture_output=True)
            paths = self.pages()
            start = time.monotonic()
            threads = [threading.Thread(target=self.worker, args=(paths, i)) for i in range(8)]
            threads += [threading.Thread(target=self.importer), threading.Thread(target=self.sampler, args=(node.pid,))]
            for t in threads:
                t.start()
            time.sleep(self.args.seconds / 2)
            a = time.monotonic()
            self.restart_window = (a, float("inf"))
            subprocess.run(self.restart_cmd, shell=True, check=True, capture_output=True)
            self.restart_window = (a, time.monotonic())
            time.sleep(max(0, start + self.args.seconds - time.monotonic()))
            self.stop.set()
            for t in threads:
                t.join()
            alive = node.poll() is None
        finally:
            node.send_signal(signal.SIGTERM)
            node.wait(timeout=30)
        return self.report(start, alive)

    def report(self, start, alive):
        warm = [r for t, r in self.rss if t - start >= self.args.seconds / 5]
        growth = (warm[-1] - warm[0]) / warm[0] * 100 if len(warm) >= 2 else 0.0
        errors = sum(n[1] for n in self.stats.by_kind.values())
        print(f"soak: {self.args.seconds} s, 8 workers, PostgreSQL restarted at {self.args.seconds // 2} s "
              f"(took {self.restart_window[1] - self.restart_window[0]:.1f} s)")
        for kind, (n, bad) in sorted(self.stats.by_kind.items()):
            print(f"soak: {kind:7} {n:8d} requests, {bad} errors")
        print(f"soak: failed during the restart window (expected, not errors): {self.stats.during_restart}")
        print(f"soak: RSS after warm-up {warm[0] if warm else 0} kB -> {warm[-1] if warm else 0} kB "
              f"({growth:+.1f} %), peak {max((r for _, r in self.rss), default=0)} kB")
        for e in self.stats.errors:
            print(f"soak: error: {e}")
        ok = alive and errors == 0 and growth < 5.0
        print("soak: " + ("passed" if ok else "FAILED") + f" (errors {errors}, growth {growth:.1f} %, node alive {alive})")
        return 0 if ok else 1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bdp", required=True)
    p.add_argument("--seconds", type=int, default=600)
    sys.exit(Soak(p.parse_args()).run())


if __name__ == "__main__":
    main()
