"""DPIA workbench for Dutch schools: a checked register of pupil-data flows.

Data flows one way: files (``dpia.io.store``) → model (``dpia.model``) → graph and rules → figures,
widgets and reports. Only the save path in ``dpia.io.store`` writes back, and it goes through the model.

The names below are imported on first use, so that a module that needs only the standard library
(``dpia.documents.browser``, which ``make`` runs before the virtual environment exists) imports without pydantic.
"""

from importlib import import_module
from typing import Any

__all__ = ["LoadedRegister", "Problem", "Register", "RegisterInvalid", "load"]
__version__ = "0.1.0"

_HOME = {"Register": "model", "LoadedRegister": "io.store", "Problem": "io.problems", "RegisterInvalid": "io.problems",
         "load": "io.store"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
