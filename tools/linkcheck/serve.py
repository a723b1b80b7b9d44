"""A static file server for the link check: Python's own http.server (threading), serving a
folder on 127.0.0.1 the way a plain web server would (content types from the file names).

One addition: every answer carries a `LinkChecker` header. LinkChecker reads it as the site's
consent to be crawled faster than its default of about 3 requests a second per host; without
it a 20-page site takes 20 s to check.

    python serve.py PORT FOLDER
"""
from __future__ import annotations

import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Handler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass  # quiet: the crawl's own report says what was fetched


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A crawler that closes a connection early (it had what it needed) is no error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def main() -> None:
    port, folder = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=folder)
    with Server(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
