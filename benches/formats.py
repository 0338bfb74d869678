#!/usr/bin/env python3
"""Indexing speed of web pages and PDFs against the same records as plain text.

Generates MEETINGS records with quorum-gen, writes each as .txt (as generated), as a web
page (paragraphs in <p>, site navigation, cookie banner and footer around them) and as
a PDF with a text layer (tests/fixtures/formats/make.py's writer), then times
`quorum index` of each folder (best of RUNS, fresh index each run) and prints MB/s of
input and the ratio to .txt.

    python3 benches/formats.py [MEETINGS] [RUNS]
"""

import html
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "fixtures", "formats"))
import make  # noqa: E402

QUORUM = os.path.join(ROOT, "target", "release", "quorum")
GEN = os.path.join(ROOT, "target", "release", "quorum-gen")


def as_html(text):
    paras = [p for p in text.split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{'<br>'.join(html.escape(l) for l in p.splitlines())}</p>" for p in paras)
    nav = "".join(f'<li><a href="/{i}">{n}</a></li>' for i, n in enumerate(make.NAV))
    return (f"<!DOCTYPE html><html><head><title>record</title><style>p{{margin:0}}</style></head><body>"
            f"<header class=site-header><nav><ul class=menu>{nav}</ul></nav></header>"
            f"<div class=cookie-banner><p>{make.COOKIE}</p></div><main>{body}</main>"
            f"<footer><p>{make.FOOTER}</p></footer></body></html>\n")


def as_pdf(text):
    """Lines wrapped at 90 characters, 50 lines a page, paragraphs 28 pt apart."""
    lines = []
    for p in text.split("\n\n"):
        for l in p.splitlines():
            lines.extend(make.wrap(l, 90) or [""])
        lines.append(None)  # paragraph gap
    pages, cur, y = [], [], 800
    for l in lines:
        if y < 60:
            pages.append(cur)
            cur, y = [], 800
        if l is None:
            y -= 14
            continue
        cur.append((y, l))
        y -= 14
    pages.append(cur)
    streams = []
    for ops in pages:
        s, prev = ["BT", "/F1 10 Tf"], None
        for y, l in ops:
            s.append(f"72 {y} Td" if prev is None else f"0 {y - prev} Td")
            s.append(f"({make.pdf_escape(l.encode('latin-1', 'replace').decode('latin-1'))}) Tj")
            prev = y
        s.append("ET")
        streams.append("\n".join(s) + "\n")
    return make.pdf(streams)


def size(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)


def time_index(folder, runs):
    best = None
    for _ in range(runs):
        idx = tempfile.mkdtemp()
        shutil.rmtree(idx)
        t0 = time.perf_counter()
        subprocess.run([QUORUM, "index", folder, "--index", idx], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
        shutil.rmtree(idx, ignore_errors=True)
        best = dt if best is None else min(best, dt)
    return best


def main():
    meetings = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    work = tempfile.mkdtemp(prefix="quorum-formats-")
    txt = os.path.join(work, "txt")
    subprocess.run([GEN, txt, "--meetings", str(meetings), "--seed", "1"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    truth = txt + "-truth.json"
    if os.path.exists(truth):
        os.remove(truth)
    folders = {"txt": txt, "html": os.path.join(work, "html"), "pdf": os.path.join(work, "pdf")}
    for d, _, fs in os.walk(txt):
        for f in fs:
            if not f.endswith(".txt"):
                continue
            text = open(os.path.join(d, f), encoding="utf-8").read()
            rel = os.path.relpath(d, txt)
            for kind, conv, ext in (("html", as_html, ".html"), ("pdf", as_pdf, ".pdf")):
                out = os.path.join(folders[kind], rel)
                os.makedirs(out, exist_ok=True)
                data = conv(text)
                mode = "wb" if isinstance(data, bytes) else "w"
                with open(os.path.join(out, f[:-4] + ext), mode) as fh:
                    fh.write(data)
    base = None
    print(f"{meetings} meetings, best of {runs} runs of `quorum index` (fresh index)")
    print(f"{'format':6} {'MB in':>8} {'seconds':>8} {'MB/s in':>8} {'text MB/s':>10} {'time vs txt':>12}")
    text_mb = size(txt) / 1e6
    for kind in ("txt", "html", "pdf"):
        mb = size(folders[kind]) / 1e6
        s = time_index(folders[kind], runs)
        base = base or s
        print(f"{kind:6} {mb:8.2f} {s:8.2f} {mb / s:8.2f} {text_mb / s:10.2f} {s / base:11.2f}x")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
