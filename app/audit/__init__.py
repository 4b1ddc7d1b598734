"""Self-audit: the rule checklist and its scoring, the member behaviour scan (import, metrics,
rule-1 flags), the WeCom API client, and the reports. Plain Python: never imports Qt.

- ``checklist``  questions as data (``resources/audit/checklist.toml``), pydantic models
- ``scoring``    ANSWERS.json model, scores, risk level, findings, plan, trend
- ``sources``, ``columns``, ``xlsx``, ``engine_sql``, ``behaviour``  behaviour-file import
- ``risk``       thresholds (``resources/audit/thresholds.toml``) and rule-1 flags
- ``api``        ``get_user_behavior_data`` client
- ``report``, ``pdfkit``, ``exports``  PDF reports, CSV/JSON exports
- ``commands``   the ``audit`` and ``scan`` CLI commands
"""
