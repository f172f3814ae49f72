"""Reading and writing: every byte that comes in or goes out passes through this floor.

:mod:`~dpia.io.problems` (the vocabulary of located problems), :mod:`~dpia.io.files` (reading within
limits, atomic writing), :mod:`~dpia.io.store` (a YAML register: load, edit, save without losing a
comment), :mod:`~dpia.io.bulk` (the CSV form), :mod:`~dpia.io.causes` (what a broken file leaves
unchecked), :mod:`~dpia.io.modules` (sector DPIAs as folders, archives or git commits),
:mod:`~dpia.io.git` (earlier versions), :mod:`~dpia.io.importer` and :mod:`~dpia.io.export`
(spreadsheets in and out), :mod:`~dpia.io.schema` (the JSON Schema of a register file),
:mod:`~dpia.io.synth` (synthetic registers).
"""
