"""summarizer: German business news in, a typed English summary with grounded deal fields out.

>>> from summarizer import summarize
>>> summary = summarize(open("examples/amazon-openai-50bn-talks.txt").read())
>>> summary.deals[0].amount.english
'up to $50 billion'

Everything a user needs is exported here (a test pins the list); the modules behind it are
the implementation and may change.
"""

from .batch import BatchResult, Via, asummarize_many, summarize_many
from .config import DealMode, Settings
from .errors import BackendError, ConfigError, FailureCause, InputError, SummarizerError
from .models import (
    ArticleSummary,
    Deal,
    DealKind,
    DealStatus,
    Direction,
    MarketMove,
    MoneyFigure,
    PercentFigure,
    Provenance,
    Usage,
)
from .money import Money, Percent, Qualifier, find_money, find_percents, parse_money, parse_percent
from .pipeline import asummarize, summarize
from .render import DIGEST_FORMATS, render_digest
from .stories import Digest, build_digest

__all__ = [
    "DIGEST_FORMATS",
    "ArticleSummary",
    "BackendError",
    "BatchResult",
    "ConfigError",
    "Deal",
    "DealKind",
    "DealMode",
    "DealStatus",
    "Digest",
    "Direction",
    "FailureCause",
    "InputError",
    "MarketMove",
    "Money",
    "MoneyFigure",
    "Percent",
    "PercentFigure",
    "Provenance",
    "Qualifier",
    "Settings",
    "SummarizerError",
    "Usage",
    "Via",
    "asummarize",
    "asummarize_many",
    "build_digest",
    "find_money",
    "find_percents",
    "parse_money",
    "parse_percent",
    "render_digest",
    "summarize",
    "summarize_many",
]
