"""nbval settings for the workbench notebooks.

The cells that state results are compared as text; pandas' HTML rendering changes between pandas
versions, so HTML outputs are not compared (their text/plain twin is).

The stored outputs are the assessment as reviewed on one date, for one register and DPIA: the run pins
them through the environment (``DPIA_ON``, ``DPIA_REGISTER``, ``DPIA_ID``; the Makefile sets the same
values), and the picker's saved choice is kept out, so no notebook needs a hard-coded date.

The kernels that run the notebooks under test make no network connections: an IPython startup file
(in a temporary IPYTHONDIR) installs an audit hook that refuses name lookups and connections to
anything but this machine, so a notebook that reaches out fails its test with the address it tried.
"""

import os
import shutil
import tempfile
from pathlib import Path

NO_NETWORK = '''
import ipaddress as _ipaddress
import sys as _sys


def _dpia_local(host):
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or host in ("", "localhost"):
        return True
    try:
        return _ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _dpia_no_network(event, args):
    if event == "socket.getaddrinfo":
        host = args[0]
    elif event in ("socket.connect", "socket.sendto"):
        address = args[1]
        if not isinstance(address, tuple):  # a Unix socket: a file on this machine
            return
        host = address[0]
    else:
        return
    if not _dpia_local(host):
        raise ConnectionRefusedError(f"network access from a notebook under test: {host!r} (only this machine is allowed)")


_sys.addaudithook(_dpia_no_network)
'''

REVIEWED_ON = "2026-11-29"  # keep equal to REVIEWED_ON in the Makefile (tests/test_notebooks.py checks)
REVIEWED = {
    "DPIA_ON": REVIEWED_ON,
    "DPIA_REGISTER": str(Path(__file__).resolve().parents[1] / "data" / "omo-helmond"),
    "DPIA_ID": "dpia-magister",
}


def pytest_configure(config):
    for name, value in REVIEWED.items():
        os.environ.setdefault(name, value)  # a run on another register (DPIA_REGISTER=...) keeps its own
    folder = Path(tempfile.mkdtemp(prefix="dpia-ipython-"))
    os.environ["DPIA_CHOICE"] = str(folder / "no-choice.json")  # a choice made in the picker stays out
    (folder / "profile_default" / "startup").mkdir(parents=True)
    (folder / "profile_default" / "startup" / "00-no-network.py").write_text(NO_NETWORK, encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(folder)  # read by the kernels nbval starts
    config._dpia_ipythondir = folder


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "_dpia_ipythondir", ""), ignore_errors=True)


def pytest_collectstart(collector):
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("text/html", "application/javascript", "application/vnd.jupyter.widget-view+json")
