#!/usr/bin/python3
"""The soak: a mixed load at 80 % of the measured peak, with faults on the way.

Run by scripts/soak, which brings up a stack of its own (MMX_VAR, MMX_PORT) with a
small filesystem over its upload directory, and takes it down afterwards. Python 3 from
Debian, standard library only: threads send the requests (http.client, keep-alive), one
more thread injects the faults, and the main thread prints the table.

    soak.py --var DIR --port N --repo DIR --seconds S [--upload-fs tmpfs|loop|none]

Per fault it prints the requests that failed and for how long; then, over the whole run,
5xx outside fault windows, messages lost or duplicated (every recipient synced to the
end), dangling rows and files, and the workers' RSS and open fds at start and end. It
exits 1 when a figure that must be 0 is not.
"""

import argparse
import http.client
import json
import os
import random
import signal
import struct
import subprocess
import sys
import threading
import time
import zlib

USERS = 24
PASSWORD = "soak-password-0123456789"
# Share of each kind of operation in the mix (reads, sends, syncs, logins, uploads).
MIX = [("read", 40), ("send", 25), ("sync", 25), ("login", 5), ("upload", 5)]
# Seconds after a fault's action ends that still belong to its window: a request queued
# behind the fault (a worker waiting to reconnect, a busy CI machine) may finish that late.
GRACE = 5.0


def log(line):
    print(line, flush=True)


# --- the stack -----------------------------------------------------------------------


class Stack:
    def __init__(self, var, port, repo):
        self.var, self.port, self.repo = var, port, repo
        self.env = {}
        with open(os.path.join(var, "env.sh")) as f:
            for line in f:
                if line.startswith("export MMX_DB_") or line.startswith("export MMX_RUN_DIR"):
                    name, _, value = line[len("export "):].strip().partition("=")
                    self.env[name] = value.strip("'")
        self.run_dir = self.env["MMX_RUN_DIR"]

    def stack(self, command):
        return subprocess.run([os.path.join(self.repo, "scripts/stack"), command],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def sql(self, statement):
        env = dict(os.environ, MYSQL_PWD=self.env.get("MMX_DB_PASSWORD", ""))
        out = subprocess.run(
            ["mariadb", "--no-defaults", "--batch", "--skip-column-names",
             "--socket=" + self.env["MMX_DB_SOCKET"], "--user=" + self.env["MMX_DB_USER"],
             self.env["MMX_DB_NAME"], "-e", statement],
            env=env, capture_output=True, text=True, check=True)
        return [line.split("\t") for line in out.stdout.splitlines()]

    def supervisor(self):
        try:
            with open(os.path.join(self.run_dir, "mmx.pid")) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def workers(self):
        sup = self.supervisor()
        if sup is None:
            return []
        try:
            with open(f"/proc/{sup}/task/{sup}/children") as f:
                return [int(p) for p in f.read().split()]
        except OSError:
            return []

    def worker_footprint(self):
        """(mean RSS in KB, mean open fds) over the workers now alive."""
        rss, fds = [], []
        for pid in self.workers():
            try:
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            rss.append(int(line.split()[1]))
                fds.append(len(os.listdir(f"/proc/{pid}/fd")))
            except OSError:
                continue
        if not rss:
            return (0, 0, 0)
        return (sum(rss) // len(rss), sum(fds) / len(fds), len(rss))


# --- HTTP ----------------------------------------------------------------------------


class Client:
    """One keep-alive connection to nginx; reconnects after any transport error."""

    def __init__(self, port):
        self.port = port
        self.conn = None

    def request(self, path, fields=None, headers=None, files=None):
        headers = dict(headers or {})
        if files:
            boundary = "soak%016x" % random.getrandbits(64)
            body = multipart(boundary, fields or {}, files)
            headers["Content-Type"] = "multipart/form-data; boundary=" + boundary
        else:
            body = urlencode(fields or {}).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.conn.request("POST", path, body=body, headers=headers)
            r = self.conn.getresponse()
            data = r.read()
            answer_headers = {k.lower(): v for k, v in r.getheaders()}
            if r.getheader("connection", "").lower() == "close":
                self.close()
        except (OSError, http.client.HTTPException):
            self.close()
            return 0, {}, None
        try:
            envelope = json.loads(data)
        except ValueError:
            envelope = None
        return r.status, answer_headers, envelope

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


def urlencode(fields):
    from urllib.parse import quote
    return "&".join(quote(k, safe="") + "=" + quote(str(v), safe="") for k, v in fields.items())


def multipart(boundary, fields, files):
    out = []
    for k, v in fields.items():
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                   .encode())
    for name, (filename, data, ctype) in files.items():
        out.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                   f'filename="{filename}"\r\nContent-Type: {ctype}\r\n\r\n'.encode())
        out.append(data + b"\r\n")
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out)


def png(width=8, height=8):
    """A small solid-colour PNG, a new colour each time."""
    colour = bytes(random.randrange(256) for _ in range(3))
    raw = b"".join(b"\x00" + colour * width for _ in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# --- the phones ----------------------------------------------------------------------


class User:
    def __init__(self, mobile, client):
        self.mobile, self.client = mobile, client
        # The load's logins come from the user's second phone: a login replaces the
        # session of its own client only, so the first phone's token stays good.
        self.second_client = client + "B"
        self.uid = self.token = ""
        self.friends = []
        self.lock = threading.Lock()
        self.cursor = ""

    def headers(self):
        return {"client": self.client, "uid": self.uid, "accessToken": self.token}


def must(result, what):
    status, _, env = result
    if status != 200 or not env or not env.get("success"):
        raise RuntimeError(f"{what}: HTTP {status} {env}")
    return result


def sms_code(stack, mobile):
    with open(os.path.join(stack.var, "sms-outbox.jsonl")) as f:
        codes = [json.loads(line) for line in f if mobile in line]
    return [c["code"] for c in codes if c["mobile"] == mobile and c["purpose"] == "register"][-1]


def login(client, user):
    result = client.request("/user/user!login",
                            {"userVO.userName": user.mobile, "userVO.password": PASSWORD},
                            {"client": user.client})
    status, headers, env = result
    if status == 200 and env and env.get("success"):
        with user.lock:
            user.uid, user.token = headers.get("uid", ""), headers.get("accesstoken", "")
    return result


def make_users(stack, client):
    prefix = "19%d" % random.randrange(1000, 9999)
    users = []
    for i in range(USERS):
        user = User(prefix + "%05d" % random.randrange(100000), "SOAK%012x" % random.getrandbits(48))
        must(client.request("/user/user!sendRegisterCode", {"userVO.userMobile": user.mobile},
                            {"client": user.client}), "sendRegisterCode")
        must(client.request("/user/user!register",
                            {"userVO.userMobile": user.mobile, "userVO.password": PASSWORD,
                             "telSecurityCode": sms_code(stack, user.mobile)},
                            {"client": user.client}), "register")
        must(login(client, user), "login")
        users.append(user)
    # A ring of friends: each user writes to the two beside it.
    for i, user in enumerate(users):
        other = users[(i + 1) % len(users)]
        status, _, env = must(client.request("/user/friend!invite",
                                             {"mode": "3", "friendId": other.uid},
                                             user.headers()), "invite")
        if env.get("data", {}).get("state") != "added":
            must(client.request("/user/friend!accept", {"friendId": user.uid}, other.headers()),
                 "accept")
        user.friends.append(other)
        other.friends.append(user)
    return users


class Load:
    """What every request did, and every message the server said it stored."""

    def __init__(self, stack, users):
        self.stack, self.users = stack, users
        self.lock = threading.Lock()
        self.events = []  # (time, kind, status, ok, code)
        self.sent = {}    # content -> (sender uid, recipient uid, acknowledged)
        self.serial = 0

    def record(self, kind, status, ok, code):
        with self.lock:
            self.events.append((time.monotonic(), kind, status, ok, code))

    def next_serial(self):
        with self.lock:
            self.serial += 1
            return self.serial

    def one(self, client, kind):
        user = random.choice(self.users)
        if kind == "read":
            path = random.choice(["/user/user!readUser", "/user/friend!list",
                                  "/chat/message!conversations"])
            result = client.request(path, {}, user.headers())
        elif kind == "send":
            friend = random.choice(user.friends)
            content = "soak-%d-%s" % (self.next_serial(), user.uid)
            with self.lock:
                self.sent[content] = (user.uid, friend.uid, False)
            result = client.request("/chat/message!send",
                                    {"toUserId": friend.uid, "msgType": "text",
                                     "content": content}, user.headers())
            if result[0] == 200 and result[2] and result[2].get("success"):
                with self.lock:
                    self.sent[content] = (user.uid, friend.uid, True)
        elif kind == "sync":
            with user.lock:
                cursor = user.cursor
            result = client.request("/chat/message!sync", {"cursor": cursor, "count": "100"},
                                    user.headers())
            if result[0] == 200 and result[2] and result[2].get("success"):
                with user.lock:
                    user.cursor = result[2]["data"]["cursor"]
        elif kind == "login":
            result = client.request("/user/user!login",
                                    {"userVO.userName": user.mobile, "userVO.password": PASSWORD},
                                    {"client": user.second_client})
        else:
            result = client.request("/chat/media!upload", {"kind": "image"}, user.headers(),
                                    {"file": ("soak.png", png(), "image/png")})
        status, _, env = result
        ok = status == 200 and bool(env) and bool(env.get("success"))
        code = (env or {}).get("code", "-") if status else "no answer"
        self.record(kind, status, ok, code)


def pick(mix):
    total = sum(w for _, w in mix)
    r = random.uniform(0, total)
    for kind, w in mix:
        r -= w
        if r <= 0:
            return kind
    return mix[-1][0]


def run_load(load, port, threads, seconds, rate=None):
    """Sends the mix from `threads` threads for `seconds`; at most `rate` requests a
    second in all when given (each thread keeps its share of the schedule)."""
    stop_at = time.monotonic() + seconds

    def worker(index):
        client = Client(port)
        interval = threads / rate if rate else 0
        due = time.monotonic() + (interval * index / threads if rate else 0)
        while True:
            now = time.monotonic()
            if now >= stop_at:
                break
            if rate:
                if due > now:
                    time.sleep(due - now)  # pacing the load, not waiting for an event
                due += interval
                if due < time.monotonic() - 1:  # fell behind (a fault): do not burst
                    due = time.monotonic()
            load.one(client, pick(MIX))
        client.close()

    pool = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()


# --- the faults ----------------------------------------------------------------------


class Fault:
    def __init__(self, name):
        self.name, self.start, self.end, self.note = name, None, None, ""


def wait_until(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)  # polling /proc and the stack's state; no event to wait on
    return predicate()


def kill_worker(stack, fault):
    workers = stack.workers()
    if not workers:
        fault.note = "no worker found"
        return
    victim = random.choice(workers)
    os.kill(victim, signal.SIGKILL)
    replaced = wait_until(lambda: victim not in stack.workers() and
                          len(stack.workers()) == len(workers), 30)
    fault.note = f"pid {victim}" + ("" if replaced else ", not replaced within 30 s")


def restart_db(stack, fault):
    r = stack.stack("restart-db")
    if r.returncode != 0:
        fault.note = "scripts/stack restart-db failed: " + r.stderr.strip()[-200:]


def fill_disk(stack, fault, hold):
    upload = os.path.join(stack.var, "upload")
    filler = os.path.join(upload, ".soak-filler")
    written = 0
    with open(filler, "wb", buffering=0) as f:
        for size in (1 << 20, 4096, 1):  # big blocks, then the last crumbs
            try:
                while True:
                    written += f.write(b"\0" * size)
            except OSError:
                pass
    st = os.statvfs(upload)
    fault.note = f"{written >> 20} MB written, {st.f_bavail * st.f_frsize >> 10} KB left"
    time.sleep(hold)  # the disk stays full this long, on purpose
    os.remove(filler)


def restart_pool(stack, fault):
    r = stack.stack("restart-pool")
    if r.returncode != 0:
        fault.note = "scripts/stack restart-pool failed: " + r.stderr.strip()[-200:]


def inject(stack, seconds, upload_fs, faults):
    plan = [(0.15, "worker SIGKILL", lambda f: kill_worker(stack, f)),
            (0.35, "MariaDB restart", lambda f: restart_db(stack, f)),
            (0.55, "upload disk full", lambda f: fill_disk(stack, f, max(2.0, seconds * 0.05))),
            (0.75, "pool SIGTERM + start", lambda f: restart_pool(stack, f))]
    begun = time.monotonic()
    for share, name, action in plan:
        fault = Fault(name)
        faults.append(fault)
        if name == "upload disk full" and upload_fs == "none":
            fault.note = "skipped: no small filesystem over the upload dir (needs root)"
            continue
        delay = begun + seconds * share - time.monotonic()
        if delay > 0:
            time.sleep(delay)  # the fault's place in the schedule
        fault.start = time.monotonic()
        action(fault)
        fault.end = time.monotonic()


# --- the checks ----------------------------------------------------------------------


def sync_to_end(client, user):
    seen = {}
    cursor = ""
    for _ in range(100000):
        result = must(client.request("/chat/message!sync", {"cursor": cursor, "count": "200"},
                                     user.headers()), "final sync")
        data = result[2]["data"]
        for item in data["items"]:
            if item["kind"] == "message":
                m = item["message"]
                seen.setdefault(m.get("content", ""), set()).add(m["messageId"])
        cursor = data["cursor"]
        if not data["hasMore"]:
            return seen
    raise RuntimeError("sync never reached the end")


def message_figures(load, client):
    # The check's client sat idle through the load: nginx has closed its kept-alive
    # connection by now (keepalive_timeout), so it starts on a new one.
    client.close()
    feeds = {}
    for user in load.users:
        must(login(client, user), "final login")
        feeds[user.uid] = sync_to_end(client, user)
    lost = duplicated = in_doubt_stored = 0
    for content, (sender, recipient, acked) in load.sent.items():
        for uid in (recipient, sender):
            ids = feeds[uid].get(content, set())
            if len(ids) > 1:
                duplicated += 1
            if acked and not ids:
                lost += 1
        if not acked and feeds[recipient].get(content):
            in_doubt_stored += 1
    acked = sum(1 for v in load.sent.values() if v[2])
    return acked, len(load.sent) - acked, lost, duplicated, in_doubt_stored


def dangling(stack, users):
    """This run's upload rows without their file, and its files (named "<uid>_...", or
    anything else left in the directory, a half-written file) without their row."""
    upload = os.path.join(stack.var, "upload")
    owners = ",".join(str(int(u.uid)) for u in users)
    rows = {r[0] for r in stack.sql(
        f"SELECT name FROM upload WHERE name LIKE 'chat/%' AND owner_id IN ({owners})")}
    ours = tuple(u.uid + "_" for u in users)
    files = set()
    for root, _, names in os.walk(os.path.join(upload, "chat")):
        for name in names:
            # The upload dir is a fresh filesystem each run: whatever is there that is
            # not one of our users' files was left by a failed upload.
            if name.startswith(ours) or not name[:1].isdigit():
                files.add(os.path.relpath(os.path.join(root, name), upload))
    missing_files = len([r for r in rows if r not in files])
    stray_files = len([f for f in files if f not in rows])
    return missing_files, stray_files


def breakdown(events):
    """'send 500 SERVER_ERROR x3, upload 200 BAD_PARAM x1': what failed, how often."""
    counts = {}
    for e in events:
        key = f"{e[1]} {e[2]} {e[4]}"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{k} x{n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def table(faults, load, figures, footprint, dangling_counts):
    windows = [(f.start, f.end + GRACE) for f in faults if f.start is not None]

    def in_window(t):
        return any(a <= t <= b for a, b in windows)

    log("")
    log("fault                    requests failed   for (s)   note")
    for f in faults:
        if f.start is None:
            log(f"{f.name:<24} {'-':>15} {'-':>9}   {f.note}")
            continue
        failed = [e for e in load.events if f.start <= e[0] <= f.end + GRACE and not e[3]]
        span = (failed[-1][0] - failed[0][0]) if failed else 0.0
        log(f"{f.name:<24} {len(failed):>15} {span:>9.2f}   {f.note}")
        if failed:
            log(f"{'':<24} {breakdown(failed)}")
    outside_5xx = [e for e in load.events if not in_window(e[0]) and (e[2] == 0 or e[2] >= 500)]
    outside_failed = [e for e in load.events if not in_window(e[0]) and not e[3]]
    acked, unacked, lost, duplicated, in_doubt = figures
    missing_files, stray_files = dangling_counts
    (rss0, fds0, n0), (rss1, fds1, n1) = footprint
    log("")
    log(f"requests                          {len(load.events)}")
    log(f"5xx or no answer outside faults   {len(outside_5xx)}   (must be 0)")
    others = [e for e in outside_failed if e not in outside_5xx]
    log(f"other failures outside faults     {len(others)}" + (f"   ({breakdown(others)})" if others else ""))
    if outside_5xx:
        log(f"    the 5xx: {breakdown(outside_5xx)}")
    log(f"messages acknowledged             {acked}  (failed sends: {unacked}, of which stored: {in_doubt})")
    log(f"messages lost                     {lost}   (must be 0)")
    log(f"messages duplicated               {duplicated}   (must be 0)")
    log(f"upload rows without their file    {missing_files}   (must be 0)")
    log(f"files without their upload row    {stray_files}   (must be 0)")
    log(f"worker RSS (KB, mean)             start {rss0}  end {rss1}")
    log(f"worker open fds (mean)            start {fds0:.1f}  end {fds1:.1f}  ({n0} / {n1} workers)")
    bad = len(outside_5xx) + lost + duplicated + missing_files + stray_files
    return bad == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--var", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--upload-fs", default="tmpfs")
    args = parser.parse_args()

    stack = Stack(args.var, args.port, args.repo)
    client = Client(args.port)
    log(f"==> {USERS} users, a ring of friends")
    users = make_users(stack, client)

    probe = Load(stack, users)
    probe_seconds = min(10.0, max(3.0, args.seconds * 0.05))
    log(f"==> measuring the peak: {args.threads} threads flat out for {probe_seconds:.0f} s")
    began = time.monotonic()
    run_load(probe, args.port, args.threads, probe_seconds)
    peak = len(probe.events) / (time.monotonic() - began)
    rate = 0.8 * peak
    log(f"    peak {peak:.0f} requests/s; the soak sends {rate:.0f}/s for {args.seconds:.0f} s")

    load = Load(stack, users)
    load.sent = probe.sent  # the probe's messages are checked too
    load.serial = probe.serial
    footprint_start = stack.worker_footprint()
    faults = []
    injector = threading.Thread(target=inject, args=(stack, args.seconds, args.upload_fs, faults),
                                daemon=True)
    injector.start()
    run_load(load, args.port, args.threads, args.seconds, rate)
    injector.join()
    footprint_end = stack.worker_footprint()
    log("==> syncing every user to the end")
    figures = message_figures(load, client)
    ok = table(faults, load, figures, (footprint_start, footprint_end), dangling(stack, load.users))
    log("PASS" if ok else "FAIL: a figure that must be 0 is not")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
