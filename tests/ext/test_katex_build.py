"""The KaTeX render server starts even when its socket appears before it listens
(logreg_site._private_apis.start_katex_server)."""

from __future__ import annotations

import socket
import sys
import textwrap

import pytest

katex = pytest.importorskip("sphinxcontrib.katex")
from logreg_site._private_apis import start_katex_server  # noqa: E402

#: a stand-in for katex-server.js: binds its socket, and listens only a while later
LATE_LISTENER = textwrap.dedent(
    """
    import socket, sys, time
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(sys.argv[1])
    time.sleep(0.5)
    server.listen()
    server.settimeout(3)  # ends, unless connected to, 3 s after it listens
    connection, _ = server.accept()
    sys.stdin.read()  # until the build closes the pipe or ends the process
    """
)


@pytest.fixture
def server_command(monkeypatch, tmp_path):
    """Run ``script`` as the server; no real server is touched, none is left."""
    started = []
    monkeypatch.setattr(katex.KaTeXServer, "katex_server", None)
    monkeypatch.setattr("atexit.register", lambda *call: started.append(call))

    def use(script: str) -> None:
        path = tmp_path / "server.py"
        path.write_text(script, encoding="utf-8")
        monkeypatch.setattr(
            katex.KaTeXServer,
            "build_command",
            classmethod(lambda cls, socket: [sys.executable, str(path), str(socket)]),
        )

    yield use
    for terminate, server in started:
        terminate(server)


def test_the_server_is_waited_for_until_it_listens(server_command, tmp_path):
    server_command(LATE_LISTENER)
    # the library's own start-up connects once, as soon as the socket file exists
    with pytest.raises(ConnectionRefusedError):
        katex.KaTeXServer.start_server_process(tmp_path, 5.0)
    start_katex_server()
    server = katex.KaTeXServer.katex_server
    assert server is not None and server.process.poll() is None
    assert server.sock.getpeername() == str(server.rundir / "katex.sock")
    assert server.sock.type == socket.SOCK_STREAM
    start_katex_server()  # running: nothing more starts
    assert katex.KaTeXServer.katex_server is server


def test_a_server_that_exits_is_a_clear_error(server_command):
    server_command("raise SystemExit(3)")
    with pytest.raises(RuntimeError, match=r"did not listen .* \(exit code 3\)"):
        start_katex_server()
    assert katex.KaTeXServer.katex_server is None


def test_a_server_that_never_listens_is_ended_at_the_start_up_time(
    server_command, monkeypatch
):
    server_command("import time\ntime.sleep(60)")
    monkeypatch.setattr(katex, "STARTUP_TIMEOUT", 0.3)
    with pytest.raises(RuntimeError, match=r"did not listen within 0\.3 s$"):
        start_katex_server()
    assert katex.KaTeXServer.katex_server is None
