"""Analyses of a loaded register: plain functions over the model that return plain data.

:mod:`~dpia.analysis.tables` (the register as pandas tables), :mod:`~dpia.analysis.graph` (the flow
graph), :mod:`~dpia.analysis.scope` (what a DPIA covers), :mod:`~dpia.analysis.screening` (is a DPIA
needed), :mod:`~dpia.analysis.processing` (the processing activities), :mod:`~dpia.analysis.risk`,
:mod:`~dpia.analysis.actionplan`, :mod:`~dpia.analysis.promises`, :mod:`~dpia.analysis.breach`,
:mod:`~dpia.analysis.access_request`, :mod:`~dpia.analysis.art30`, :mod:`~dpia.analysis.summary`, and
:mod:`~dpia.analysis.reads` (what a check read, for the incremental check). The rules
(``dpia.rules``) are built on these; nothing here knows about rules.
"""
