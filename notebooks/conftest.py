"""nbval settings for the workbench notebooks.

The cells that state results are compared as text; pandas' HTML rendering changes between pandas
versions, so HTML outputs are not compared (their text/plain twin is).
"""


def pytest_collectstart(collector):
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("text/html", "application/javascript", "application/vnd.jupyter.widget-view+json")
