"""Every record type the warehouse holds, in one list: the DDL is derived from it."""
from schemas.improvement import AipAction, AipMetric, AipMetricUnplaced, AipPriority, ImprovementGridAction
from schemas.meetings import (
    ActionLogEntry,
    Attendance,
    Declaration,
    Meeting,
    MinuteItem,
    Resolution,
    Vote,
    VoteMember,
)
from schemas.ofsted import (
    MonitoringVisit,
    MonitoringVisitArea,
    MonitoringVisitFinding,
    OfstedInspection,
    OfstedJudgement,
    OfstedRecommendation,
)
from schemas.provenance import DocumentRow, ParseWarning, SourceRow
from schemas.record import Record
from schemas.scorecards import (
    ScorecardCommentary,
    ScorecardCommentaryLink,
    ScorecardFact,
    ScorecardRisk,
    ScorecardValue,
)

PROVENANCE_MODELS = [SourceRow, DocumentRow, ParseWarning]

RECORD_MODELS: list[type[Record]] = [
    OfstedInspection,
    OfstedJudgement,
    OfstedRecommendation,
    MonitoringVisit,
    MonitoringVisitArea,
    MonitoringVisitFinding,
    Meeting,
    Attendance,
    Declaration,
    MinuteItem,
    Resolution,
    ActionLogEntry,
    Vote,
    VoteMember,
    ScorecardValue,
    ScorecardRisk,
    ScorecardCommentary,
    AipPriority,
    AipAction,
    AipMetric,
    AipMetricUnplaced,
    ImprovementGridAction,
]

# Written by stages after parsing (dedupe), not by parsers.
DERIVED_MODELS: list[type[Record]] = [ScorecardFact, ScorecardCommentaryLink]

MODEL_BY_TABLE = {m.table: m for m in PROVENANCE_MODELS + RECORD_MODELS + DERIVED_MODELS}
