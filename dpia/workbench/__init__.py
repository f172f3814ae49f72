"""The officer's workbench in JupyterLab: the helpers the notebooks call, the widgets and the forms.

Notebooks stay thin: ``from dpia import workbench as wb`` and a cell calls one of these. The helpers
live in :mod:`~dpia.workbench.notebook`; the forms and views in :mod:`~dpia.workbench.controls`
(their building blocks), :mod:`~dpia.workbench.editors`, :mod:`~dpia.workbench.widgets`,
:mod:`~dpia.workbench.suppliers` and :mod:`~dpia.workbench.history`.
"""

# What the notebooks reach as wb.*: the modules they call into, and the helpers of dpia.workbench.notebook.
from dpia.documents import datamap, inventory, report
from dpia.workbench import editors, suppliers, widgets
from dpia.workbench.display import readable, Text
from dpia.workbench.notebook import (action_plan_table, assess, breach_moment, chosen_dpia, dpias_table, findings_of, Header, header, history, open_register, overview, problem_flows, processings_table, risk_map, risk_table, risks_text, screening_text, show_figure, supplier_explorer, supplier_table)

__all__ = ["Header", "Text", "action_plan_table", "assess", "breach_moment", "chosen_dpia", "datamap", "dpias_table",
           "editors", "findings_of", "header", "history", "inventory", "open_register", "overview", "problem_flows",
           "processings_table", "readable", "report", "risk_map", "risk_table", "risks_text", "screening_text",
           "show_figure", "supplier_explorer", "supplier_table", "suppliers", "widgets"]
