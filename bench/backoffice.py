#!/usr/bin/env python3
"""The back office's figures (issue 11), each side measured in the same run on this machine:

  login    one login's cost (Argon2id, libsodium's INTERACTIVE limits: 2 passes, 64 MiB), and
           50 logins at once with the bound (limits.password_check_threads = 2, queue 16) vs
           without it (50 threads, queue 50): answers by status, wall time, peak RSS (VmHWM).
  editors  the public practice page under wrk (-t2 -c32), alone vs while 20 logged-in editors
           work at once (each in turn: the dashboard, the queue, the audit log, a link saved,
           0.5 s between two requests), rounds alternating; the editors' own requests/s.
  publish  two nodes on one PostgreSQL: a practice published on node A (its three transitions
           through the desk forms) until node B shows its page and finds it by search: times.

Usage: bench/backoffice.py [login|editors|publish|all] [--bdp build/bdp] [--rounds 3]
publish needs BDP_TEST_POSTGRES_URL (bench/backoffice.sh runs it under scripts/with-postgres.sh).
Needs: wrk, python3 (stdlib only). Builds nothing.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "zielona-herbata-42"
THINK_SECONDS = 0.5  # an editor's pause between two requests


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    hdrs = dict(headers or {})
    if body is not None:
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=hdrs)
    r = conn.getresponse()
    data = r.read().decode("utf-8", "replace")
    conn.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data, r.msg


class Server:
    def __init__(self, bdp, database, work, name, config=None, extra=()):
        self.port = free_port()
        self.dir = os.path.join(work, name)
        os.makedirs(self.dir, exist_ok=True)
        args = [bdp, "serve", "--database", database, "--port", str(self.port), "--index",
                os.path.join(self.dir, "index"), "--no-access-log", *extra]
        if config is not None:
            path = os.path.join(self.dir, "config.json")
            with open(path, "w") as f:
                json.dump(config, f)
            args += ["--config", path]
        self.log = open(os.path.join(self.dir, "serve.log"), "w")
        self.proc = subprocess.Popen(args, cwd=self.dir, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                if request(self.port, "GET", "/healthz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"bdp {name} did not start: see {self.dir}/serve.log")

    def peak_rss_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            kib = int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1))
        return kib / 1024

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


def add_editor(bdp, database, email, cwd):
    env = dict(os.environ, BDP_EDITOR_PASSWORD=PASSWORD)
    subprocess.run([bdp, "editor", "add", "--database", database, "--email", email, "--name",
                    email.split("@")[0], "--role", "editor"], check=True, env=env, cwd=cwd,
                   stdout=subprocess.DEVNULL)


def login_form(port):
    status, headers, body, msg = request(port, "GET", "/redakcja/logowanie")
    cookie = next(v for v in msg.get_all("Set-Cookie") if v.startswith("bdp_csrf="))
    csrf = cookie.split(";", 1)[0].split("=", 1)[1]
    return csrf


def post_login(port, email, csrf):
    body = urllib.parse.urlencode({"csrf": csrf, "email": email, "haslo": PASSWORD})
    status, headers, _, msg = request(port, "POST", "/redakcja/logowanie", body,
                                      {"Cookie": f"bdp_csrf={csrf}"})
    session = ""
    for v in msg.get_all("Set-Cookie") or []:
        if v.startswith("bdp_session="):
            session = v.split(";", 1)[0].split("=", 1)[1]
    return status, session


def log_in(port, email):
    status, session = post_login(port, email, login_form(port))
    assert status == 303 and session, f"login of {email}: {status}"
    return {"Cookie": f"bdp_session={session}"}


def csrf_of(port, session):
    body = request(port, "GET", "/redakcja", headers=session)[2]
    return re.search(r'name="csrf" value="([^"]*)"', body).group(1)


def figure_login(bdp, work):
    print("## Login cost and the bound on concurrent password checks\n")
    rows = []
    for label, threads, queue in [("bound (2 threads, queue 16: the defaults)", 2, 16),
                                  ("no bound (50 threads, queue 50)", 50, 50)]:
        name = f"login-{threads}"
        db = f"sqlite:{work}/{name}.db"
        os.makedirs(f"{work}/{name}", exist_ok=True)
        add_editor(bdp, db, "redaktor@bdp.pl", f"{work}/{name}")
        server = Server(bdp, db, work, name, {"limits": {"password_check_threads": threads,
                                                         "password_check_queue": queue}})
        try:
            single = []
            for _ in range(5):
                csrf = login_form(server.port)
                start = time.perf_counter()
                status, _ = post_login(server.port, "redaktor@bdp.pl", csrf)
                single.append((time.perf_counter() - start) * 1000)
                assert status == 303, status
            before = server.peak_rss_mib()
            forms = [login_form(server.port) for _ in range(50)]
            results = [None] * 50
            barrier = threading.Barrier(50)

            def one(i):
                barrier.wait()
                start = time.perf_counter()
                status, _ = post_login(server.port, "redaktor@bdp.pl", forms[i])
                results[i] = (status, (time.perf_counter() - start) * 1000)

            workers = [threading.Thread(target=one, args=(i,)) for i in range(50)]
            start = time.perf_counter()
            for w in workers:
                w.start()
            for w in workers:
                w.join()
            wall = time.perf_counter() - start
            statuses = {}
            for status, _ in results:
                statuses[status] = statuses.get(status, 0) + 1
            ok = sorted(ms for status, ms in results if status == 303)
            rows.append((label, statistics.median(single), statuses, wall,
                         ok[len(ok) // 2] if ok else 0, ok[-1] if ok else 0, before,
                         server.peak_rss_mib()))
        finally:
            server.stop()
    print("| set-up | one login, median of 5 (ms) | 50 at once: answers | wall (s) | "
          "p50 / max of the 303s (ms) | peak RSS before → after (MiB) |")
    print("|---|---|---|---|---|---|")
    for label, one_ms, statuses, wall, p50, worst, before, after in rows:
        answers = ", ".join(f"{n}× {s}" for s, n in sorted(statuses.items()))
        print(f"| {label} | {one_ms:.0f} | {answers} | {wall:.2f} | {p50:.0f} / {worst:.0f} | "
              f"{before:.0f} → {after:.0f} |")
    print()


def practice_path(port):
    body = request(port, "GET", "/")[2]
    return re.search(r'href="(/praktyki/1-[^"]*)"', body).group(1)


def wrk(url, duration, connections=32):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}", "--latency", url],
                         check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    return rps, p99, "Non-2xx" in out


def figure_editors(bdp, work, rounds, duration):
    print("## Public page throughput while 20 editors work\n")
    db = f"sqlite:{work}/editors.db"
    os.makedirs(f"{work}/editors", exist_ok=True)
    for i in range(20):
        add_editor(bdp, db, f"redaktor{i}@bdp.pl", f"{work}/editors")
    server = Server(bdp, db, work, "editors")
    try:
        path = practice_path(server.port)
        url = f"http://127.0.0.1:{server.port}{path}"
        sessions = [log_in(server.port, f"redaktor{i}@bdp.pl") for i in range(20)]
        tokens = [csrf_of(server.port, s) for s in sessions]
        # One link per editor, to edit in turn.
        link_ids = []
        for i, (s, t) in enumerate(zip(sessions, tokens)):
            body = urllib.parse.urlencode({"csrf": t, "nazwa": f"Baza {i}",
                                           "adres": f"https://example.org/{i}"})
            assert request(server.port, "POST", "/redakcja/linki", body, s)[0] == 303
        page = request(server.port, "GET", "/redakcja/linki", headers=sessions[0])[2]
        link_ids = sorted(set(int(x) for x in re.findall(r'/redakcja/linki/(\d+)"', page)))
        stop = threading.Event()
        counts = [0] * 20
        errors = [0] * 20

        def editor(i):
            s, t, link = sessions[i], tokens[i], link_ids[i % len(link_ids)]
            n = 0
            while not stop.is_set():
                for method, target, body in [
                        ("GET", "/redakcja", None), ("GET", "/redakcja/kolejka", None),
                        ("GET", "/redakcja/dziennik", None),
                        ("POST", f"/redakcja/linki/{link}", urllib.parse.urlencode(
                            {"csrf": t, "nazwa": f"Baza {i} ({n})",
                             "adres": f"https://example.org/{i}"}))]:
                    status = request(server.port, method, target, body, s)[0]
                    counts[i] += 1
                    if status not in (200, 303):
                        errors[i] += 1
                    stop.wait(THINK_SECONDS)
                n += 1

        rows = []
        wrk(url, "3s")  # warm-up
        for r in range(rounds):
            alone = wrk(url, duration)
            for c in range(20):
                counts[c] = 0
            stop.clear()
            workers = [threading.Thread(target=editor, args=(i,)) for i in range(20)]
            for w in workers:
                w.start()
            time.sleep(1)
            start_counts = sum(counts)
            start = time.perf_counter()
            busy = wrk(url, duration)
            editor_rps = (sum(counts) - start_counts) / (time.perf_counter() - start)
            stop.set()
            for w in workers:
                w.join()
            rows.append((r + 1, alone, busy, editor_rps))
        print(f"`wrk -t2 -c32 -d{duration}` on {path.split('-')[0]}-… (the page cache's), alone and "
              "while 20 editors go over the dashboard, the queue, the audit log and a link "
              "saved (a write, its change-log entry followed by the node), each pausing "
              f"{THINK_SECONDS} s between two requests:\n")
        print("| round | alone req/s (p99) | with 20 editors req/s (p99) | ratio | editors' req/s |")
        print("|---|---|---|---|---|")
        for n, alone, busy, editor_rps in rows:
            print(f"| {n} | {alone[0]:,.0f} ({alone[1]}) | {busy[0]:,.0f} ({busy[1]}) | "
                  f"{busy[0] / alone[0]:.2f} | {editor_rps:.0f} |")
        print(f"\neditor errors (not 200/303): {sum(errors)}; non-2xx from wrk: "
              f"{any(a[2] or b[2] for _, a, b, _ in rows)}\n")
    finally:
        server.stop()


def figure_publish(bdp, work, rounds):
    admin = os.environ.get("BDP_TEST_POSTGRES_URL")
    if not admin:
        raise SystemExit("publish needs BDP_TEST_POSTGRES_URL (run bench/backoffice.sh)")
    print("## Publish on node A → visible on node B\n")
    name = f"bdp_bench_publish_{os.getpid()}"
    pg_bin = os.environ["BDP_TEST_POSTGRES_BIN"]
    subprocess.run([f"{pg_bin}/createdb", f"--maintenance-db={admin}", name], check=True)
    database = admin.rsplit("/", 1)[0] + "/" + name
    practices = [{"id": 800 + i, "slug": f"zgloszona-{i}", "title": f"Praktyka zgłoszona {i}",
                  "summary": f"Opis z unikalnym słowem kwiatolub{i}.", "entered_on": "2026-11-01",
                  "unit_id": 1, "section_ids": [3], "status": "submitted"}
                 for i in range(rounds)]
    dataset = os.path.join(work, "submitted.json")
    with open(dataset, "w") as f:
        json.dump({"format": "bdp", "version": 1, "sections": [], "units": [],
                   "practices": practices}, f)
    a = b = None
    try:
        os.makedirs(f"{work}/a", exist_ok=True)
        add_editor(bdp, database, "redaktor@bdp.pl", f"{work}/a")
        a = Server(bdp, database, work, "a")  # fills the empty database with the demo data
        b = Server(bdp, database, work, "b")
        subprocess.run([bdp, "import", "--database", database, dataset], check=True,
                       stdout=subprocess.DEVNULL)
        session = log_in(a.port, "redaktor@bdp.pl")
        csrf = csrf_of(a.port, session)
        page_ms, search_ms = [], []
        for p in practices:
            target = f"/redakcja/praktyki/{p['id']}/przejscie"
            for action in ("start_review",):
                body = urllib.parse.urlencode({"csrf": csrf, "akcja": action})
                assert request(a.port, "POST", target, body, session)[0] == 303
            body = urllib.parse.urlencode({"csrf": csrf, "akcja": "publish"})
            path = f"/praktyki/{p['id']}-{p['slug']}"
            query = f"/szukaj?q=kwiatolub{p['id'] - 800}"
            assert request(b.port, "GET", path)[0] == 404
            start = time.perf_counter()
            assert request(a.port, "POST", target, body, session)[0] == 303
            seen_page = seen_search = None
            while seen_page is None or seen_search is None:
                now = time.perf_counter()
                if now - start > 10:
                    raise RuntimeError(f"{path} not on node B after 10 s")
                if seen_page is None and request(b.port, "GET", path)[0] == 200:
                    seen_page = time.perf_counter() - start
                if seen_search is None and path in request(b.port, "GET", query)[2]:
                    seen_search = time.perf_counter() - start
                time.sleep(0.005)
            page_ms.append(seen_page * 1000)
            search_ms.append(seen_search * 1000)
        print(f"{rounds} practices published one after another on node A (the POST of the last "
              "transition, answered 303), node B polled every 5 ms; the nodes' change followers "
              "poll every 200 ms:\n")
        print("| on node B | median (ms) | min (ms) | max (ms) |")
        print("|---|---|---|---|")
        for label, times in [("the practice page answers 200", page_ms),
                             ("a search finds it", search_ms)]:
            print(f"| {label} | {statistics.median(times):.0f} | {min(times):.0f} | "
                  f"{max(times):.0f} |")
        print()
    finally:
        for node in (a, b):
            if node:
                node.stop()
        subprocess.run([f"{pg_bin}/dropdb", "--if-exists", f"--maintenance-db={admin}", name])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("figure", nargs="?", default="all",
                        choices=["login", "editors", "publish", "all"])
    parser.add_argument("--bdp", default="build/bdp")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", default="10s")
    args = parser.parse_args()
    bdp = os.path.realpath(args.bdp)
    work = tempfile.mkdtemp(prefix="bdp-bench-backoffice.")
    try:
        if args.figure in ("login", "all"):
            figure_login(bdp, work)
        if args.figure in ("editors", "all"):
            figure_editors(bdp, work, args.rounds, args.duration)
        if args.figure in ("publish", "all"):
            figure_publish(bdp, work, max(args.rounds, 10))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
