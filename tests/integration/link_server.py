#!/usr/bin/env python3
"""A tiny HTTP server on 127.0.0.1 for the link checker's test (check_links_test.cpp).

Usage: link_server.py DIR PORT — writes DIR/ready once it listens, serves until SIGTERM.

  /ok           200 to HEAD and GET
  /missing      404
  /redirect/N   302 to /redirect/N-1, and /redirect/0 to /ok (a chain of N+1 redirects)
  /loop         302 to itself, for ever
  /to-ftp       302 to an ftp:// address (a protocol the checker must not follow)
  /no-head      405 to HEAD, 200 to GET
  /slow         answers after 5 seconds
  /agent        200 when the User-Agent names bdp, 400 otherwise
"""
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet
        pass

    def answer(self, status, body=b"", location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def route(self):
        path = self.path
        if path == "/ok":
            return self.answer(200, b"ok\n" * 1000)
        if path == "/missing":
            return self.answer(404, b"not found\n")
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            return self.answer(302, location="/ok" if n == 0 else "/redirect/%d" % (n - 1))
        if path == "/loop":
            return self.answer(302, location="/loop")
        if path == "/to-ftp":
            return self.answer(302, location="ftp://127.0.0.1/plik")
        if path == "/no-head":
            return self.answer(405 if self.command == "HEAD" else 200, b"get only\n")
        if path == "/slow":
            time.sleep(5)
            return self.answer(200, b"late\n")
        if path == "/agent":
            agent = self.headers.get("User-Agent", "")
            return self.answer(200 if "bdp" in agent else 400, agent.encode())
        return self.answer(404, b"no such page\n")

    def do_HEAD(self):
        self.route()

    def do_GET(self):
        self.route()


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    with open(os.path.join(directory, "ready"), "w") as ready:
        ready.write("ready\n")
    server.serve_forever()


if __name__ == "__main__":
    main()
