"""What people read: the MR report, the parents' letter and privacy statement, figures, the data
map, the rule reference, and the PDF printer (Debian's chromium).

Every document is built from the register and the check's findings; nothing here writes back.
``python -m dpia.documents.browser`` runs with the system's Python before the virtual environment
exists, so this package's ``__init__`` imports nothing.
"""
