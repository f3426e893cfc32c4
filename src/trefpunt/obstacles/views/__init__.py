from .pages import obstacle_detail, obstacle_list
from .published import annual_report, dashboard, export_csv, export_json, feed
from .writing import (
    add_provision,
    add_signal,
    edit_obstacle,
    escalate,
    report,
    report_public,
    report_public_done,
    transition,
)

__all__ = [
    "add_provision",
    "add_signal",
    "annual_report",
    "dashboard",
    "edit_obstacle",
    "escalate",
    "export_csv",
    "export_json",
    "feed",
    "obstacle_detail",
    "obstacle_list",
    "report",
    "report_public",
    "report_public_done",
    "transition",
]
