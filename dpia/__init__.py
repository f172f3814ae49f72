"""DPIA workbench for Dutch schools: a checked register of pupil-data flows.

Data flows one way: files (``dpia.store``) → model (``dpia.model``) → graph and rules → figures,
widgets and reports. Only the save path in ``dpia.store`` writes back, and it goes through the model.
"""

from .model import Register
from .store import LoadedRegister, Problem, RegisterInvalid, load

__all__ = ["LoadedRegister", "Problem", "Register", "RegisterInvalid", "load"]
__version__ = "0.1.0"
