"""Word lists for boilerplate removal: data only, no logic. Keep each list small and multilingual.

Sections are owned by the stage that reads them: `clean.text` and `clean.html` both import from here.
"""

from __future__ import annotations
