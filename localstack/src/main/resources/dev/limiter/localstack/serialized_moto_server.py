"""moto's DynamoDB server with requests applied one at a time.

moto_server handles requests on concurrent threads, and its TransactWriteItems is not isolated under
concurrency (two transactions can pass their conditions on the same old item, and one update is lost).
DynamoDB applies conditional writes and transactions atomically. Serialising request handling behind one
lock restores that guarantee, which concurrency tests rely on; connections stay concurrent and keep-alive.

Usage: python3 serialized_moto_server.py -H 127.0.0.1 -p PORT
"""
import argparse
import signal
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


class Serialized:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            # Materialise the body inside the lock: the backend's work happens while the WSGI app runs.
            return list(self.app(environ, start_response))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    # moto parses expressions recursively: an UpdateExpression with a few hundred actions (DynamoDB allows 300
    # operators) exceeds Python's default recursion limit and answers HTTP 500. Deeper stacks fix that.
    sys.setrecursionlimit(100000)
    threading.stack_size(256 * 1024 * 1024)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(0))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, Serialized(app), threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
