#!/usr/bin/env python3
"""A stand-in for the Sprint Export API, for the `fetch` tests (FetchEndToEndTests.swift).

A real HTTP server (Python's standard library only) on 127.0.0.1 and an ephemeral port. It
prints the port on its first line of standard output, then serves one scenario, chosen on
the command line, and appends every request it sees (method, host, path, query, headers,
JSON body) as one JSON line to the log file. The tests read that log to check what the
client sent: the key only where it may go, the query, the body.

    fake-export-api.py --scenario happy --log requests.jsonl --export file.csv.gz --key KEY

The API paths check the `authorization` header against `ApiKey KEY` (401 otherwise); the
"storage" path (/storage/…, reached as `localhost` rather than 127.0.0.1, so as another
host) checks nothing: it stands for a signed download URL.
"""
import argparse
import email.utils
import json
import signal
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CREATE_PATH = "/v2/insights/sprint/exports"
POLL_PREFIX = "/v2/insights/sprints/exports/"

HTML_PAGE = b"""<!DOCTYPE html>
<html><head><title>Sign in</title></head>
<body><h1>Sign in to continue</h1><form action="/login"><input name="user"></form></body></html>
"""


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.counts = {}
        with open(args.export, "rb") as f:
            self.export = f.read()

    def count(self, name):
        """How many times `name` was asked for before this request (0 the first time)."""
        with self.lock:
            n = self.counts.get(name, 0)
            self.counts[name] = n + 1
            return n


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-export-api/1"

    def log_message(self, *args):
        pass

    # --- plumbing -------------------------------------------------------------

    def record(self, body):
        url = urllib.parse.urlsplit(self.path)
        entry = {
            "method": self.command,
            "host": self.headers.get("Host", ""),
            "path": url.path,
            "query": dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True)),
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "body": None,
        }
        if body:
            try:
                entry["body"] = json.loads(body)
            except ValueError:
                entry["body"] = body.decode("utf-8", "replace")
        with self.server.state.lock:
            with open(self.server.state.args.log, "a") as f:
                f.write(json.dumps(entry) + "\n")

    def send(self, status, payload=None, headers=(), raw=None, content_type="application/json", length=None):
        data = raw if raw is not None else (json.dumps(payload).encode() if payload is not None else b"")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length if length is not None else len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()
        if length is not None and length != len(data):
            # The promised length was not sent: drop the connection, as a broken transfer does.
            self.close_connection = True

    def port(self):
        return self.server.server_address[1]

    def authorised(self):
        return self.headers.get("Authorization") == "ApiKey " + self.server.state.args.key

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.record(body)
        self.route()

    def do_GET(self):
        self.record(b"")
        self.route()

    # --- the API ----------------------------------------------------------------

    def route(self):
        state = self.server.state
        scenario = state.args.scenario
        path = urllib.parse.urlsplit(self.path).path

        if path.startswith("/storage/"):
            return self.download(scenario)
        if scenario == "unauthorized":
            return self.send(401, {"message": "Invalid API key"})
        if scenario == "echo-key":
            # A careless server that repeats the header it refused.
            return self.send(401, {"message": "Invalid API key: " + (self.headers.get("Authorization") or "")})
        if not self.authorised():
            return self.send(401, {"message": "Invalid API key"})

        if self.command == "POST" and path == CREATE_PATH:
            return self.create(scenario)
        if self.command == "GET" and path.startswith(POLL_PREFIX):
            rest = path[len(POLL_PREFIX):]
            if rest.endswith("/download"):
                return self.download(scenario)
            return self.poll(scenario, rest)
        return self.send(404, {"message": "No route for " + self.command + " " + path})

    def create(self, scenario):
        n = self.server.state.count("create")
        if scenario == "rate-limited":
            if n == 0:
                return self.send(429, {"message": "Too many requests"}, headers=[("Retry-After", "2")])
            if n == 1:
                when = email.utils.formatdate(time.time() + 3, usegmt=True)
                return self.send(429, {"message": "Too many requests"}, headers=[("Retry-After", when)])
        if scenario == "server-error":
            return self.send(500, {"message": "Internal error"})
        if scenario == "bad-request":
            return self.send(400, {"message": "dateRange.end must not be before dateRange.start"})
        if scenario == "existing":
            return self.send(200, {"exportId": "exp_existing", "createdAt": "2026-04-01T10:00:00Z",
                                   "message": "Using existing export with identical parameters"})
        return self.send(202, {"exportId": "exp_" + scenario.replace("-", "_"), "createdAt": "2026-04-01T10:00:00Z",
                               "metadata": {}, "message": "Export created successfully"})

    def poll(self, scenario, export_id):
        n = self.server.state.count("poll")
        done = {"exportId": export_id, "status": "COMPLETED", "completedAt": "2026-04-01T10:01:00Z",
                "download": {"url": POLL_PREFIX + export_id + "/download", "filename": "sprint-insights.csv.gz",
                             "sizeBytes": len(self.server.state.export), "contentType": "text/csv",
                             "compression": "gzip"}}
        if scenario == "happy":
            steps = ["QUEUED", "PROCESSING", "COMPLETED"]
            status = steps[min(n, 2)]
            return self.send(200, done if status == "COMPLETED" else {"exportId": export_id, "status": status})
        if scenario == "mixed-case":
            steps = ["QUEUED", "processing", "Processing", "completed"]
            status = steps[min(n, 3)]
            answer = dict(done, status=status) if status == "completed" else {"exportId": export_id, "status": status}
            return self.send(200, answer)
        if scenario == "poll-503":
            if n in (0, 2):
                return self.send(503, {"message": "Service Unavailable"})
            if n == 1:
                return self.send(200, {"exportId": export_id, "status": "PROCESSING"})
            return self.send(200, done)
        if scenario == "flat-url":
            # Another export type's answer: a flat, absolute downloadUrl on the same host.
            return self.send(200, {"exportId": export_id, "status": "completed",
                                   "downloadUrl": "http://127.0.0.1:%d%s%s/download" % (self.port(), POLL_PREFIX, export_id)})
        if scenario == "failed":
            return self.send(200, {"exportId": export_id, "status": "FAILED", "error": "Invalid orgTreeName"})
        if scenario == "never":
            return self.send(200, {"exportId": export_id, "status": "PROCESSING"})
        if scenario == "other-host":
            # A signed URL on a storage host, given directly: the key must not go there.
            return self.send(200, dict(done, download={"url": "http://localhost:%d/storage/%s.csv.gz?sig=abc" % (self.port(), export_id)}))
        return self.send(200, done)

    def download(self, scenario):
        state = self.server.state
        path = urllib.parse.urlsplit(self.path).path
        if scenario == "redirect" and not path.startswith("/storage/"):
            # The API sends the client on to a signed URL on another host (localhost, not 127.0.0.1).
            location = "http://localhost:%d/storage/exp_redirect.csv.gz?sig=abc" % self.port()
            return self.send(302, raw=b"", headers=[("Location", location)])
        if scenario == "cut-short":
            return self.send(200, raw=state.export[: len(state.export) // 2], content_type="application/gzip",
                             length=len(state.export))
        if scenario == "truncated-gzip":
            return self.send(200, raw=state.export[: len(state.export) // 2], content_type="application/gzip")
        if scenario == "html":
            return self.send(200, raw=HTML_PAGE, content_type="text/html; charset=utf-8")
        return self.send(200, raw=state.export, content_type="application/gzip",
                         headers=[("Content-Disposition", 'attachment; filename="sprint-insights.csv.gz"')])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--export", required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args()
    # The test runner's threads block signals and a child inherits that: unblock, so that the
    # server ends on SIGTERM like any server.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    open(args.log, "w").close()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.state = State(args)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
