"""A fork server for the mutation run: each mutant's tests start from a process that has already imported
everything but the rules, so a mutant costs its tests, not the two seconds of importing pandas & co.

``python mutation/server.py serve SOCKET`` imports the libraries and the floors of dpia below the rules
(dpia.model, dpia.io, dpia.analysis), then forks a child per request; the child imports dpia.rules from
disk (the mutant), runs ``tests_for_mutant.run()`` and streams its output back. ``python mutation/server.py``
(cosmic-ray's test command) asks the server at $MUTATION_SOCKET and exits with the tests' code; without a
server it runs the tests itself.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "\x00exit="
# Seconds for one mutant's tests (the baseline runs them all: minutes on a busy machine); cosmic-ray's own
# timeout is longer (cosmic-ray.toml). Only a mutant that loops for ever reaches it.
LIMIT = int(os.environ.get("MUTATION_LIMIT", "600"))


def preload() -> None:
    import importlib
    import pkgutil

    sys.path.insert(0, os.path.dirname(HERE))
    import numpy, pandas, pydantic, networkx, pytest  # noqa: E401, F401
    import dpia.analysis, dpia.io, dpia.model  # noqa: E401

    for package in (dpia.model, dpia.io, dpia.analysis):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
    loaded = [m for m in sys.modules if m.startswith("dpia.rules") or m in ("dpia.check", "tests")]
    assert not loaded, f"the server must not hold the code under test: {loaded}"


def serve(path: str) -> None:
    sys.dont_write_bytecode = True  # a mutant leaves no .pyc behind
    preload()
    sys.path.insert(0, HERE)
    import tests_for_mutant

    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    while True:
        conn, _ = server.accept()
        request = conn.recv(64)
        if request == b"stop":
            conn.close()
            break
        pid = os.fork()
        if pid == 0:  # the child: the mutant's tests, its output into the connection
            server.close()
            os.dup2(conn.fileno(), 1)
            os.dup2(conn.fileno(), 2)
            try:
                code = tests_for_mutant.run()
            except BaseException as error:  # noqa: BLE001 - whatever the mutant breaks is a kill
                print(f"the tests could not run: {error!r}")
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        deadline = time.monotonic() + LIMIT
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                code = 124
                break
            time.sleep(0.01)
        try:
            conn.sendall(f"\n{MARK}{code}\n".encode())
        finally:
            conn.close()
    server.close()
    os.unlink(path)


def ask(path: str, request: bytes = b"run") -> int:
    """Send a request to the server; print what the tests print; the tests' exit code."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    client.sendall(request)
    chunks = []
    while data := client.recv(65536):
        chunks.append(data)
    client.close()
    text = b"".join(chunks).decode("utf-8", "replace")
    if request == b"stop":
        return 0
    body, _, code = text.rpartition(MARK)
    sys.stdout.write(body)
    return int(code.strip()) if code.strip().lstrip("-").isdigit() else 1


def main(argv: list[str]) -> int:
    if argv[:1] == ["serve"]:
        serve(argv[1])
        return 0
    if argv[:1] == ["stop"]:
        return ask(argv[1], b"stop")
    path = os.environ.get("MUTATION_SOCKET")
    if path and os.path.exists(path):
        return ask(path)
    sys.path.insert(0, HERE)
    import tests_for_mutant

    return tests_for_mutant.run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
