"""CPU overhead of one ``newsweave watch`` cycle over 1,000 feeds served locally, when nothing changed.

A separate process serves N small RSS feeds on loopback (each with an ETag, answering 304 to a
matching If-None-Match). The first cycle fetches, stores and analyses every feed (language stage
only: the analysis is not what is measured); the following cycles find every feed unchanged. The
figure is the polling process's CPU time (``time.process_time``, user + system, server excluded)
per unchanged cycle. Goal (issue 11): <= 1 CPU-second per unchanged cycle of 1,000 feeds.
The per-host politeness delay is set to 0, since every feed is on the one loopback host.

    python benchmarks/bench_watch.py              # 1,000 feeds, 3 unchanged cycles
    python benchmarks/bench_watch.py --feeds 200 --cycles 5
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsweave.pipeline import Pipeline
from newsweave.store import open_store
from newsweave.watch.poll import Poller
from newsweave.watch.service import Service
from newsweave.watch.sources import add_source


def _feed(n: int) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title><link>http://f.test/{n}</link>'
            f"<description>d</description><item><title>Story {n}</title><link>http://f.test/{n}/1</link>"
            f"<description>Report number {n}: the harbour council met on Monday to discuss the budget of feed {n} "
            f"and the new railway bridge.</description></item></channel></rss>").encode()


def _serve(port_out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

        def do_GET(self) -> None:
            n = int(self.path.rsplit("/", 1)[1])
            etag = f'"{n}-v1"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = _feed(n)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_out.put(httpd.server_address[1])
    httpd.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--cycles", type=int, default=3, help="unchanged cycles measured")
    args = parser.parse_args()
    ports: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(target=_serve, args=(ports,), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ports.get(timeout=30)}"
    try:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
            for n in range(args.feeds):
                add_source(store, f"{base}/feed/{n}", interval_s=600)
            svc = Service(store, pipeline=Pipeline(["language"]), poller=Poller(allow_private=True, host_delay_s=0))
            cpu, wall = time.process_time(), time.perf_counter()
            first = svc.run_cycle(now=0.0)
            print(f"first cycle: {first.polled} feeds polled, {first.added} articles added and analysed, "
                  f"{time.process_time() - cpu:.2f} CPU-s, {time.perf_counter() - wall:.2f} s wall")
            print("| cycle | feeds polled | unchanged (304) | CPU-s | wall s |")
            print("|---|---|---|---|---|")
            figures = []
            for cycle in range(1, args.cycles + 1):
                cpu, wall = time.process_time(), time.perf_counter()
                report = svc.run_cycle(now=600.0 * cycle)
                used = time.process_time() - cpu
                figures.append(used)
                print(f"| {cycle} | {report.polled} | {report.not_modified} | {used:.3f} | "
                      f"{time.perf_counter() - wall:.2f} |")
            svc.poller.close()
            print(f"unchanged cycle of {args.feeds} feeds: median {sorted(figures)[len(figures) // 2]:.3f} CPU-s "
                  f"(goal <= 1.0 per 1,000 feeds)")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
